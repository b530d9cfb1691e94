export const id = 696;
export const ids = [696];
export const modules = {

/***/ 5696:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  rollback: () => (/* binding */ rollback)
});

// EXTERNAL MODULE: ./node_modules/@smithy/node-http-handler/dist-cjs/index.js
var dist_cjs = __webpack_require__(1279);
// EXTERNAL MODULE: ./node_modules/@smithy/util-retry/dist-cjs/index.js
var util_retry_dist_cjs = __webpack_require__(5518);
// EXTERNAL MODULE: ./packages/kit/src/index.ts + 31 modules
var src = __webpack_require__(4156);
;// CONCATENATED MODULE: ./packages/aws/src/clients.ts



const DEFAULT_MAX_ATTEMPTS = 5;
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
const CONNECT_TIMEOUT_MS = 5_000;
function positiveIntFromEnv(name, fallback) {
    const n = Number(process.env[name]);
    return Number.isInteger(n) && n > 0 ? n : fallback;
}
/**
 * Region, retries (adaptive, bounded: HOIST_AWS_MAX_ATTEMPTS, default 5), timeouts (HOIST_AWS_REQUEST_TIMEOUT_MS)
 * and user agent, in one place. Endpoints come from AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_<SERVICE>, which the SDK
 * reads itself; credentials from the SDK's default chain. Against a custom endpoint S3 needs path-style addressing.
 */
function clientSettings(context) {
    const maxAttempts = positiveIntFromEnv('HOIST_AWS_MAX_ATTEMPTS', DEFAULT_MAX_ATTEMPTS);
    return {
        region: context.region,
        // Two pairs, so the header reads `hoist/<version> <action>` (a single string would be escaped into one token).
        customUserAgent: [['hoist', src/* HOIST_VERSION */.TA], [context.action]],
        retryStrategy: new util_retry_dist_cjs/* AdaptiveRetryStrategy */.Y(async () => maxAttempts),
        requestHandler: new dist_cjs.NodeHttpHandler({
            connectionTimeout: CONNECT_TIMEOUT_MS,
            requestTimeout: positiveIntFromEnv('HOIST_AWS_REQUEST_TIMEOUT_MS', DEFAULT_REQUEST_TIMEOUT_MS),
            // Without this the handler only logs a warning when the timeout passes and keeps waiting for the answer.
            throwOnRequestTimeout: true,
        }),
        ...(process.env['AWS_ENDPOINT_URL'] || process.env['AWS_ENDPOINT_URL_S3'] ? { forcePathStyle: true } : {}),
    };
}
/** `createClient(STSClient, context)`: every SDK client of hoist is made here. */
function createClient(Client, context) {
    return new Client(clientSettings(context));
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./packages/aws/src/credentials.ts



/**
 * Whether credentials are configured where the SDK's default chain looks without a network probe: environment
 * keys, web identity (OIDC), container credentials, a named profile or shared files. The instance metadata
 * service is never probed here, so `auto` modes decide without delay.
 */
function hasConfiguredCredentials(env = process.env) {
    if (env['AWS_ACCESS_KEY_ID'] && env['AWS_SECRET_ACCESS_KEY'])
        return true;
    if (env['AWS_WEB_IDENTITY_TOKEN_FILE'] && env['AWS_ROLE_ARN'])
        return true;
    if (env['AWS_CONTAINER_CREDENTIALS_RELATIVE_URI'] || env['AWS_CONTAINER_CREDENTIALS_FULL_URI'])
        return true;
    if (env['AWS_PROFILE'])
        return true;
    const credentials = env['AWS_SHARED_CREDENTIALS_FILE'] || path.join(homedir(), '.aws', 'credentials');
    return existsSync(credentials);
}

;// CONCATENATED MODULE: ./packages/aws/src/errors.ts
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
function classifyAwsError(error) {
    const e = (typeof error === 'object' && error !== null ? error : {});
    const name = String(e.name && e.name !== 'Error' ? e.name : (e.code ?? 'Error'));
    const message = typeof e.message === 'string' ? e.message : String(error);
    const status = e.$metadata?.httpStatusCode;
    const requestId = e.$metadata?.requestId;
    const base = { name, message, ...(status !== undefined ? { status } : {}), ...(requestId ? { requestId } : {}) };
    return { kind: kindOf(name, message, status, e.$fault), ...base };
}
function kindOf(name, message, status, fault) {
    if (THROTTLE.has(name) || status === 429)
        return 'throttle';
    if (AUTH.has(name))
        return 'auth';
    if (PERMISSION.has(name))
        return 'permission';
    if (NOT_FOUND.has(name))
        return 'not-found';
    // CloudFormation says a stack or change set is missing with a ValidationError.
    if (name === 'ValidationError' && /does not exist/i.test(message))
        return 'not-found';
    if (VALIDATION.has(name))
        return 'validation';
    if (TRANSIENT.has(name) || (status !== undefined && status >= 500) || fault === 'server')
        return 'transient';
    if (status === 403)
        return 'permission';
    if (status === 404)
        return 'not-found';
    if (status !== undefined && status >= 400)
        return 'validation';
    return 'unknown';
}
function isAwsErrorKind(error, kind) {
    return classifyAwsError(error).kind === kind;
}
/** `AccessDenied: User … is not authorized to perform …` — the AWS name is kept in front. */
function describeAwsError(error) {
    const c = classifyAwsError(error);
    return c.message.startsWith(c.name) ? c.message : `${c.name}: ${c.message}`;
}

;// CONCATENATED MODULE: ./packages/aws/src/manifest.ts
/**
 * The AWS actions each hoist action may call: the source of docs/iam/<action>.json (least privilege), of
 * preflight's permission check, and of the test that fails when an action calls anything not listed here.
 */
const ACTION_NAMES = (/* unused pure expression or super */ null && ([
    'preflight',
    'secrets-sync',
    'build-push-multiarch',
    'quota-check',
    'cfn-validate',
    'deploy-stack',
    'rollback',
]));
const IAM_MANIFEST = {
    // Read-only, all of it: preflight is a pull-request gate. The probes are its fallback when policy simulation is
    // denied or unavailable (one cheap read per service).
    preflight: [
        { sid: 'Identity', actions: ['sts:GetCallerIdentity'] },
        { sid: 'RegionEnabled', actions: ['ec2:DescribeRegions'] },
        { sid: 'SimulatePermissions', actions: ['iam:SimulatePrincipalPolicy', 'iam:GetRole'] },
        {
            sid: 'SecretsExist',
            actions: ['secretsmanager:DescribeSecret'],
            resources: ['arn:aws:secretsmanager:*:*:secret:*'],
        },
        { sid: 'BucketAvailable', actions: ['s3:ListBucket'] },
        { sid: 'ImageRepository', actions: ['ecr:DescribeRepositories', 'ecr:GetLifecyclePolicy'] },
        { sid: 'QuotaValues', actions: ['servicequotas:GetServiceQuota', 'servicequotas:GetAWSDefaultServiceQuota'] },
        {
            sid: 'QuotaUsage',
            actions: [
                'ec2:DescribeVpcs',
                'ec2:DescribeInternetGateways',
                'ec2:DescribeNatGateways',
                'ec2:DescribeSubnets',
                'ec2:DescribeAddresses',
                'ec2:DescribeSecurityGroups',
                'ec2:DescribeInstances',
                'ec2:DescribeInstanceTypes',
                'autoscaling:DescribeAutoScalingGroups',
                'ecs:ListClusters',
                'ecs:ListServices',
                'ecs:ListTasks',
                'ecs:DescribeTasks',
                'cloudformation:ListStackResources',
            ],
        },
        {
            sid: 'ReadProbes',
            actions: ['cloudformation:ListStacks', 's3:ListAllMyBuckets', 'secretsmanager:ListSecrets'],
        },
    ],
    // Scoped to secrets, not to one prefix: the prefix is an input. For a tighter policy, replace `secret:*` with
    // `secret:<name-prefix>*` (the ARN ends in a random suffix, hence the `*`). A customer managed `kms-key-id` also
    // needs kms:GenerateDataKey and kms:Decrypt on that key.
    'secrets-sync': [
        {
            sid: 'InspectSecrets',
            actions: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'],
            resources: ['arn:aws:secretsmanager:*:*:secret:*'],
        },
        {
            sid: 'WriteSecrets',
            actions: [
                'secretsmanager:CreateSecret',
                'secretsmanager:PutSecretValue',
                'secretsmanager:UpdateSecret',
                'secretsmanager:TagResource',
                'secretsmanager:RestoreSecret',
            ],
            resources: ['arn:aws:secretsmanager:*:*:secret:*'],
        },
    ],
    'build-push-multiarch': [
        // The registry login: GetAuthorizationToken has no resource-level permission.
        { sid: 'RegistryLogin', actions: ['ecr:GetAuthorizationToken'] },
        {
            sid: 'EnsureRepository',
            actions: [
                'ecr:DescribeRepositories',
                'ecr:CreateRepository',
                'ecr:TagResource',
                'ecr:GetLifecyclePolicy',
                'ecr:PutLifecyclePolicy',
            ],
            // Narrow to repository/<name> and repository/<name>-cache in your account.
            resources: ['arn:aws:ecr:*:*:repository/*'],
        },
        {
            sid: 'PushAndRetag',
            actions: [
                'ecr:BatchGetImage',
                'ecr:PutImage',
                'ecr:BatchCheckLayerAvailability',
                'ecr:GetDownloadUrlForLayer',
                'ecr:InitiateLayerUpload',
                'ecr:UploadLayerPart',
                'ecr:CompleteLayerUpload',
            ],
            // Narrow to repository/<name> and repository/<name>-cache in your account.
            resources: ['arn:aws:ecr:*:*:repository/*'],
        },
    ],
    'quota-check': [
        { sid: 'QuotaValues', actions: ['servicequotas:GetServiceQuota', 'servicequotas:GetAWSDefaultServiceQuota'] },
        // Usage of quota codes given in `quotas` that hoist has no probe for: the metric Service Quotas names.
        { sid: 'QuotaUsageMetrics', actions: ['cloudwatch:GetMetricStatistics'] },
        {
            sid: 'Ec2Usage',
            actions: [
                'ec2:DescribeVpcs',
                'ec2:DescribeInternetGateways',
                'ec2:DescribeNatGateways',
                'ec2:DescribeSubnets',
                'ec2:DescribeAddresses',
                'ec2:DescribeSecurityGroups',
                'ec2:DescribeInstances',
                'ec2:DescribeInstanceTypes',
            ],
        },
        { sid: 'AutoScalingUsage', actions: ['autoscaling:DescribeAutoScalingGroups'] },
        // Clusters, services per cluster, and the vCPUs of running Fargate tasks.
        { sid: 'EcsUsage', actions: ['ecs:ListClusters', 'ecs:ListServices', 'ecs:ListTasks', 'ecs:DescribeTasks'] },
        { sid: 'ExistingStack', actions: ['cloudformation:ListStackResources'] },
    ],
    'cfn-validate': [{ sid: 'RemoteValidation', actions: ['cloudformation:ValidateTemplate'] }],
    // With `role-arn`, CloudFormation makes the stack's resources with that role; without it, with these credentials,
    // which then also need every permission the template's resources do. Narrow `stack/*` to your stack names.
    'deploy-stack': [
        {
            sid: 'StackChanges',
            actions: [
                'cloudformation:DescribeStacks',
                'cloudformation:DescribeStackEvents',
                'cloudformation:ListStackResources',
                'cloudformation:GetTemplate',
                'cloudformation:CreateChangeSet',
                'cloudformation:DescribeChangeSet',
                'cloudformation:ExecuteChangeSet',
                'cloudformation:DeleteChangeSet',
                'cloudformation:DeleteStack',
                'cloudformation:CancelUpdateStack',
                'cloudformation:UpdateTerminationProtection',
            ],
            resources: ['arn:aws:cloudformation:*:*:stack/*/*', 'arn:aws:cloudformation:*:*:changeSet/*/*'],
        },
        // Only with `role-arn`: hand the service role to CloudFormation. Narrow to that role.
        { sid: 'PassServiceRole', actions: ['iam:PassRole'], resources: ['arn:aws:iam::*:role/*'] },
        {
            sid: 'ReleaseRecords',
            actions: ['ssm:GetParameter', 'ssm:PutParameter'],
            resources: ['arn:aws:ssm:*:*:parameter/hoist/*'],
        },
        // Only with `artifacts-bucket`; `auto` names the bucket hoist-artifacts-<account>-<region>.
        { sid: 'ArtifactsAccount', actions: ['sts:GetCallerIdentity'] },
        {
            sid: 'ArtifactsBucket',
            actions: [
                's3:ListBucket',
                's3:CreateBucket',
                's3:PutEncryptionConfiguration',
                's3:PutBucketVersioning',
                's3:PutBucketPublicAccessBlock',
                's3:PutLifecycleConfiguration',
            ],
            resources: ['arn:aws:s3:::hoist-artifacts-*'],
        },
        {
            sid: 'ArtifactsObjects',
            actions: ['s3:GetObject', 's3:GetObjectVersion', 's3:PutObject'],
            resources: ['arn:aws:s3:::hoist-artifacts-*/*'],
        },
        // Verification after a deploy, and `force-new-deployment`.
        {
            sid: 'VerifyServices',
            actions: ['ecs:DescribeServices', 'ecs:ListTasks', 'ecs:DescribeTasks', 'ecs:UpdateService'],
            resources: ['arn:aws:ecs:*:*:service/*', 'arn:aws:ecs:*:*:task/*', 'arn:aws:ecs:*:*:container-instance/*'],
        },
        // These three have no resource-level permissions.
        {
            sid: 'VerifyDescribe',
            actions: [
                'ecs:DescribeTaskDefinition',
                'autoscaling:DescribeAutoScalingGroups',
                'ec2:DescribeLaunchTemplateVersions',
            ],
        },
        {
            sid: 'RefreshInstances',
            actions: ['autoscaling:StartInstanceRefresh'],
            resources: ['arn:aws:autoscaling:*:*:autoScalingGroup:*:autoScalingGroupName/*'],
        },
    ],
    // The deploy path of deploy-stack (a rollback is a deploy of an earlier release) plus the recovery calls. The stack's
    // own service role is reused: without one, these credentials also need what the template's resources do.
    rollback: [
        {
            sid: 'StackRollback',
            actions: [
                'cloudformation:DescribeStacks',
                'cloudformation:DescribeStackEvents',
                'cloudformation:ListStackResources',
                'cloudformation:GetTemplate',
                'cloudformation:CreateChangeSet',
                'cloudformation:DescribeChangeSet',
                'cloudformation:ExecuteChangeSet',
                'cloudformation:DeleteChangeSet',
                'cloudformation:CancelUpdateStack',
                'cloudformation:ContinueUpdateRollback',
                'cloudformation:RollbackStack',
            ],
            resources: ['arn:aws:cloudformation:*:*:stack/*/*', 'arn:aws:cloudformation:*:*:changeSet/*/*'],
        },
        // Only for a stack that has a service role (RoleARN): hand it to CloudFormation again. Narrow to that role.
        { sid: 'PassServiceRole', actions: ['iam:PassRole'], resources: ['arn:aws:iam::*:role/*'] },
        {
            sid: 'ReleaseRecords',
            actions: ['ssm:GetParameter', 'ssm:PutParameter'],
            resources: ['arn:aws:ssm:*:*:parameter/hoist/*'],
        },
        // The restored release's template, and the rollback's own; `auto` names hoist-artifacts-<account>-<region>.
        { sid: 'ArtifactsAccount', actions: ['sts:GetCallerIdentity'] },
        {
            sid: 'ArtifactsBucket',
            actions: [
                's3:ListBucket',
                's3:CreateBucket',
                's3:PutEncryptionConfiguration',
                's3:PutBucketVersioning',
                's3:PutBucketPublicAccessBlock',
                's3:PutLifecycleConfiguration',
            ],
            resources: ['arn:aws:s3:::hoist-artifacts-*'],
        },
        {
            sid: 'ArtifactsObjects',
            actions: ['s3:GetObject', 's3:GetObjectVersion', 's3:PutObject'],
            resources: ['arn:aws:s3:::hoist-artifacts-*/*'],
        },
        // Verification after the restore.
        {
            sid: 'VerifyServices',
            actions: ['ecs:DescribeServices', 'ecs:ListTasks', 'ecs:DescribeTasks'],
            resources: ['arn:aws:ecs:*:*:service/*', 'arn:aws:ecs:*:*:task/*', 'arn:aws:ecs:*:*:container-instance/*'],
        },
        {
            sid: 'VerifyDescribe',
            actions: [
                'ecs:DescribeTaskDefinition',
                'autoscaling:DescribeAutoScalingGroups',
                'ec2:DescribeLaunchTemplateVersions',
            ],
        },
    ],
};
function actionsFor(action) {
    return IAM_MANIFEST[action].flatMap((s) => s.actions);
}
/** The least-privilege policy document for an action. */
function policyDocument(action) {
    return {
        Version: '2012-10-17',
        Statement: IAM_MANIFEST[action].map((s) => ({
            Sid: s.sid.replace(/[^A-Za-z0-9]/g, ''),
            Effect: 'Allow',
            Action: [...s.actions].sort(),
            Resource: s.resources && s.resources.length > 0 ? [...s.resources] : '*',
        })),
    };
}

// EXTERNAL MODULE: ./node_modules/@smithy/shared-ini-file-loader/dist-cjs/index.js
var shared_ini_file_loader_dist_cjs = __webpack_require__(4964);
;// CONCATENATED MODULE: ./packages/aws/src/regions.ts
/** Regions known when this list was written (facts from AWS's partition data). Newer ones are asked of AWS. */
const KNOWN_REGIONS = (/* unused pure expression or super */ null && ([
    'af-south-1',
    'ap-east-1',
    'ap-east-2',
    'ap-northeast-1',
    'ap-northeast-2',
    'ap-northeast-3',
    'ap-south-1',
    'ap-south-2',
    'ap-southeast-1',
    'ap-southeast-2',
    'ap-southeast-3',
    'ap-southeast-4',
    'ap-southeast-5',
    'ap-southeast-6',
    'ap-southeast-7',
    'ca-central-1',
    'ca-west-1',
    'eu-central-1',
    'eu-central-2',
    'eu-north-1',
    'eu-south-1',
    'eu-south-2',
    'eu-west-1',
    'eu-west-2',
    'eu-west-3',
    'il-central-1',
    'me-central-1',
    'me-south-1',
    'me-west-1',
    'mx-central-1',
    'sa-east-1',
    'sa-west-1',
    'us-east-1',
    'us-east-2',
    'us-west-1',
    'us-west-2',
    'cn-north-1',
    'cn-northwest-1',
    'us-gov-east-1',
    'us-gov-west-1',
]));
/** Regions that are off until the account opts in. */
const OPT_IN_REGIONS = new Set([
    'af-south-1',
    'ap-east-1',
    'ap-east-2',
    'ap-south-2',
    'ap-southeast-3',
    'ap-southeast-4',
    'ap-southeast-5',
    'ap-southeast-6',
    'ap-southeast-7',
    'ca-west-1',
    'eu-central-2',
    'eu-south-1',
    'eu-south-2',
    'il-central-1',
    'me-central-1',
    'me-south-1',
    'me-west-1',
    'mx-central-1',
    'sa-west-1',
]);
const REGION_SHAPE = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;
function isKnownRegion(region) {
    return KNOWN_REGIONS.includes(region);
}
/** The partition's DNS suffix, for registry hosts and console links. */
function dnsSuffix(region) {
    return region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
}
function ecrRegistry(accountId, region) {
    return `${accountId}.dkr.ecr.${region}.${dnsSuffix(region)}`;
}

;// CONCATENATED MODULE: ./packages/aws/src/region.ts



/**
 * input > AWS_REGION > AWS_DEFAULT_REGION > the profile's region (AWS_PROFILE or default, from the config file)
 * > a clear error. The value must look like a region; whether AWS knows it is the region check's business.
 */
async function resolveRegion(input, inputName = 'region') {
    const candidates = [
        ['input', input],
        ['AWS_REGION', process.env['AWS_REGION']],
        ['AWS_DEFAULT_REGION', process.env['AWS_DEFAULT_REGION']],
    ];
    for (const [source, value] of candidates) {
        if (value && value.trim() !== '')
            return checked(value.trim(), source, inputName);
    }
    const fromProfile = await profileRegion();
    if (fromProfile)
        return checked(fromProfile, 'profile', inputName);
    throw new src/* UserError */.yo('No AWS region is set.', {
        code: 'no-region',
        fix: `set the '${inputName}' input, or AWS_REGION (aws-actions/configure-aws-credentials sets it from its aws-region input).`,
    });
}
function checked(region, source, inputName) {
    if (REGION_SHAPE.test(region))
        return { region, source };
    const expected = 'an AWS region code such as us-east-1 or eu-west-1';
    if (source === 'input')
        throw new src/* InputError */.dz(inputName, region, expected);
    throw new src/* UserError */.yo(`${source === 'profile' ? 'The profile region' : source} is '${region}': expected ${expected}.`, {
        code: 'bad-region',
    });
}
async function profileRegion() {
    try {
        const { configFile } = await (0,shared_ini_file_loader_dist_cjs/* loadSharedConfigFiles */.p6)({ ignoreCache: true });
        const profile = process.env['AWS_PROFILE'] || 'default';
        return configFile[profile]?.['region'];
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./packages/aws/src/wait.ts

/** A sleep that ends early, rejecting with the signal's reason, when the signal aborts. */
const sleep = (ms, signal) => new Promise((resolve, reject) => {
    if (signal?.aborted)
        return reject(signal.reason);
    const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
    }, ms);
    const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
});
class WaitTimeoutError extends src/* UserError */.yo {
    name = 'WaitTimeoutError';
}
/**
 * The one poller. The provider returns `undefined` to keep polling, `null` when the thing is gone, or a value
 * when done. Fails with WaitTimeoutError at the deadline and with the signal's reason when aborted.
 */
async function waitFor(provider, options) {
    const pause = options.sleep ?? sleep;
    const now = options.now ?? Date.now;
    let interval = options.intervalMs ?? 5000;
    for (;;) {
        if (options.signal?.aborted)
            throw options.signal.reason;
        const result = await provider();
        if (result !== undefined)
            return result;
        const left = options.deadline - now();
        if (left <= 0) {
            throw new WaitTimeoutError(`Timed out waiting for ${options.description}.`, {
                code: 'timeout',
                ...(options.timeoutFix ? { fix: options.timeoutFix } : {}),
            });
        }
        await pause(Math.min(interval, left), options.signal);
        interval = Math.min(interval * (options.backoff ?? 1), options.maxIntervalMs ?? interval * (options.backoff ?? 1));
    }
}

;// CONCATENATED MODULE: ./packages/aws/src/secrets-spec.ts

/** Secrets Manager's own rule for names: ASCII letters, digits and /_+=.@- (at most 512 characters). */
const SECRET_NAME_SHAPE = /^[A-Za-z0-9/_+=.@-]+$/;
const SECRET_NAME_MAX = 512;
const ENV_NAME_SHAPE = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** CloudFormation parameter names are alphanumeric. */
const PARAMETER_SHAPE = /^[A-Za-z0-9]+$/;
const ENTRY_KEYS = (/* unused pure expression or super */ null && (['from-env', 'description', 'kms-key-id', 'pattern', 'tags', 'parameter']));
const SHAPE_HELP = 'write each entry as `secret-name: ENV_VAR` or `secret-name: { from-env: ENV_VAR, description, kms-key-id, pattern, tags, parameter }`.';
/** Parses the `secrets` mapping (YAML or JSON). Nothing here reads a value: only the names of their variables. */
function parseSecretsSpec(value, input = 'secrets') {
    const mapping = parseMapping(input, value);
    const entries = Object.entries(mapping);
    if (entries.length === 0)
        throw new InputError(input, value, 'at least one secret', SHAPE_HELP);
    const specs = entries.map(([name, entry]) => parseEntry(input, name, entry));
    const byParameter = new Map();
    for (const spec of specs) {
        if (spec.parameter === undefined)
            continue;
        const other = byParameter.get(spec.parameter);
        if (other !== undefined) {
            throw entryError(input, spec.name, `sets parameter '${spec.parameter}', which '${other}' sets too`, 'give each secret its own parameter.');
        }
        byParameter.set(spec.parameter, spec.name);
    }
    return specs;
}
/**
 * The secret names of a `secrets` input that is either the mapping above or a plain list of names (YAML list, or
 * names separated by commas or new lines): what a check that only looks secrets up needs.
 */
function parseSecretNames(value, input = 'secrets') {
    const text = value.trim();
    if (text === '')
        return [];
    const items = /^\[|^-\s/.test(text) ? listItems(input, text) : /[:{]/.test(text) ? undefined : text.split(/[\n,]/);
    if (items === undefined)
        return parseSecretsSpec(text, input).map((s) => ({
            name: s.name,
            ...(s.parameter ? { parameter: s.parameter } : {}),
        }));
    const names = items.map((n) => n.trim()).filter((n) => n !== '');
    for (const name of names)
        checkSecretName(input, name);
    return names.map((name) => ({ name }));
}
function listItems(input, text) {
    let parsed;
    try {
        parsed = parseMapping(input, `names: ${text.startsWith('[') ? text : `\n${text.replace(/^/gm, '  ')}`}`)['names'];
    }
    catch {
        parsed = undefined;
    }
    if (!Array.isArray(parsed) || parsed.some((n) => typeof n !== 'string')) {
        throw new InputError(input, text, 'a list of secret names, or a mapping of secret name to environment variable', SHAPE_HELP);
    }
    return parsed;
}
/** The name the secret has in AWS: `name-prefix` + name, checked against Secrets Manager's rules. */
function fullSecretName(prefix, name, input = 'name-prefix') {
    const full = `${prefix}${name}`;
    if (full.length > SECRET_NAME_MAX) {
        throw new InputError(input, prefix, `a prefix that keeps '${name}' within ${SECRET_NAME_MAX} characters`);
    }
    return full;
}
/** `name-prefix`: the characters a secret name may hold (e.g. `prod/`). */
function checkNamePrefix(prefix, input = 'name-prefix') {
    if (prefix !== '' && !SECRET_NAME_SHAPE.test(prefix)) {
        throw new InputError(input, prefix, 'ASCII letters, digits and /_+=.@- only (Secrets Manager names allow nothing else), e.g. prod/');
    }
    return prefix;
}
/** A mapping of tag key → value (YAML or JSON); numbers and booleans are taken as their text. */
function parseTags(value, describe) {
    if (value === undefined || value === null)
        return {};
    if (typeof value !== 'object' || Array.isArray(value))
        throw describe('tags must be a mapping such as `{ team: search, env: prod }`');
    const tags = {};
    for (const [key, raw] of Object.entries(value)) {
        if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') {
            throw describe(`tag '${key}' must have a text value`);
        }
        const text = String(raw);
        if (key.length < 1 || key.length > 128)
            throw describe(`tag key '${key}' must be 1 to 128 characters`);
        if (text.length > 256)
            throw describe(`the value of tag '${key}' must be at most 256 characters`);
        if (/^aws:/i.test(key))
            throw describe(`tag key '${key}' uses the reserved prefix aws:`);
        tags[key] = text;
    }
    return tags;
}
/** The action-wide `tags` input. */
function parseTagsInput(value, input = 'tags') {
    if (value.trim() === '')
        return {};
    const mapping = parseMapping(input, value);
    return parseTags(mapping, (problem) => new InputError(input, value, `a mapping of tag key to value (${problem})`));
}
function parseEntry(input, name, entry) {
    checkSecretName(input, name);
    if (typeof entry === 'string')
        return { name, fromEnv: envName(input, name, entry), tags: {} };
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
        throw entryError(input, name, 'is neither an environment variable name nor a mapping', SHAPE_HELP);
    }
    const fields = entry;
    const unknown = Object.keys(fields).filter((k) => !ENTRY_KEYS.includes(k));
    if (unknown.length > 0) {
        throw entryError(input, name, `has unknown key${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `'${k}'`).join(', ')}`, `use only ${ENTRY_KEYS.join(', ')}.`);
    }
    const text = (key) => {
        const v = fields[key];
        if (v === undefined || v === null)
            return undefined;
        if (typeof v !== 'string' || v.trim() === '')
            throw entryError(input, name, `has a '${key}' that is not a non-empty string`, SHAPE_HELP);
        return v.trim();
    };
    const fromEnv = text('from-env');
    if (fromEnv === undefined)
        throw entryError(input, name, "has no 'from-env'", 'name the environment variable that holds the value: `from-env: MY_API_KEY`.');
    const spec = { name, fromEnv: envName(input, name, fromEnv), tags: {} };
    const description = text('description');
    if (description !== undefined) {
        if (description.length > 2048)
            throw entryError(input, name, 'has a description longer than 2048 characters');
        spec.description = description;
    }
    const kmsKeyId = text('kms-key-id');
    if (kmsKeyId !== undefined)
        spec.kmsKeyId = kmsKeyId;
    const pattern = text('pattern');
    if (pattern !== undefined)
        spec.pattern = compilePattern(input, name, pattern);
    spec.tags = parseTags(fields['tags'], (problem) => entryError(input, name, `has bad tags: ${problem}`));
    const parameter = text('parameter');
    if (parameter !== undefined) {
        if (!PARAMETER_SHAPE.test(parameter)) {
            throw entryError(input, name, `has parameter ${quote(parameter)}, which is not a CloudFormation parameter name`, 'use the letters and digits of the template parameter, e.g. OpenAISecretArn.');
        }
        spec.parameter = parameter;
    }
    return spec;
}
function checkSecretName(input, name) {
    if (!SECRET_NAME_SHAPE.test(name) || name.length > SECRET_NAME_MAX) {
        throw new InputError(input, name, `secret names of 1 to ${SECRET_NAME_MAX} ASCII letters, digits and /_+=.@- (Secrets Manager's rule)`, `rename the secret '${name.replace(/[^A-Za-z0-9/_+=.@-]/g, '-')}' or similar.`);
    }
}
/**
 * What should be a variable name is never echoed when it is not one: it may be a secret value written where its
 * variable's name belongs (`key: ${{ secrets.KEY }}`).
 */
function envName(input, name, value) {
    if (ENV_NAME_SHAPE.test(value))
        return value;
    throw entryError(input, name, 'does not name an environment variable (letters, digits and _, not starting with a digit; what was given is not shown, in case it is a value)', `set the value in the step's env (\`env: { OPENAI_API_KEY: \${{ secrets.OPENAI_API_KEY }} }\`) and write its name here: \`${name}: OPENAI_API_KEY\`.`);
}
function compilePattern(input, name, pattern) {
    try {
        return new RegExp(pattern);
    }
    catch (error) {
        const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error);
        throw entryError(input, name, `has pattern ${quote(pattern)}, which is not a valid regular expression (${reason})`);
    }
}
/** Names the one entry that is wrong rather than quoting the whole mapping (as InputError would). */
function entryError(input, name, problem, fix) {
    return new UserError(`Input '${input}': secret '${name}' ${problem}.`, {
        code: 'bad-input',
        ...(fix ? { fix } : {}),
    });
}

;// CONCATENATED MODULE: ./packages/aws/src/index.ts









