/** What kind of failure an AWS call ended in: decides whether to retry, and what to tell the user. */
export type AwsErrorKind = 'throttle' | 'transient' | 'auth' | 'permission' | 'not-found' | 'validation' | 'unknown';

export interface ClassifiedAwsError {
  kind: AwsErrorKind;
  /** The AWS error code as the service named it (e.g. `AccessDenied`, `ValidationError`). */
  name: string;
  message: string;
  status?: number;
  requestId?: string;
}

const THROTTLE = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'ProvisionedThroughputExceededException',
  'TransactionInProgressException',
  'BandwidthLimitExceeded',
  'PriorRequestNotComplete',
  'EC2ThrottledException',
]);
const AUTH = new Set([
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'InvalidSignatureException',
  'AuthFailure',
  'TokenRefreshRequired',
  'CredentialsProviderError',
  'InvalidAccessKeyId',
  'InvalidToken',
  'RequestExpired',
  'MissingAuthenticationToken',
]);
const PERMISSION = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'AuthorizationError',
  'Forbidden',
  'UnauthorizedException',
  'OptInRequired',
]);
const NOT_FOUND = new Set([
  'NotFound',
  'NoSuchEntity',
  'NoSuchKey',
  'NoSuchBucket',
  'ResourceNotFoundException',
  'ParameterNotFound',
  'RepositoryNotFoundException',
  'ImageNotFoundException',
  'ClusterNotFoundException',
  'ServiceNotFoundException',
  'ChangeSetNotFound',
  'ChangeSetNotFoundException',
  'StackNotFoundException',
  'NoSuchResourceException',
  'LifecyclePolicyNotFoundException',
  'InvalidVpcID.NotFound',
  'InvalidGroup.NotFound',
]);
const VALIDATION = new Set([
  'ValidationError',
  'ValidationException',
  'InvalidParameterValue',
  'InvalidParameterValueException',
  'InvalidParameterException',
  'InvalidParameterCombination',
  'InvalidRequest',
  'InvalidRequestException',
  'MalformedPolicyDocument',
  'MalformedPolicyDocumentException',
  'InvalidInput',
  'MissingParameter',
  'InvalidParameter',
  'SerializationException',
  'AlreadyExistsException',
  'ResourceExistsException',
  'InsufficientCapabilitiesException',
  'LimitExceededException',
  'InvalidChangeSetStatus',
  'InvalidChangeSetStatusException',
]);
const TRANSIENT = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'InternalFailure',
  'InternalError',
  'InternalServerError',
  'InternalServiceError',
  'InternalServiceErrorException',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'ServerException',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'NetworkingError',
]);

interface SdkLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

export function classifyAwsError(error: unknown): ClassifiedAwsError {
  const e = (typeof error === 'object' && error !== null ? error : {}) as SdkLike;
  const name = String(e.name && e.name !== 'Error' ? e.name : (e.code ?? 'Error'));
  const message = typeof e.message === 'string' ? e.message : String(error);
  const status = e.$metadata?.httpStatusCode;
  const requestId = e.$metadata?.requestId;
  const base = { name, message, ...(status !== undefined ? { status } : {}), ...(requestId ? { requestId } : {}) };
  return { kind: kindOf(name, message, status, e.$fault), ...base };
}

function kindOf(name: string, message: string, status: number | undefined, fault: unknown): AwsErrorKind {
  if (THROTTLE.has(name) || status === 429) return 'throttle';
  if (AUTH.has(name)) return 'auth';
  if (PERMISSION.has(name)) return 'permission';
  if (NOT_FOUND.has(name)) return 'not-found';
  // CloudFormation says a stack or change set is missing with a ValidationError.
  if (name === 'ValidationError' && /does not exist/i.test(message)) return 'not-found';
  if (VALIDATION.has(name)) return 'validation';
  if (TRANSIENT.has(name) || (status !== undefined && status >= 500) || fault === 'server') return 'transient';
  if (status === 403) return 'permission';
  if (status === 404) return 'not-found';
  if (status !== undefined && status >= 400) return 'validation';
  return 'unknown';
}

export function isAwsErrorKind(error: unknown, kind: AwsErrorKind): boolean {
  return classifyAwsError(error).kind === kind;
}

/** `AccessDenied: User … is not authorized to perform …` — the AWS name is kept in front. */
export function describeAwsError(error: unknown): string {
  const c = classifyAwsError(error);
  return c.message.startsWith(c.name) ? c.message : `${c.name}: ${c.message}`;
}
