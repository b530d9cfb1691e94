export const id = 227;
export const ids = [227,903];
export const modules = {

/***/ 9227:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createRemoteValidator: () => (/* binding */ createRemoteValidator)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudformation/dist-cjs/index.js
var dist_cjs = __webpack_require__(3805);
// EXTERNAL MODULE: ./node_modules/@smithy/node-http-handler/dist-cjs/index.js
var node_http_handler_dist_cjs = __webpack_require__(1279);
// EXTERNAL MODULE: ./node_modules/@smithy/util-retry/dist-cjs/index.js
var util_retry_dist_cjs = __webpack_require__(5518);
// EXTERNAL MODULE: ./packages/kit/src/index.ts + 30 modules
var src = __webpack_require__(9558);
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
        requestHandler: new node_http_handler_dist_cjs.NodeHttpHandler({
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

// EXTERNAL MODULE: ./packages/aws/src/credentials.ts
var credentials = __webpack_require__(4903);
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
class WaitTimeoutError extends (/* unused pure expression or super */ null && (UserError)) {
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









;// CONCATENATED MODULE: ./actions/cfn-validate/src/remote.ts


/** CloudFormation's own ValidateTemplate, through the one client factory; imported only when it runs. */
async function createRemoteValidator(regionInput) {
    const { region } = await resolveRegion(regionInput);
    const client = createClient(dist_cjs/* CloudFormationClient */.m1N, { region, action: 'cfn-validate' });
    return async (body, signal) => {
        try {
            await client.send(new dist_cjs/* ValidateTemplateCommand */.OVh({ TemplateBody: body }), { abortSignal: signal });
            return { ok: true };
        }
        catch (error) {
            const e = classifyAwsError(error);
            // CloudFormation answers every template problem with ValidationError (whatever the wording).
            if (e.kind === 'validation' || e.name === 'ValidationError')
                return { ok: false, kind: 'rejected', message: e.message };
            return { ok: false, kind: 'unavailable', message: `${e.name}: ${e.message}` };
        }
    };
}


/***/ }),

/***/ 4903:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hasConfiguredCredentials: () => (/* binding */ hasConfiguredCredentials)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);



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
    const credentials = env['AWS_SHARED_CREDENTIALS_FILE'] || node_path__WEBPACK_IMPORTED_MODULE_2___default().join((0,node_os__WEBPACK_IMPORTED_MODULE_1__.homedir)(), '.aws', 'credentials');
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(credentials);
}


/***/ })

};