;// CONCATENATED MODULE: ./packages/cfn/src/nodes.ts
function scalar(value, pos, raw) {
    return raw === undefined ? { kind: 'scalar', value, pos } : { kind: 'scalar', value, raw, pos };
}
function mapNode(entries, pos, tag) {
    const byKey = new Map();
    for (const e of entries)
        byKey.set(e.key, e);
    return tag === undefined ? { kind: 'map', entries, byKey, pos } : { kind: 'map', entries, byKey, pos, tag };
}
function isMap(node) {
    return node?.kind === 'map';
}
function isSeq(node) {
    return node?.kind === 'seq';
}
function isScalar(node) {
    return node?.kind === 'scalar';
}
/** The value under `key` of a mapping node. */
function get(node, key) {
    return node?.kind === 'map' ? node.byKey.get(key)?.value : undefined;
}
function entry(node, key) {
    return node?.kind === 'map' ? node.byKey.get(key) : undefined;
}
/** The text of a scalar as CloudFormation sees it (numbers and booleans as written), or undefined. */
function nodes_text(node) {
    if (node?.kind !== 'scalar' || node.value === null)
        return undefined;
    if (typeof node.value === 'string')
        return node.value;
    return node.raw ?? String(node.value);
}
/** A plain JavaScript value (as JSON.parse would give) for a node. */
function nodes_toPlain(node) {
    if (node === undefined)
        return undefined;
    if (node.kind === 'scalar')
        return node.value;
    if (node.kind === 'seq')
        return node.items.map(nodes_toPlain);
    const out = {};
    for (const e of node.entries)
        out[e.key] = nodes_toPlain(e.value);
    return out;
}
/** Intrinsic functions and condition functions, by their long-form key. */
const INTRINSIC_KEYS = new Set([
    'Ref',
    'Condition',
    'Fn::Base64',
    'Fn::Cidr',
    'Fn::FindInMap',
    'Fn::GetAtt',
    'Fn::GetAZs',
    'Fn::ImportValue',
    'Fn::Join',
    'Fn::Select',
    'Fn::Split',
    'Fn::Sub',
    'Fn::Transform',
    'Fn::If',
    'Fn::Equals',
    'Fn::And',
    'Fn::Or',
    'Fn::Not',
    'Fn::ToJsonString',
    'Fn::Length',
    'Fn::Contains',
    'Fn::EachMemberEquals',
    'Fn::EachMemberIn',
    'Fn::RefAll',
    'Fn::ValueOf',
    'Fn::ValueOfAll',
    'Fn::Implies',
]);
/**
 * `{"Fn::X": …}` (one key, an intrinsic function): its name and argument; otherwise undefined. `Condition` counts
 * only with a name (an IAM policy's `Condition: {…}` block is not the condition function).
 */
function intrinsic(node) {
    if (node?.kind !== 'map' || node.entries.length !== 1)
        return undefined;
    const only = node.entries[0];
    if (!only || !(INTRINSIC_KEYS.has(only.key) || only.key.startsWith('Fn::ForEach::')))
        return undefined;
    if (only.key === 'Condition' && only.value.kind !== 'scalar')
        return undefined;
    return { name: only.key, arg: only.value, keyPos: only.keyPos };
}
/** `{"Rain::Embed": …}`, `{"Fn::Rain::Module": …}`: a directive of the rain CLI, replaced before deploy. */
function rainDirective(node) {
    if (node?.kind !== 'map' || node.entries.length !== 1)
        return undefined;
    const key = node.entries[0]?.key ?? '';
    return /^(Fn::)?Rain::/.test(key) ? key : undefined;
}
/** The position of character `index` of a string scalar's value (exact on one line and in literal blocks). */
function positionInString(node, index) {
    const value = typeof node.value === 'string' ? node.value : '';
    const before = value.slice(0, index);
    const newlines = before.split('\n').length - 1;
    if (newlines === 0 && !node.block)
        return { line: node.pos.line, column: node.pos.column + index + 1 };
    const lineStart = before.lastIndexOf('\n') + 1;
    return { line: node.pos.line + newlines + (node.block ? 1 : 0), column: index - lineStart + 1 };
}
/** Every node under `node` (itself included), depth first. `enter` returning false skips the node's children. */
function walk(node, enter) {
    const stack = [node];
    while (stack.length > 0) {
        const n = stack.pop();
        if (enter(n) === false)
            continue;
        if (n.kind === 'map')
            for (let i = n.entries.length - 1; i >= 0; i--)
                stack.push(n.entries[i].value);
        else if (n.kind === 'seq')
            for (let i = n.items.length - 1; i >= 0; i--)
                stack.push(n.items[i]);
    }
}
/** Like `walk`, with each node's path from `path` (slower: use it when the path is wanted). */
function walkWithPaths(node, path, enter) {
    const stack = [{ node, path }];
    while (stack.length > 0) {
        const visit = stack.pop();
        if (enter(visit) === false)
            continue;
        const n = visit.node;
        if (n.kind === 'map') {
            for (let i = n.entries.length - 1; i >= 0; i--) {
                const e = n.entries[i];
                stack.push({ node: e.value, path: [...visit.path, e.key] });
            }
        }
        else if (n.kind === 'seq') {
            for (let i = n.items.length - 1; i >= 0; i--)
                stack.push({ node: n.items[i], path: [...visit.path, i] });
        }
    }
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./packages/cfn/src/parse.ts


/** Short-form YAML tag → long-form key: `!Ref` → `Ref`, `!GetAtt` → `Fn::GetAtt`. */
const SHORT_FORM_TAGS = new Map([...INTRINSIC_KEYS].map((key) => [`!${key.replace(/^Fn::/, '')}`, key]));
/**
 * The short forms declared to the YAML parser (scalar, sequence and mapping form each), so that it keeps their tag
 * without building a warning — with its stack trace — for every `!Ref` of a template.
 */
const SHORT_FORM_YAML_TAGS = [...SHORT_FORM_TAGS.keys()].flatMap((tag) => [
    { tag, resolve: (value) => value },
    { tag, collection: 'seq', nodeClass: dist/* YAMLSeq */.Rw, resolve: (seq) => seq },
    { tag, collection: 'map', nodeClass: dist/* YAMLMap */.CA, resolve: (map) => map },
]);
/** Expanded nodes that YAML aliases may add before the text is refused (alias bombs fail fast). */
const MAX_ALIAS_EXPANSION = 100_000;
const MAX_DEPTH = 400;
/**
 * Parses a CloudFormation template, a parameters file or any YAML/JSON text into position-carrying nodes.
 * JSON (text starting with `{` or `[`) goes through a JSON parser of our own — the YAML parser takes minutes on
 * megabytes of flow-style text; YAML through the `yaml` package's document API. Short-form tags become long form.
 */
function parse_parseText(source) {
    const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
    if (looksBinary(text)) {
        return {
            format: 'yaml',
            root: undefined,
            problems: [
                {
                    code: 'syntax',
                    message: 'not a text file: it holds binary data (NUL bytes or bytes that are not UTF-8), not YAML or JSON',
                    pos: { line: 1, column: 1 },
                    fix: 'point the input at the template itself (a .yaml, .yml, .json or .template file), saved as UTF-8.',
                },
            ],
        };
    }
    const first = /\S/.exec(text)?.[0];
    if (first === '{' || first === '[')
        return parseJson(text);
    return parseYaml(text);
}
class JsonSyntaxError extends Error {
    pos;
    constructor(message, pos) {
        super(message);
        this.pos = pos;
    }
}
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
/** A strict JSON parser that keeps the line and column of every key and value and reports duplicate keys. */
function parseJson(text) {
    const problems = [];
    let i = 0;
    let line = 1;
    let lineStart = 0;
    const pos = () => ({ line, column: i - lineStart + 1 });
    const fail = (message) => {
        throw new JsonSyntaxError(message, pos());
    };
    const ws = () => {
        for (;;) {
            const c = text.charCodeAt(i);
            if (c === 10) {
                i++;
                line++;
                lineStart = i;
            }
            else if (c === 32 || c === 9 || c === 13)
                i++;
            else
                return;
        }
    };
    const describe = () => (i >= text.length ? 'the end of the text' : `'${text[i]}'`);
    const string = () => {
        const start = i;
        i++;
        let escaped = false;
        for (;;) {
            const c = text.charCodeAt(i);
            if (Number.isNaN(c))
                fail('Unterminated string');
            if (c === 34)
                break;
            if (c < 32)
                fail('Control character (e.g. a line break) inside a string: escape it');
            if (c === 92) {
                escaped = true;
                i++;
            }
            i++;
        }
        i++;
        if (!escaped)
            return text.slice(start + 1, i - 1);
        try {
            return JSON.parse(text.slice(start, i));
        }
        catch {
            i = start;
            return fail('Invalid escape sequence in string');
        }
    };
    const value = (depth) => {
        ws();
        if (depth > MAX_DEPTH)
            fail(`Nesting deeper than ${MAX_DEPTH} levels`);
        const at = pos();
        const c = text[i];
        if (c === '{') {
            i++;
            const entries = [];
            const seen = new Map();
            ws();
            if (text[i] === '}') {
                i++;
                return mapNode(entries, at);
            }
            for (;;) {
                ws();
                if (text[i] !== '"')
                    fail(`Expected a quoted key, found ${describe()}`);
                const keyPos = pos();
                const key = string();
                ws();
                if (text[i] !== ':')
                    fail(`Expected ':' after key "${key}", found ${describe()}`);
                i++;
                const v = value(depth + 1);
                const previous = seen.get(key);
                if (previous) {
                    problems.push({
                        code: 'duplicate-key',
                        message: `Duplicate key '${key}' (first at line ${previous.line})`,
                        pos: keyPos,
                    });
                    const index = entries.findIndex((e) => e.key === key);
                    entries.splice(index, 1);
                }
                seen.set(key, keyPos);
                entries.push({ key, keyPos, value: v });
                ws();
                if (text[i] === ',') {
                    i++;
                    continue;
                }
                if (text[i] === '}') {
                    i++;
                    return mapNode(entries, at);
                }
                fail(`Expected ',' or '}' after the value of "${key}", found ${describe()}`);
            }
        }
        if (c === '[') {
            i++;
            const items = [];
            ws();
            if (text[i] === ']') {
                i++;
                return { kind: 'seq', items, pos: at };
            }
            for (;;) {
                items.push(value(depth + 1));
                ws();
                if (text[i] === ',') {
                    i++;
                    continue;
                }
                if (text[i] === ']') {
                    i++;
                    return { kind: 'seq', items, pos: at };
                }
                fail(`Expected ',' or ']' in a list, found ${describe()}`);
            }
        }
        if (c === '"')
            return scalar(string(), at);
        if (text.startsWith('true', i)) {
            i += 4;
            return scalar(true, at);
        }
        if (text.startsWith('false', i)) {
            i += 5;
            return scalar(false, at);
        }
        if (text.startsWith('null', i)) {
            i += 4;
            return scalar(null, at);
        }
        NUMBER.lastIndex = i;
        const m = NUMBER.exec(text);
        if (m) {
            i += m[0].length;
            return scalar(Number(m[0]), at, m[0]);
        }
        return fail(`Unexpected ${describe()}`);
    };
    try {
        const root = value(0);
        ws();
        if (i < text.length)
            fail(`Unexpected ${describe()} after the end of the JSON value`);
        return { format: 'json', root, problems };
    }
    catch (error) {
        if (error instanceof JsonSyntaxError) {
            return {
                format: 'json',
                root: undefined,
                problems: [{ code: 'syntax', message: `JSON syntax error: ${error.message}`, pos: error.pos }],
            };
        }
        throw error;
    }
}
class AliasLimitError extends Error {
}
function parseYaml(text) {
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, {
        lineCounter,
        uniqueKeys: false,
        prettyErrors: false,
        merge: false,
        strict: true,
        customTags: SHORT_FORM_YAML_TAGS,
    });
    const posAt = (offset) => {
        const p = lineCounter.linePos(offset);
        return { line: p.line, column: p.col };
    };
    if (doc.errors.length > 0) {
        return {
            format: 'yaml',
            root: undefined,
            // The first error only: the ones after it are mostly its echo (every later line "at the wrong column").
            problems: doc.errors
                .slice(0, 1)
                .map((e) => ({ code: 'syntax', message: `YAML syntax error: ${firstLine(e.message)}`, pos: posAt(e.pos[0]) })),
        };
    }
    const problems = [];
    const converter = new YamlConverter(doc, text, posAt, problems);
    try {
        const root = doc.contents ? converter.convert(doc.contents, 0) : undefined;
        return { format: 'yaml', root, problems };
    }
    catch (error) {
        if (error instanceof AliasLimitError) {
            return {
                format: 'yaml',
                root: undefined,
                problems: [...problems, { code: 'alias-limit', message: error.message, pos: converter.lastAliasPos }],
            };
        }
        throw error;
    }
}
/** A parser's message, short enough to read: a token it quotes from a broken file can be kilobytes long. */
function firstLine(message) {
    const line = message.split('\n')[0] ?? message;
    return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
/** NUL bytes, or many bytes that were not UTF-8 (decoded as U+FFFD): an image, an archive, not a template. */
function looksBinary(text) {
    const head = text.slice(0, 8192);
    if (head.includes('\u0000'))
        return true;
    let replaced = 0;
    for (const c of head)
        if (c === '\ufffd')
            replaced += 1;
    return replaced > Math.max(8, head.length / 100);
}
class YamlConverter {
    doc;
    text;
    posAt;
    problems;
    anchored = new Map();
    converting = new Set();
    sizes = new WeakMap();
    aliasBudget = MAX_ALIAS_EXPANSION;
    lastAliasPos = { line: 1, column: 1 };
    constructor(doc, text, posAt, problems) {
        this.doc = doc;
        this.text = text;
        this.posAt = posAt;
        this.problems = problems;
    }
    convert(node, depth) {
        const offset = node?.range?.[0] ?? 0;
        const pos = this.posAt(offset);
        if (!node)
            return scalar(null, pos);
        if (depth > MAX_DEPTH)
            throw new AliasLimitError(`Nesting deeper than ${MAX_DEPTH} levels`);
        if ((0,dist/* isAlias */.Vj)(node))
            return this.alias(node, pos, depth);
        const tag = node.tag;
        const inner = this.untagged(node, pos, depth);
        const result = tag && !tag.startsWith('tag:yaml.org,2002:') ? this.tagged(tag, inner, this.tagPos(tag, offset, pos)) : inner;
        if (node.anchor)
            this.anchored.set(node, result);
        return result;
    }
    alias(node, pos, depth) {
        this.lastAliasPos = pos;
        const target = node.resolve(this.doc);
        if (!target)
            throw new AliasLimitError(`YAML alias *${node.source} refers to no anchor`);
        if (this.converting.has(target))
            throw new AliasLimitError(`YAML alias *${node.source} refers to itself`);
        const converted = this.anchored.get(target) ?? this.convert(target, depth);
        this.aliasBudget -= this.size(converted);
        if (this.aliasBudget < 0) {
            throw new AliasLimitError(`YAML aliases expand to more than ${MAX_ALIAS_EXPANSION} nodes (maxAliasCount): refused as an alias bomb. Write the values out instead of using anchors and aliases.`);
        }
        return converted;
    }
    /** The expanded size of a node (aliases share nodes, so this counts what a reader of the values would see). */
    size(node) {
        const known = this.sizes.get(node);
        if (known !== undefined)
            return known;
        let n = 1;
        if (node.kind === 'map')
            for (const e of node.entries)
                n += this.size(e.value);
        else if (node.kind === 'seq')
            for (const item of node.items)
                n += this.size(item);
        this.sizes.set(node, n);
        return n;
    }
    untagged(node, pos, depth) {
        if ((0,dist/* isScalar */.jn)(node)) {
            const v = node.value;
            if (typeof v === 'string' && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED')) {
                return { kind: 'scalar', value: v, block: true, pos };
            }
            if (typeof v === 'string' || v === null || v === undefined)
                return scalar(v ?? null, pos);
            if (typeof v === 'number' || typeof v === 'boolean')
                return scalar(v, pos, node.source ?? String(v));
            return scalar(String(v), pos);
        }
        this.converting.add(node);
        try {
            if ((0,dist/* isSeq */.oP)(node))
                return { kind: 'seq', items: node.items.map((item) => this.convert(item, depth + 1)), pos };
            if ((0,dist/* isMap */.jh)(node)) {
                const entries = [];
                const seen = new Map();
                for (const pair of node.items) {
                    if (!(0,dist/* isPair */.tO)(pair))
                        continue;
                    const keyNode = pair.key;
                    const keyPos = keyNode?.range ? this.posAt(keyNode.range[0]) : pos;
                    const key = this.keyText(keyNode);
                    if (keyNode?.tag && !keyNode.tag.startsWith('tag:yaml.org,2002:')) {
                        this.problems.push({
                            code: 'syntax',
                            message: `'${keyNode.tag} ${key}:' is read as a mapping key: a ': ' or a trailing ':' inside an unquoted value makes YAML start a mapping. Quote the value.`,
                            pos: keyPos,
                        });
                    }
                    const value = this.convert(pair.value, depth + 1);
                    const previous = seen.get(key);
                    if (previous) {
                        this.problems.push({
                            code: 'duplicate-key',
                            message: `Duplicate key '${key}' (first at line ${previous.line})`,
                            pos: keyPos,
                        });
                        entries.splice(entries.findIndex((e) => e.key === key), 1);
                    }
                    seen.set(key, keyPos);
                    entries.push({ key, keyPos, value });
                }
                return mapNode(entries, pos);
            }
        }
        finally {
            this.converting.delete(node);
        }
        return scalar(null, pos);
    }
    /** A node's range starts after its tag (on the next line for block collections): the tag's own position. */
    tagPos(tag, offset, fallback) {
        const at = this.text.lastIndexOf(tag, offset);
        return at >= 0 && offset - at < 1000 ? this.posAt(at) : fallback;
    }
    keyText(key) {
        if (!key)
            return '';
        if ((0,dist/* isScalar */.jn)(key))
            return typeof key.value === 'string' ? key.value : (key.source ?? String(key.value));
        return String(key);
    }
    tagged(tag, inner, pos) {
        const long = SHORT_FORM_TAGS.get(tag);
        if (long === undefined) {
            this.problems.push({ code: 'unknown-tag', message: `Unknown YAML tag '${tag}'`, pos });
            return inner;
        }
        let arg = inner;
        if (long === 'Fn::GetAtt' && inner.kind === 'scalar' && typeof inner.value === 'string') {
            // `!GetAtt Resource.Attribute.Sub` → ['Resource', 'Attribute.Sub'], each with its own column.
            const dot = inner.value.indexOf('.');
            const name = dot < 0 ? inner.value : inner.value.slice(0, dot);
            const items = [scalar(name, inner.pos)];
            if (dot >= 0)
                items.push(scalar(inner.value.slice(dot + 1), { line: inner.pos.line, column: inner.pos.column + dot + 1 }));
            arg = { kind: 'seq', items, pos: inner.pos };
        }
        return mapNode([{ key: long, keyPos: pos, value: arg }], pos, tag);
    }
}

;// CONCATENATED MODULE: ./packages/cfn/src/template.ts




const PSEUDO_PARAMETERS = new Set([
    'AWS::AccountId',
    'AWS::NotificationARNs',
    'AWS::NoValue',
    'AWS::Partition',
    'AWS::Region',
    'AWS::StackId',
    'AWS::StackName',
    'AWS::URLSuffix',
]);
const TOP_LEVEL_SECTIONS = [
    'AWSTemplateFormatVersion',
    'Description',
    'Metadata',
    'Parameters',
    'Rules',
    'Mappings',
    'Conditions',
    'Transform',
    'Resources',
    'Outputs',
];
function readTemplate(path) {
    let body;
    try {
        body = readFileSync(path, 'utf8');
    }
    catch (error) {
        throw new UserError(`Template ${path} cannot be read (${error.code ?? String(error)}).`, {
            fix: 'check the path of the template.',
        });
    }
    return parseTemplate(body, { file: path });
}
/** Parses a template body (YAML or JSON) into the model every rule, and deploy-stack and quota-check, read. */
function parseTemplate(body, options = {}) {
    const parsed = parse_parseText(body);
    const root = isMap(parsed.root) ? parsed.root : undefined;
    const template = {
        file: options.file,
        text: body,
        bytes: Buffer.byteLength(body, 'utf8'),
        format: parsed.format,
        root,
        problems: parsed.problems,
        parameters: new Map(),
        mappings: new Map(),
        conditions: new Map(),
        resources: new Map(),
        outputs: new Map(),
        transforms: [],
    };
    if (!root)
        return template;
    for (const e of entriesOf(root, 'Parameters'))
        template.parameters.set(e.key, parameterDef(e));
    for (const e of entriesOf(root, 'Mappings'))
        template.mappings.set(e.key, e);
    for (const e of entriesOf(root, 'Conditions'))
        template.conditions.set(e.key, e);
    for (const e of entriesOf(root, 'Resources'))
        template.resources.set(e.key, resourceDef(e));
    for (const e of entriesOf(root, 'Outputs')) {
        template.outputs.set(e.key, {
            name: e.key,
            pos: e.keyPos,
            node: e.value,
            value: section(e.value, 'Value'),
            condition: nameAt(section(e.value, 'Condition')),
        });
    }
    const transform = root.byKey.get('Transform');
    if (transform) {
        const v = transform.value;
        const items = v.kind === 'seq' ? v.items : [v];
        for (const item of items) {
            const name = nodes_text(item) ?? nodes_text(section(item, 'Name'));
            if (name)
                template.transforms.push({ name, pos: item.pos });
        }
    }
    return template;
}
function entriesOf(root, name) {
    const v = root.byKey.get(name)?.value;
    return v?.kind === 'map' ? v.entries : [];
}
function section(node, key) {
    return node?.kind === 'map' ? node.byKey.get(key)?.value : undefined;
}
function nameAt(node) {
    const name = nodes_text(node);
    return name !== undefined && node ? { name, pos: node.pos } : undefined;
}
function numberOf(node) {
    const t = nodes_text(node);
    if (t === undefined || t.trim() === '')
        return undefined;
    const n = Number(t);
    return Number.isFinite(n) ? n : undefined;
}
function parameterDef(e) {
    const n = e.value;
    const allowed = section(n, 'AllowedValues');
    const defaultNode = section(n, 'Default');
    return {
        name: e.key,
        pos: e.keyPos,
        node: n,
        type: nodes_text(section(n, 'Type')),
        default: defaultNode?.kind === 'seq' ? defaultNode.items.map((i) => nodes_text(i) ?? '').join(',') : nodes_text(defaultNode),
        defaultNode,
        allowedValues: allowed?.kind === 'seq' ? allowed.items.map((i) => nodes_text(i) ?? '') : undefined,
        allowedPattern: nodes_text(section(n, 'AllowedPattern')),
        minLength: numberOf(section(n, 'MinLength')),
        maxLength: numberOf(section(n, 'MaxLength')),
        minValue: numberOf(section(n, 'MinValue')),
        maxValue: numberOf(section(n, 'MaxValue')),
        noEcho: nodes_text(section(n, 'NoEcho')) === 'true',
    };
}
function resourceDef(e) {
    const n = e.value;
    const typeNode = section(n, 'Type');
    const depends = section(n, 'DependsOn');
    const dependsOn = [];
    for (const d of depends?.kind === 'seq' ? depends.items : depends ? [depends] : []) {
        const at = nameAt(d);
        if (at)
            dependsOn.push(at);
    }
    return {
        logicalId: e.key,
        pos: e.keyPos,
        node: n,
        type: nodes_text(typeNode),
        typeNode,
        properties: section(n, 'Properties'),
        dependsOn,
        condition: nameAt(section(n, 'Condition')),
    };
}
/** Parameter types whose Ref is a list. */
function isListParameterType(type) {
    if (!type)
        return false;
    return (type === 'CommaDelimitedList' ||
        type.startsWith('List<') ||
        /^AWS::SSM::Parameter::Value<List<|^AWS::SSM::Parameter::Value<CommaDelimitedList>/.test(type));
}
/**
 * Every Ref, GetAtt and Sub variable under `node`. Variables defined by a Sub's own variable map are not
 * references; `${!Literal}` is text.
 */
function collectReferences(node, path = []) {
    const out = [];
    const visit = (n, p, locals) => {
        const fn = intrinsic(n);
        if (fn) {
            const argPath = [...p, fn.name];
            if (fn.name === 'Ref') {
                const target = nodes_text(fn.arg);
                if (target !== undefined)
                    out.push({ kind: 'Ref', target, pos: fn.arg.pos, path: argPath });
                else
                    visit(fn.arg, argPath, locals);
                return;
            }
            if (fn.name === 'Fn::GetAtt') {
                const ref = getAttReference(fn.arg, argPath);
                if (ref)
                    out.push(ref);
                if (fn.arg.kind === 'seq')
                    fn.arg.items.slice(1).forEach((item, i) => visit(item, [...argPath, i + 1], locals));
                return;
            }
            if (fn.name === 'Fn::Sub') {
                const [body, vars] = fn.arg.kind === 'seq' ? [fn.arg.items[0], fn.arg.items[1]] : [fn.arg, undefined];
                const defined = new Set(locals);
                if (vars?.kind === 'map') {
                    for (const v of vars.entries) {
                        defined.add(v.key);
                        visit(v.value, [...argPath, 1, v.key], locals);
                    }
                }
                if (body?.kind === 'scalar' && typeof body.value === 'string') {
                    for (const v of subVariables(body.value)) {
                        if (defined.has(v.name))
                            continue;
                        const dot = v.name.indexOf('.');
                        const target = dot < 0 ? v.name : v.name.slice(0, dot);
                        if (defined.has(target))
                            continue;
                        out.push({
                            kind: 'Sub',
                            target,
                            ...(dot < 0 ? {} : { attribute: v.name.slice(dot + 1) }),
                            pos: positionInString(body, v.index),
                            path: argPath,
                        });
                    }
                }
                else if (body)
                    visit(body, argPath, locals);
                return;
            }
        }
        if (n.kind === 'map')
            for (const e of n.entries)
                visit(e.value, [...p, e.key], locals);
        else if (n.kind === 'seq')
            n.items.forEach((item, i) => visit(item, [...p, i], locals));
    };
    visit(node, path, new Set());
    return out;
}
function getAttReference(arg, path) {
    if (arg.kind === 'scalar') {
        // The long form with a dotted string: `"Fn::GetAtt": "Resource.Attribute"` is accepted by CloudFormation in YAML.
        const value = nodes_text(arg);
        if (!value)
            return undefined;
        const dot = value.indexOf('.');
        return dot < 0
            ? { kind: 'GetAtt', target: value, pos: arg.pos, path }
            : { kind: 'GetAtt', target: value.slice(0, dot), attribute: value.slice(dot + 1), pos: arg.pos, path };
    }
    if (arg.kind !== 'seq')
        return undefined;
    const [first, second] = arg.items;
    const target = nodes_text(first);
    if (target === undefined || !first)
        return undefined;
    const attribute = nodes_text(second);
    if (attribute !== undefined)
        return { kind: 'GetAtt', target, attribute, pos: first.pos, path };
    return { kind: 'GetAtt', target, dynamicAttribute: second !== undefined, pos: first.pos, path };
}
/** `${Name}` and `${Name.Attr}` variables of a Sub string, with their index; `${!Literal}` skipped. */
function subVariables(body) {
    const out = [];
    const re = /\$\{([^}]*)\}/g;
    for (let m = re.exec(body); m; m = re.exec(body)) {
        const name = (m[1] ?? '').trim();
        if (name.startsWith('!'))
            continue;
        out.push({ name, index: m.index });
    }
    return out;
}
/** The value each parameter will have: the one given (a parameters file, overrides), else its Default. */
function resolveParameterValues(template, given = {}) {
    const values = {};
    const missing = [];
    for (const p of template.parameters.values()) {
        const v = Object.hasOwn(given, p.name) ? given[p.name] : p.default;
        if (v === undefined)
            missing.push(p.name);
        else
            values[p.name] = v;
    }
    return { values, missing };
}
/** The plain value of a resource's properties (for callers that want data, not positions). */
function plainProperties(resource) {
    const plain = toPlain(resource.properties);
    return plain !== null && typeof plain === 'object' && !Array.isArray(plain) ? plain : {};
}

;// CONCATENATED MODULE: ./packages/cfn/src/parameters-file.ts





/** A parameters file that cannot be read: names the file, the line and what was expected. */
class ParametersFileError extends src/* UserError */.yo {
    name = 'ParametersFileError';
    file;
    pos;
    constructor(file, pos, message) {
        const where = [file ?? 'parameters', pos?.line, pos?.column].filter((x) => x !== undefined).join(':');
        super(`${where}: ${message}`, { fix: FORMATS_HELP, code: 'bad-parameters-file' });
        this.file = file;
        this.pos = pos;
    }
}
const FORMATS_HELP = 'write the parameters as {"Parameters": {"Key": "Value"}}, as [{"ParameterKey": "Key", "ParameterValue": "Value"}], or as ["Key=Value"] (JSON or YAML).';
/** Reads a parameters file in any of the three formats, JSON or YAML. Duplicate keys are refused with their line. */
function readParametersFile(path) {
    let text;
    try {
        text = readFileSync(path, 'utf8');
    }
    catch (error) {
        throw new ParametersFileError(path, undefined, `cannot be read (${error.code ?? String(error)})`);
    }
    return parseParametersFile(text, { path });
}
function parseParametersFile(text, options = {}) {
    const file = options.path;
    const parsed = parseText(text);
    const problem = parsed.problems[0];
    if (problem)
        throw new ParametersFileError(file, problem.pos, problem.message);
    const root = parsed.root;
    const fail = (node, message) => {
        throw new ParametersFileError(file, node?.pos, message);
    };
    const base = { path: file, syntax: parsed.format, text };
    if (root?.kind === 'map') {
        const parameters = root.byKey.get('Parameters');
        if (!parameters)
            return fail(root, 'a mapping without a "Parameters" key');
        if (parameters.value.kind !== 'map')
            return fail(parameters.value, '"Parameters" must be a mapping of parameter name to value');
        const entries = parameters.value.entries.map((e) => ({
            key: e.key,
            value: valueText(e.value, fail, `the value of ${e.key}`),
            usePreviousValue: false,
            pos: e.keyPos,
            valuePos: e.value.pos,
        }));
        return finish({ ...base, format: 'codepipeline', entries, tags: tagsOf(root, fail) }, fail);
    }
    if (root?.kind === 'seq') {
        const first = root.items[0];
        if (first === undefined || first.kind === 'map') {
            const entries = root.items.map((item) => {
                if (item.kind !== 'map')
                    return fail(item, 'every item of the list must be {"ParameterKey": …, "ParameterValue": …}');
                const key = item.byKey.get('ParameterKey');
                const keyText = scalarText(key?.value);
                if (!key || !keyText)
                    return fail(item, 'an item without a "ParameterKey"');
                const value = item.byKey.get('ParameterValue');
                const previous = item.byKey.get('UsePreviousValue');
                const usePreviousValue = previous !== undefined && scalarText(previous.value) === 'true';
                return {
                    key: keyText,
                    value: value && !usePreviousValue ? valueText(value.value, fail, `the ParameterValue of ${keyText}`) : undefined,
                    usePreviousValue,
                    pos: key.value.pos,
                    valuePos: value?.value.pos ?? key.value.pos,
                };
            });
            return finish({ ...base, format: 'awscli', entries, tags: {} }, fail);
        }
        const entries = root.items.map((item) => {
            const line = item.kind === 'scalar' ? scalarText(item) : undefined;
            const at = line?.indexOf('=') ?? -1;
            if (line === undefined || at <= 0)
                return fail(item, 'every item of the list must be a "Key=Value" string');
            return {
                key: line.slice(0, at).trim(),
                value: line.slice(at + 1),
                usePreviousValue: false,
                pos: item.pos,
                valuePos: { line: item.pos.line, column: item.pos.column + at + 1 },
            };
        });
        return finish({ ...base, format: 'key-value', entries, tags: {} }, fail);
    }
    return fail(root, 'not a parameters file');
}
function valueText(node, fail, what) {
    if (node.kind === 'scalar')
        return scalarText(node) ?? '';
    // A YAML list for a CommaDelimitedList parameter is what the user means; CloudFormation wants the joined string.
    if (node.kind === 'seq' && node.items.every((i) => i.kind === 'scalar'))
        return node.items.map((i) => scalarText(i) ?? '').join(',');
    return fail(node, `${what} must be a string`);
}
function tagsOf(root, fail) {
    const tags = root.byKey.get('Tags')?.value;
    if (!tags)
        return {};
    if (tags.kind !== 'map')
        return fail(tags, '"Tags" must be a mapping of tag key to value');
    return Object.fromEntries(tags.entries.map((e) => [e.key, valueText(e.value, fail, `the tag ${e.key}`)]));
}
function finish(file, fail) {
    const seen = new Map();
    const values = {};
    const usePrevious = [];
    for (const e of file.entries) {
        const first = seen.get(e.key);
        if (first)
            fail({ kind: 'scalar', value: e.key, pos: e.pos }, `parameter '${e.key}' is given twice (first at line ${first.line})`);
        seen.set(e.key, e.pos);
        if (e.usePreviousValue)
            usePrevious.push(e.key);
        else if (e.value !== undefined)
            values[e.key] = e.value;
    }
    return { ...file, values, usePrevious };
}
/**
 * Sets (or adds) parameter values and returns the file's new text, in the format and syntax it was read in;
 * every other entry, the Tags, and (in YAML) comments are kept. An entry that said UsePreviousValue gets the value.
 */
function setParameterValues(file, updates) {
    if (file.syntax === 'yaml')
        return setInYaml(file, updates);
    const plain = JSON.parse(file.text.replace(/^\uFEFF/, ''));
    const updated = applyUpdates(plain, file.format, updates);
    return JSON.stringify(updated, null, detectIndent(file.text)) + (file.text.endsWith('\n') ? '\n' : '');
}
function applyUpdates(plain, format, updates) {
    if (format === 'codepipeline') {
        const root = plain;
        for (const [k, v] of Object.entries(updates))
            root.Parameters[k] = v;
        return root;
    }
    const list = plain;
    for (const [k, v] of Object.entries(updates)) {
        if (format === 'awscli') {
            const item = list.find((i) => i['ParameterKey'] === k);
            if (item) {
                item['ParameterValue'] = v;
                delete item['UsePreviousValue'];
            }
            else
                list.push({ ParameterKey: k, ParameterValue: v });
        }
        else {
            const index = list.findIndex((i) => typeof i === 'string' && i.slice(0, i.indexOf('=')).trim() === k);
            if (index >= 0)
                list[index] = `${k}=${v}`;
            else
                list.push(`${k}=${v}`);
        }
    }
    return list;
}
function setInYaml(file, updates) {
    const doc = parseDocument(file.text, { uniqueKeys: false });
    const contents = doc.contents;
    for (const [k, v] of Object.entries(updates)) {
        if (file.format === 'codepipeline') {
            doc.setIn(['Parameters', k], v);
        }
        else if (isYamlSeq(contents)) {
            const index = contents.items.findIndex((item) => file.format === 'awscli'
                ? isYamlMap(item) && String(item.get('ParameterKey')) === k
                : isYamlScalar(item) && String(item.value).slice(0, String(item.value).indexOf('=')).trim() === k);
            if (file.format === 'awscli') {
                if (index >= 0) {
                    doc.setIn([index, 'ParameterValue'], v);
                    doc.deleteIn([index, 'UsePreviousValue']);
                }
                else
                    contents.add(doc.createNode({ ParameterKey: k, ParameterValue: v }));
            }
            else if (index >= 0)
                doc.setIn([index], `${k}=${v}`);
            else
                contents.add(doc.createNode(`${k}=${v}`));
        }
    }
    return doc.toString();
}
function detectIndent(text) {
    const m = /\n([ \t]+)\S/.exec(text);
    if (!m?.[1])
        return 2;
    return m[1].startsWith('\t') ? '\t' : m[1].length;
}
/**
 * Sets values in a parameters file on disk and returns what was written. A file that does not exist is created in
 * `createAs` (default: the CodePipeline object, JSON).
 */
function writeParameterValues(path, updates, options = {}) {
    const current = existsSync(path)
        ? readParametersFile(path)
        : parseParametersFile(emptyFile(options.createAs ?? 'codepipeline'), { path });
    const text = setParameterValues(current, updates);
    writeFileSync(path, text);
    return parseParametersFile(text, { path });
}
function emptyFile(format) {
    return format === 'codepipeline' ? '{\n  "Parameters": {}\n}\n' : '[]\n';
}
/**
 * `parameter-overrides`: `Key=Value` lines (a value may contain commas and `=`), a YAML/JSON mapping
 * (`Key: Value`; a list value is joined with commas, as a CommaDelimitedList wants), or any parameters-file format.
 */
function parseParameterOverrides(value, input = 'parameter-overrides') {
    const lines = value
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#'));
    if (lines.length === 0)
        return {};
    if (lines.every((l) => /^[A-Za-z0-9]+=/.test(l))) {
        const out = {};
        for (const l of lines) {
            const at = l.indexOf('=');
            const key = l.slice(0, at);
            if (key in out)
                throw new InputError(input, l, `each parameter once (${key} is given twice)`);
            out[key] = l.slice(at + 1);
        }
        return out;
    }
    const parsed = parseText(value);
    const problem = parsed.problems[0];
    if (problem)
        throw new InputError(input, value, `Key=Value lines or a YAML/JSON mapping (line ${problem.pos.line}: ${problem.message})`);
    const root = parsed.root;
    if (root?.kind === 'map' && !root.byKey.has('Parameters')) {
        const out = {};
        for (const e of root.entries) {
            const fail = () => {
                throw new InputError(input, value, `a string (or a list of strings) for parameter ${e.key}`);
            };
            out[e.key] = valueText(e.value, fail, e.key);
        }
        return out;
    }
    try {
        return parseParametersFile(value).values;
    }
    catch (error) {
        if (error instanceof ParametersFileError) {
            throw new InputError(input, value, 'Key=Value lines, a YAML/JSON mapping of Key: Value, or a parameters-file list');
        }
        throw error;
    }
}

;// CONCATENATED MODULE: ./packages/cfn/src/placeholders.ts
/**
 * Whether a value is a placeholder someone forgot to replace (`your-bucket-name-here`, `changeme`, `<account-id>`,
 * `xxx`, `TODO`, `REPLACE_ME`, `user@example.com`, the documentation's account 123456789012). Returns why, or
 * undefined for a value that looks real. Tuned against false positives: a word that merely contains "your" or
 * "example" is not a placeholder.
 */
function detectPlaceholder(value) {
    const v = value.trim();
    if (v === '')
        return undefined;
    const lower = v.toLowerCase();
    if (PLACEHOLDER_WORDS.has(lower.replace(/[\s_-]+/g, '')))
        return `'${v}' is a placeholder word`;
    if (/^your[-_ ]?[a-z0-9]/i.test(v) && (/^your[-_ ]/i.test(v) || /^your[A-Z]/.test(v)))
        return "it starts with 'your' (e.g. your-bucket-name)";
    if (/[-_ ]here$/i.test(v) || /^(insert|replace|put|enter|add)[-_ ].*/i.test(v))
        return 'it reads as an instruction to replace it';
    if (/<[A-Za-z][\w .:/-]+>/.test(v) || /^\{\{[^}]*\}\}$/.test(v))
        return 'it contains a <…> placeholder';
    if (/\bTODO\b|\bFIXME\b|\bTBD\b/.test(v) || /(^|[^a-z])(change|replace)[-_ ]?me([^a-z]|$)/i.test(v))
        return 'it contains TODO/REPLACE_ME/changeme';
    if (lower.split(/[^a-z0-9]+/).some((segment) => /^x{3,}$/.test(segment)))
        return "it contains 'xxx'";
    if (/(^|[@.])example\.(com|org|net)$/i.test(v) || /[/@.]example\.(com|org|net)([/:]|$)/i.test(v))
        return 'it uses the example.com documentation domain';
    if (/(^|\D)(123456789012|111122223333|000000000000)(\D|$)/.test(v))
        return 'it contains a documentation account id (123456789012)';
    if (/^(ami|sg|subnet|vpc|i|vol|igw|rtb|eni|snap)-(12345678|0?123456789abcdef0?|abcdef01?)$/i.test(v))
        return 'it is a documentation example id';
    return undefined;
}
const PLACEHOLDER_WORDS = new Set([
    'changeme',
    'replaceme',
    'todo',
    'tbd',
    'fixme',
    'placeholder',
    'xxx',
    'dummy',
    'foo',
    'foobar',
    'yourvalue',
    'yourvaluehere',
    'valuehere',
    'password',
]);

;// CONCATENATED MODULE: ./packages/cfn/src/capabilities.ts




/** IAM resource types CloudFormation asks an acknowledgement for, and the property that names each one. */
const IAM_TYPES = {
    'AWS::IAM::AccessKey': undefined,
    'AWS::IAM::Group': 'GroupName',
    'AWS::IAM::GroupPolicy': undefined,
    'AWS::IAM::InstanceProfile': 'InstanceProfileName',
    'AWS::IAM::ManagedPolicy': 'ManagedPolicyName',
    'AWS::IAM::Policy': undefined,
    'AWS::IAM::Role': 'RoleName',
    'AWS::IAM::RolePolicy': undefined,
    'AWS::IAM::User': 'UserName',
    'AWS::IAM::UserPolicy': undefined,
    'AWS::IAM::UserToGroupAddition': undefined,
};
/** SAM resources that create an IAM role unless given one. */
const SAM_ROLE_PROPERTY = {
    'AWS::Serverless::Function': 'Role',
    'AWS::Serverless::StateMachine': 'Role',
};
const MAX_NESTING = 5;
/**
 * The capabilities a deploy of this template must acknowledge: CAPABILITY_IAM for IAM resources,
 * CAPABILITY_NAMED_IAM when one of them has a custom name, CAPABILITY_AUTO_EXPAND for transforms and macros.
 * Nested stacks whose TemplateURL is a local file (before `cloudformation package`) are read and included.
 */
function capabilities_requiredCapabilities(template, depth = 0) {
    const reasons = [];
    const add = (capability, why, pos) => reasons.push(template.file === undefined ? { capability, why, pos } : { capability, why, pos, file: template.file });
    for (const t of template.transforms)
        add('CAPABILITY_AUTO_EXPAND', `the template uses the transform ${t.name}`, t.pos);
    if (template.root) {
        walk(template.root, (node) => {
            const fn = intrinsic(node);
            if (fn?.name === 'Fn::Transform') {
                add('CAPABILITY_AUTO_EXPAND', `Fn::Transform calls the macro ${nodes_text(get(fn.arg, 'Name')) ?? ''}`.trim(), fn.keyPos);
            }
        });
    }
    for (const r of template.resources.values()) {
        const type = r.type ?? '';
        if (Object.hasOwn(IAM_TYPES, type)) {
            const nameProperty = IAM_TYPES[type];
            if (nameProperty && get(r.properties, nameProperty) !== undefined) {
                add('CAPABILITY_NAMED_IAM', `${r.logicalId} (${type}) has a custom name (${nameProperty})`, r.pos);
            }
            else {
                add('CAPABILITY_IAM', `${r.logicalId} is an IAM resource (${type})`, r.pos);
            }
        }
        else if (Object.hasOwn(SAM_ROLE_PROPERTY, type) &&
            get(r.properties, SAM_ROLE_PROPERTY[type]) === undefined) {
            add('CAPABILITY_IAM', `${r.logicalId} (${type}) creates an IAM role (it has no ${SAM_ROLE_PROPERTY[type]})`, r.pos);
        }
        else if (type === 'AWS::CloudFormation::Stack' && depth < MAX_NESTING) {
            const child = nestedTemplate(template, nodes_text(get(r.properties, 'TemplateURL')));
            if (child) {
                for (const reason of capabilities_requiredCapabilities(child, depth + 1).reasons) {
                    reasons.push({
                        ...reason,
                        why: `nested stack ${r.logicalId}: ${reason.why}`,
                        pos: r.pos,
                        ...(template.file ? { file: template.file } : {}),
                    });
                }
            }
        }
    }
    const found = new Set(reasons.map((r) => r.capability));
    const capabilities = [];
    if (found.has('CAPABILITY_NAMED_IAM'))
        capabilities.push('CAPABILITY_NAMED_IAM');
    else if (found.has('CAPABILITY_IAM'))
        capabilities.push('CAPABILITY_IAM');
    if (found.has('CAPABILITY_AUTO_EXPAND'))
        capabilities.push('CAPABILITY_AUTO_EXPAND');
    return { capabilities, reasons };
}
/** A nested stack's template when its TemplateURL is a local path next to the parent. */
function nestedTemplate(parent, url) {
    if (!url || !parent.file || /^[a-z]+:\/\//i.test(url))
        return undefined;
    const file = external_node_path_default().resolve(external_node_path_default().dirname(parent.file), url);
    if (!(0,external_node_fs_.existsSync)(file))
        return undefined;
    try {
        return parseTemplate((0,external_node_fs_.readFileSync)(file, 'utf8'), { file });
    }
    catch {
        return undefined;
    }
}
/** The union of several templates' capabilities, in the order CloudFormation documents them. */
function mergeCapabilities(lists) {
    const all = new Set(lists.flat());
    const out = [];
    if (all.has('CAPABILITY_NAMED_IAM'))
        out.push('CAPABILITY_NAMED_IAM');
    else if (all.has('CAPABILITY_IAM'))
        out.push('CAPABILITY_IAM');
    if (all.has('CAPABILITY_AUTO_EXPAND'))
        out.push('CAPABILITY_AUTO_EXPAND');
    return out;
}

;// CONCATENATED MODULE: ./packages/cfn/src/rules/catalog.ts
/**
 * Every rule of the validator. H1 syntax and structure, H2 references, H3 resource data, H4 parameters and
 * parameter files, H5 limits and capabilities, H6 security and operations, H7 literal values CloudFormation
 * rejects, H9 CloudFormation's own ValidateTemplate. docs/actions/cfn-validate-rules.md lists them.
 */
const catalog_RULES = {
    H1001: { level: 'error', title: 'YAML or JSON syntax error' },
    H1002: { level: 'error', title: 'Duplicate mapping key' },
    H1003: { level: 'error', title: 'Unknown YAML tag (not a CloudFormation intrinsic function)' },
    H1004: { level: 'error', title: 'YAML aliases expand too far (alias bomb) or refer to nothing' },
    H1010: { level: 'error', title: 'The template is not a mapping or has no Resources' },
    H1011: { level: 'error', title: 'Unknown top-level section' },
    H1012: { level: 'error', title: 'A resource without a Type, or not a mapping' },
    H1013: { level: 'error', title: 'Unknown resource attribute (a key beside Type/Properties/…)' },
    H1014: { level: 'error', title: 'Malformed intrinsic function' },
    H1015: { level: 'error', title: 'Invalid logical id' },
    H1016: { level: 'error', title: 'An output without a Value' },
    H1017: { level: 'error', title: 'A section or entry of the wrong shape' },
    H2001: { level: 'error', title: 'Ref to an undefined parameter or resource' },
    H2002: { level: 'error', title: 'GetAtt of an undefined resource' },
    H2003: { level: 'error', title: 'Sub variable naming nothing' },
    H2004: { level: 'error', title: 'DependsOn an undefined resource' },
    H2005: { level: 'error', title: 'Undefined condition' },
    H2006: { level: 'error', title: 'FindInMap of an undefined mapping or key' },
    H2007: { level: 'error', title: 'Circular dependency between resources' },
    H2008: { level: 'warning', title: 'Unused parameter' },
    H2009: { level: 'error', title: 'Ref to a resource inside Conditions' },
    H3001: { level: 'error', title: 'Unknown resource type' },
    H3002: { level: 'error', title: 'Unknown property' },
    H3003: { level: 'error', title: 'Missing required property' },
    H3004: { level: 'error', title: 'Value of the wrong shape' },
    H3005: { level: 'error', title: 'GetAtt of an attribute the resource type does not have' },
    H4001: { level: 'error', title: 'Parameter Default not in AllowedValues' },
    H4002: { level: 'error', title: 'Parameter Default does not match AllowedPattern' },
    H4003: { level: 'error', title: 'Parameter Default outside MinLength/MaxLength' },
    H4004: { level: 'error', title: 'Parameter Default outside MinValue/MaxValue' },
    H4005: { level: 'error', title: 'Unknown parameter Type' },
    H4010: { level: 'error', title: 'Parameters file: a key the template does not declare' },
    H4011: { level: 'error', title: 'Parameters file: no value for a parameter without Default' },
    H4012: { level: 'info', title: 'Deferred parameter: a later step supplies it' },
    H4013: { level: 'error', title: 'Parameters file: placeholder value' },
    H4014: { level: 'error', title: 'Parameters file: value breaks the parameter constraints' },
    H5001: { level: 'warning', title: 'Template body over 51,200 bytes: needs an S3 upload' },
    H5002: { level: 'error', title: 'Template body over 1 MB' },
    H5003: { level: 'error', title: 'More than 500 resources' },
    H5004: { level: 'error', title: 'More than 200 parameters' },
    H5005: { level: 'error', title: 'More than 200 outputs' },
    H5010: { level: 'info', title: 'Capabilities the deploy must acknowledge' },
    H6001: { level: 'warning', title: 'SSH/RDP open to the internet' },
    H6002: { level: 'warning', title: 'IMDSv2 not required' },
    H6003: { level: 'warning', title: 'Unencrypted EBS volume' },
    H6004: { level: 'info', title: 'S3 bucket without an explicit encryption configuration' },
    H6005: { level: 'warning', title: 'S3 bucket open to the public' },
    H6006: { level: 'warning', title: 'IAM policy allows every action on every resource' },
    H7001: { level: 'error', title: 'Invalid S3 bucket name' },
    H7002: { level: 'error', title: 'Value outside the allowed values of the property' },
    H9001: { level: 'error', title: "CloudFormation's ValidateTemplate rejected the template" },
};
function isRuleId(id) {
    return Object.hasOwn(catalog_RULES, id);
}

;// CONCATENATED MODULE: ./packages/cfn/src/spec/suggest.ts
/**
 * "Did you mean": the candidate closest to `name`, or undefined when none is close enough.
 * A case-insensitive exact match wins; otherwise the smallest Damerau-Levenshtein distance (case-insensitive,
 * ties to the earlier candidate) within a cutoff that grows with the length of the last `::` segment of `name`
 * (`AWS::EC2::Instanse` is judged on `Instanse`, so a shared `AWS::EC2::` prefix does not make anything close).
 */
function suggest(name, candidates) {
    const wanted = name.toLowerCase();
    const separator = name.lastIndexOf('::');
    const segment = separator < 0 ? name : name.slice(separator + 2);
    const cutoff = Math.max(1, Math.floor(segment.length / 3));
    let best;
    let bestDistance = cutoff + 1;
    for (const candidate of candidates) {
        const lower = candidate.toLowerCase();
        if (lower === wanted)
            return candidate;
        if (Math.abs(lower.length - wanted.length) >= bestDistance)
            continue;
        const distance = editDistance(wanted, lower, bestDistance);
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}
/**
 * Optimal-string-alignment distance (insertions, deletions, substitutions, adjacent transpositions), giving up
 * with `limit` as soon as every alignment of the prefix costs at least that much.
 */
function editDistance(a, b, limit = Number.POSITIVE_INFINITY) {
    const width = b.length + 1;
    let beforePrevious = new Array(width).fill(0);
    let previous = Array.from({ length: width }, (_, j) => j);
    let current = new Array(width).fill(0);
    for (let i = 1; i <= a.length; i++) {
        current[0] = i;
        let rowMinimum = i;
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                value = Math.min(value, beforePrevious[j - 2] + 1);
            }
            current[j] = value;
            if (value < rowMinimum)
                rowMinimum = value;
        }
        if (rowMinimum >= limit)
            return limit;
        [beforePrevious, previous, current] = [previous, current, beforePrevious];
    }
    return previous[b.length];
}

;// CONCATENATED MODULE: ./packages/cfn/src/rules/structure.ts



const RESOURCE_KEYS = [
    'Type',
    'Properties',
    'DependsOn',
    'Condition',
    'Metadata',
    'DeletionPolicy',
    'UpdateReplacePolicy',
    'CreationPolicy',
    'UpdatePolicy',
    'Version',
];
const OUTPUT_KEYS = ['Value', 'Description', 'Export', 'Condition'];
const LOGICAL_ID = /^[A-Za-z0-9]+$/;
function didYouMean(name, candidates) {
    const s = suggest(name, candidates);
    return s ? ` Did you mean '${s}'?` : '';
}
/** H1010–H1017: the template's sections, resources and outputs have the shape CloudFormation requires. */
function checkStructure(context) {
    const { template, report } = context;
    const root = template.root;
    if (!root)
        return;
    const sam = template.transforms.some((t) => t.name.startsWith('AWS::Serverless'));
    const macros = template.transforms.some((t) => !t.name.startsWith('AWS::'));
    for (const e of root.entries) {
        if (!TOP_LEVEL_SECTIONS.includes(e.key) && !(sam && e.key === 'Globals')) {
            report('H1011', e.keyPos, `Unknown top-level section '${e.key}'.${didYouMean(e.key, TOP_LEVEL_SECTIONS)}`, `use one of ${TOP_LEVEL_SECTIONS.join(', ')}.`);
        }
    }
    for (const name of ['Parameters', 'Mappings', 'Conditions', 'Resources', 'Outputs', 'Metadata', 'Rules']) {
        const e = root.byKey.get(name);
        if (e && e.value.kind !== 'map')
            report('H1017', e.value.pos, `The ${name} section must be a mapping.`, `write ${name} as a mapping of logical ids to their definitions.`);
    }
    const resources = root.byKey.get('Resources');
    if (!resources) {
        report('H1010', { line: 1, column: 1 }, 'The template has no Resources section.', 'declare at least one resource under Resources.');
    }
    else if (resources.value.kind === 'map' && resources.value.entries.length === 0) {
        report('H1010', resources.keyPos, 'The Resources section is empty.', 'declare at least one resource under Resources.');
    }
    for (const r of template.resources.values()) {
        if (r.logicalId.startsWith('Fn::ForEach::'))
            continue;
        if (!LOGICAL_ID.test(r.logicalId)) {
            report('H1015', r.pos, `Logical id '${r.logicalId}' must be alphanumeric (A-Z, a-z, 0-9).`, 'rename the resource without hyphens, underscores or dots.');
        }
        if (r.node.kind !== 'map') {
            report('H1012', r.node.pos, `Resource ${r.logicalId} must be a mapping with a Type.`, 'give the resource a Type and its Properties.');
            continue;
        }
        if (r.type === undefined) {
            report('H1012', r.pos, `Resource ${r.logicalId} has no Type.`, 'add Type: AWS::<service>::<resource>.');
        }
        for (const e of r.node.entries) {
            // A macro reads attributes of its own (Count, ExplodeMap…) and removes them.
            if (!RESOURCE_KEYS.includes(e.key) && !macros) {
                report('H1013', e.keyPos, `Resource ${r.logicalId} has an unknown attribute '${e.key}'.${didYouMean(e.key, RESOURCE_KEYS)}`, 'properties go under Properties; other keys must be resource attributes.');
            }
        }
        const properties = r.properties;
        if (properties && properties.kind !== 'map' && !intrinsic(properties)) {
            report('H1017', properties.pos, `The Properties of ${r.logicalId} must be a mapping.`, 'write Properties as a mapping of property names to values.');
        }
    }
    for (const o of template.outputs.values()) {
        if (o.name.startsWith('Fn::ForEach::'))
            continue;
        if (!LOGICAL_ID.test(o.name)) {
            report('H1015', o.pos, `Output name '${o.name}' must be alphanumeric (A-Z, a-z, 0-9).`, 'rename the output.');
        }
        if (o.node.kind !== 'map') {
            report('H1017', o.node.pos, `Output ${o.name} must be a mapping with a Value.`, 'write the output as Value: … (and optionally Description, Export, Condition).');
            continue;
        }
        if (o.value === undefined)
            report('H1016', o.pos, `Output ${o.name} has no Value.`, 'add Value: to the output.');
        for (const e of o.node.entries) {
            if (!OUTPUT_KEYS.includes(e.key)) {
                report('H1017', e.keyPos, `Output ${o.name} has an unknown key '${e.key}'.${didYouMean(e.key, OUTPUT_KEYS)}`, `use ${OUTPUT_KEYS.join(', ')}.`);
            }
        }
    }
    for (const section of ['Resources', 'Outputs', 'Conditions']) {
        const node = root.byKey.get(section)?.value;
        if (node)
            checkIntrinsicShapes(node, context);
    }
}
/** Argument counts and kinds of intrinsic functions (only what is certain whatever nested functions return). */
function checkIntrinsicShapes(node, { report }) {
    walk(node, (n) => {
        const directive = rainDirective(n);
        if (directive) {
            report('H1003', n.pos, `'${directive}' is a directive of the rain CLI, not CloudFormation.`, 'run rain pkg to produce the template CloudFormation deploys, and validate that.');
            return false;
        }
        const fn = intrinsic(n);
        if (!fn)
            return true;
        const arg = fn.arg;
        const items = arg.kind === 'seq' ? arg.items : undefined;
        const nested = intrinsic(arg) !== undefined;
        const bad = (expected) => report('H1014', fn.keyPos, `${fn.name} expects ${expected}.`, `see the ${fn.name} reference in the CloudFormation user guide.`);
        switch (fn.name) {
            case 'Ref':
                if (arg.kind !== 'scalar' || nodes_text(arg) === undefined)
                    bad('the name of a parameter or resource');
                break;
            case 'Fn::GetAtt':
                if (arg.kind === 'scalar' ? !(nodes_text(arg) ?? '').includes('.') : !items || items.length !== 2) {
                    bad('[LogicalId, Attribute] (or LogicalId.Attribute in the short form)');
                }
                break;
            case 'Fn::Join':
                if (!items || items.length !== 2 || items[0]?.kind !== 'scalar')
                    bad('[delimiter, [values…]]');
                else if (items[1]?.kind === 'scalar' || (items[1]?.kind === 'map' && !intrinsic(items[1])))
                    bad('a list of values (or a function returning one) as its second item');
                break;
            case 'Fn::Select':
                if (!items || items.length !== 2)
                    bad('[index, list]');
                break;
            case 'Fn::Split':
                if (!items || items.length !== 2)
                    bad('[delimiter, string]');
                break;
            case 'Fn::FindInMap':
                if (!items || items.length < 3 || items.length > 4)
                    bad('[MapName, TopLevelKey, SecondLevelKey]');
                break;
            case 'Fn::If':
                if (!items || items.length !== 3 || nodes_text(items[0]) === undefined)
                    bad('[ConditionName, value if true, value if false]');
                break;
            case 'Fn::Equals':
                if (!items || items.length !== 2)
                    bad('two values to compare');
                break;
            case 'Fn::Not':
                if (!items || items.length !== 1)
                    bad('a list of exactly one condition');
                break;
            case 'Fn::And':
            case 'Fn::Or':
                if (!nested && (!items || items.length < 2 || items.length > 10))
                    bad('a list of 2 to 10 conditions');
                break;
            case 'Fn::Sub':
                if (arg.kind === 'map' && !nested)
                    bad('a string, or [string, {Variable: value}]');
                else if (items && (items.length !== 2 || items[0]?.kind !== 'scalar' || items[1]?.kind !== 'map'))
                    bad('a string, or [string, {Variable: value}]');
                break;
            case 'Fn::Cidr':
                if (!items || items.length !== 3)
                    bad('[ipBlock, count, cidrBits]');
                break;
        }
        return true;
    });
}

;// CONCATENATED MODULE: ./packages/cfn/src/spec/data.ts

/** The format scripts/build-cfn-spec.mjs writes; see its header. */
const RESOURCE_SPEC_FORMAT = 1;
// A file read rather than a JSON import: it is parsed only when a lookup first needs it, and ncc copies it next to
// dist/index.js as an asset (rewriting this URL to a path) instead of inlining 1.4 MB into the script.
const DATA_FILE = __webpack_require__.ab + "resource-spec.json";
function readResourceSpecData(file = DATA_FILE) {
    const data = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
    if (data.format !== RESOURCE_SPEC_FORMAT) {
        throw new Error(`${String(file)} has format ${String(data.format)}, this code reads ${RESOURCE_SPEC_FORMAT}: rebuild it with scripts/build-cfn-spec.mjs`);
    }
    return data;
}

;// CONCATENATED MODULE: ./packages/cfn/src/spec/decode.ts
const PRIMITIVES = {
    S: { kind: 'string' },
    I: { kind: 'integer' },
    N: { kind: 'number' },
    B: { kind: 'boolean' },
    J: { kind: 'json' },
    T: { kind: 'struct', name: 'Tag' },
};
/** The standard tag every `Tags: [{Key, Value}]` property takes (the spec's builtin `tag` type). */
const TAG_STRUCT = {
    name: 'Tag',
    properties: nullPrototype({
        Key: { name: 'Key', required: true, shape: { kind: 'string' }, causesReplacement: 'no' },
        // Required by most resource types, not all: not requiring it avoids false errors on the others.
        Value: { name: 'Value', required: false, shape: { kind: 'string' }, causesReplacement: 'no' },
    }),
};
class SpecDecoder {
    enums;
    enumShapes = new Map();
    constructor(enums) {
        this.enums = enums;
    }
    /** `Name=code,Name=code…` → property specs. */
    properties(encoded) {
        const properties = nullPrototype({});
        if (encoded === '')
            return properties;
        for (const entry of encoded.split(',')) {
            const [name, code] = splitOnce(entry, '=');
            properties[name] = this.property(name, code);
        }
        return properties;
    }
    /** `Name=shape,…` → shapes by name. */
    shapes(encoded) {
        const shapes = nullPrototype({});
        if (encoded === '')
            return shapes;
        for (const entry of encoded.split(',')) {
            const [name, code] = splitOnce(entry, '=');
            shapes[name] = this.shape(code);
        }
        return shapes;
    }
    /** `Struct:<properties>;Struct:<properties>…` → structs by name. */
    structs(encoded) {
        const structs = new Map();
        if (encoded === '')
            return structs;
        for (const entry of encoded.split(';')) {
            const [name, properties] = splitOnce(entry, ':');
            structs.set(name, { name, properties: this.properties(properties) });
        }
        return structs;
    }
    property(name, code) {
        let at = 0;
        let required = false;
        let causesReplacement = 'no';
        for (;; at++) {
            const flag = code[at];
            if (flag === '!')
                required = true;
            else if (flag === '^')
                causesReplacement = 'yes';
            else if (flag === '?')
                causesReplacement = 'maybe';
            else
                break;
        }
        return { name, required, shape: this.shape(code, at), causesReplacement };
    }
    shape(code, start = 0) {
        const reader = { code, at: start };
        const shape = this.read(reader);
        if (reader.at !== code.length)
            throw corrupt(code);
        return shape;
    }
    read(reader) {
        const { code } = reader;
        const head = code[reader.at++];
        switch (head) {
            case '[':
                return { kind: 'list', item: this.read(reader) };
            case '{':
                return { kind: 'map', item: this.read(reader) };
            case '@': {
                const name = readWhile(reader, NAME_CHARACTERS);
                if (name === '')
                    throw corrupt(code);
                return { kind: 'struct', name };
            }
            case '(': {
                const options = [this.read(reader)];
                while (code[reader.at] === '|') {
                    reader.at++;
                    options.push(this.read(reader));
                }
                if (code[reader.at++] !== ')')
                    throw corrupt(code);
                return { kind: 'union', options };
            }
            case 'S':
            case 'I':
                if (code[reader.at] === '#') {
                    reader.at++;
                    return this.enumShape(head, readWhile(reader, DIGITS));
                }
                return PRIMITIVES[head];
            default: {
                const primitive = head === undefined ? undefined : PRIMITIVES[head];
                if (!primitive)
                    throw corrupt(code);
                return primitive;
            }
        }
    }
    enumShape(kind, index) {
        const key = kind + index;
        let shape = this.enumShapes.get(key);
        if (!shape) {
            const values = index === '' ? undefined : this.enums[Number(index)];
            if (values === undefined)
                throw corrupt(key);
            const list = values.split('|');
            shape =
                kind === 'S' ? { kind: 'string', allowedValues: list } : { kind: 'integer', allowedValues: list.map(Number) };
            this.enumShapes.set(key, shape);
        }
        return shape;
    }
}
const NAME_CHARACTERS = /\w+/y;
const DIGITS = /\d+/y;
function readWhile(reader, pattern) {
    pattern.lastIndex = reader.at;
    const match = pattern.exec(reader.code);
    if (!match)
        return '';
    reader.at = pattern.lastIndex;
    return match[0];
}
function splitOnce(entry, separator) {
    const at = entry.indexOf(separator);
    if (at < 0)
        throw corrupt(entry);
    return [entry.slice(0, at), entry.slice(at + 1)];
}
function corrupt(code) {
    return new Error(`packages/cfn/data/resource-spec.json is corrupt near "${code}": rebuild it with scripts/build-cfn-spec.mjs`);
}
function nullPrototype(values) {
    return Object.assign(Object.create(null), values);
}

;// CONCATENATED MODULE: ./packages/cfn/src/spec/index.ts
// The CloudFormation resource data the validator checks templates against: resource types, their properties
// (required flag, shape, allowed values, replacement on update), property types (structs) and GetAtt attributes.
// Derived from @aws-cdk/aws-service-spec by scripts/build-cfn-spec.mjs; read once, lazily, on the first lookup.



// One per process on purpose: the data is immutable, and reading it again per template would cost the 20–40 ms
// that the cold-start budget of cfn-validate cannot spare.
let loaded;
/** What may follow an attribute prefix: one name (an output's logical id, a map key). */
const DYNAMIC_ATTRIBUTE_PART = /^[\w-]+$/;
function spec() {
    if (!loaded) {
        const data = readResourceSpecData();
        loaded = { data, decoder: new SpecDecoder(data.enums), resourceTypes: new Map(), structs: new Map() };
    }
    return loaded;
}
/** The encoded sections of a resource type: properties, attributes, structs. */
function sections(name) {
    const { resources } = spec().data;
    if (!Object.hasOwn(resources, name))
        return undefined;
    const [properties = '', attributes = '', structs = ''] = resources[name].split('/');
    return [properties, attributes, structs];
}
function decodedResourceType(name) {
    const { decoder, resourceTypes, data } = spec();
    const cached = resourceTypes.get(name);
    if (cached)
        return cached;
    const encoded = sections(name);
    if (!encoded)
        return undefined;
    const attributeShapes = decoder.shapes(encoded[1]);
    const attributes = [];
    const attributePrefixes = [];
    for (const attribute of Object.keys(attributeShapes)) {
        if (attribute.endsWith('.*'))
            attributePrefixes.push(attribute.slice(0, -1));
        else
            attributes.push(attribute);
    }
    const transform = Object.hasOwn(data.transforms, name) ? data.transforms[name] : undefined;
    const decoded = {
        spec: {
            name,
            properties: decoder.properties(encoded[0]),
            attributes,
            attributePrefixes,
            ...(transform === undefined ? {} : { transform }),
        },
        attributeShapes,
    };
    resourceTypes.set(name, decoded);
    return decoded;
}
/** The spec of a resource type (`AWS::S3::Bucket`), or undefined when CloudFormation has no such type. */
function resourceType(name) {
    return decodedResourceType(name)?.spec;
}
/**
 * The shape of what `!GetAtt <resource>.<attribute>` returns, or undefined when the resource type (or the
 * attribute) is unknown. Dotted names (`Endpoint.Address`) and prefixed ones (`Outputs.VpcId`) included.
 */
function attributeShape(resourceTypeName, attribute) {
    const decoded = decodedResourceType(resourceTypeName);
    if (!decoded)
        return undefined;
    const { spec: typeSpec, attributeShapes } = decoded;
    if (Object.hasOwn(attributeShapes, attribute) && !attribute.endsWith('.*'))
        return attributeShapes[attribute];
    const prefix = typeSpec.attributePrefixes.find((p) => attribute.startsWith(p) && DYNAMIC_ATTRIBUTE_PART.test(attribute.slice(p.length)));
    return prefix === undefined ? undefined : attributeShapes[`${prefix}*`];
}
/**
 * A property type (struct) of a resource type, named by a `{kind: 'struct'}` shape of that resource type;
 * undefined when either is unknown.
 */
function propertyType(resourceTypeName, typeName) {
    const { decoder, structs } = spec();
    let ofResource = structs.get(resourceTypeName);
    if (!ofResource) {
        const encoded = sections(resourceTypeName);
        if (!encoded)
            return undefined;
        ofResource = decoder.structs(encoded[2]);
        structs.set(resourceTypeName, ofResource);
    }
    return ofResource.get(typeName) ?? (typeName === TAG_STRUCT.name ? TAG_STRUCT : undefined);
}
/** Every resource type name the data knows, sorted. */
function allResourceTypeNames() {
    const loadedSpec = spec();
    loadedSpec.names ??= Object.keys(loadedSpec.data.resources);
    return loadedSpec.names;
}
/** Which release of @aws-cdk/aws-service-spec the data was built from. */
function resourceSpecSource() {
    return spec().data.source;
}

;// CONCATENATED MODULE: ./packages/cfn/src/rules/references.ts



function references_didYouMean(name, candidates) {
    const s = suggest(name, candidates);
    return s ? ` Did you mean '${s}'?` : '';
}
/** Types whose GetAtt attributes are not in the resource data (they come from the custom code or nested stack). */
function takesAnyAttribute(type) {
    return (type.startsWith('Custom::') ||
        type === 'AWS::CloudFormation::CustomResource' ||
        type.startsWith('AWS::Serverless::'));
}
/** H2001–H2009 and H3005: every name a template uses is declared; no circular dependencies. */
function checkReferences(context) {
    const { template, report, transformed } = context;
    const root = template.root;
    if (!root)
        return;
    const { parameters, resources, conditions } = template;
    const declared = [...parameters.keys(), ...resources.keys()];
    const resourceNames = [...resources.keys()];
    const edges = new Map();
    const used = new Set();
    const checkRef = (ref, inConditions, from) => {
        used.add(ref.target);
        if (PSEUDO_PARAMETERS.has(ref.target)) {
            if (ref.attribute !== undefined && ref.kind === 'Sub') {
                report('H2003', ref.pos, `\${${ref.target}.${ref.attribute}}: a pseudo parameter has no attributes.`, `write \${${ref.target}}.`);
            }
            return;
        }
        const resource = resources.get(ref.target);
        const isParameter = parameters.has(ref.target);
        if (inConditions && resource && ref.kind === 'Ref') {
            report('H2009', ref.pos, `Conditions can only Ref parameters; ${ref.target} is a resource.`, 'base the condition on a parameter.');
            return;
        }
        const needsResource = ref.kind === 'GetAtt' || (ref.kind === 'Sub' && ref.attribute !== undefined);
        if (resource && from !== undefined) {
            const list = edges.get(from) ?? [];
            list.push({ target: ref.target, pos: ref.pos });
            edges.set(from, list);
        }
        if (!resource && !(isParameter && !needsResource)) {
            // A transform (SAM, macros) adds resources of its own: a name it generates is not ours to judge.
            if (transformed)
                return;
            if (isParameter) {
                report(ref.kind === 'GetAtt' ? 'H2002' : 'H2003', ref.pos, `${ref.target} is a parameter; GetAtt needs a resource.`, `use Ref ${ref.target} (or \${${ref.target}}).`);
                return;
            }
            if (ref.kind === 'Ref') {
                report('H2001', ref.pos, `Ref ${ref.target}: no parameter or resource has that name.${references_didYouMean(ref.target, [...declared, ...PSEUDO_PARAMETERS])}`, 'declare it or correct the name.');
            }
            else if (ref.kind === 'GetAtt') {
                report('H2002', ref.pos, `GetAtt ${ref.target}: no resource has that name.${references_didYouMean(ref.target, resourceNames)}`, 'declare the resource or correct the name.');
            }
            else {
                const shown = ref.attribute === undefined ? ref.target : `${ref.target}.${ref.attribute}`;
                report('H2003', ref.pos, `Sub variable \${${shown}}: no parameter or resource is named ${ref.target}.${references_didYouMean(ref.target, [...declared, ...PSEUDO_PARAMETERS])}`, 'declare it, define it in the Sub variable map, or write ${!Literal} for literal text.');
            }
            return;
        }
        if (resource && needsResource && ref.attribute !== undefined && resource.type)
            checkAttribute(ref, resource.type);
    };
    const checkAttribute = (ref, type) => {
        const attribute = ref.attribute;
        if (takesAnyAttribute(type) || transformed)
            return;
        const spec = resourceType(type);
        if (!spec || attributeShape(type, attribute) !== undefined)
            return;
        report('H3005', ref.pos, `${type} has no attribute '${attribute}' (GetAtt ${ref.target}.${attribute}).${references_didYouMean(attribute, spec.attributes)}`, spec.attributes.length > 0
            ? `use one of: ${spec.attributes.join(', ')}.`
            : `${type} has no GetAtt attributes; use Ref ${ref.target}.`);
    };
    const checkConditionName = (name, pos) => {
        if (conditions.has(name))
            return;
        report('H2005', pos, `Condition '${name}' is not declared in Conditions.${references_didYouMean(name, conditions.keys())}`, 'declare the condition or correct its name.');
    };
    const checkFunctions = (node) => walk(node, (n) => {
        const fn = intrinsic(n);
        if (!fn)
            return;
        if (fn.name === 'Fn::If' && fn.arg.kind === 'seq') {
            const name = nodes_text(fn.arg.items[0]);
            if (name !== undefined && fn.arg.items[0])
                checkConditionName(name, fn.arg.items[0].pos);
        }
        else if (fn.name === 'Condition') {
            const name = nodes_text(fn.arg);
            if (name !== undefined)
                checkConditionName(name, fn.arg.pos);
        }
        else if (fn.name === 'Fn::FindInMap') {
            checkFindInMap(fn.arg, template, context);
        }
    });
    for (const r of resources.values()) {
        for (const ref of collectReferences(r.node))
            checkRef(ref, false, r.logicalId);
        for (const d of r.dependsOn) {
            if (resources.has(d.name)) {
                const list = edges.get(r.logicalId) ?? [];
                list.push({ target: d.name, pos: d.pos });
                edges.set(r.logicalId, list);
            }
            else if (!transformed) {
                report('H2004', d.pos, `${r.logicalId} DependsOn ${d.name}: no resource has that name.${references_didYouMean(d.name, resourceNames)}`, 'remove it or correct the name.');
            }
        }
        if (r.condition)
            checkConditionName(r.condition.name, r.condition.pos);
        checkFunctions(r.node);
    }
    for (const o of template.outputs.values()) {
        for (const ref of collectReferences(o.node))
            checkRef(ref, false, undefined);
        if (o.condition)
            checkConditionName(o.condition.name, o.condition.pos);
        checkFunctions(o.node);
    }
    for (const c of conditions.values()) {
        for (const ref of collectReferences(c.value))
            checkRef(ref, true, undefined);
        checkFunctions(c.value);
    }
    for (const name of ['Rules', 'Metadata']) {
        const section = root.byKey.get(name)?.value;
        if (section)
            for (const ref of collectReferences(section))
                used.add(ref.target);
    }
    reportCycles(edges, context);
    if (!transformed) {
        for (const p of parameters.values()) {
            if (!used.has(p.name))
                report('H2008', p.pos, `Parameter ${p.name} is declared but never used.`, 'remove it, or use it with Ref/Sub.');
        }
    }
}
function checkFindInMap(arg, template, { report }) {
    if (arg.kind !== 'seq' || arg.items.length !== 3)
        return;
    const [mapNode, firstNode, secondNode] = arg.items;
    const mapName = nodes_text(mapNode);
    if (mapName === undefined || !mapNode)
        return;
    const mapping = template.mappings.get(mapName);
    if (!mapping) {
        report('H2006', mapNode.pos, `FindInMap: no mapping is named '${mapName}'.${references_didYouMean(mapName, template.mappings.keys())}`, 'declare it under Mappings or correct the name.');
        return;
    }
    const body = mapping.value;
    if (body.kind !== 'map')
        return;
    const first = nodes_text(firstNode);
    const second = nodes_text(secondNode);
    if (first !== undefined && firstNode) {
        const level = body.byKey.get(first);
        if (!level) {
            report('H2006', firstNode.pos, `FindInMap: mapping ${mapName} has no key '${first}'.${references_didYouMean(first, body.byKey.keys())}`, `add '${first}' to mapping ${mapName} or correct the key.`);
            return;
        }
        if (second !== undefined && secondNode && level.value.kind === 'map' && !level.value.byKey.has(second)) {
            report('H2006', secondNode.pos, `FindInMap: ${mapName}.${first} has no key '${second}'.${references_didYouMean(second, level.value.byKey.keys())}`, `add '${second}' under ${mapName}.${first} or correct the key.`);
        }
    }
    else if (second !== undefined && secondNode) {
        // The first key is computed (e.g. the region): the second must exist under at least one first-level key.
        const anywhere = body.entries.some((e) => e.value.kind !== 'map' || e.value.byKey.has(second));
        if (!anywhere)
            report('H2006', secondNode.pos, `FindInMap: no entry of mapping ${mapName} has the key '${second}'.`, `add '${second}' to the entries of ${mapName} or correct the key.`);
    }
}
/** Strongly connected components (iterative Tarjan): each resource in a cycle is reported at its edge into it. */
function reportCycles(edges, { report }) {
    const index = new Map();
    const low = new Map();
    const onStack = new Set();
    const stack = [];
    let counter = 0;
    const components = [];
    for (const start of edges.keys()) {
        if (index.has(start))
            continue;
        const work = [{ node: start, next: 0 }];
        index.set(start, counter);
        low.set(start, counter++);
        stack.push(start);
        onStack.add(start);
        while (work.length > 0) {
            const frame = work[work.length - 1];
            const out = edges.get(frame.node) ?? [];
            if (frame.next < out.length) {
                const target = out[frame.next++].target;
                if (!index.has(target)) {
                    index.set(target, counter);
                    low.set(target, counter++);
                    stack.push(target);
                    onStack.add(target);
                    work.push({ node: target, next: 0 });
                }
                else if (onStack.has(target)) {
                    low.set(frame.node, Math.min(low.get(frame.node), index.get(target)));
                }
                continue;
            }
            work.pop();
            const parent = work[work.length - 1];
            if (parent)
                low.set(parent.node, Math.min(low.get(parent.node), low.get(frame.node)));
            if (low.get(frame.node) === index.get(frame.node)) {
                const component = [];
                let member;
                do {
                    member = stack.pop();
                    onStack.delete(member);
                    component.push(member);
                } while (member !== frame.node);
                components.push(component);
            }
        }
    }
    for (const component of components) {
        const members = new Set(component);
        const selfLoop = component.length === 1 && (edges.get(component[0]) ?? []).some((e) => e.target === component[0]);
        if (component.length === 1 && !selfLoop)
            continue;
        for (const name of component) {
            const edge = (edges.get(name) ?? []).find((e) => members.has(e.target));
            if (!edge)
                continue;
            const others = component.filter((c) => c !== name);
            report('H2007', edge.pos, selfLoop
                ? `${name} refers to itself.`
                : `Circular dependency: ${name} depends on ${edge.target}, and ${others.join(', ')} depend${others.length === 1 ? 's' : ''} back on ${name}.`, 'break the cycle: remove a DependsOn, or move the reference into a separate resource (e.g. an ingress rule or an attachment).');
        }
    }
}

;// CONCATENATED MODULE: ./packages/cfn/src/rules/resource-spec.ts




/** Transforms whose output keeps the resources' properties as written (so property checks stay meaningful). */
const KNOWN_TRANSFORMS = new Set(['AWS::Serverless-2016-10-31', 'AWS::LanguageExtensions', 'AWS::CodeDeployBlueGreen']);
/** H3001–H3004 and H7002: resource types, properties, required properties, shapes and allowed values. */
function checkResourceSpec(context) {
    const { template, report } = context;
    const macros = template.transforms.some((t) => !KNOWN_TRANSFORMS.has(t.name));
    for (const r of template.resources.values()) {
        const type = r.type;
        if (type === undefined || r.logicalId.startsWith('Fn::ForEach::') || takesAnyAttribute(type))
            continue;
        const spec = resourceType(type);
        if (!spec) {
            if (!/^(aws|alexa)::/i.test(type) || macros)
                continue;
            const s = suggest(type, allResourceTypeNames());
            report('H3001', r.typeNode?.pos ?? r.pos, `Resource type '${type}' does not exist.${s ? ` Did you mean '${s}'?` : ''}`, s ? `write Type: ${s}.` : 'check the type name in the CloudFormation resource reference.');
            continue;
        }
        if (macros || containsTransform(r.node))
            continue;
        const checker = new ShapeChecker(template, type, context);
        const props = r.properties;
        if (props === undefined) {
            const required = Object.values(spec.properties)
                .filter((p) => p.required)
                .map((p) => p.name);
            if (required.length > 0) {
                report('H3003', r.pos, `${r.logicalId} (${type}) is missing required ${plural(required)}: ${required.join(', ')}.`, `add Properties with ${required.join(', ')}.`);
            }
            continue;
        }
        checker.checkProperties(props, spec.properties, `${r.logicalId}`, r);
    }
}
function plural(names) {
    return names.length === 1 ? 'property' : 'properties';
}
function containsTransform(node) {
    let found = false;
    walk(node, (n) => {
        if (found)
            return false;
        if (n.kind === 'map' && n.byKey.has('Fn::Transform'))
            found = true;
        return !found;
    });
    return found;
}
class ShapeChecker {
    template;
    resourceTypeName;
    context;
    constructor(template, resourceTypeName, context) {
        this.template = template;
        this.resourceTypeName = resourceTypeName;
        this.context = context;
    }
    checkProperties(node, specs, where, resource) {
        const fn = intrinsic(node);
        if (fn) {
            if (fn.name === 'Fn::If' && fn.arg.kind === 'seq') {
                for (const branch of fn.arg.items.slice(1))
                    this.checkProperties(branch, specs, where, resource);
            }
            return;
        }
        if (node.kind !== 'map')
            return;
        const { report } = this.context;
        const names = Object.keys(specs);
        for (const e of node.entries) {
            const spec = specs[e.key];
            if (!spec) {
                const s = suggest(e.key, names);
                report('H3002', e.keyPos, `${where}: '${e.key}' is not a property of ${resource ? this.resourceTypeName : 'this structure'}.${s ? ` Did you mean '${s}'?` : ''}`, s ? `rename it to ${s}.` : `remove it; see the ${this.resourceTypeName} reference for its properties.`);
                continue;
            }
            this.checkValue(e.value, spec.shape, `${where}.${e.key}`);
        }
        const missing = Object.values(specs)
            .filter((p) => p.required && !node.byKey.has(p.name))
            .map((p) => p.name);
        if (missing.length > 0) {
            const pos = resource
                ? resource.node.kind === 'map'
                    ? (resource.node.byKey.get('Properties')?.keyPos ?? node.pos)
                    : node.pos
                : node.pos;
            report('H3003', pos, `${where} is missing required ${plural(missing)}: ${missing.join(', ')}.`, `add ${missing.join(', ')}.`);
        }
    }
    checkValue(node, shape, where) {
        const fn = intrinsic(node);
        if (fn?.name === 'Fn::If') {
            if (fn.arg.kind === 'seq')
                for (const branch of fn.arg.items.slice(1))
                    this.checkValue(branch, shape, where);
            return;
        }
        if (shape.kind === 'json' || shape.kind === 'any' || rainDirective(node))
            return;
        if (shape.kind === 'union') {
            if (shape.options.some((o) => this.accepts(node, o))) {
                const only = shape.options.filter((o) => this.accepts(node, o));
                if (only.length === 1 && only[0])
                    this.checkValue(node, only[0], where);
                return;
            }
            this.wrongShape(node, describeShape(shape), where);
            return;
        }
        if (fn) {
            const produced = this.produces(node);
            if (produced === 'absent' || produced === 'unknown')
                return;
            if (!compatible(produced, shape))
                this.wrongShape(node, describeShape(shape), where, produced);
            return;
        }
        switch (shape.kind) {
            case 'list':
                if (node.kind !== 'seq')
                    return this.wrongShape(node, describeShape(shape), where);
                node.items.forEach((item, i) => this.checkValue(item, shape.item, `${where}[${i}]`));
                return;
            case 'map':
                if (node.kind !== 'map')
                    return this.wrongShape(node, describeShape(shape), where);
                for (const e of node.entries)
                    this.checkValue(e.value, shape.item, `${where}.${e.key}`);
                return;
            case 'struct': {
                if (node.kind !== 'map')
                    return this.wrongShape(node, `a mapping (${shape.name})`, where);
                const struct = propertyType(this.resourceTypeName, shape.name);
                if (struct)
                    this.checkProperties(node, struct.properties, where);
                return;
            }
            default:
                this.checkScalar(node, shape, where);
        }
    }
    checkScalar(node, shape, where) {
        if (node.kind !== 'scalar')
            return this.wrongShape(node, describeShape(shape), where);
        const value = nodes_text(node);
        if (value === undefined)
            return;
        const { report } = this.context;
        if ((shape.kind === 'integer' && !/^[+-]?\d+$/.test(value.trim())) ||
            (shape.kind === 'number' && !Number.isFinite(Number(value)))) {
            report('H3004', node.pos, `${where}: '${value}' is not ${shape.kind === 'integer' ? 'an integer' : 'a number'}.`, `give ${where} a number.`);
            return;
        }
        if (shape.kind === 'boolean' && !/^(true|false)$/i.test(value)) {
            report('H3004', node.pos, `${where}: '${value}' is not a boolean.`, 'write true or false.');
            return;
        }
        if ((shape.kind === 'string' || shape.kind === 'integer') &&
            shape.allowedValues &&
            shape.allowedValues.length > 0) {
            const allowed = shape.allowedValues.map(String);
            if (!allowed.includes(value)) {
                const s = suggest(value, allowed);
                report('H7002', node.pos, `${where}: '${value}' is not an allowed value.${s ? ` Did you mean '${s}'?` : ''}`, `use one of: ${allowed.slice(0, 20).join(', ')}${allowed.length > 20 ? ', …' : ''}.`);
            }
        }
    }
    wrongShape(node, expected, where, produced) {
        const got = produced
            ? { list: 'a list', scalar: 'a single value', map: 'a mapping', unknown: 'a value', absent: 'nothing' }[produced]
            : node.kind === 'seq'
                ? 'a list'
                : node.kind === 'map'
                    ? 'a mapping'
                    : `the value '${nodes_text(node) ?? 'null'}'`;
        const fn = intrinsic(node);
        const how = fn ? ` (${fn.name === 'Ref' ? `Ref ${nodes_text(fn.arg) ?? ''}` : fn.name})` : '';
        const fix = expected.startsWith('a list') ? 'wrap the value in a list: [ value ].' : `give ${where} ${expected}.`;
        this.context.report('H3004', fn?.keyPos ?? node.pos, `${where} must be ${expected}, not ${got}${how}.`, fix);
    }
    accepts(node, shape) {
        if (shape.kind === 'json' || shape.kind === 'any')
            return true;
        if (shape.kind === 'union')
            return shape.options.some((o) => this.accepts(node, o));
        if (intrinsic(node)) {
            const produced = this.produces(node);
            return produced === 'unknown' || produced === 'absent' || compatible(produced, shape);
        }
        if (shape.kind === 'list')
            return node.kind === 'seq';
        if (shape.kind === 'map' || shape.kind === 'struct')
            return node.kind === 'map';
        return node.kind === 'scalar';
    }
    produces(node) {
        const fn = intrinsic(node);
        if (!fn)
            return node.kind === 'seq' ? 'list' : node.kind === 'map' ? 'map' : 'scalar';
        switch (fn.name) {
            case 'Ref': {
                const target = nodes_text(fn.arg);
                if (target === undefined)
                    return 'unknown';
                if (target === 'AWS::NoValue')
                    return 'absent';
                if (target === 'AWS::NotificationARNs')
                    return 'list';
                const parameter = this.template.parameters.get(target);
                if (parameter)
                    return isListParameterType(parameter.type) ? 'list' : parameter.type === undefined ? 'unknown' : 'scalar';
                return this.template.resources.has(target) ? 'scalar' : 'unknown';
            }
            case 'Fn::GetAtt': {
                const [resourceNode, attributeNode] = fn.arg.kind === 'seq' ? fn.arg.items : [];
                const type = this.template.resources.get(nodes_text(resourceNode) ?? '')?.type;
                const attribute = nodes_text(attributeNode);
                const shape = type && attribute !== undefined ? attributeShape(type, attribute) : undefined;
                if (!shape)
                    return 'unknown';
                return shape.kind === 'list'
                    ? 'list'
                    : shape.kind === 'json' || shape.kind === 'any' || shape.kind === 'union'
                        ? 'unknown'
                        : 'scalar';
            }
            case 'Fn::GetAZs':
            case 'Fn::Split':
            case 'Fn::Cidr':
                return 'list';
            case 'Fn::Join':
            case 'Fn::Sub':
            case 'Fn::Base64':
            case 'Fn::ToJsonString':
            case 'Fn::Length':
                return 'scalar';
            default:
                return 'unknown';
        }
    }
}
function compatible(produced, shape) {
    if (produced === 'unknown' || produced === 'absent')
        return true;
    switch (shape.kind) {
        case 'json':
        case 'any':
            return true;
        case 'union':
            return shape.options.some((o) => compatible(produced, o));
        case 'list':
            return produced === 'list';
        case 'map':
        case 'struct':
            return produced === 'map';
        default:
            return produced === 'scalar';
    }
}
function describeShape(shape) {
    switch (shape.kind) {
        case 'list':
            return `a list${shape.item.kind === 'struct' ? ` of ${shape.item.name}` : shape.item.kind === 'string' ? ' of strings' : ''}`;
        case 'map':
            return 'a mapping';
        case 'struct':
            return `a mapping (${shape.name})`;
        case 'union':
            return shape.options.map(describeShape).join(' or ');
        case 'integer':
            return 'an integer';
        case 'json':
        case 'any':
            return 'a value';
        default:
            return `a ${shape.kind}`;
    }
}

;// CONCATENATED MODULE: ./packages/cfn/src/rules/parameters.ts


const AWS_PARAMETER_TYPES = new Set([
    'AWS::EC2::AvailabilityZone::Name',
    'AWS::EC2::Image::Id',
    'AWS::EC2::Instance::Id',
    'AWS::EC2::KeyPair::KeyName',
    'AWS::EC2::SecurityGroup::GroupName',
    'AWS::EC2::SecurityGroup::Id',
    'AWS::EC2::Subnet::Id',
    'AWS::EC2::Volume::Id',
    'AWS::EC2::VPC::Id',
    'AWS::Route53::HostedZone::Id',
    'AWS::SSM::Parameter::Name',
]);
function isValidParameterType(type) {
    if (type === 'String' ||
        type === 'Number' ||
        type === 'CommaDelimitedList' ||
        type === 'List<Number>' ||
        type === 'List<String>')
        return true;
    if (AWS_PARAMETER_TYPES.has(type))
        return true;
    const list = /^List<(.+)>$/.exec(type);
    if (list?.[1] && AWS_PARAMETER_TYPES.has(list[1]))
        return true;
    const ssm = /^AWS::SSM::Parameter::Value<(.+)>$/.exec(type);
    return ssm?.[1] !== undefined && isValidParameterType(ssm[1]);
}
/**
 * The constraints of a parameter (AllowedValues, AllowedPattern, Min/MaxLength, Min/MaxValue) a value breaks;
 * list parameters are checked item by item.
 */
function parameterConstraintViolations(parameter, value) {
    const out = [];
    const isList = isListParameterType(parameter.type);
    const items = isList ? value.split(',').map((s) => s.trim()) : [value];
    const numeric = parameter.type === 'Number' || parameter.type === 'List<Number>';
    for (const item of items) {
        if (parameter.allowedValues && !parameter.allowedValues.includes(item)) {
            const caseOnly = parameter.allowedValues.find((a) => a.toLowerCase() === item.toLowerCase());
            out.push({
                rule: 'H4001',
                message: `is not one of the AllowedValues (${parameter.allowedValues.join(', ')})${caseOnly ? `; values are case-sensitive: '${caseOnly}'` : ''}`,
            });
        }
        if (parameter.allowedPattern !== undefined) {
            const pattern = parameters_compilePattern(parameter.allowedPattern);
            if (pattern && !pattern.test(item))
                out.push({ rule: 'H4002', message: `does not match AllowedPattern ${parameter.allowedPattern}` });
        }
        if (!numeric && !isList) {
            if (parameter.minLength !== undefined && item.length < parameter.minLength)
                out.push({ rule: 'H4003', message: `is shorter than MinLength ${parameter.minLength}` });
            if (parameter.maxLength !== undefined && item.length > parameter.maxLength)
                out.push({ rule: 'H4003', message: `is longer than MaxLength ${parameter.maxLength}` });
        }
        if (numeric) {
            const n = Number(item);
            if (item.trim() === '' || !Number.isFinite(n))
                out.push({ rule: 'H4004', message: 'is not a number (the parameter Type is Number)' });
            else {
                if (parameter.minValue !== undefined && n < parameter.minValue)
                    out.push({ rule: 'H4004', message: `is below MinValue ${parameter.minValue}` });
                if (parameter.maxValue !== undefined && n > parameter.maxValue)
                    out.push({ rule: 'H4004', message: `is above MaxValue ${parameter.maxValue}` });
            }
        }
    }
    return out;
}
const patterns = new Map();
/** CloudFormation matches AllowedPattern against the whole value (Java regex): anchored here. */
function parameters_compilePattern(pattern) {
    if (!patterns.has(pattern)) {
        try {
            patterns.set(pattern, new RegExp(`^(?:${pattern})$`, 'u'));
        }
        catch {
            try {
                patterns.set(pattern, new RegExp(`^(?:${pattern})$`));
            }
            catch {
                // A Java-only construct: not checkable here, CloudFormation will judge it.
                patterns.set(pattern, null);
            }
        }
    }
    return patterns.get(pattern) ?? undefined;
}
/** H4001–H4005 on the template's parameters; H4010–H4014 on the parameters file against them. */
function checkParameters(context) {
    const { template, report, options } = context;
    for (const p of template.parameters.values()) {
        if (p.node.kind !== 'map') {
            report('H1017', p.node.pos, `Parameter ${p.name} must be a mapping with a Type.`, 'write the parameter as Type: String (and its constraints).');
            continue;
        }
        if (p.type === undefined) {
            report('H4005', p.pos, `Parameter ${p.name} has no Type.`, 'add Type: String (or Number, CommaDelimitedList, an AWS-specific type).');
        }
        else if (!isValidParameterType(p.type)) {
            report('H4005', p.node.byKey.get('Type')?.value.pos ?? p.pos, `Parameter ${p.name} has an unknown Type '${p.type}'.`, 'use String, Number, List<Number>, CommaDelimitedList, an AWS-specific type (AWS::EC2::VPC::Id, …) or AWS::SSM::Parameter::Value<…>.');
        }
        if (p.default !== undefined && p.defaultNode) {
            for (const v of parameterConstraintViolations(p, p.default)) {
                report(v.rule, p.defaultNode.pos, `Parameter ${p.name}: the Default '${p.default}' ${v.message}.`, 'change the Default or the constraint so that they agree.');
            }
        }
    }
    const file = options.parameters;
    if (!file)
        return;
    const deferred = new Set(options.deferredParameters ?? []);
    const where = file.path;
    for (const e of file.entries) {
        const p = template.parameters.get(e.key);
        if (!p) {
            const names = [...template.parameters.keys()];
            const close = names.find((n) => n.toLowerCase() === e.key.toLowerCase());
            report('H4010', e.pos, `The parameters file sets '${e.key}', which the template does not declare.${close ? ` Did you mean '${close}'?` : ''}`, 'remove the key or correct its name: CloudFormation refuses unknown parameters.', where);
            continue;
        }
        if (e.value === undefined)
            continue;
        const shown = p.noEcho ? 'The value' : `The value '${e.value}'`;
        const placeholder = detectPlaceholder(e.value);
        if (placeholder) {
            report('H4013', e.valuePos, `${shown} of ${e.key} looks like a placeholder: ${placeholder}.`, `set the real value of ${e.key}${deferred.has(e.key) ? '' : ', or list it in deferred-parameters if a later step supplies it'}.`, where);
            continue;
        }
        for (const v of parameterConstraintViolations(p, e.value)) {
            report('H4014', e.valuePos, `${shown} of ${e.key} ${v.message}.`, `correct the value of ${e.key} in the parameters file.`, where);
        }
    }
    for (const p of template.parameters.values()) {
        if (p.default !== undefined || Object.hasOwn(file.values, p.name) || file.usePrevious.includes(p.name))
            continue;
        if (deferred.has(p.name)) {
            report('H4012', p.pos, `Parameter ${p.name} has no value in the parameters file: a later step supplies it (deferred-parameters).`);
        }
        else {
            report('H4011', p.pos, `Parameter ${p.name} has no Default and no value in the parameters file ${where ?? ''}.`.replace(' .', '.'), `add ${p.name} to the parameters file, give it a Default, or list it in deferred-parameters if a later step supplies it.`);
        }
    }
}

;// CONCATENATED MODULE: ./packages/cfn/src/rules/limits.ts
/** CloudFormation's quotas on a template (per the CloudFormation quotas page). */
const TEMPLATE_LIMITS = {
    /** The largest body CreateStack/CreateChangeSet accept inline (TemplateBody); above it, TemplateURL from S3. */
    inlineBodyBytes: 51_200,
    /** The largest template, through S3. */
    bodyBytes: 1_048_576,
    resources: 500,
    parameters: 200,
    outputs: 200,
};
/** Whether a template must be uploaded to S3 (TemplateURL) rather than passed inline. */
function needsS3Upload(bytes) {
    return bytes > TEMPLATE_LIMITS.inlineBodyBytes;
}
/** `51200` → `51,200` without Intl (loading ICU costs a cold start tens of milliseconds). */
function thousands(n) {
    return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}
/** H5001–H5005: the template's size and counts against CloudFormation's quotas. */
function checkLimits({ template, report }) {
    const start = { line: 1, column: 1 };
    const size = thousands(template.bytes);
    if (template.bytes > TEMPLATE_LIMITS.bodyBytes) {
        report('H5002', start, `The template is ${size} bytes: over CloudFormation's 1 MB (1,048,576 bytes) limit, even through S3.`, 'split it into nested stacks, or shorten it (inline code and policies are the usual bulk).');
    }
    else if (needsS3Upload(template.bytes)) {
        report('H5001', start, `The template is ${size} bytes: over 51,200 bytes, it cannot be passed inline (TemplateBody) and must be uploaded to S3 (TemplateURL).`, "deploy-stack does it when its 'artifacts-bucket' input is set (a bucket name, or auto).");
    }
    const root = template.root;
    const checks = [
        ['Resources', template.resources.size, TEMPLATE_LIMITS.resources, 'H5003', 'resources'],
        ['Parameters', template.parameters.size, TEMPLATE_LIMITS.parameters, 'H5004', 'parameters'],
        ['Outputs', template.outputs.size, TEMPLATE_LIMITS.outputs, 'H5005', 'outputs'],
    ];
    for (const [section, count, limit, rule, noun] of checks) {
        if (count > limit) {
            report(rule, root?.byKey.get(section)?.keyPos ?? start, `The template declares ${count} ${noun}; CloudFormation allows ${limit}.`, `move some ${noun} into nested stacks.`);
        }
    }
}

;// CONCATENATED MODULE: ./packages/cfn/src/rules/security.ts

const WORLD = new Set(['0.0.0.0/0', '::/0']);
const ADMIN_PORTS = [
    [22, 'SSH'],
    [3389, 'RDP'],
];
const IAM_POLICY_HOLDERS = new Set(['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group']);
const IAM_POLICIES = new Set([
    'AWS::IAM::Policy',
    'AWS::IAM::ManagedPolicy',
    'AWS::IAM::RolePolicy',
    'AWS::IAM::UserPolicy',
    'AWS::IAM::GroupPolicy',
]);
function items(node) {
    if (node === undefined)
        return [];
    return node.kind === 'seq' ? node.items : [node];
}
/** H6001–H6006: security and operations findings from the deployment guides, as warnings. */
function checkSecurity(context) {
    for (const r of context.template.resources.values()) {
        const props = r.properties;
        switch (r.type) {
            case 'AWS::EC2::SecurityGroup':
                for (const rule of items(get(props, 'SecurityGroupIngress')))
                    checkIngress(rule, r, context);
                break;
            case 'AWS::EC2::SecurityGroupIngress':
                if (props)
                    checkIngress(props, r, context);
                break;
            case 'AWS::EC2::LaunchTemplate': {
                const data = get(props, 'LaunchTemplateData');
                checkMetadataOptions(get(data, 'MetadataOptions'), r, context, 'LaunchTemplateData.MetadataOptions');
                checkBlockDevices(get(data, 'BlockDeviceMappings'), r, context);
                break;
            }
            case 'AWS::AutoScaling::LaunchConfiguration':
                checkMetadataOptions(get(props, 'MetadataOptions'), r, context, 'MetadataOptions');
                checkBlockDevices(get(props, 'BlockDeviceMappings'), r, context);
                break;
            case 'AWS::EC2::Instance':
                if (get(props, 'LaunchTemplate') === undefined) {
                    context.report('H6002', r.pos, `${r.logicalId} does not require IMDSv2: an instance without a launch template keeps IMDSv1 (unless the account default says otherwise).`, 'give the instance a LaunchTemplate whose LaunchTemplateData.MetadataOptions has HttpTokens: required.');
                }
                checkBlockDevices(get(props, 'BlockDeviceMappings'), r, context);
                break;
            case 'AWS::EC2::Volume':
                if (!isTrue(get(props, 'Encrypted'))) {
                    context.report('H6003', r.pos, `EBS volume ${r.logicalId} is not encrypted.`, 'set Encrypted: true (and KmsKeyId for a key of your own).');
                }
                break;
            case 'AWS::S3::Bucket':
                checkBucket(r, context);
                break;
            case 'AWS::S3::BucketPolicy':
                checkBucketPolicy(r, context);
                break;
            default:
                if (IAM_POLICIES.has(r.type ?? ''))
                    checkPolicyDocument(get(props, 'PolicyDocument'), r, context);
                else if (IAM_POLICY_HOLDERS.has(r.type ?? '')) {
                    for (const policy of items(get(props, 'Policies')))
                        checkPolicyDocument(get(policy, 'PolicyDocument'), r, context);
                }
        }
    }
}
/** A literal value, or the value a Ref'd parameter will have (parameters file, else Default). */
function resolved(node, { template, options }) {
    const fn = intrinsic(node);
    if (fn?.name === 'Ref') {
        const name = nodes_text(fn.arg) ?? '';
        const fromFile = options.parameters?.values[name];
        return fromFile ?? template.parameters.get(name)?.default;
    }
    return fn ? undefined : nodes_text(node);
}
function isTrue(node) {
    return nodes_text(node)?.toLowerCase() === 'true';
}
function checkIngress(rule, r, context) {
    const cidr = resolved(get(rule, 'CidrIp'), context) ?? resolved(get(rule, 'CidrIpv6'), context);
    if (cidr === undefined || !WORLD.has(cidr))
        return;
    const protocol = (resolved(get(rule, 'IpProtocol'), context) ?? '').toLowerCase();
    const allPorts = protocol === '-1' || protocol === 'all';
    if (!allPorts && protocol !== 'tcp' && protocol !== '6')
        return;
    const from = Number(resolved(get(rule, 'FromPort'), context));
    const to = Number(resolved(get(rule, 'ToPort'), context) ?? from);
    for (const [port, name] of ADMIN_PORTS) {
        const open = allPorts || from === -1 || (Number.isFinite(from) && from <= port && port <= (Number.isFinite(to) ? to : from));
        if (!open)
            continue;
        context.report('H6001', rule.pos, `${r.logicalId} opens ${name} (port ${port}) to the whole internet (${cidr}).`, 'allow only your own address range, or use Session Manager (no inbound port at all).');
        return;
    }
}
function checkMetadataOptions(options, r, context, where) {
    const tokens = get(options, 'HttpTokens');
    if (intrinsic(tokens))
        return;
    if (nodes_text(tokens) === 'required')
        return;
    context.report('H6002', tokens?.pos ?? options?.pos ?? r.pos, `${r.logicalId} does not require IMDSv2 (${where}.HttpTokens is ${nodes_text(tokens) ?? 'not set'}): IMDSv1 stays open to SSRF credential theft.`, `set ${where}.HttpTokens: required.`);
}
function checkBlockDevices(mappings, r, context) {
    for (const m of items(mappings)) {
        const ebs = get(m, 'Ebs');
        if (!ebs || intrinsic(ebs) || intrinsic(get(ebs, 'Encrypted')))
            continue;
        if (isTrue(get(ebs, 'Encrypted')) || get(ebs, 'SnapshotId') !== undefined)
            continue;
        context.report('H6003', ebs.pos, `${r.logicalId} has an unencrypted EBS volume (${nodes_text(get(m, 'DeviceName')) ?? 'block device'}) unless EBS encryption by default is on in the account.`, 'set Ebs.Encrypted: true.');
    }
}
function checkBucket(r, context) {
    const props = r.properties;
    if (get(props, 'BucketEncryption') === undefined) {
        // Since January 2023 S3 encrypts every new object with SSE-S3 by default: information, not a warning.
        context.report('H6004', r.pos, `Bucket ${r.logicalId} has no BucketEncryption: S3 applies SSE-S3 by default, but not a KMS key you control.`, 'add BucketEncryption (SSE-KMS) if you need key control or audit of decryption.');
    }
    const acl = nodes_text(get(props, 'AccessControl'));
    if (acl === 'PublicRead' || acl === 'PublicReadWrite') {
        context.report('H6005', get(props, 'AccessControl')?.pos ?? r.pos, `Bucket ${r.logicalId} grants ${acl} to everyone.`, 'remove AccessControl; serve public content through CloudFront with origin access control.');
    }
    const block = get(props, 'PublicAccessBlockConfiguration');
    if (block?.kind === 'map') {
        const off = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'].filter((k) => nodes_text(get(block, k))?.toLowerCase() === 'false');
        if (off.length > 0) {
            context.report('H6005', block.pos, `Bucket ${r.logicalId} turns off public access blocking (${off.join(', ')} false).`, 'set all four PublicAccessBlockConfiguration settings to true unless the bucket must be public.');
        }
    }
}
function checkBucketPolicy(r, context) {
    for (const statement of items(get(get(r.properties, 'PolicyDocument'), 'Statement'))) {
        if (nodes_text(get(statement, 'Effect')) !== 'Allow' || get(statement, 'Condition') !== undefined)
            continue;
        const principal = get(statement, 'Principal');
        const everyone = nodes_text(principal) === '*' || items(get(principal, 'AWS')).some((p) => nodes_text(p) === '*');
        if (everyone) {
            context.report('H6005', statement.pos, `Bucket policy ${r.logicalId} allows everyone (Principal "*") without a Condition.`, 'narrow the Principal, or add a Condition (e.g. aws:SourceArn of a CloudFront distribution).');
        }
    }
}
function checkPolicyDocument(document, r, context) {
    for (const statement of items(get(document, 'Statement'))) {
        if (nodes_text(get(statement, 'Effect')) !== 'Allow')
            continue;
        const star = (key) => items(get(statement, key)).some((n) => nodes_text(n) === '*');
        if (star('Action') && star('Resource')) {
            context.report('H6006', get(statement, 'Action')?.pos ?? statement.pos, `${r.logicalId} allows every action ("*") on every resource ("*"): administrator access.`, 'list the actions the workload calls and the resources it calls them on.');
        }
    }
}

;// CONCATENATED MODULE: ./packages/cfn/src/rules/literals.ts


/**
 * Why a name is not a valid S3 bucket name (general purpose buckets), or undefined when it is valid: 3–63
 * characters; lowercase letters, digits, hyphens and dots; starts and ends with a letter or digit; no `..`; not an
 * IP address; no `xn--`/`sthree-` prefix; no `-s3alias`/`--ol-s3`/`.mrap`/`--x-s3` suffix.
 */
function bucketNameProblem(name) {
    if (name.length < 3 || name.length > 63)
        return `it is ${name.length} characters long (3 to 63 allowed)`;
    if (/[A-Z]/.test(name))
        return 'it has uppercase letters (only lowercase allowed)';
    if (name.includes('_'))
        return "it has an underscore '_' (use hyphens)";
    if (!/^[a-z0-9.-]+$/.test(name))
        return 'it has characters other than lowercase letters, digits, hyphens and dots';
    if (!/^[a-z0-9]/.test(name) || !/[a-z0-9]$/.test(name))
        return 'it must start and end with a letter or digit';
    if (name.includes('..'))
        return "it has two adjacent dots '..'";
    if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name))
        return 'it is formatted as an IP address';
    if (/^(xn--|sthree-|amzn-s3-demo-)/.test(name))
        return 'it starts with a reserved prefix (xn--, sthree-, amzn-s3-demo-)';
    if (/(-s3alias|--ol-s3|\.mrap|--x-s3|--table-s3)$/.test(name))
        return 'it ends with a reserved suffix (-s3alias, --ol-s3, .mrap, --x-s3)';
    return undefined;
}
/** The literal text of a Sub template with its variables removed: what CloudFormation keeps as written. */
function literalParts(body) {
    let out = '';
    let last = 0;
    for (const v of subVariables(body)) {
        out += body.slice(last, v.index);
        last = body.indexOf('}', v.index) + 1;
    }
    return out + body.slice(last);
}
/** H7001: S3 bucket names CloudFormation would reject, literal, partly literal (Sub), or from a parameter value. */
function checkLiterals(context) {
    const { template, report, options } = context;
    const fix = 'use 3–63 lowercase letters, digits and hyphens (e.g. my-app-artifacts-prod).';
    for (const r of template.resources.values()) {
        if (r.type !== 'AWS::S3::Bucket')
            continue;
        const node = get(r.properties, 'BucketName');
        if (!node)
            continue;
        const fn = intrinsic(node);
        if (!fn) {
            const name = nodes_text(node);
            const problem = name === undefined ? undefined : bucketNameProblem(name);
            if (problem)
                report('H7001', node.pos, `BucketName '${name}' of ${r.logicalId} is not a valid S3 bucket name: ${problem}.`, fix);
            continue;
        }
        if (fn.name === 'Fn::Sub') {
            const body = fn.arg.kind === 'seq' ? nodes_text(fn.arg.items[0]) : nodes_text(fn.arg);
            const literal = body === undefined ? '' : literalParts(body);
            const bad = /[A-Z_]/.exec(literal);
            if (bad) {
                report('H7001', node.pos, `BucketName of ${r.logicalId} contains '${bad[0]}' in its literal text (${body}): S3 bucket names are lowercase, without '_'.`, fix);
            }
            continue;
        }
        if (fn.name === 'Ref') {
            const parameterName = nodes_text(fn.arg) ?? '';
            const parameter = template.parameters.get(parameterName);
            if (!parameter)
                continue;
            const entry = options.parameters?.entries.find((e) => e.key === parameterName && e.value !== undefined);
            const value = entry?.value ?? parameter.default;
            if (value === undefined || value === '')
                continue;
            const problem = bucketNameProblem(value);
            if (!problem)
                continue;
            const message = `Parameter ${parameterName} ('${value}') names bucket ${r.logicalId} but is not a valid S3 bucket name: ${problem}.`;
            if (entry)
                report('H7001', entry.valuePos, message, fix, options.parameters?.path);
            else
                report('H7001', parameter.defaultNode?.pos ?? parameter.pos, message, fix);
        }
    }
}

;// CONCATENATED MODULE: ./packages/cfn/src/validate.ts









const CHECKERS = [
    checkStructure,
    checkReferences,
    checkResourceSpec,
    checkParameters,
    checkLimits,
    checkSecurity,
    checkLiterals,
];
/** Runs every rule over a parsed template; findings sorted by file, line, column. */
function validateTemplate(template, options = {}) {
    const ignored = new Set(options.ignore ?? []);
    const findings = [];
    const report = (rule, pos, message, fix, file) => {
        if (ignored.has(rule))
            return;
        const f = { rule, level: RULES[rule].level, message, line: pos.line, column: pos.column };
        if (fix !== undefined)
            f.fix = fix;
        const where = file ?? template.file;
        if (where !== undefined)
            f.file = where;
        findings.push(f);
    };
    for (const problem of template.problems) {
        const rule = { syntax: 'H1001', 'duplicate-key': 'H1002', 'unknown-tag': 'H1003', 'alias-limit': 'H1004' }[problem.code];
        report(rule, problem.pos, problem.message, problem.fix ?? PARSE_FIXES[rule]);
    }
    let capabilities = [];
    if (template.root) {
        const context = { template, options, transformed: isTransformed(template), report };
        for (const check of CHECKERS)
            check(context);
        const required = requiredCapabilities(template);
        capabilities = required.capabilities;
        for (const reason of required.reasons) {
            report('H5010', reason.pos, `Deploying needs ${reason.capability}: ${reason.why}.`, `pass capabilities: ${reason.capability} to the deploy (deploy-stack infers it).`);
        }
    }
    else if (template.problems.length === 0) {
        report('H1010', { line: 1, column: 1 }, 'The template is not a YAML/JSON mapping.', 'a template is a mapping with at least a Resources section.');
    }
    // Plain comparisons: localeCompare loads ICU, a cost every cold start would pay.
    const order = (x, y) => (x < y ? -1 : x > y ? 1 : 0);
    findings.sort((a, b) => order(a.file ?? '', b.file ?? '') || a.line - b.line || a.column - b.column || order(a.rule, b.rule));
    return { template, findings, capabilities };
}
const PARSE_FIXES = {
    H1001: 'correct the syntax at this position (YAML indents with spaces, never tabs).',
    H1002: 'keep one of the two keys: CloudFormation silently uses only one of them.',
    H1003: 'use a CloudFormation intrinsic function (!Ref, !Sub, !GetAtt, …) or preprocess the template (e.g. rain pkg) before validating.',
    H1004: 'write the values out instead of anchors and aliases.',
};
function isTransformed(template) {
    return template.transforms.length > 0 || /"?Fn::Transform"?\s*:|!Transform\b/.test(template.text);
}

;// CONCATENATED MODULE: ./packages/cfn/src/index.ts













;// CONCATENATED MODULE: ./packages/cfn/src/stack/api.ts

/** The SDK-backed CloudFormationApi; the SDK is imported when this is first called. */
async function createCloudFormationApi(aws, signal) {
    const sdk = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(805)]).then(__webpack_require__.t.bind(__webpack_require__, 3805, 19));
    const client = createClient(sdk.CloudFormationClient, aws);
    const options = signal ? { abortSignal: signal } : {};
    return {
        async describeStack(stackName) {
            try {
                const out = await client.send(new sdk.DescribeStacksCommand({ StackName: stackName }), options);
                return out.Stacks?.[0];
            }
            catch (error) {
                if (classifyAwsError(error).kind === 'not-found')
                    return undefined;
                throw error;
            }
        },
        async createChangeSet(input) {
            const out = await client.send(new sdk.CreateChangeSetCommand(input), options);
            return { id: out.Id ?? '', stackId: out.StackId ?? '' };
        },
        async describeChangeSet(stackName, changeSet) {
            let first;
            const changes = [];
            let nextToken;
            do {
                const page = await client.send(new sdk.DescribeChangeSetCommand({
                    StackName: stackName,
                    ChangeSetName: changeSet,
                    ...(nextToken ? { NextToken: nextToken } : {}),
                }), options);
                first ??= page;
                changes.push(...(page.Changes ?? []));
                nextToken = page.NextToken;
            } while (nextToken);
            return { ...(first ?? {}), Changes: changes };
        },
        async executeChangeSet(input) {
            await client.send(new sdk.ExecuteChangeSetCommand(input), options);
        },
        async deleteChangeSet(stackName, changeSet) {
            await client.send(new sdk.DeleteChangeSetCommand({ StackName: stackName, ChangeSetName: changeSet }), options);
        },
        async describeStackEvents(stackName, nextToken) {
            const out = await client.send(new sdk.DescribeStackEventsCommand({ StackName: stackName, ...(nextToken ? { NextToken: nextToken } : {}) }), options);
            return { events: out.StackEvents ?? [], nextToken: out.NextToken };
        },
        async deleteStack(stackName, clientRequestToken) {
            await client.send(new sdk.DeleteStackCommand({ StackName: stackName, ClientRequestToken: clientRequestToken }), options);
        },
        async cancelUpdateStack(stackName, clientRequestToken) {
            // Called because the run was cancelled: the aborted signal must not abort the cancel itself.
            await client.send(new sdk.CancelUpdateStackCommand({ StackName: stackName, ClientRequestToken: clientRequestToken }));
        },
        async updateTerminationProtection(stackName, enabled) {
            await client.send(new sdk.UpdateTerminationProtectionCommand({ StackName: stackName, EnableTerminationProtection: enabled }), options);
        },
        async listStackResources(stackName) {
            const resources = [];
            let nextToken;
            do {
                const page = await client.send(new sdk.ListStackResourcesCommand({ StackName: stackName, ...(nextToken ? { NextToken: nextToken } : {}) }), options);
                resources.push(...(page.StackResourceSummaries ?? []));
                nextToken = page.NextToken;
            } while (nextToken);
            return resources;
        },
        async getTemplateBody(stackName, changeSetName) {
            const out = await client.send(new sdk.GetTemplateCommand({
                StackName: stackName,
                TemplateStage: 'Original',
                ...(changeSetName ? { ChangeSetName: changeSetName } : {}),
            }), options);
            return out.TemplateBody ?? '';
        },
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./packages/cfn/src/stack/artifacts.ts



async function createArtifactsApi(aws, signal) {
    const [s3sdk, stssdk] = await Promise.all([Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(711)]).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19)), Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(695)]).then(__webpack_require__.t.bind(__webpack_require__, 1695, 19))]);
    const s3 = createClient(s3sdk.S3Client, aws);
    const sts = createClient(stssdk.STSClient, aws);
    const options = signal ? { abortSignal: signal } : {};
    return {
        async accountId() {
            const out = await sts.send(new stssdk.GetCallerIdentityCommand({}), options);
            return out.Account ?? '';
        },
        async headBucket(bucket) {
            try {
                await s3.send(new s3sdk.HeadBucketCommand({ Bucket: bucket }), options);
                return 'exists';
            }
            catch (error) {
                const kind = classifyAwsError(error).kind;
                if (kind === 'not-found')
                    return 'missing';
                if (kind === 'permission')
                    return 'forbidden';
                throw error;
            }
        },
        async createBucket(bucket, region) {
            await s3.send(new s3sdk.CreateBucketCommand({
                Bucket: bucket,
                ...(region === 'us-east-1' ? {} : { CreateBucketConfiguration: { LocationConstraint: region } }),
            }), options);
        },
        async secureBucket(bucket) {
            await s3.send(new s3sdk.PutPublicAccessBlockCommand({
                Bucket: bucket,
                PublicAccessBlockConfiguration: {
                    BlockPublicAcls: true,
                    IgnorePublicAcls: true,
                    BlockPublicPolicy: true,
                    RestrictPublicBuckets: true,
                },
            }), options);
            await s3.send(new s3sdk.PutBucketEncryptionCommand({
                Bucket: bucket,
                ServerSideEncryptionConfiguration: {
                    Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: true }],
                },
            }), options);
            await s3.send(new s3sdk.PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }), options);
            await s3.send(new s3sdk.PutBucketLifecycleConfigurationCommand({
                Bucket: bucket,
                LifecycleConfiguration: {
                    Rules: [
                        {
                            ID: 'hoist-old-versions',
                            Status: 'Enabled',
                            Filter: { Prefix: '' },
                            NoncurrentVersionExpiration: { NoncurrentDays: 90 },
                            AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
                        },
                    ],
                },
            }), options);
        },
        async headObject(bucket, key) {
            try {
                const out = await s3.send(new s3sdk.HeadObjectCommand({ Bucket: bucket, Key: key }), options);
                return out.VersionId ?? null;
            }
            catch (error) {
                if (classifyAwsError(error).kind === 'not-found')
                    return undefined;
                throw error;
            }
        },
        async putObject(bucket, key, body, contentType) {
            const out = await s3.send(new s3sdk.PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }), options);
            return out.VersionId ?? null;
        },
        async getObject(bucket, key, versionId) {
            const out = await s3.send(new s3sdk.GetObjectCommand({ Bucket: bucket, Key: key, ...(versionId ? { VersionId: versionId } : {}) }), options);
            return (await out.Body?.transformToString('utf8')) ?? '';
        },
    };
}
/** CloudFormation takes a template body up to this many bytes; a larger one must come from S3. */
const MAX_TEMPLATE_BODY_BYTES = 51_200;
function autoBucketName(accountId, region) {
    return `hoist-artifacts-${accountId}-${region}`;
}
/**
 * The bucket to use: a name as given (it must exist), or `auto`: `hoist-artifacts-<account>-<region>`, created on
 * first use with encryption, versioning, public access blocked and a lifecycle rule, then reused.
 */
async function ensureArtifactsBucket(api, spec, region, log = () => { }) {
    if (spec !== 'auto') {
        const state = await api.headBucket(spec);
        if (state === 'missing') {
            throw new src/* UserError */.yo(`The artifacts bucket ${spec} does not exist.`, {
                code: 'no-bucket',
                fix: 'create it, or set `artifacts-bucket: auto` to let hoist create and reuse hoist-artifacts-<account>-<region>.',
            });
        }
        if (state === 'forbidden') {
            throw new src/* UserError */.yo(`The artifacts bucket ${spec} cannot be reached with these credentials (403).`, {
                code: 'bucket-forbidden',
                fix: 'grant s3:GetObject/PutObject/ListBucket on it, or use `artifacts-bucket: auto`.',
            });
        }
        return spec;
    }
    const bucket = autoBucketName(await api.accountId(), region);
    const state = await api.headBucket(bucket);
    if (state === 'forbidden') {
        throw new src/* UserError */.yo(`The bucket ${bucket} exists but these credentials cannot use it.`, {
            code: 'bucket-forbidden',
            fix: 'grant the deploy role access to it, or name another bucket in `artifacts-bucket`.',
        });
    }
    if (state === 'missing') {
        log(`Creating the artifacts bucket ${bucket} (encrypted, versioned, public access blocked).`);
        await api.createBucket(bucket, region);
        await api.secureBucket(bucket);
    }
    return bucket;
}
function templateChecksum(body) {
    return (0,external_node_crypto_.createHash)('sha256').update(body, 'utf8').digest('hex');
}
/** The key depends only on the content: the same template is stored once, and a release names it exactly. */
function templateKey(body) {
    const format = /^\s*[{[]/.test(body) ? 'json' : 'yaml';
    return `templates/${templateChecksum(body)}.${format}`;
}
/** A path-style S3 URL in the region's partition, as CloudFormation's TemplateURL accepts it. */
function templateUrl(bucket, key, region) {
    const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
    return `https://s3.${region}.${suffix}/${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
}
/** Stores the template under its content-addressed key (skipped when already there). */
async function storeTemplate(api, bucket, body, region) {
    const key = templateKey(body);
    let versionId = await api.headObject(bucket, key);
    if (versionId === undefined) {
        versionId = await api.putObject(bucket, key, body, key.endsWith('.json') ? 'application/json' : 'application/yaml');
    }
    return {
        bucket,
        key,
        versionId: versionId ?? undefined,
        url: templateUrl(bucket, key, region),
        sha256: templateChecksum(body),
    };
}

;// CONCATENATED MODULE: ./packages/cfn/src/stack/change-set.ts



/** CloudFormation's two ways of saying "nothing to do": a FAILED change set, or an error from CreateChangeSet. */
const NO_CHANGES = [/didn't contain changes/i, /No updates are to be performed/i];
function isNoChangesReason(reason) {
    return NO_CHANGES.some((re) => re.test(reason ?? ''));
}
/** `hoist-<time>-<random>`: unique, sortable, and a valid change set name. */
function changeSetName(now = new Date()) {
    return `hoist-${now.toISOString().replace(/\D/g, '').slice(0, 14)}-${(0,external_node_crypto_.randomBytes)(3).toString('hex')}`;
}
const PENDING = new Set(['CREATE_PENDING', 'CREATE_IN_PROGRESS']);
/**
 * Creates a change set (with an idempotency token, so a retried request cannot make two) and waits until it is
 * ready. An empty one is deleted and reported as `no-changes`; one that failed otherwise is deleted and thrown.
 */
async function createChangeSet(api, request, wait) {
    const name = changeSetName();
    let created;
    try {
        created = await api.createChangeSet({
            StackName: request.stackName,
            ChangeSetName: name,
            ChangeSetType: request.type,
            ClientToken: (0,external_node_crypto_.randomUUID)(),
            ...('body' in request.template ? { TemplateBody: request.template.body } : { TemplateURL: request.template.url }),
            Parameters: request.parameters,
            Capabilities: [...request.capabilities],
            Tags: Object.entries(request.tags).map(([Key, Value]) => ({ Key, Value })),
            ...(request.roleArn ? { RoleARN: request.roleArn } : {}),
            ...(request.description ? { Description: request.description.slice(0, 1024) } : {}),
            ...(request.includeNestedStacks ? { IncludeNestedStacks: true } : {}),
        });
    }
    catch (error) {
        const c = classifyAwsError(error);
        if (isNoChangesReason(c.message))
            return { kind: 'no-changes', reason: c.message, id: undefined };
        if (c.kind === 'validation' || c.name === 'InsufficientCapabilitiesException') {
            throw new src/* UserError */.yo(`CloudFormation refused the change set for stack ${request.stackName}: ${c.name}: ${c.message}`, {
                code: 'change-set-refused',
                cause: error,
                fix: c.name === 'InsufficientCapabilitiesException' || /capabilit/i.test(c.message)
                    ? 'add the capability it names to `capabilities` (e.g. CAPABILITY_NAMED_IAM).'
                    : 'fix the template or parameters as the message says (cfn-validate checks most of this before a deploy).',
            });
        }
        throw error;
    }
    const description = await waitForChangeSet(api, request.stackName, created.id, wait);
    if (description.Status === 'FAILED') {
        await deleteChangeSetQuietly(api, request.stackName, created.id);
        if (isNoChangesReason(description.StatusReason))
            return { kind: 'no-changes', reason: description.StatusReason ?? '', id: created.id };
        throw new src/* UserError */.yo(`The change set for stack ${request.stackName} failed: ${description.StatusReason ?? 'no reason given'}`, {
            code: 'change-set-failed',
            fix: 'fix the template or parameters as the reason says.',
        });
    }
    return { kind: 'ready', id: created.id, name, stackId: created.stackId || (description.StackId ?? ''), description };
}
/** Waits until a change set is no longer being computed; returns its full description (all pages). */
async function waitForChangeSet(api, stackName, changeSet, wait) {
    const described = await waitFor(async () => {
        const d = await api.describeChangeSet(stackName, changeSet);
        return PENDING.has(d.Status ?? '') ? undefined : d;
    }, {
        description: `the change set of stack ${stackName} to be ready`,
        deadline: wait.deadline,
        intervalMs: 1000,
        backoff: 1.5,
        maxIntervalMs: 5000,
        ...(wait.signal ? { signal: wait.signal } : {}),
        timeoutFix: 'raise timeout-minutes.',
    });
    if (!described)
        throw new src/* UserError */.yo(`The change set ${changeSet} of stack ${stackName} disappeared while it was being created.`);
    return described;
}
/** Deleting a change set is housekeeping: a failure is not worth failing the run for. */
async function deleteChangeSetQuietly(api, stackName, changeSet) {
    try {
        await api.deleteChangeSet(stackName, changeSet);
        return true;
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./packages/cfn/src/stack/status.ts
function stackPhase(status) {
    if (!status)
        return 'deleted';
    if (status === 'REVIEW_IN_PROGRESS')
        return 'review';
    if (status.endsWith('_IN_PROGRESS'))
        return 'in-progress';
    if (status === 'DELETE_COMPLETE')
        return 'deleted';
    if (status === 'ROLLBACK_COMPLETE')
        return 'create-rolled-back';
    if (status === 'UPDATE_ROLLBACK_COMPLETE' || status === 'IMPORT_ROLLBACK_COMPLETE')
        return 'rolled-back';
    if (status === 'UPDATE_ROLLBACK_FAILED' || status === 'ROLLBACK_FAILED' || status === 'IMPORT_ROLLBACK_FAILED')
        return 'stuck';
    if (status.endsWith('_FAILED'))
        return 'failed';
    return 'complete';
}
function isInProgress(status) {
    return stackPhase(status) === 'in-progress';
}
/** Resource statuses that are failures (CREATE_FAILED, UPDATE_FAILED, DELETE_FAILED, …). */
function isFailedResourceStatus(status) {
    return status !== undefined && status.endsWith('_FAILED');
}
/** The command that gets a stack out of UPDATE_ROLLBACK_FAILED (or an UPDATE_FAILED with rollback disabled). */
function rollbackCommand(stackName) {
    return `run the hoist rollback action (uses: ./actions/rollback with stack-name: ${stackName}), or \`hoist rollback --stack-name ${stackName}\`; by hand: \`aws cloudformation continue-update-rollback --stack-name ${stackName}\``;
}

;// CONCATENATED MODULE: ./packages/cfn/src/stack/diagnosis.ts

/** Failures that only follow another one: CloudFormation cancels the resources it was working on. */
const CASCADE = [/^Resource creation cancelled/i, /^Resource update cancelled/i, /^Resource deletion cancelled/i];
function isCascade(reason) {
    return CASCADE.some((re) => re.test(reason ?? ''));
}
const NESTED_STACK = 'AWS::CloudFormation::Stack';
/** A stack's own events (its status changes) are not resource failures. */
function isStackItself(event) {
    return (event.ResourceType === NESTED_STACK &&
        (event.PhysicalResourceId === event.StackId || event.LogicalResourceId === event.StackName));
}
/**
 * The first FAILED resource event that is not a cascade, in the stack's events (oldest first, nested stacks'
 * events included); a nested stack's failure is followed into that stack. Undefined when no resource failed.
 */
function findRootCause(events, rootStackId) {
    const byStack = new Map();
    for (const e of events) {
        const id = e.StackId ?? '';
        byStack.set(id, [...(byStack.get(id) ?? []), e]);
    }
    const sorted = (list) => [...list].sort((a, b) => (a.Timestamp?.getTime() ?? 0) - (b.Timestamp?.getTime() ?? 0));
    // The root may be given by id or by name (an ARN names the stack: arn:…:stack/<name>/<uuid>).
    const rootName = /:stack\/([^/]+)\//.exec(rootStackId)?.[1] ?? rootStackId;
    const rootId = byStack.has(rootStackId)
        ? rootStackId
        : (events.find((e) => e.StackName === rootName)?.StackId ?? rootStackId);
    const visit = (stackId, path, depth) => {
        const failures = sorted(byStack.get(stackId) ?? []).filter((e) => isFailedResourceStatus(e.ResourceStatus) && !isStackItself(e));
        const first = failures.find((e) => !isCascade(e.ResourceStatusReason)) ?? failures[0];
        if (!first)
            return undefined;
        const nestedId = first.ResourceType === NESTED_STACK ? first.PhysicalResourceId : undefined;
        if (nestedId && nestedId !== stackId && byStack.has(nestedId) && depth < 10) {
            const inner = visit(nestedId, [...path, first.LogicalResourceId ?? ''], depth + 1);
            if (inner)
                return inner;
        }
        return {
            logicalId: first.LogicalResourceId ?? '',
            type: first.ResourceType ?? '',
            status: first.ResourceStatus ?? '',
            reason: first.ResourceStatusReason ?? '(no reason given)',
            stackName: first.StackName ?? '',
            nestedPath: path,
            timestamp: first.Timestamp,
        };
    };
    return visit(rootId, [], 0);
}
function describeRootCause(cause) {
    const where = cause.nestedPath.length > 0 ? ` (in nested stack ${cause.nestedPath.join(' → ')})` : '';
    return `${cause.logicalId} (${cause.type}) ${cause.status}${where}: ${cause.reason}`;
}

;// CONCATENATED MODULE: ./packages/cfn/src/stack/events.ts

const events_NESTED_STACK = 'AWS::CloudFormation::Stack';
/**
 * Polls a stack's events (and those of its nested stacks) while an operation runs: new events only (by EventId),
 * none older than `since`, oldest first. Started before the wait, stopped in `finally` with one last poll, so the
 * failure events are always seen. Stack status comes from DescribeStacks; events are for display and diagnosis.
 */
class StackEventMonitor {
    options;
    /** Every event seen, oldest first, across the stack and its nested stacks. */
    events = [];
    seen = new Set();
    /** Stack ids (or the name of the root) whose events are polled. */
    stacks;
    stop$ = new AbortController();
    loop;
    interval;
    throttled = 0;
    constructor(options) {
        this.options = options;
        this.stacks = [options.stack];
        this.interval = options.intervalMs ?? 5000;
    }
    start() {
        this.loop ??= this.run();
    }
    /** Stops polling and polls once more, so the last events (the failure) are in `events`. */
    async stop() {
        this.stop$.abort();
        await this.loop;
        await this.poll();
    }
    /** How many polls met throttling. */
    get throttledPolls() {
        return this.throttled;
    }
    async run() {
        const pause = this.options.sleep ?? sleep;
        while (!this.stop$.signal.aborted) {
            await this.poll();
            try {
                await pause(this.interval, this.stop$.signal);
            }
            catch {
                return;
            }
        }
    }
    /** One round over every watched stack; errors are reported, never thrown. */
    async poll() {
        for (let i = 0; i < this.stacks.length; i++) {
            const stack = this.stacks[i] ?? '';
            try {
                const fresh = await this.newEvents(stack);
                for (const event of fresh) {
                    this.events.push(event);
                    this.options.print?.(event);
                    this.watchNested(event);
                }
            }
            catch (error) {
                const c = classifyAwsError(error);
                if (c.kind === 'throttle') {
                    this.throttled += 1;
                    this.interval = Math.min(this.interval * 2, this.options.maxIntervalMs ?? 60_000);
                    this.options.onError?.(`Stack events are throttled (${c.name}); polling every ${Math.round(this.interval / 1000)}s.`);
                }
                else {
                    this.options.onError?.(`Could not read the events of ${stack}: ${describeAwsError(error)}`);
                }
            }
        }
    }
    /** Pages newest-first until an event already seen or older than `since`; returns the new ones oldest first. */
    async newEvents(stack) {
        const since = this.options.since.getTime();
        const fresh = [];
        let token;
        pages: do {
            const page = await this.options.api.describeStackEvents(stack, token);
            for (const event of page.events) {
                const id = event.EventId ?? `${event.LogicalResourceId}/${event.ResourceStatus}/${event.Timestamp?.toISOString()}`;
                if (this.seen.has(id) || (event.Timestamp && event.Timestamp.getTime() < since))
                    break pages;
                this.seen.add(id);
                fresh.push(event);
            }
            token = page.nextToken;
        } while (token);
        return fresh.reverse();
    }
    watchNested(event) {
        const id = event.PhysicalResourceId;
        if (event.ResourceType !== events_NESTED_STACK || !id || !id.startsWith('arn:') || id === event.StackId)
            return;
        if (!this.stacks.includes(id))
            this.stacks.push(id);
    }
}
/** One line per event: time, status, type, logical id, reason; events of nested stacks name their stack. */
function formatEvent(event, rootStackName) {
    const time = event.Timestamp ? event.Timestamp.toISOString().slice(11, 19) : '--:--:--';
    const reason = event.ResourceStatusReason ? `  ${event.ResourceStatusReason}` : '';
    const where = rootStackName && event.StackName && event.StackName !== rootStackName ? `${event.StackName}/` : '';
    return `${time}  ${(event.ResourceStatus ?? '').padEnd(28)} ${(event.ResourceType ?? '').padEnd(36)} ${where}${event.LogicalResourceId ?? ''}${reason}`;
}

;// CONCATENATED MODULE: ./packages/cfn/src/stack/force-deploy.ts
/** The part of a secret reference that names the secret: `arn:…:secret:name-AbCdEf` → `name`. */
function secretNames(secret) {
    const arn = /^arn:[^:]+:secretsmanager:[^:]+:\d+:secret:(.+?)(?::.*)?$/.exec(secret);
    if (!arn)
        return [secret];
    const full = arn[1] ?? '';
    // Secrets Manager appends a dash and six characters to the name in the ARN.
    const bare = full.replace(/-[A-Za-z0-9]{6}$/, '');
    return [...new Set([full, bare])];
}
/** Whether a reference (an ECS `valueFrom`, text of user data) names one of the secrets. */
function referencesSecret(reference, secret) {
    if (reference === secret)
        return true;
    return secretNames(secret).some((name) => {
        const escaped = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
        // As a whole name: an ARN part (`:secret:name-XXXXXX`, `:secret:name:`), or the name alone.
        return new RegExp(`(^|[:\\s"'=/])${escaped}($|[-:\\s"'])`).test(reference);
    });
}
/** Secret references of a task definition's containers: `secrets[].valueFrom` and `repositoryCredentials`. */
function taskDefinitionSecretRefs(taskDefinition) {
    return (taskDefinition.containerDefinitions ?? []).flatMap((c) => [
        ...(c.secrets ?? []).map((s) => s.valueFrom ?? ''),
        ...(c.repositoryCredentials?.credentialsParameter ? [c.repositoryCredentials.credentialsParameter] : []),
    ]);
}
/** Which services (and groups) to roll: those whose task definitions or instances use an updated secret, or named ones. */
async function forcedTargets(request, services, groups, apis) {
    if (request.mode === 'services') {
        const matched = services.filter((s) => request.services.some((n) => n === s.name || n === s.logicalId || n.endsWith(`/${s.name}`)));
        const unknown = request.services.filter((n) => !services.some((s) => n === s.name || n === s.logicalId || n.endsWith(`/${s.name}`)));
        return { services: matched.map((service) => ({ service, secrets: [] })), groups: [], unknown };
    }
    const out = { services: [], groups: [], unknown: [] };
    if (request.updatedSecrets.length === 0)
        return out;
    for (const service of services) {
        const described = (await apis.ecs.describeServices(service.cluster, [service.name]))[0];
        const taskDefinition = described?.taskDefinition
            ? await apis.ecs.describeTaskDefinition(described.taskDefinition)
            : undefined;
        const refs = taskDefinition ? taskDefinitionSecretRefs(taskDefinition) : [];
        const used = request.updatedSecrets.filter((secret) => refs.some((ref) => referencesSecret(ref, secret)));
        if (used.length > 0)
            out.services.push({ service, secrets: used });
    }
    if (apis.autoscaling) {
        for (const g of groups) {
            const group = (await apis.autoscaling.describeGroups([g.name]))[0];
            const spec = group?.LaunchTemplate ?? group?.MixedInstancesPolicy?.LaunchTemplate?.LaunchTemplateSpecification;
            if (!spec)
                continue;
            const userData = await apis.autoscaling.launchTemplateUserData(spec.LaunchTemplateId, spec.LaunchTemplateName, spec.Version ?? '$Default');
            const used = request.updatedSecrets.filter((secret) => referencesSecret(userData, secret));
            if (used.length > 0)
                out.groups.push({ ...g, secrets: used });
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./packages/cfn/src/stack/parameters.ts

/**
 * Decides what each template parameter gets: a given value; else, on an existing stack that has it, its previous
 * value (UsePreviousValue); else nothing, so the template's Default applies. A parameter with none of these fails
 * before any change set is made, naming every such parameter.
 */
function planParameters(input) {
    const declared = new Set(input.template.map((p) => p.name));
    const existing = new Set((input.existing ?? []).map((p) => p.ParameterKey ?? ''));
    const askedPrevious = new Set(input.usePrevious ?? []);
    const parameters = [];
    const kept = [];
    const missing = [];
    for (const p of input.template) {
        if (Object.hasOwn(input.given, p.name)) {
            parameters.push({ ParameterKey: p.name, ParameterValue: input.given[p.name] ?? '' });
        }
        else if (input.existing !== undefined && existing.has(p.name)) {
            parameters.push({ ParameterKey: p.name, UsePreviousValue: true });
            kept.push(p.name);
        }
        else if (p.default === undefined) {
            missing.push(askedPrevious.has(p.name) ? `${p.name} (UsePreviousValue, but the stack has no previous value)` : p.name);
        }
    }
    if (missing.length > 0) {
        throw new src/* UserError */.yo(`The template's parameter${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ${missing.length > 1 ? 'have' : 'has'} no value and no Default.`, {
            code: 'missing-parameters',
            fix: 'give a value in the `parameters` file or in `parameter-overrides` (Key=Value lines).',
        });
    }
    return {
        parameters,
        kept,
        dropped: [...existing].filter((k) => k !== '' && !declared.has(k)),
        unknown: Object.keys(input.given).filter((k) => !declared.has(k)),
    };
}
/**
 * The values a deploy ends with, for the release record: the stack's own parameters after the deploy, without the
 * NoEcho ones (CloudFormation shows them as `****`; they are never stored).
 */
function recordableParameters(stackParameters, noEcho) {
    const values = {};
    const hidden = [];
    for (const p of stackParameters) {
        const key = p.ParameterKey;
        if (!key)
            continue;
        if (noEcho.has(key) || p.ParameterValue === '****')
            hidden.push(key);
        else
            values[key] = p.ParameterValue ?? '';
    }
    return { values, noEcho: hidden.sort() };
}

;// CONCATENATED MODULE: ./packages/cfn/src/stack/preview.ts

function resourceChangeRows(changes) {
    const rows = [];
    for (const change of changes) {
        const rc = change.ResourceChange;
        if (!rc)
            continue;
        const causes = new Set();
        const changed = new Set();
        for (const detail of rc.Details ?? []) {
            const target = detail.Target;
            if (!target)
                continue;
            const name = target.Attribute === 'Properties' ? (target.Name ?? 'Properties') : (target.Attribute ?? '');
            if (name)
                changed.add(name);
            if (target.RequiresRecreation === 'Always' || target.RequiresRecreation === 'Conditionally')
                causes.add(name);
        }
        if (changed.size === 0)
            for (const scope of rc.Scope ?? [])
                changed.add(scope);
        const replacement = rc.Action === 'Modify' && rc.Replacement ? rc.Replacement : undefined;
        rows.push({
            action: rc.Action ?? 'Unknown',
            logicalId: rc.LogicalResourceId ?? '',
            type: rc.ResourceType ?? '',
            physicalId: rc.PhysicalResourceId,
            replacement,
            causes: [...causes].sort(),
            changed: [...changed].sort(),
        });
    }
    return rows;
}
/** The parameters whose value changes: the stack's values before against the change set's. NoEcho values never shown. */
function parameterChangeRows(before, after, noEcho) {
    const old = new Map((before ?? []).map((p) => [p.ParameterKey ?? '', p.ParameterValue]));
    const rows = [];
    const seen = new Set();
    for (const p of after) {
        const name = p.ParameterKey ?? '';
        seen.add(name);
        if (p.UsePreviousValue)
            continue;
        const hidden = noEcho.has(name);
        const was = old.get(name);
        // A NoEcho value comes back as **** and cannot be compared: it is listed as given.
        if (!hidden && was === p.ParameterValue)
            continue;
        rows.push({ name, before: was, after: p.ParameterValue, noEcho: hidden });
    }
    for (const [name, was] of old)
        if (!seen.has(name) && name !== '')
            rows.push({ name, before: was, after: undefined, noEcho: noEcho.has(name) });
    return rows.sort((a, b) => a.name.localeCompare(b.name));
}
/** Type patterns: `AWS::RDS::*` (a prefix) or an exact type name. */
function matchesTypePattern(type, pattern) {
    return pattern.endsWith('*') ? type.startsWith(pattern.slice(0, -1)) : type === pattern;
}
/** The stateful types whose replacement `on-replacement` guards by default: they hold data a replacement loses. */
const DEFAULT_STATEFUL_TYPES = [
    'AWS::RDS::DBInstance',
    'AWS::RDS::DBCluster',
    'AWS::DynamoDB::Table',
    'AWS::DynamoDB::GlobalTable',
    'AWS::S3::Bucket',
    'AWS::EFS::FileSystem',
    'AWS::ElastiCache::*',
    'AWS::Logs::LogGroup',
    'AWS::SecretsManager::Secret',
];
/** Modify changes that replace (or may replace) a resource of one of the given types. */
function guardedReplacements(preview, patterns) {
    return preview.changes.filter((row) => row.action === 'Modify' &&
        (row.replacement === 'True' || row.replacement === 'Conditional') &&
        patterns.some((p) => matchesTypePattern(row.type, p)));
}
const ACTION_ICON = { Add: '➕', Modify: '✏️', Remove: '➖', Import: '📥', Dynamic: '❔' };
function describeChangeCounts(preview) {
    const count = (action) => preview.changes.filter((c) => c.action === action).length;
    const replacements = preview.changes.filter((c) => c.replacement === 'True' || c.replacement === 'Conditional').length;
    const parts = [`${count('Add')} to add`, `${count('Modify')} to modify`, `${count('Remove')} to remove`];
    if (count('Import') > 0)
        parts.push(`${count('Import')} to import`);
    return `${parts.join(', ')}${replacements > 0 ? ` (${replacements} replacement${replacements > 1 ? 's' : ''})` : ''}`;
}
/** The preview as markdown: the job summary section and the `change-set` output (for PR comments). */
function renderPreview(preview) {
    const parts = [];
    parts.push(`### Change set for \`${preview.stackName}\`${preview.newStack ? ' (new stack)' : ''}`);
    parts.push(`**${describeChangeCounts(preview)}** — change set \`${preview.changeSetName}\``);
    if (preview.changes.length > 0) {
        const rows = preview.changes.map((c) => [
            `${ACTION_ICON[c.action] ?? ''} ${c.action}`.trim(),
            c.logicalId,
            c.type,
            c.replacement === 'True'
                ? '**True**'
                : c.replacement === 'Conditional'
                    ? 'Conditional'
                    : c.action === 'Modify'
                        ? 'False'
                        : '',
            c.causes.join(', '),
            c.changed.join(', '),
        ]);
        parts.push((0,src/* markdownTable */.Qj)(['Action', 'Logical ID', 'Type', 'Replacement', 'Caused by', 'Changed'], rows));
    }
    else {
        parts.push('No resource changes.');
    }
    if (preview.parameters.length > 0) {
        const show = (value, hidden) => value === undefined ? '—' : hidden ? '(NoEcho)' : `\`${value}\``;
        const rows = preview.parameters.map((p) => [p.name, show(p.before, p.noEcho), show(p.after, p.noEcho)]);
        parts.push((0,src/* markdownTable */.Qj)(['Parameter', 'Before', 'After'], rows));
    }
    return parts.join('\n\n') + '\n';
}

;// CONCATENATED MODULE: ./packages/cfn/src/stack/releases.ts


async function createReleaseStoreApi(aws, signal) {
    const sdk = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(736)]).then(__webpack_require__.t.bind(__webpack_require__, 4736, 19));
    const client = createClient(sdk.SSMClient, aws);
    const options = signal ? { abortSignal: signal } : {};
    return {
        async getParameter(name) {
            try {
                const out = await client.send(new sdk.GetParameterCommand({ Name: name }), options);
                return out.Parameter?.Value;
            }
            catch (error) {
                if (classifyAwsError(error).kind === 'not-found')
                    return undefined;
                throw error;
            }
        },
        async putParameter(name, value, description) {
            await client.send(new sdk.PutParameterCommand({
                Name: name,
                Value: value,
                Type: 'String',
                Overwrite: true,
                // Standard (free) while the history fits 4 KB; SSM moves it to Advanced (8 KB) when it grows.
                Tier: 'Intelligent-Tiering',
                Description: description,
            }), options);
        },
    };
}
/** Advanced parameters hold up to 8 KB. */
const MAX_HISTORY_BYTES = 8192;
const MAX_RELEASES = 30;
function releasesParameterName(stackName) {
    return `/hoist/${stackName}/releases`;
}
function newReleaseId(time, gitSha) {
    const stamp = time.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    const suffix = gitSha && /^[0-9a-f]{7,}$/i.test(gitSha)
        ? gitSha.slice(0, 7).toLowerCase()
        : (0,external_node_crypto_.randomBytes)(4).toString('hex').slice(0, 7);
    return `${stamp}-${suffix}`;
}
const DIGEST_REFERENCE = /^[^\s@]+@sha256:[0-9a-f]{64}$/;
/** Parameters whose value is an image by digest. */
function imageParameters(parameters) {
    return Object.fromEntries(Object.entries(parameters).filter(([, v]) => DIGEST_REFERENCE.test(v)));
}
/**
 * Keeps the newest releases that fit: at most MAX_RELEASES, and the JSON at most `maxBytes`. The newest release is
 * always kept; if it alone is too large, its parameter values are dropped (marked by `parameters: {}` and every key
 * listed as NoEcho, so a rollback keeps their current values and says so).
 */
function boundHistory(history, maxBytes = MAX_HISTORY_BYTES, maxCount = MAX_RELEASES) {
    const size = (h) => Buffer.byteLength(JSON.stringify(h), 'utf8');
    const bounded = { ...history, releases: history.releases.slice(0, maxCount) };
    while (bounded.releases.length > 1 && size(bounded) > maxBytes)
        bounded.releases.pop();
    const newest = bounded.releases[0];
    if (newest && size(bounded) > maxBytes) {
        bounded.releases[0] = {
            ...newest,
            parameters: {},
            noEcho: [...new Set([...newest.noEcho, ...Object.keys(newest.parameters)])].sort(),
        };
    }
    return bounded;
}
/** The history, newest first; an unreadable value is reported through `onProblem` and treated as empty. */
async function readReleases(api, stackName, onProblem = () => { }) {
    const empty = { version: 1, stack: stackName, releases: [] };
    const name = releasesParameterName(stackName);
    const text = await api.getParameter(name);
    if (text === undefined)
        return empty;
    try {
        const parsed = JSON.parse(text);
        if (!Array.isArray(parsed.releases))
            throw new Error('no releases list');
        return { version: 1, stack: stackName, releases: parsed.releases };
    }
    catch (error) {
        onProblem(`The release history in ${name} cannot be read (${error.message}); starting a new one.`);
        return empty;
    }
}
/** Adds a release in front of the history and writes it back, bounded. Returns what was written. */
/** Adds a release to the history (newest first by execution time); a colliding id gets a suffix, set on `release`. */
async function recordRelease(api, stackName, release, onProblem) {
    const history = await readReleases(api, stackName, onProblem);
    // Two deploys of one commit within a second would share an id: the later one gets a suffix.
    let id = release.id;
    for (let n = 2; history.releases.some((r) => r.id === id); n++)
        id = `${release.id}-${n}`;
    release.id = id;
    const next = boundHistory({
        ...history,
        // Newest first by execution time; a stable sort keeps the new record ahead of one from the same instant.
        releases: [release, ...history.releases].sort((a, b) => b.time.localeCompare(a.time)),
    });
    await api.putParameter(releasesParameterName(stackName), JSON.stringify(next), `hoist release history of stack ${stackName} (newest first)`);
    return next;
}
/** The release running now: the newest whose deploy left it in place (deployed or unhealthy). */
function currentRelease(history) {
    return history.releases.find((r) => r.outcome === 'deployed' || r.outcome === 'unhealthy');
}
/** Who made a release and from which run: the runner's GITHUB_* variables (none in a terminal). */
function runContext(env = process.env) {
    const runUrl = env['GITHUB_SERVER_URL'] && env['GITHUB_REPOSITORY'] && env['GITHUB_RUN_ID']
        ? `${env['GITHUB_SERVER_URL']}/${env['GITHUB_REPOSITORY']}/actions/runs/${env['GITHUB_RUN_ID']}`
        : undefined;
    return {
        ...(env['GITHUB_SHA'] ? { gitSha: env['GITHUB_SHA'] } : {}),
        ...(env['GITHUB_ACTOR'] ? { actor: env['GITHUB_ACTOR'] } : {}),
        ...(runUrl ? { runUrl } : {}),
    };
}

;// CONCATENATED MODULE: ./packages/cfn/src/stack/verify.ts

async function createEcsApi(aws) {
    const sdk = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(212)]).then(__webpack_require__.t.bind(__webpack_require__, 212, 19));
    const client = createClient(sdk.ECSClient, aws);
    return {
        async describeServices(cluster, services) {
            const out = await client.send(new sdk.DescribeServicesCommand({ cluster, services: [...services] }));
            return out.services ?? [];
        },
        async stoppedTaskReasons(cluster, service, limit) {
            const list = await client.send(new sdk.ListTasksCommand({ cluster, serviceName: service, desiredStatus: 'STOPPED', maxResults: limit }));
            const arns = list.taskArns ?? [];
            if (arns.length === 0)
                return [];
            const tasks = await client.send(new sdk.DescribeTasksCommand({ cluster, tasks: arns }));
            return (tasks.tasks ?? [])
                .sort((a, b) => (b.stoppedAt?.getTime() ?? 0) - (a.stoppedAt?.getTime() ?? 0))
                .map((t) => {
                const container = t.containers?.find((c) => c.reason || (c.exitCode !== undefined && c.exitCode !== 0));
                const detail = container
                    ? ` (container ${container.name}: ${container.reason ?? `exit code ${container.exitCode}`})`
                    : '';
                return `${t.stoppedReason ?? 'stopped'}${detail}`;
            });
        },
        async describeTaskDefinition(taskDefinition) {
            const out = await client.send(new sdk.DescribeTaskDefinitionCommand({ taskDefinition }));
            return out.taskDefinition;
        },
        async forceNewDeployment(cluster, service) {
            await client.send(new sdk.UpdateServiceCommand({ cluster, service, forceNewDeployment: true }));
        },
    };
}
async function createAutoScalingApi(aws) {
    const [asg, ec2] = await Promise.all([Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(932)]).then(__webpack_require__.t.bind(__webpack_require__, 8932, 19)), Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(193)]).then(__webpack_require__.t.bind(__webpack_require__, 5193, 19))]);
    const client = createClient(asg.AutoScalingClient, aws);
    const ec2Client = createClient(ec2.EC2Client, aws);
    const describeVersion = async (id, name, version) => {
        const out = await ec2Client.send(new ec2.DescribeLaunchTemplateVersionsCommand({
            ...(id ? { LaunchTemplateId: id } : { LaunchTemplateName: name }),
            Versions: [version],
        }));
        return out.LaunchTemplateVersions?.[0];
    };
    return {
        async describeGroups(names) {
            const out = await client.send(new asg.DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [...names] }));
            return out.AutoScalingGroups ?? [];
        },
        async launchTemplateVersion(id, name, version) {
            if (/^\d+$/.test(version))
                return version;
            return String((await describeVersion(id, name, version))?.VersionNumber ?? version);
        },
        async launchTemplateUserData(id, name, version) {
            const data = (await describeVersion(id, name, version))?.LaunchTemplateData?.UserData;
            return data ? Buffer.from(data, 'base64').toString('utf8') : '';
        },
        async startInstanceRefresh(group) {
            const out = await client.send(new asg.StartInstanceRefreshCommand({ AutoScalingGroupName: group }));
            return out.InstanceRefreshId ?? '';
        },
    };
}
function stackServices(resources) {
    const clusters = resources.filter((r) => r.ResourceType === 'AWS::ECS::Cluster' && r.PhysicalResourceId);
    const onlyCluster = clusters.length === 1 ? clusters[0]?.PhysicalResourceId : undefined;
    return resources
        .filter((r) => r.ResourceType === 'AWS::ECS::Service' && r.PhysicalResourceId)
        .map((r) => {
        const id = r.PhysicalResourceId ?? '';
        // arn:aws:ecs:region:account:service/cluster/name (long form) or …:service/name (old short form)
        const parts = id.startsWith('arn:') ? (id.split(':')[5] ?? '').split('/') : ['service', id];
        const name = parts[parts.length - 1] ?? id;
        const cluster = parts.length === 3 ? (parts[1] ?? 'default') : (onlyCluster?.split('/').pop() ?? 'default');
        return { logicalId: r.LogicalResourceId ?? '', cluster, name };
    });
}
function stackGroups(resources) {
    return resources
        .filter((r) => r.ResourceType === 'AWS::AutoScaling::AutoScalingGroup' && r.PhysicalResourceId)
        .map((r) => ({ logicalId: r.LogicalResourceId ?? '', name: r.PhysicalResourceId ?? '' }));
}
/** A service is healthy when its PRIMARY deployment is COMPLETED and running = desired. */
function serviceState(service) {
    const primary = service.deployments?.find((d) => d.status === 'PRIMARY');
    const running = service.runningCount ?? 0;
    const desired = service.desiredCount ?? 0;
    const rollout = primary?.rolloutState;
    const detail = `rollout ${rollout ?? 'unknown'}${primary?.rolloutStateReason ? ` (${primary.rolloutStateReason})` : ''}, running ${running} of ${desired}`;
    if (rollout === 'FAILED')
        return { done: true, failed: true, detail };
    const complete = (rollout === undefined || rollout === 'COMPLETED') &&
        running === desired &&
        (service.deployments?.length ?? 0) <= 1;
    return { done: complete, failed: false, detail };
}
/** Waits for each ECS service to finish its rollout; a failure names the stopped tasks' reasons and the service's events. */
async function verifyEcsServices(api, services, options) {
    const findings = [];
    await Promise.all(services.map(async (s) => {
        const check = `ecs:${s.logicalId}`;
        let last;
        try {
            const result = await waitFor(async () => {
                last = (await api.describeServices(s.cluster, [s.name]))[0];
                if (!last)
                    return null;
                const state = serviceState(last);
                return state.done ? state : undefined;
            }, {
                description: `ECS service ${s.name} to finish its rollout`,
                deadline: options.deadline,
                intervalMs: options.intervalMs ?? 1000,
                backoff: 1.5,
                maxIntervalMs: 15_000,
                ...(options.signal ? { signal: options.signal } : {}),
                ...(options.sleep ? { sleep: options.sleep } : {}),
            });
            if (result === null) {
                findings.push({ check, status: 'fail', message: `service ${s.name} was not found in cluster ${s.cluster}` });
            }
            else if (!result.failed) {
                findings.push({ check, status: 'pass', message: `${s.name}: ${result.detail}` });
            }
            else {
                findings.push(await serviceFailure(api, s, check, result.detail, last));
            }
        }
        catch (error) {
            if (!(error instanceof WaitTimeoutError))
                throw error;
            const detail = last ? serviceState(last).detail : 'never described';
            findings.push(await serviceFailure(api, s, check, `not stable by the deadline: ${detail}`, last));
        }
    }));
    return findings.sort((a, b) => a.check.localeCompare(b.check));
}
async function serviceFailure(api, s, check, detail, service) {
    let stopped = [];
    try {
        stopped = await api.stoppedTaskReasons(s.cluster, s.name, 5);
    }
    catch {
        // The reasons are a help; the failure is reported without them.
    }
    const events = (service?.events ?? []).slice(0, 5).map((e) => e.message ?? '');
    const lines = [`${s.name}: ${detail}`];
    if (stopped.length > 0)
        lines.push(`stopped tasks: ${[...new Set(stopped)].join('; ')}`);
    if (events.length > 0)
        lines.push(`service events: ${events.join(' | ')}`);
    return {
        check,
        status: 'fail',
        message: lines.join('\n'),
        fix: 'read the stopped reasons above (image pull, health check, secrets access), fix, and deploy again — or run the rollback action.',
    };
}
/** Each group's instances must be InService and Healthy on the group's launch template version, as many as desired. */
async function verifyAutoScalingGroups(api, groups, options) {
    const findings = [];
    for (const g of groups) {
        const check = `asg:${g.logicalId}`;
        let detail = 'never described';
        try {
            const ok = await waitFor(async () => {
                const group = (await api.describeGroups([g.name]))[0];
                if (!group)
                    return null;
                const state = await groupState(api, group);
                detail = state.detail;
                return state.done ? true : undefined;
            }, {
                description: `Auto Scaling group ${g.name} to be healthy`,
                deadline: options.deadline,
                intervalMs: options.intervalMs ?? 2000,
                backoff: 1.5,
                maxIntervalMs: 15_000,
                ...(options.signal ? { signal: options.signal } : {}),
                ...(options.sleep ? { sleep: options.sleep } : {}),
            });
            findings.push(ok === null
                ? { check, status: 'fail', message: `group ${g.name} was not found` }
                : { check, status: 'pass', message: `${g.name}: ${detail}` });
        }
        catch (error) {
            if (!(error instanceof WaitTimeoutError))
                throw error;
            findings.push({
                check,
                status: 'fail',
                message: `${g.name}: not healthy on the new launch template version by the deadline: ${detail}`,
                fix: 'an Unhealthy instance failed its EC2 or load balancer health check: read its system log and the group’s scaling activities. An updated launch template reaches running instances only through an UpdatePolicy or an instance refresh (force-new-deployment).',
            });
        }
    }
    return findings;
}
async function groupState(api, group) {
    const spec = group.LaunchTemplate ?? group.MixedInstancesPolicy?.LaunchTemplate?.LaunchTemplateSpecification;
    const wanted = spec
        ? await api.launchTemplateVersion(spec.LaunchTemplateId, spec.LaunchTemplateName, spec.Version ?? '$Default')
        : undefined;
    const instances = group.Instances ?? [];
    // What keeps each instance from counting: not InService, not Healthy, or on another launch template version.
    const problems = instances.map((i) => [
        i.LifecycleState === 'InService' ? '' : (i.LifecycleState ?? 'no lifecycle state'),
        i.HealthStatus === 'Healthy' ? '' : (i.HealthStatus ?? 'no health status'),
        wanted === undefined || i.LaunchTemplate?.Version === wanted
            ? ''
            : `on launch template version ${i.LaunchTemplate?.Version ?? 'unknown'}`,
    ]
        .filter((p) => p !== '')
        .join(', '));
    const good = problems.filter((p) => p === '').length;
    const bad = instances.flatMap((i, n) => (problems[n] ? [`${i.InstanceId ?? '?'}: ${problems[n]}`] : []));
    const desired = group.DesiredCapacity ?? 0;
    const detail = `${good} of ${desired} instances InService and Healthy${wanted ? ` on launch template version ${wanted}` : ''} (${instances.length} in the group${bad.length > 0 ? `; ${bad.join('; ')}` : ''})`;
    return { done: good >= desired && bad.length === 0, detail };
}
/** GET the URL until it answers 200, or the deadline passes. */
async function checkHealthUrl(url, options) {
    const get = options.fetch ?? fetch;
    let last = 'no answer yet';
    try {
        await waitFor(async () => {
            try {
                const signals = [
                    AbortSignal.timeout(options.attemptTimeoutMs ?? 10_000),
                    ...(options.signal ? [options.signal] : []),
                ];
                const response = await get(url, { signal: AbortSignal.any(signals), redirect: 'follow' });
                await response.arrayBuffer().catch(() => undefined);
                last = `HTTP ${response.status}`;
                return response.status === 200 ? true : undefined;
            }
            catch (error) {
                if (options.signal?.aborted)
                    throw error;
                last =
                    error.cause instanceof Error
                        ? error.cause.message
                        : error.message;
                return undefined;
            }
        }, {
            description: `${url} to answer HTTP 200`,
            deadline: options.deadline,
            intervalMs: options.intervalMs ?? 2000,
            backoff: 1.5,
            maxIntervalMs: 15_000,
            ...(options.signal ? { signal: options.signal } : {}),
            sleep: options.sleep ?? sleep,
        });
        return { check: 'health-check-url', status: 'pass', message: `${url} answered HTTP 200` };
    }
    catch (error) {
        if (!(error instanceof WaitTimeoutError))
            throw error;
        return {
            check: 'health-check-url',
            status: 'fail',
            message: `${url} did not answer HTTP 200 by the deadline (last: ${last})`,
            fix: 'look at the service logs; raise health-check-timeout if it needs longer to start.',
        };
    }
}

;// CONCATENATED MODULE: ./packages/cfn/src/stack/wait.ts



/** Credentials ran out while hoist was waiting: says so, and what the stack was doing when last seen. */
class CredentialsExpiredError extends src/* UserError */.yo {
    name = 'CredentialsExpiredError';
}
/** Polls gently at first (1 s), then every 5 s — CloudFormation operations take minutes. */
const FIRST_INTERVAL_MS = 1000;
const MAX_INTERVAL_MS = 5000;
/**
 * Waits until the stack is no longer *_IN_PROGRESS, through the one `waitFor` (deadline, AbortSignal). Returns the
 * stack as last read, or undefined when it is gone (a delete finished).
 */
async function waitForStack(api, stackName, options) {
    let last;
    const described = (stack) => stack ? `${stack.StackStatus}${stack.StackStatusReason ? ` (${stack.StackStatusReason})` : ''}` : 'unknown';
    try {
        const stack = await waitFor(async () => {
            let current;
            try {
                current = await api.describeStack(stackName);
            }
            catch (error) {
                if (classifyAwsError(error).kind === 'auth') {
                    throw new CredentialsExpiredError(`The AWS credentials expired while waiting for stack ${stackName} (${classifyAwsError(error).name}); its status when last read was ${described(last)}. CloudFormation carries on without hoist: the stack's own state is not affected.`, {
                        code: 'credentials-expired',
                        cause: error,
                        fix: "lengthen the session: `role-duration-seconds` of aws-actions/configure-aws-credentials (up to the role's MaxSessionDuration, which you may need to raise), or lower timeout-minutes; then re-run to see the outcome.",
                    });
                }
                throw error;
            }
            if (!current || current.StackStatus === 'DELETE_COMPLETE')
                return null;
            last = current;
            return isInProgress(current.StackStatus) ? undefined : current;
        }, {
            description: `stack ${stackName} to finish`,
            deadline: options.deadline,
            intervalMs: options.intervalMs ?? FIRST_INTERVAL_MS,
            backoff: 1.5,
            maxIntervalMs: options.maxIntervalMs ?? MAX_INTERVAL_MS,
            ...(options.signal ? { signal: options.signal } : {}),
            ...(options.sleep ? { sleep: options.sleep } : {}),
            ...(options.now ? { now: options.now } : {}),
        });
        return stack ?? undefined;
    }
    catch (error) {
        if (error instanceof WaitTimeoutError) {
            throw new src/* UserError */.yo(`Timed out waiting for stack ${stackName}: still ${described(last)} at the deadline. CloudFormation carries on; hoist stopped waiting.`, {
                code: 'timeout',
                cause: error,
                fix: `raise ${options.deadlineInput ?? 'timeout-minutes'} (and the job's timeout-minutes), or look at the stack's events in the CloudFormation console.`,
            });
        }
        throw error;
    }
}

;// CONCATENATED MODULE: ./packages/cfn/src/stack/deploy.ts














/** `deployed`, `no-changes` and `preview` end the step with exit code 0; the others with 1. */
function isSuccess(status) {
    return status === 'deployed' || status === 'no-changes' || status === 'preview';
}
/**
 * Deploys a stack through a change set: wait out an operation in progress, create (or take) the change set, show
 * the preview, guard replacements, execute with live events, diagnose a failure, verify what runs, record a release.
 * Both deploy-stack and rollback run this.
 */
async function deployStack(options, services, reporter, hooks = {}) {
    const { cfn } = services;
    const { stackName, signal, deadline } = options;
    const result = {
        status: 'failed',
        message: '',
        stackId: undefined,
        stackStatus: undefined,
        changeSetId: undefined,
        preview: undefined,
        previewMarkdown: undefined,
        outputs: {},
        release: undefined,
        rootCause: undefined,
        verification: [],
        template: undefined,
    };
    let stack = await settledStack(cfn, stackName, options, reporter);
    result.stackId = stack?.StackId;
    // ---- the change set: a reviewed one, or a new one ----
    let changeSet;
    let templateBody = options.template?.body;
    if (options.changeSetId) {
        const description = await waitForChangeSet(cfn, stackName, options.changeSetId, { deadline, signal });
        if (description.StackName !== stackName) {
            throw new src/* UserError */.yo(`Change set ${options.changeSetId} belongs to stack ${description.StackName}, not ${stackName}.`, {
                code: 'bad-change-set',
                fix: 'pass the change-set-id output of the preview run for the same stack-name.',
            });
        }
        if (description.ExecutionStatus !== 'AVAILABLE') {
            throw new src/* UserError */.yo(`Change set ${options.changeSetId} cannot be executed: it is ${description.Status}/${description.ExecutionStatus}${description.StatusReason ? ` (${description.StatusReason})` : ''}.`, {
                code: 'change-set-unavailable',
                fix: 'run the preview again to make a new change set.',
            });
        }
        // What runs is the change set's own template: the file given may have changed since the preview was made.
        let executed;
        try {
            executed = await cfn.getTemplateBody(stackName, options.changeSetId);
        }
        catch (error) {
            if (templateBody === undefined)
                throw error;
            executed = templateBody;
        }
        templateBody = executed;
        result.template = await keepTemplate(templateBody, options, services, reporter);
        changeSet = {
            id: description.ChangeSetId ?? options.changeSetId,
            name: description.ChangeSetName ?? '',
            description,
            type: stack && stackPhase(stack.StackStatus) !== 'review' ? 'UPDATE' : 'CREATE',
        };
    }
    else {
        if (templateBody === undefined)
            throw new src/* UserError */.yo('No template to deploy.', { code: 'no-template', fix: 'set the `template` input.' });
        const created = await newChangeSet(templateBody, stack, options, services, reporter, result);
        if (created === 'no-changes') {
            result.status = 'no-changes';
            result.message = `Stack ${stackName} is up to date: no changes.`;
            stack = await cfn.describeStack(stackName);
            await afterStable(stack, options, services, reporter, result, new Set());
            const history = await readReleases(services.releases, stackName, (m) => reporter.info(m));
            result.release = currentRelease(history);
            return result;
        }
        changeSet = created;
    }
    result.changeSetId = changeSet.id;
    result.stackId ??= changeSet.description.StackId;
    const parsed = parseTemplate(templateBody);
    const noEcho = new Set([...parsed.parameters.values()].filter((p) => p.noEcho).map((p) => p.name));
    // ---- the preview ----
    const preview = {
        stackName,
        changeSetName: changeSet.name,
        changeSetId: changeSet.id,
        newStack: changeSet.type === 'CREATE',
        changes: resourceChangeRows(changeSet.description.Changes),
        parameters: parameterChangeRows(stack?.Parameters, changeSet.description.Parameters ?? [], noEcho),
    };
    result.preview = preview;
    result.previewMarkdown = renderPreview(preview);
    hooks.onPreview?.(preview, result.previewMarkdown);
    const guarded = guardedReplacements(preview, options.statefulTypes);
    if (guarded.length > 0) {
        const names = guarded
            .map((g) => `${g.logicalId} (${g.type}, replacement ${g.replacement}${g.causes.length ? ` because of ${g.causes.join(', ')}` : ''})`)
            .join('; ');
        if (options.onReplacement === 'fail') {
            if (options.execute || options.deletePreview)
                await discardChangeSet(cfn, stackName, changeSet, reporter);
            throw new src/* UserError */.yo(`The change set would replace stateful resources — their data would be lost: ${names}.`, {
                code: 'stateful-replacement',
                fix: 'change the template so these resources are updated in place (or migrate the data first), or set `on-replacement: warn` to accept the replacement.',
            });
        }
        reporter.annotate({
            level: 'warning',
            title: 'replacement',
            message: `The change set replaces stateful resources: ${names}.`,
        });
    }
    if (!options.execute) {
        result.status = 'preview';
        if (options.deletePreview) {
            await discardChangeSet(cfn, stackName, changeSet, reporter);
            result.message = `Preview of stack ${stackName}: the change set was deleted (delete-preview).`;
        }
        else {
            result.message = `Preview of stack ${stackName}: change set ${changeSet.id} is kept for a later run (change-set-id).`;
        }
        return result;
    }
    // ---- execute, with live events ----
    const since = changeSet.description.CreationTime ?? new Date(Date.now() - 60_000);
    const monitor = new StackEventMonitor({
        api: cfn,
        stack: result.stackId ?? stackName,
        since,
        print: (event) => reporter.info(formatEvent(event, stackName)),
        onError: (message) => reporter.info(`(events) ${message}`),
    });
    const startedAt = Date.now();
    const record = (outcome, parameters, note = '', limitMs) => writeRelease(options, services, reporter, result, hooks, {
        outcome,
        parameters,
        templateBody,
        noEcho,
        executedAt: new Date(startedAt),
        note,
        ...(limitMs !== undefined ? { limitMs } : {}),
    });
    let executed = false;
    let settled = false;
    let final;
    try {
        await reporter.group(`CloudFormation events of ${stackName}`, async () => {
            monitor.start();
            try {
                await cfn.executeChangeSet({
                    StackName: stackName,
                    ChangeSetName: changeSet.id,
                    ClientRequestToken: (0,external_node_crypto_.randomUUID)(),
                });
                executed = true;
                final = await waitForStack(cfn, stackName, { deadline, signal });
                settled = true;
            }
            finally {
                await monitor.stop();
            }
        });
        reporter.info(`Stack ${stackName} is ${final?.StackStatus ?? 'gone'} after ${Math.round((Date.now() - startedAt) / 1000)}s.`);
        result.stackStatus = final?.StackStatus;
        result.outputs = outputsOf(final);
        const phase = stackPhase(final?.StackStatus);
        if (phase === 'complete') {
            result.status = 'deployed';
            result.message = `Stack ${stackName} is ${final?.StackStatus}.`;
            const modified = new Set(preview.changes.filter((c) => c.action !== 'Remove').map((c) => c.logicalId));
            await afterStable(final, options, services, reporter, result, modified);
        }
        else {
            result.rootCause = findRootCause(monitor.events, result.stackId ?? stackName);
            const cause = result.rootCause
                ? ` Root cause: ${describeRootCause(result.rootCause)}`
                : final?.StackStatusReason
                    ? ` ${final.StackStatusReason}`
                    : '';
            if (phase === 'rolled-back') {
                result.status = 'rolled-back';
                result.message = `The update of stack ${stackName} failed and CloudFormation rolled it back (${final?.StackStatus}): the previous release is running.${cause}`;
            }
            else if (phase === 'stuck') {
                result.status = 'failed';
                result.message = `Stack ${stackName} is ${final?.StackStatus}: the rollback itself failed.${cause} To recover: ${rollbackCommand(stackName)}.`;
            }
            else {
                result.status = 'failed';
                result.message = `Stack ${stackName} ended ${final?.StackStatus ?? 'deleted'}.${cause}`;
            }
        }
    }
    catch (error) {
        // The run ends with this error whatever happens here: the cancel and the record are bounded and never throw.
        // A cancel gives the step a few seconds (kit's grace), so both go at once.
        await Promise.all([
            !settled && signal.aborted && options.cancelOnAbort ? cancelUpdate(cfn, stackName, reporter) : undefined,
            executed
                ? settled
                    ? // The stack updated; its verification did not finish: running, not known to be healthy.
                        record('unhealthy', releaseParameters(changeSet.description.Parameters, final?.Parameters), 'the stack updated, but the run ended before its verification finished', RECORD_LIMIT_MS)
                    : record('failed', intendedParameters(changeSet.description.Parameters, stack?.Parameters, parsed.parameters), 'the change set was executed, but the run ended before the stack settled', RECORD_LIMIT_MS)
                : undefined,
        ]);
        throw error;
    }
    await record(outcomeOf(result.status), releaseParameters(changeSet.description.Parameters, final?.Parameters));
    return result;
}
/** The stack as it stands once no operation is running; recreates a failed first create when asked. */
async function settledStack(cfn, stackName, options, reporter) {
    let stack = await cfn.describeStack(stackName);
    if (stack && stackPhase(stack.StackStatus) === 'in-progress') {
        reporter.info(`Stack ${stackName} is ${stack.StackStatus}: waiting for that operation to finish first.`);
        stack = await waitForStack(cfn, stackName, { deadline: options.deadline, signal: options.signal });
    }
    const phase = stackPhase(stack?.StackStatus);
    if (phase === 'stuck' || phase === 'failed') {
        throw new src/* UserError */.yo(`Stack ${stackName} is ${stack?.StackStatus}${stack?.StackStatusReason ? ` (${stack.StackStatusReason})` : ''}: it cannot be updated until it is recovered.`, {
            code: 'stack-stuck',
            fix: rollbackCommand(stackName),
        });
    }
    if (phase === 'create-rolled-back') {
        if (!options.recreateFailed) {
            throw new src/* UserError */.yo(`Stack ${stackName} is ROLLBACK_COMPLETE: its first create failed, and such a stack can only be deleted.`, {
                code: 'rollback-complete',
                fix: 'set `recreate-failed: true` to delete and create it again, or delete it yourself.',
            });
        }
        reporter.info(`Stack ${stackName} is ROLLBACK_COMPLETE from a failed first create: deleting it to create it again (recreate-failed).`);
        await cfn.deleteStack(stackName, (0,external_node_crypto_.randomUUID)());
        await waitForStack(cfn, stack?.StackId ?? stackName, { deadline: options.deadline, signal: options.signal });
        return undefined;
    }
    return stack;
}
/** Stores the template, plans the parameters and creates the change set. */
async function newChangeSet(body, stack, options, services, reporter, result) {
    const { stackName } = options;
    const template = parseTemplate(body, options.template?.file ? { file: options.template.file } : {});
    const bytes = Buffer.byteLength(body, 'utf8');
    if (bytes > MAX_TEMPLATE_BODY_BYTES && !options.artifactsBucket) {
        throw new src/* UserError */.yo(`The template is ${bytes.toLocaleString('en-US')} bytes; CloudFormation takes at most ${MAX_TEMPLATE_BODY_BYTES.toLocaleString('en-US')} bytes inline, so a larger template must be uploaded to S3 first.`, {
            code: 'template-too-large',
            fix: 'set `artifacts-bucket` to a bucket name, or to `auto` to let hoist create hoist-artifacts-<account>-<region>.',
        });
    }
    result.template = await keepTemplate(body, options, services, reporter);
    const isUpdate = stack !== undefined && stackPhase(stack.StackStatus) !== 'review';
    const plan = planParameters({
        template: [...template.parameters.values()].map((p) => ({
            name: p.name,
            default: p.default,
            noEcho: p.noEcho,
        })),
        given: options.parameters,
        ...(options.usePrevious ? { usePrevious: options.usePrevious } : {}),
        existing: isUpdate ? (stack.Parameters ?? []) : undefined,
    });
    if (plan.kept.length > 0)
        reporter.info(`Keeping the current value of: ${plan.kept.join(', ')} (UsePreviousValue).`);
    if (plan.dropped.length > 0) {
        reporter.annotate({
            level: 'notice',
            title: 'parameters',
            message: `The template no longer declares ${plan.dropped.join(', ')}: dropped from stack ${stackName}.`,
        });
    }
    if (plan.unknown.length > 0) {
        reporter.annotate({
            level: 'warning',
            title: 'parameters',
            message: `Values given for parameters the template does not declare were not sent: ${plan.unknown.join(', ')}.`,
        });
    }
    const useUrl = bytes > MAX_TEMPLATE_BODY_BYTES && result.template;
    if (useUrl && result.template)
        reporter.info(`The template is passed as TemplateURL ${result.template.url} (over ${MAX_TEMPLATE_BODY_BYTES.toLocaleString('en-US')} bytes).`);
    const created = await createChangeSet(services.cfn, {
        stackName,
        type: isUpdate ? 'UPDATE' : 'CREATE',
        template: useUrl && result.template ? { url: result.template.url } : { body },
        parameters: plan.parameters,
        capabilities: options.capabilities,
        tags: options.tags,
        ...(options.roleArn ? { roleArn: options.roleArn } : {}),
        description: `hoist ${options.release.kind}${options.release.gitSha ? ` of ${options.release.gitSha.slice(0, 12)}` : ''}`,
        includeNestedStacks: [...template.resources.values()].some((r) => r.type === 'AWS::CloudFormation::Stack'),
    }, { deadline: options.deadline, signal: options.signal });
    if (created.kind === 'no-changes') {
        reporter.info(`No changes: ${created.reason}${created.id ? ' (the empty change set was deleted)' : ''}`);
        if (!isUpdate)
            await deleteReviewStack(services.cfn, stackName, reporter);
        return 'no-changes';
    }
    reporter.info(`Change set ${created.name} is ready (${created.description.Changes.length} resource changes).`);
    return { id: created.id, name: created.name, description: created.description, type: isUpdate ? 'UPDATE' : 'CREATE' };
}
/** With an artifacts bucket, the template body is kept there (content-addressed): for a TemplateURL and for rollback. */
async function keepTemplate(body, options, services, reporter) {
    if (!options.artifactsBucket)
        return undefined;
    const artifacts = await services.artifacts();
    const bucket = await ensureArtifactsBucket(artifacts, options.artifactsBucket, options.region, (m) => reporter.info(m));
    const stored = await storeTemplate(artifacts, bucket, body, options.region);
    reporter.info(`Template stored as s3://${bucket}/${stored.key}.`);
    return stored;
}
/** Deletes a change set that will not run — and the empty REVIEW_IN_PROGRESS stack a change set for a new stack made. */
async function discardChangeSet(cfn, stackName, changeSet, reporter) {
    await deleteChangeSetQuietly(cfn, stackName, changeSet.id);
    if (changeSet.type === 'CREATE')
        await deleteReviewStack(cfn, stackName, reporter);
}
async function deleteReviewStack(cfn, stackName, reporter) {
    const stack = await cfn.describeStack(stackName);
    if (stack?.StackStatus !== 'REVIEW_IN_PROGRESS')
        return;
    try {
        await cfn.deleteStack(stack.StackId ?? stackName, (0,external_node_crypto_.randomUUID)());
        reporter.info(`Deleted the empty REVIEW_IN_PROGRESS stack ${stackName} that the change set had made.`);
    }
    catch (error) {
        reporter.info(`Could not delete the REVIEW_IN_PROGRESS stack ${stackName}: ${error.message}`);
    }
}
/** How long the cancel and the release record may take once a run ends in an error: inside kit's cancel grace. */
const RECORD_LIMIT_MS = 5000;
/** The call's answer, or an error when there is none within `ms` (the call itself is left to finish or not). */
async function answerWithin(call, ms) {
    let timer;
    try {
        return await Promise.race([
            call,
            new Promise((_, reject) => {
                timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000}s`)), ms);
                timer.unref();
            }),
        ]);
    }
    finally {
        clearTimeout(timer);
    }
}
/** On cancel: ask CloudFormation to cancel the update (it rolls back), without waiting for it. */
async function cancelUpdate(cfn, stackName, reporter) {
    try {
        await answerWithin(cfn.cancelUpdateStack(stackName, (0,external_node_crypto_.randomUUID)()), RECORD_LIMIT_MS);
        reporter.info(`Cancelled the update of stack ${stackName} (cancel-on-abort): CloudFormation rolls it back.`);
    }
    catch (error) {
        reporter.info(`Could not cancel the update of stack ${stackName}: ${error.message}`);
    }
}
function outputsOf(stack) {
    return Object.fromEntries((stack?.Outputs ?? []).filter((o) => o.OutputKey).map((o) => [o.OutputKey ?? '', o.OutputValue ?? '']));
}
/** After the stack is stable: termination protection, forced deployments, verification (which may make it `unhealthy`). */
async function afterStable(stack, options, services, reporter, result, updatedByChangeSet) {
    if (!stack)
        return;
    result.stackId = stack.StackId;
    result.stackStatus = stack.StackStatus;
    result.outputs = outputsOf(stack);
    if (options.terminationProtection !== undefined &&
        (stack.EnableTerminationProtection ?? false) !== options.terminationProtection) {
        // The stack is deployed: a protection that could not be set is a warning, not a failed release.
        try {
            await services.cfn.updateTerminationProtection(options.stackName, options.terminationProtection);
            reporter.info(`Termination protection ${options.terminationProtection ? 'enabled' : 'disabled'} on stack ${options.stackName}.`);
        }
        catch (error) {
            if (options.signal?.aborted)
                throw error;
            reporter.annotate({
                level: 'warning',
                title: 'termination protection',
                message: `The stack is deployed, but its termination protection could not be ${options.terminationProtection ? 'enabled' : 'disabled'}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\nFix: allow cloudformation:UpdateTerminationProtection on the stack to the deploying role, or set it in the console.`,
            });
        }
    }
    const needsResources = options.forceNewDeployment !== undefined || result.status === 'deployed';
    if (!needsResources)
        return;
    const resources = await services.cfn.listStackResources(options.stackName);
    const ecsServices = stackServices(resources);
    const groups = stackGroups(resources);
    const rolled = new Set();
    if (options.forceNewDeployment) {
        const ecs = await services.ecs();
        const targets = await forcedTargets(options.forceNewDeployment, ecsServices, groups, {
            ecs,
            autoscaling: groups.length > 0 ? await services.autoscaling() : undefined,
        });
        if (targets.unknown.length > 0) {
            throw new src/* UserError */.yo(`force-new-deployment names services stack ${options.stackName} does not have: ${targets.unknown.join(', ')}.`, {
                code: 'unknown-service',
                fix: `name services by name or logical id: ${ecsServices.map((s) => s.logicalId).join(', ') || '(the stack has no ECS services)'}.`,
            });
        }
        for (const t of targets.services) {
            if (updatedByChangeSet.has(t.service.logicalId))
                continue;
            await ecs.forceNewDeployment(t.service.cluster, t.service.name);
            rolled.add(t.service.logicalId);
            reporter.info(`Forced a new deployment of ECS service ${t.service.name}${t.secrets.length ? ` (uses updated ${t.secrets.join(', ')})` : ''}.`);
        }
        for (const g of targets.groups) {
            const id = await (await services.autoscaling()).startInstanceRefresh(g.name);
            reporter.info(`Started instance refresh ${id} of Auto Scaling group ${g.name} (uses updated ${g.secrets.join(', ')}).`);
        }
        if (rolled.size === 0 && targets.groups.length === 0)
            reporter.info('force-new-deployment: no service or group to roll.');
    }
    if (result.status !== 'deployed' && rolled.size === 0)
        return;
    const verifyOptions = { deadline: options.deadline, signal: options.signal };
    const findings = [];
    if (ecsServices.length > 0) {
        reporter.info(`Verifying ${ecsServices.length} ECS service(s) until each rollout completes with running = desired: ${ecsServices.map((s) => s.name).join(', ')}.`);
        findings.push(...(await verifyEcsServices(await services.ecs(), ecsServices, verifyOptions)));
    }
    if (groups.length > 0 && result.status === 'deployed') {
        reporter.info(`Verifying ${groups.length} Auto Scaling group(s) until every instance is InService and Healthy.`);
        findings.push(...(await verifyAutoScalingGroups(await services.autoscaling(), groups, verifyOptions)));
    }
    if (options.healthCheckUrl) {
        const healthDeadline = Math.min(options.deadline, Date.now() + (options.healthCheckTimeoutMs ?? 300_000));
        findings.push(await checkHealthUrl(options.healthCheckUrl, { deadline: healthDeadline, signal: options.signal }));
    }
    result.verification = findings;
    if (findings.some((f) => f.status === 'fail')) {
        const failed = findings.filter((f) => f.status === 'fail').map((f) => f.check);
        result.status = 'unhealthy';
        result.message = `Stack ${options.stackName} updated, but verification failed (${failed.join(', ')}): the new release is running and unhealthy. To go back: ${rollbackCommand(options.stackName).split(';')[0]}.`;
    }
}
/**
 * The parameter values a release record keeps: the stack's, read after the wait — unless another run's update went
 * in meanwhile (the stack runs another image than this change set set), then this change set's own values.
 */
function releaseParameters(fromChangeSet, fromStack) {
    const stack = new Map((fromStack ?? []).map((p) => [p.ParameterKey, p]));
    const movedOn = (fromChangeSet ?? []).some((p) => {
        const now = stack.get(p.ParameterKey)?.ParameterValue;
        return !p.UsePreviousValue && isImageReference(p.ParameterValue) && now !== p.ParameterValue;
    });
    if (!movedOn)
        return [...stack.values()];
    for (const p of fromChangeSet ?? [])
        if (p.ParameterValue !== undefined)
            stack.set(p.ParameterKey, p);
    return [...stack.values()];
}
/**
 * The parameter values a change set was executed with, for a run that ended before the stack settled: the stack's
 * values before, with the change set's own on top (the template's parameters only).
 */
function intendedParameters(fromChangeSet, before, declared) {
    const values = new Map();
    for (const p of before ?? [])
        if (p.ParameterKey && declared.has(p.ParameterKey))
            values.set(p.ParameterKey, p);
    for (const p of fromChangeSet ?? [])
        if (p.ParameterKey && !p.UsePreviousValue && p.ParameterValue !== undefined)
            values.set(p.ParameterKey, p);
    return [...values.values()];
}
function isImageReference(value) {
    return value !== undefined && Object.keys(imageParameters({ value })).length > 0;
}
function outcomeOf(status) {
    return status === 'deployed' || status === 'unhealthy' || status === 'rolled-back' ? status : 'failed';
}
/** Records the release; a failure to write is a warning, never an error (the deploy's own outcome stands). */
async function writeRelease(options, services, reporter, result, hooks, what) {
    const { outcome } = what;
    const parameters = recordableParameters(what.parameters, what.noEcho);
    // A release is placed in the history by when it was executed, not when its run finished waiting: two runs that
    // overlap on one stack keep the order in which their updates reached it.
    const now = what.executedAt;
    const release = {
        id: newReleaseId(now, options.release.gitSha),
        time: now.toISOString(),
        kind: options.release.kind,
        outcome,
        ...(options.release.restores ? { restores: options.release.restores } : {}),
        ...(options.release.gitSha ? { gitSha: options.release.gitSha } : {}),
        ...(options.release.actor ? { actor: options.release.actor } : {}),
        ...(options.release.runUrl ? { runUrl: options.release.runUrl } : {}),
        ...(result.changeSetId ? { changeSetId: result.changeSetId } : {}),
        templateSha256: templateChecksum(what.templateBody),
        ...(result.template
            ? {
                template: {
                    bucket: result.template.bucket,
                    key: result.template.key,
                    ...(result.template.versionId ? { versionId: result.template.versionId } : {}),
                },
            }
            : {}),
        parameters: parameters.values,
        noEcho: parameters.noEcho,
        images: imageParameters(parameters.values),
    };
    try {
        const writing = recordRelease(services.releases, options.stackName, release, (m) => reporter.info(m));
        await (what.limitMs === undefined ? writing : answerWithin(writing, what.limitMs));
        result.release = release;
        reporter.info(`Release ${release.id} recorded (${outcome}${what.note ? `: ${what.note}` : ''}).`);
        hooks.onRelease?.(release);
    }
    catch (error) {
        reporter.annotate({
            level: 'warning',
            title: 'release record',
            message: `The release record could not be written to SSM (${error.name}: ${error.message}); rollback will not know this release.`,
        });
    }
}

;// CONCATENATED MODULE: ./packages/cfn/src/stack/index.ts
// Stack operations: change sets, previews, the event monitor, diagnosis, verification and release records —
// what deploy-stack and rollback run. Exported as `@hoist/cfn/stack` so the template-only users stay light.














;// CONCATENATED MODULE: ./packages/cfn/src/stack/recover.ts







async function createRecoveryCalls(aws, signal) {
    const sdk = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(805)]).then(__webpack_require__.t.bind(__webpack_require__, 3805, 19));
    const client = createClient(sdk.CloudFormationClient, aws);
    const options = signal ? { abortSignal: signal } : {};
    return {
        async continueUpdateRollback(stackName, resourcesToSkip, clientRequestToken) {
            await client.send(new sdk.ContinueUpdateRollbackCommand({
                StackName: stackName,
                ClientRequestToken: clientRequestToken,
                ...(resourcesToSkip.length > 0 ? { ResourcesToSkip: [...resourcesToSkip] } : {}),
            }), options);
        },
        async rollbackStack(stackName, clientRequestToken) {
            await client.send(new sdk.RollbackStackCommand({ StackName: stackName, ClientRequestToken: clientRequestToken }), options);
        },
    };
}
/** The next step for a stack in this status (the stack must exist). */
function recoveryStep(stack, input) {
    const status = stack.StackStatus ?? '';
    const name = stack.StackName ?? '';
    switch (status) {
        case 'UPDATE_IN_PROGRESS':
            return input.cancelInProgress
                ? { kind: 'cancel-update' }
                : { kind: 'wait', why: `an update is running (set cancel-in-progress: true to cancel it instead)` };
        case 'UPDATE_ROLLBACK_FAILED':
            return { kind: 'continue-update-rollback', resourcesToSkip: input.resourcesToSkip };
        case 'UPDATE_FAILED':
        case 'CREATE_FAILED':
            // Only a stack made or updated with rollback disabled stays in *_FAILED; RollbackStack finishes what
            // CloudFormation would have done.
            return { kind: 'rollback-stack' };
        case 'REVIEW_IN_PROGRESS':
            return {
                kind: 'nothing-to-roll-back',
                why: `stack ${name} is REVIEW_IN_PROGRESS: it holds only a change set, nothing was ever created`,
                fix: 'deploy it with deploy-stack (or delete the change set).',
            };
        case 'ROLLBACK_COMPLETE':
            return {
                kind: 'nothing-to-roll-back',
                why: `stack ${name} is ROLLBACK_COMPLETE: its first create failed, so there is no earlier release to go back to`,
                fix: 'fix the cause and deploy again with deploy-stack and `recreate-failed: true` (it deletes and creates the stack), or delete the stack.',
            };
        case 'ROLLBACK_FAILED':
            return {
                kind: 'unrecoverable',
                why: `stack ${name} is ROLLBACK_FAILED: the rollback of its failed first create failed, and such a stack can only be deleted`,
                fix: `delete it, retaining the resources that cannot be deleted: \`aws cloudformation delete-stack --stack-name ${name} --retain-resources <LogicalId>…\`, then deploy again.`,
            };
        case 'DELETE_FAILED':
            return {
                kind: 'unrecoverable',
                why: `stack ${name} is DELETE_FAILED: a delete failed, and a rollback cannot undo a delete`,
                fix: `delete it again, retaining the resources that cannot be deleted (\`aws cloudformation delete-stack --stack-name ${name} --retain-resources <LogicalId>…\`).`,
            };
        case 'IMPORT_ROLLBACK_FAILED':
            return {
                kind: 'unrecoverable',
                why: `stack ${name} is IMPORT_ROLLBACK_FAILED: the rollback of a resource import failed`,
                fix: 'look at the stack events, fix the resources named there by hand, then import again.',
            };
    }
    if (stackPhase(status) === 'in-progress') {
        const why = input.cancelInProgress
            ? `it is ${status}, and CancelUpdateStack only cancels UPDATE_IN_PROGRESS`
            : `it is ${status}`;
        return { kind: 'wait', why };
    }
    return { kind: 'none' };
}
/** One line saying what a step does (for logs, summaries and dry runs). */
function describeRecoveryStep(step, stackName) {
    switch (step.kind) {
        case 'none':
            return `stack ${stackName} is stable`;
        case 'wait':
            return `wait for stack ${stackName} to finish (${step.why})`;
        case 'cancel-update':
            return `cancel the update of stack ${stackName} (CancelUpdateStack), then wait while CloudFormation rolls it back`;
        case 'continue-update-rollback':
            return `continue the failed rollback of stack ${stackName} (ContinueUpdateRollback${step.resourcesToSkip.length > 0 ? `, skipping ${step.resourcesToSkip.join(', ')}` : ''}), then wait`;
        case 'rollback-stack':
            return `roll stack ${stackName} back to its last stable state (RollbackStack), then wait`;
        case 'nothing-to-roll-back':
        case 'unrecoverable':
            return step.why;
    }
}
/** Recovery calls hoist makes before it gives up (a cancel can end in UPDATE_ROLLBACK_FAILED, which needs a continue). */
const MAX_STEPS = 4;
/**
 * Brings a stack to a stable state: waits out an operation in progress (or cancels an update), continues a failed
 * rollback, rolls back a failed update made with rollback disabled. Throws a UserError when the stack does not
 * exist, cannot be recovered, or is still stuck after the recovery call (with the resource that failed).
 */
async function recoverStack(api, stackName, options) {
    const log = options.log ?? (() => { });
    const waitOptions = {
        deadline: options.deadline,
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.intervalMs !== undefined ? { intervalMs: options.intervalMs } : {}),
        ...(options.maxIntervalMs !== undefined ? { maxIntervalMs: options.maxIntervalMs } : {}),
    };
    let stack = await existing(api, stackName);
    const done = [];
    for (let round = 0;; round++) {
        const step = recoveryStep(stack, options);
        if (step.kind === 'none') {
            const outcome = done.length > 0 ? 'recovered' : 'stable';
            return { outcome, stack, done, planned: [], message: `Stack ${stackName} is ${stack.StackStatus}.` };
        }
        if (step.kind === 'nothing-to-roll-back') {
            // After RollbackStack on a failed first create the stack is stable (ROLLBACK_COMPLETE): recovered, though empty.
            return {
                outcome: done.length > 0 ? 'recovered' : 'nothing-to-roll-back',
                stack,
                done,
                planned: [],
                message: `Nothing to roll back to: ${step.why}.`,
                fix: step.fix,
            };
        }
        if (step.kind === 'unrecoverable') {
            throw new src/* UserError */.yo(`${capitalised(step.why)}.`, { code: 'unrecoverable-stack', fix: step.fix });
        }
        if (step.kind === 'wait') {
            log(`Stack ${stackName} is ${stack.StackStatus}: waiting for it to finish.`);
            stack = await existingAfterWait(api, stackName, waitOptions);
            continue;
        }
        if (options.dryRun) {
            const line = describeRecoveryStep(step, stackName);
            return {
                outcome: 'planned',
                stack,
                done,
                planned: [line],
                message: `Stack ${stackName} is ${stack.StackStatus}; a run would ${line}.`,
            };
        }
        if (round >= MAX_STEPS || done.some((d) => d.startsWith(callName(step)))) {
            throw stillStuck(stackName, stack, done, undefined);
        }
        const before = stack;
        const monitor = await eventMonitor(api, stack, options);
        monitor?.start();
        try {
            const token = (0,external_node_crypto_.randomUUID)();
            if (step.kind === 'cancel-update')
                await api.cancelUpdateStack(stackName, token);
            else if (step.kind === 'continue-update-rollback')
                await api.continueUpdateRollback(stackName, step.resourcesToSkip, token);
            else
                await api.rollbackStack(stackName, token);
            const skipping = step.kind === 'continue-update-rollback' && step.resourcesToSkip.length > 0
                ? ` skipping ${step.resourcesToSkip.join(', ')}`
                : '';
            done.push(`${callName(step)}${skipping}`);
            log(`Called ${done.at(-1)} on stack ${stackName}; waiting for it to finish.`);
            await operationStarted(api, stackName, before, options);
            stack = await existingAfterWait(api, stackName, waitOptions);
        }
        finally {
            await monitor?.stop();
        }
        const next = recoveryStep(stack, options);
        if (next.kind === 'continue-update-rollback' || next.kind === 'rollback-stack') {
            // The recovery call ran and the stack is stuck again: say which resource failed, not just the status.
            if (done.some((d) => d.startsWith(callName(next)))) {
                const cause = monitor ? findRootCause(monitor.events, stack.StackId ?? stackName) : undefined;
                throw stillStuck(stackName, stack, done, cause ? describeRootCause(cause) : undefined);
            }
        }
    }
}
function callName(step) {
    return step.kind === 'cancel-update'
        ? 'CancelUpdateStack'
        : step.kind === 'continue-update-rollback'
            ? 'ContinueUpdateRollback'
            : 'RollbackStack';
}
function capitalised(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
async function existing(api, stackName) {
    const stack = await api.describeStack(stackName);
    if (!stack || stack.StackStatus === 'DELETE_COMPLETE') {
        throw new src/* UserError */.yo(`Stack ${stackName} does not exist (in this account and region).`, {
            code: 'stack-not-found',
            fix: 'check `stack-name` and the region (AWS_REGION, or the `region` input).',
        });
    }
    return stack;
}
async function existingAfterWait(api, stackName, waitOptions) {
    const stack = await waitForStack(api, stackName, waitOptions);
    if (!stack) {
        throw new src/* UserError */.yo(`Stack ${stackName} was deleted while hoist waited for it.`, {
            code: 'stack-not-found',
            fix: 'deploy it again with deploy-stack.',
        });
    }
    return stack;
}
/**
 * CloudFormation may answer DescribeStacks with the old status for a moment after a call: waits (briefly) until the
 * status or the time of the last update changes, so the wait that follows does not end on the status from before.
 */
async function operationStarted(api, stackName, before, options) {
    const grace = options.startGraceMs ?? 20_000;
    const changed = (s) => !s ||
        s.StackStatus !== before.StackStatus ||
        (s.LastUpdatedTime?.getTime() ?? 0) !== (before.LastUpdatedTime?.getTime() ?? 0);
    try {
        await waitFor(async () => (changed(await api.describeStack(stackName)) ? true : undefined), {
            description: `stack ${stackName} to leave ${before.StackStatus}`,
            deadline: Math.min(options.deadline, Date.now() + grace),
            intervalMs: Math.min(options.intervalMs ?? 1000, 1000),
            ...(options.signal ? { signal: options.signal } : {}),
        });
    }
    catch (error) {
        // The status did not move: the wait that follows reads it and recovery reports the stack as still stuck.
        if (!(error instanceof WaitTimeoutError))
            throw error;
    }
}
/** A monitor of the events newer than the newest one now (CloudFormation's clock, not ours). */
async function eventMonitor(api, stack, options) {
    const id = stack.StackId ?? stack.StackName ?? '';
    let newest;
    try {
        newest = (await api.describeStackEvents(id)).events[0]?.Timestamp;
    }
    catch (error) {
        // Events are for display and diagnosis: recovery works without them.
        options.log?.(`(events) The stack events cannot be read (${error.name}); recovering without them.`);
        return undefined;
    }
    return new StackEventMonitor({
        api,
        stack: id,
        since: new Date((newest?.getTime() ?? Date.now() - 60_000) + 1),
        ...(options.printEvent ? { print: options.printEvent } : {}),
        onError: (message) => options.log?.(`(events) ${message}`),
        ...(options.intervalMs !== undefined ? { intervalMs: options.intervalMs } : {}),
    });
}
function stillStuck(stackName, stack, done, cause) {
    const reason = cause ? ` Root cause: ${cause}.` : stack.StackStatusReason ? ` (${stack.StackStatusReason})` : '';
    const skipping = stack.StackStatus === 'UPDATE_ROLLBACK_FAILED';
    return new src/* UserError */.yo(`Stack ${stackName} is still ${stack.StackStatus} after ${done.join(', then ')}.${reason}`, {
        code: 'still-stuck',
        fix: skipping
            ? 'add the logical ids of the resources that cannot be rolled back to `resources-to-skip` (they are left as they are: fix them by hand afterwards), then run rollback again.'
            : 'look at the stack events in the CloudFormation console, fix what they name, then run rollback again.',
    });
}

;// CONCATENATED MODULE: ./actions/rollback/src/choose.ts


/** The stack's parameter values as DescribeStacks shows them (NoEcho ones as `****`). */
function stackParameterValues(stack) {
    return Object.fromEntries((stack.Parameters ?? []).filter((p) => p.ParameterKey).map((p) => [p.ParameterKey ?? '', p.ParameterValue ?? '']));
}
/** Every value the release recorded is the stack's value now (a release with no recorded values matches nothing). */
function matchesStack(release, values) {
    const recorded = Object.entries(release.parameters);
    return recorded.length > 0 && recorded.every(([key, value]) => values[key] === value);
}
const isLive = (r) => r.outcome === 'deployed' || r.outcome === 'unhealthy';
/**
 * The release running now: the newest one whose deploy left it in place — checked against the stack's parameter
 * values, so a deploy whose record was never written (or a change made outside hoist) is not taken for it.
 */
function runningRelease(history, stack) {
    const values = stackParameterValues(stack);
    const current = currentRelease(history);
    if (current && (matchesStack(current, values) || Object.keys(current.parameters).length === 0))
        return current;
    // A deploy that gave up (deadline, cancel) after its change set ran is recorded `failed`; when the update went on
    // and completed, the stack holds its values: that release runs, unverified, and is not the good one.
    const newest = history.releases[0];
    if (newest?.outcome === 'failed' && stackPhase(stack.StackStatus) !== 'rolled-back' && matchesStack(newest, values))
        return newest;
    return history.releases.find((r) => isLive(r) && matchesStack(r, values)) ?? current;
}
/**
 * Releases a later rollback went back past ("rolled back by R"), and the release a running rollback restored:
 * none of them is "the last good release" when none is asked for.
 */
function supersededReleases(history, running) {
    const reasons = new Map();
    const releases = history.releases;
    releases.forEach((rollback, i) => {
        if (rollback.kind !== 'rollback' || !rollback.restores || rollback.outcome !== 'deployed')
            return;
        const restored = releases.findIndex((r, j) => j > i && r.id === rollback.restores);
        const end = restored === -1 ? releases.length : restored;
        for (const r of releases.slice(i + 1, end))
            if (!reasons.has(r.id))
                reasons.set(r.id, `rolled back by ${rollback.id}`);
        if (rollback === running && restored !== -1)
            reasons.set(rollback.restores, `restored by ${rollback.id}, which is running`);
    });
    return reasons;
}
function describe(release) {
    const sha = release.gitSha ? `, commit ${release.gitSha.slice(0, 7)}` : '';
    const kind = release.kind === 'rollback' ? `, a rollback to ${release.restores ?? '?'}` : '';
    return `${release.id} (${release.outcome}${kind}${sha})`;
}
/**
 * Chooses the release to restore. `to`: that release (by id, or the one commit a sha prefix names). Without it:
 * the newest successful release other than the running one — unless CloudFormation already rolled a failed update
 * back, in which case the running release is the good one and there is nothing to do.
 */
function chooseRelease(history, stack, to) {
    const stackName = stack.StackName ?? history.stack;
    const running = runningRelease(history, stack);
    const warnings = [];
    if (history.releases.length === 0) {
        return {
            kind: 'nothing-to-do',
            running,
            why: `stack ${stackName} has no release records (SSM /hoist/${stackName}/releases): it was not deployed by hoist's deploy-stack, so hoist knows no release to go back to`,
            warnings,
        };
    }
    if (to)
        return chooseAsked(history, stackName, to, running, warnings);
    const newest = history.releases[0];
    const cloudFormationRolledBack = stackPhase(stack.StackStatus) === 'rolled-back' ||
        (newest !== undefined && newest !== running && (newest.outcome === 'rolled-back' || newest.outcome === 'failed'));
    if (running?.outcome === 'deployed' && cloudFormationRolledBack) {
        const failed = newest && newest !== running && !isLive(newest) ? ` (release ${newest.id}: ${newest.outcome})` : '';
        return {
            kind: 'nothing-to-do',
            running,
            why: `CloudFormation already rolled the failed update back${failed}: the release running, ${describe(running)}, is the last good one`,
            warnings,
        };
    }
    const superseded = supersededReleases(history, running);
    // Back in time from the running release (a newer record that is not running is not "back").
    const older = running ? history.releases.slice(history.releases.indexOf(running) + 1) : history.releases;
    const target = older.find((r) => r.outcome === 'deployed' && !superseded.has(r.id));
    if (!target) {
        return {
            kind: 'nothing-to-do',
            running,
            why: `there is no successful release before ${running ? `the running one, ${describe(running)}` : 'the current state'}`,
            warnings,
        };
    }
    const skipped = older
        .slice(0, older.indexOf(target))
        .filter((r) => superseded.has(r.id))
        .map((r) => `${r.id} (${superseded.get(r.id)})`);
    const from = running
        ? `the running release ${describe(running)}`
        : 'the current state (no release record matches the stack’s parameters)';
    return {
        kind: 'restore',
        target,
        running,
        why: `it is the newest successful release before ${from}${skipped.length > 0 ? `; skipped ${skipped.join(', ')}` : ''}`,
        warnings,
    };
}
function chooseAsked(history, stackName, to, running, warnings) {
    const known = history.releases
        .slice(0, 5)
        .map((r) => r.id)
        .join(', ');
    let target;
    let asked;
    if (to.kind === 'release-id') {
        asked = `release ${to.id}`;
        target = history.releases.find((r) => r.id === to.id);
        if (!target) {
            throw new src/* UserError */.yo(`Input 'to' is '${to.id}': stack ${stackName} has no such release (${history.releases.length} recorded).`, {
                code: 'unknown-release',
                fix: `pass one of the recorded release ids (newest first: ${known}), or a git sha prefix; the history is in the job summary.`,
            });
        }
    }
    else {
        asked = `commit ${to.prefix}`;
        const matches = history.releases.filter((r) => r.gitSha?.toLowerCase().startsWith(to.prefix));
        const commits = [...new Set(matches.map((r) => r.gitSha?.toLowerCase()))];
        if (matches.length === 0) {
            throw new src/* UserError */.yo(`Input 'to' is '${to.prefix}': no release of stack ${stackName} was deployed from a commit starting with it.`, {
                code: 'unknown-release',
                fix: `pass the sha of a deployed commit or a release id (newest first: ${known}); the history is in the job summary.`,
            });
        }
        if (commits.length > 1) {
            throw new src/* UserError */.yo(`Input 'to' is '${to.prefix}': it names ${commits.length} commits (${commits.map((c) => c?.slice(0, 12)).join(', ')}).`, {
                code: 'ambiguous-release',
                fix: 'give more characters of the sha, or a release id.',
            });
        }
        // A commit may have several records (a deploy, a rollback to it, a failed attempt): the newest that ran.
        target =
            matches.find((r) => r.outcome === 'deployed') ?? matches.find((r) => r.outcome === 'unhealthy') ?? matches[0];
    }
    if (!target)
        throw new Error('unreachable: a release was matched');
    if (!isLive(target)) {
        throw new src/* UserError */.yo(`Input 'to' names release ${target.id}, which never ran: its update ${target.outcome === 'rolled-back' ? 'was rolled back by CloudFormation' : 'failed'}, so there is nothing of it to restore.`, { code: 'release-never-ran', fix: `choose a release whose outcome is deployed (newest first: ${known}).` });
    }
    if (target.outcome === 'unhealthy')
        warnings.push(`Release ${target.id} failed its verification when it was deployed (outcome unhealthy); restoring it as asked.`);
    if (target === running) {
        return {
            kind: 'nothing-to-do',
            running,
            why: `${asked} is the release running now, ${describe(target)}`,
            warnings,
        };
    }
    return { kind: 'restore', target, running, why: `it is the release asked for (to: ${asked})`, warnings };
}

;// CONCATENATED MODULE: ./actions/rollback/src/restore.ts






/**
 * The rollback: bring a stuck stack to a stable state, choose the release, restore its template and exact
 * parameter values (images by digest: nothing is built or pushed) through deploy-stack's deploy path, and record the
 * rollback as a release of its own. Works from AWS state alone: the stack, its release records and the artifacts.
 */
async function rollback(inputs, { reporter, signal }, started, report) {
    const stackName = inputs['stack-name'];
    const dryRun = inputs['dry-run'];
    const deadline = started + inputs['timeout-minutes'];
    const { region } = await resolveRegion(inputs.region);
    const aws = { region, action: 'rollback' };
    const cfn = await createCloudFormationApi(aws, signal);
    const store = await createReleaseStoreApi(aws, signal);
    const result = { report, deploy: undefined };
    const finish = (status, message) => {
        report.status = status;
        report.message = message;
        return result;
    };
    const history = await readReleases(store, stackName, (m) => reporter.info(m));
    report.releases = history.releases;
    const recovery = await recoverStack({ ...cfn, ...(await createRecoveryCalls(aws, signal)) }, stackName, {
        cancelInProgress: inputs['cancel-in-progress'],
        resourcesToSkip: inputs['resources-to-skip'],
        deadline,
        signal,
        dryRun,
        log: (m) => reporter.info(m),
        printEvent: (e) => reporter.info(formatEvent(e, stackName)),
    });
    report.stackStatus = recovery.stack.StackStatus;
    if (recovery.done.length > 0)
        report.recovery = recovery.done;
    if (recovery.planned.length > 0)
        report.recovery = recovery.planned;
    const running = runningRelease(history, recovery.stack);
    if (running)
        report.running = running;
    if (recovery.outcome === 'nothing-to-roll-back') {
        return finish('nothing-to-do', `${recovery.message}${recovery.fix ? ` To go on: ${recovery.fix}` : ''}`);
    }
    if (recovery.outcome === 'planned') {
        return finish('nothing-to-do', `Dry run, nothing changed: ${recovery.message}${inputs.to ? ' Then the release asked for in `to` would be restored.' : ''}`);
    }
    // A stack rolled back from its failed first create holds no release to restore onto.
    if (recovery.outcome === 'recovered' && (!inputs.to || recovery.stack.StackStatus === 'ROLLBACK_COMPLETE')) {
        const now = recovery.fix
            ? ` Nothing to roll back to: ${recovery.fix}`
            : running
                ? ` Release ${running.id} is running.`
                : '';
        return finish('recovered', `Stack ${stackName} was ${recovery.stack.StackStatus === 'ROLLBACK_COMPLETE' ? 'rolled back from its failed first create' : 'brought back to its last stable state'} (${recovery.done.join(', then ')}): it is ${recovery.stack.StackStatus}.${now}`);
    }
    const recovered = recovery.outcome === 'recovered' ? `Recovered first (${recovery.done.join(', then ')}). ` : '';
    const choice = chooseRelease(history, recovery.stack, inputs.to);
    for (const warning of choice.warnings)
        reporter.annotate({ level: 'warning', title: 'rollback', message: warning });
    if (choice.kind === 'nothing-to-do') {
        return finish(recovery.outcome === 'recovered' ? 'recovered' : 'nothing-to-do', `${recovered}Nothing to roll back: ${choice.why}.`);
    }
    const target = choice.target;
    report.restored = target;
    report.why = choice.why;
    reporter.info(`Restoring release ${target.id}: ${choice.why}.`);
    const artifacts = lazy(() => createArtifactsApi(aws, signal));
    const template = await restoredTemplate(target, recovery.stack, cfn, artifacts, reporter);
    report.template = template.shown;
    const parsed = parseTemplate(template.body, { file: template.file });
    const noEcho = new Set([
        ...target.noEcho,
        ...[...parsed.parameters.values()].filter((p) => p.noEcho).map((p) => p.name),
    ]);
    report.parameters = parameterRows(recovery.stack, target, noEcho, reporter);
    if (Object.keys(target.parameters).length === 0) {
        reporter.annotate({
            level: 'warning',
            title: 'rollback',
            message: `Release ${target.id} has no parameter values recorded (they did not fit the release history's size limit): every parameter keeps its current value, only the template goes back.`,
        });
    }
    const kept = report.parameters.filter((r) => r.restored.startsWith('kept (NoEcho'));
    if (kept.length > 0) {
        reporter.annotate({
            level: 'notice',
            title: 'rollback',
            message: `NoEcho parameter${kept.length > 1 ? 's' : ''} ${kept.map((r) => r.name).join(', ')} keep${kept.length > 1 ? '' : 's'} the current value (UsePreviousValue): release records never store NoEcho values.`,
        });
    }
    if (dryRun) {
        return finish('nothing-to-do', `Dry run, nothing changed: ${recovered}release ${target.id} would be restored, ${choice.why}.`);
    }
    const stack = recovery.stack;
    const capabilities = [...new Set([...capabilities_requiredCapabilities(parsed).capabilities, ...(stack.Capabilities ?? [])])];
    const deployed = await deployStack({
        stackName,
        template: { body: template.body, file: template.file },
        parameters: target.parameters,
        capabilities,
        // The stack keeps its tags and service role: a rollback changes what the release changed, nothing else.
        tags: Object.fromEntries((stack.Tags ?? []).filter((t) => t.Key).map((t) => [t.Key ?? '', t.Value ?? ''])),
        ...(stack.RoleARN ? { roleArn: stack.RoleARN } : {}),
        ...((inputs['artifacts-bucket'] ?? target.template?.bucket)
            ? { artifactsBucket: inputs['artifacts-bucket'] ?? target.template?.bucket ?? '' }
            : {}),
        deadline,
        onReplacement: 'fail',
        statefulTypes: DEFAULT_STATEFUL_TYPES,
        execute: true,
        deletePreview: false,
        recreateFailed: false,
        cancelOnAbort: false,
        ...(inputs['health-check-url'] ? { healthCheckUrl: inputs['health-check-url'] } : {}),
        release: {
            kind: 'rollback',
            restores: target.id,
            // The record describes what runs: the restored release's commit, not the commit of this workflow run.
            ...(target.gitSha ? { gitSha: target.gitSha } : {}),
            ...runner(),
        },
        region,
        signal,
    }, {
        cfn,
        releases: store,
        artifacts,
        ecs: () => createEcsApi(aws),
        autoscaling: () => createAutoScalingApi(aws),
    }, reporter, { onPreview: (_preview, markdown) => (report.preview = markdown) }).catch((error) => {
        if (error instanceof src/* UserError */.yo && error.code === 'stateful-replacement') {
            throw new src/* UserError */.yo(error.message, {
                code: error.code,
                cause: error,
                fix: `restoring release ${target.id} would replace them; if that is meant, deploy its template and parameters with deploy-stack and \`on-replacement: warn\`.`,
            });
        }
        throw error;
    });
    result.deploy = deployed;
    report.stackStatus = deployed.stackStatus ?? report.stackStatus;
    if (deployed.release?.kind === 'rollback') {
        report.recorded = deployed.release;
        report.releases = [deployed.release, ...history.releases.filter((r) => r.id !== deployed.release?.id)];
    }
    switch (deployed.status) {
        case 'deployed':
            return finish('restored', `${recovered}Release ${target.id} is restored on stack ${stackName} (${deployed.stackStatus}).`);
        case 'no-changes':
            return finish(recovery.outcome === 'recovered' ? 'recovered' : 'nothing-to-do', `${recovered}Stack ${stackName} already has the template and parameter values of release ${target.id}: nothing to change.`);
        case 'unhealthy':
            return finish('failed', `${recovered}Release ${target.id} is restored on stack ${stackName}, but its verification failed: ${deployed.message}`);
        default:
            return finish('failed', `${recovered}Restoring release ${target.id} failed: ${deployed.message}`);
    }
}
/** Made once, on first use. */
function lazy(make) {
    let made;
    return () => (made ??= make());
}
/**
 * The release's own template from the artifacts bucket its record names (checked against the recorded checksum);
 * without one, the stack's current template — said so, since only the parameter values then go back.
 */
async function restoredTemplate(release, stack, cfn, artifacts, reporter) {
    const stackName = stack.StackName ?? '';
    const kept = release.template;
    if (kept) {
        const location = `s3://${kept.bucket}/${kept.key}`;
        let body;
        try {
            body = await (await artifacts()).getObject(kept.bucket, kept.key, kept.versionId);
        }
        catch (error) {
            reporter.annotate({
                level: 'warning',
                title: 'rollback template',
                message: `Release ${release.id}'s template cannot be read from ${location} (${describeAwsError(error)}): restoring its parameter values on the stack's current template instead.`,
            });
        }
        if (body !== undefined) {
            if (templateChecksum(body) !== release.templateSha256) {
                throw new src/* UserError */.yo(`The template at ${location} is not the one release ${release.id} deployed (its sha256 differs from the recorded ${release.templateSha256.slice(0, 12)}…).`, {
                    code: 'template-mismatch',
                    fix: 'restore the object version the release names (the bucket is versioned), or choose another release with `to`.',
                });
            }
            reporter.info(`Template of release ${release.id}: ${location}${kept.versionId ? ` (version ${kept.versionId})` : ''}, checksum verified.`);
            return { body, file: location, shown: `release ${release.id}'s own, from ${location}` };
        }
    }
    const body = await cfn.getTemplateBody(stackName);
    const same = templateChecksum(body) === release.templateSha256;
    const file = `the current template of stack ${stackName}`;
    if (same) {
        reporter.info(`Release ${release.id}'s template was not kept in an artifacts bucket; the stack's current template is the same (sha256 matches).`);
        return { body, file, shown: `the stack's current template, which is release ${release.id}'s (sha256 matches)` };
    }
    if (!kept) {
        reporter.annotate({
            level: 'notice',
            title: 'rollback template',
            message: `Release ${release.id} was deployed without an artifacts bucket, so its template was not kept: restoring its parameter values on the stack's current template (set \`artifacts-bucket\` on deploy-stack to make rollbacks restore templates too).`,
        });
    }
    // Kept but unreadable is not "not kept": the summary names where the template should have been.
    const why = kept ? `cannot be read from s3://${kept.bucket}/${kept.key}` : 'was not kept';
    return {
        body,
        file,
        shown: `the stack's current template, with release ${release.id}'s parameter values (its own template ${why})`,
    };
}
/**
 * What each parameter has now and what the rollback gives it. NoEcho values stay (UsePreviousValue) and are never
 * shown: CloudFormation answers `****` for them, but a value read in the clear is masked all the same.
 */
function parameterRows(stack, release, noEcho, reporter) {
    const now = stackParameterValues(stack);
    const names = [...new Set([...Object.keys(now), ...Object.keys(release.parameters)])];
    return names.map((name) => {
        const current = now[name];
        if (noEcho.has(name) || current === '****') {
            if (current && current !== '****')
                reporter.setSecret(current);
            return {
                name,
                current: current === undefined ? undefined : '****',
                restored: 'kept (NoEcho: UsePreviousValue)',
                changed: false,
            };
        }
        const value = release.parameters[name];
        if (value === undefined)
            return { name, current, restored: 'kept (not recorded in the release)', changed: false };
        return { name, current, restored: value, changed: value !== current };
    });
}
/** Who ran this rollback, from the runner's environment. */
/** Who ran the rollback; its git sha is the restored release's (the code that runs), not the workflow's. */
function runner() {
    const { actor, runUrl } = runContext();
    return { ...(actor ? { actor } : {}), ...(runUrl ? { runUrl } : {}) };
}


/***/ })

};
