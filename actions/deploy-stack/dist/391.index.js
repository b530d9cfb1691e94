export const id = 391;
export const ids = [391];
export const modules = {

/***/ 4391:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CredentialsExpiredError: () => (/* reexport */ CredentialsExpiredError),
  DEFAULT_STATEFUL_TYPES: () => (/* reexport */ DEFAULT_STATEFUL_TYPES),
  MAX_HISTORY_BYTES: () => (/* reexport */ MAX_HISTORY_BYTES),
  MAX_RELEASES: () => (/* reexport */ MAX_RELEASES),
  MAX_TEMPLATE_BODY_BYTES: () => (/* reexport */ MAX_TEMPLATE_BODY_BYTES),
  StackEventMonitor: () => (/* reexport */ StackEventMonitor),
  autoBucketName: () => (/* reexport */ autoBucketName),
  boundHistory: () => (/* reexport */ boundHistory),
  changeSetName: () => (/* reexport */ changeSetName),
  checkHealthUrl: () => (/* reexport */ checkHealthUrl),
  createArtifactsApi: () => (/* reexport */ createArtifactsApi),
  createAutoScalingApi: () => (/* reexport */ createAutoScalingApi),
  createChangeSet: () => (/* reexport */ createChangeSet),
  createCloudFormationApi: () => (/* reexport */ createCloudFormationApi),
  createEcsApi: () => (/* reexport */ createEcsApi),
  createReleaseStoreApi: () => (/* reexport */ createReleaseStoreApi),
  currentRelease: () => (/* reexport */ currentRelease),
  deleteChangeSetQuietly: () => (/* reexport */ deleteChangeSetQuietly),
  deployStack: () => (/* reexport */ deployStack),
  describeChangeCounts: () => (/* reexport */ describeChangeCounts),
  describeRootCause: () => (/* reexport */ describeRootCause),
  ensureArtifactsBucket: () => (/* reexport */ ensureArtifactsBucket),
  findRootCause: () => (/* reexport */ findRootCause),
  forcedTargets: () => (/* reexport */ forcedTargets),
  formatEvent: () => (/* reexport */ formatEvent),
  guardedReplacements: () => (/* reexport */ guardedReplacements),
  imageParameters: () => (/* reexport */ imageParameters),
  isCascade: () => (/* reexport */ isCascade),
  isFailedResourceStatus: () => (/* reexport */ isFailedResourceStatus),
  isInProgress: () => (/* reexport */ isInProgress),
  isNoChangesReason: () => (/* reexport */ isNoChangesReason),
  isSuccess: () => (/* reexport */ isSuccess),
  matchesTypePattern: () => (/* reexport */ matchesTypePattern),
  newReleaseId: () => (/* reexport */ newReleaseId),
  parameterChangeRows: () => (/* reexport */ parameterChangeRows),
  planParameters: () => (/* reexport */ planParameters),
  readReleases: () => (/* reexport */ readReleases),
  recordRelease: () => (/* reexport */ recordRelease),
  recordableParameters: () => (/* reexport */ recordableParameters),
  referencesSecret: () => (/* reexport */ referencesSecret),
  releasesParameterName: () => (/* reexport */ releasesParameterName),
  renderPreview: () => (/* reexport */ renderPreview),
  resourceChangeRows: () => (/* reexport */ resourceChangeRows),
  rollbackCommand: () => (/* reexport */ rollbackCommand),
  runContext: () => (/* reexport */ runContext),
  serviceState: () => (/* reexport */ serviceState),
  stackGroups: () => (/* reexport */ stackGroups),
  stackPhase: () => (/* reexport */ stackPhase),
  stackServices: () => (/* reexport */ stackServices),
  storeTemplate: () => (/* reexport */ storeTemplate),
  taskDefinitionSecretRefs: () => (/* reexport */ taskDefinitionSecretRefs),
  templateChecksum: () => (/* reexport */ templateChecksum),
  templateKey: () => (/* reexport */ templateKey),
  templateUrl: () => (/* reexport */ templateUrl),
  verifyAutoScalingGroups: () => (/* reexport */ verifyAutoScalingGroups),
  verifyEcsServices: () => (/* reexport */ verifyEcsServices),
  waitForChangeSet: () => (/* reexport */ waitForChangeSet),
  waitForStack: () => (/* reexport */ waitForStack)
});

// EXTERNAL MODULE: ./packages/aws/src/index.ts + 8 modules
var src = __webpack_require__(5407);
;// CONCATENATED MODULE: ./packages/cfn/src/stack/api.ts

/** The SDK-backed CloudFormationApi; the SDK is imported when this is first called. */
async function createCloudFormationApi(aws, signal) {
    const sdk = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(805)]).then(__webpack_require__.t.bind(__webpack_require__, 3805, 19));
    const client = (0,src/* createClient */.UU)(sdk.CloudFormationClient, aws);
    const options = signal ? { abortSignal: signal } : {};
    return {
        async describeStack(stackName) {
            try {
                const out = await client.send(new sdk.DescribeStacksCommand({ StackName: stackName }), options);
                return out.Stacks?.[0];
            }
            catch (error) {
                if ((0,src/* classifyAwsError */.u3)(error).kind === 'not-found')
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
// EXTERNAL MODULE: ./packages/kit/src/index.ts + 31 modules
var kit_src = __webpack_require__(4156);
;// CONCATENATED MODULE: ./packages/cfn/src/stack/artifacts.ts



async function createArtifactsApi(aws, signal) {
    const [s3sdk, stssdk] = await Promise.all([Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(711)]).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19)), Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(695)]).then(__webpack_require__.t.bind(__webpack_require__, 1695, 19))]);
    const s3 = (0,src/* createClient */.UU)(s3sdk.S3Client, aws);
    const sts = (0,src/* createClient */.UU)(stssdk.STSClient, aws);
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
                const kind = (0,src/* classifyAwsError */.u3)(error).kind;
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
                if ((0,src/* classifyAwsError */.u3)(error).kind === 'not-found')
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
            throw new kit_src/* UserError */.yo(`The artifacts bucket ${spec} does not exist.`, {
                code: 'no-bucket',
                fix: 'create it, or set `artifacts-bucket: auto` to let hoist create and reuse hoist-artifacts-<account>-<region>.',
            });
        }
        if (state === 'forbidden') {
            throw new kit_src/* UserError */.yo(`The artifacts bucket ${spec} cannot be reached with these credentials (403).`, {
                code: 'bucket-forbidden',
                fix: 'grant s3:GetObject/PutObject/ListBucket on it, or use `artifacts-bucket: auto`.',
            });
        }
        return spec;
    }
    const bucket = autoBucketName(await api.accountId(), region);
    const state = await api.headBucket(bucket);
    if (state === 'forbidden') {
        throw new kit_src/* UserError */.yo(`The bucket ${bucket} exists but these credentials cannot use it.`, {
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
        const c = (0,src/* classifyAwsError */.u3)(error);
        if (isNoChangesReason(c.message))
            return { kind: 'no-changes', reason: c.message, id: undefined };
        if (c.kind === 'validation' || c.name === 'InsufficientCapabilitiesException') {
            throw new kit_src/* UserError */.yo(`CloudFormation refused the change set for stack ${request.stackName}: ${c.name}: ${c.message}`, {
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
        throw new kit_src/* UserError */.yo(`The change set for stack ${request.stackName} failed: ${description.StatusReason ?? 'no reason given'}`, {
            code: 'change-set-failed',
            fix: 'fix the template or parameters as the reason says.',
        });
    }
    return { kind: 'ready', id: created.id, name, stackId: created.stackId || (description.StackId ?? ''), description };
}
/** Waits until a change set is no longer being computed; returns its full description (all pages). */
async function waitForChangeSet(api, stackName, changeSet, wait) {
    const described = await (0,src/* waitFor */.fm)(async () => {
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
        throw new kit_src/* UserError */.yo(`The change set ${changeSet} of stack ${stackName} disappeared while it was being created.`);
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

// EXTERNAL MODULE: ./packages/cfn/src/template.ts
var src_template = __webpack_require__(8571);
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
        const pause = this.options.sleep ?? src/* sleep */.yy;
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
                const c = (0,src/* classifyAwsError */.u3)(error);
                if (c.kind === 'throttle') {
                    this.throttled += 1;
                    this.interval = Math.min(this.interval * 2, this.options.maxIntervalMs ?? 60_000);
                    this.options.onError?.(`Stack events are throttled (${c.name}); polling every ${Math.round(this.interval / 1000)}s.`);
                }
                else {
                    this.options.onError?.(`Could not read the events of ${stack}: ${(0,src/* describeAwsError */.Pp)(error)}`);
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
        throw new kit_src/* UserError */.yo(`The template's parameter${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ${missing.length > 1 ? 'have' : 'has'} no value and no Default.`, {
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
        parts.push((0,kit_src/* markdownTable */.Qj)(['Action', 'Logical ID', 'Type', 'Replacement', 'Caused by', 'Changed'], rows));
    }
    else {
        parts.push('No resource changes.');
    }
    if (preview.parameters.length > 0) {
        const show = (value, hidden) => value === undefined ? '—' : hidden ? '(NoEcho)' : `\`${value}\``;
        const rows = preview.parameters.map((p) => [p.name, show(p.before, p.noEcho), show(p.after, p.noEcho)]);
        parts.push((0,kit_src/* markdownTable */.Qj)(['Parameter', 'Before', 'After'], rows));
    }
    return parts.join('\n\n') + '\n';
}

;// CONCATENATED MODULE: ./packages/cfn/src/stack/releases.ts


async function createReleaseStoreApi(aws, signal) {
    const sdk = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(736)]).then(__webpack_require__.t.bind(__webpack_require__, 4736, 19));
    const client = (0,src/* createClient */.UU)(sdk.SSMClient, aws);
    const options = signal ? { abortSignal: signal } : {};
    return {
        async getParameter(name) {
            try {
                const out = await client.send(new sdk.GetParameterCommand({ Name: name }), options);
                return out.Parameter?.Value;
            }
            catch (error) {
                if ((0,src/* classifyAwsError */.u3)(error).kind === 'not-found')
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
    const client = (0,src/* createClient */.UU)(sdk.ECSClient, aws);
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
    const client = (0,src/* createClient */.UU)(asg.AutoScalingClient, aws);
    const ec2Client = (0,src/* createClient */.UU)(ec2.EC2Client, aws);
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
            const result = await (0,src/* waitFor */.fm)(async () => {
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
            if (!(error instanceof src/* WaitTimeoutError */.Do))
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
            const ok = await (0,src/* waitFor */.fm)(async () => {
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
            if (!(error instanceof src/* WaitTimeoutError */.Do))
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
        await (0,src/* waitFor */.fm)(async () => {
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
            sleep: options.sleep ?? src/* sleep */.yy,
        });
        return { check: 'health-check-url', status: 'pass', message: `${url} answered HTTP 200` };
    }
    catch (error) {
        if (!(error instanceof src/* WaitTimeoutError */.Do))
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
class CredentialsExpiredError extends kit_src/* UserError */.yo {
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
        const stack = await (0,src/* waitFor */.fm)(async () => {
            let current;
            try {
                current = await api.describeStack(stackName);
            }
            catch (error) {
                if ((0,src/* classifyAwsError */.u3)(error).kind === 'auth') {
                    throw new CredentialsExpiredError(`The AWS credentials expired while waiting for stack ${stackName} (${(0,src/* classifyAwsError */.u3)(error).name}); its status when last read was ${described(last)}. CloudFormation carries on without hoist: the stack's own state is not affected.`, {
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
        if (error instanceof src/* WaitTimeoutError */.Do) {
            throw new kit_src/* UserError */.yo(`Timed out waiting for stack ${stackName}: still ${described(last)} at the deadline. CloudFormation carries on; hoist stopped waiting.`, {
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
            throw new kit_src/* UserError */.yo(`Change set ${options.changeSetId} belongs to stack ${description.StackName}, not ${stackName}.`, {
                code: 'bad-change-set',
                fix: 'pass the change-set-id output of the preview run for the same stack-name.',
            });
        }
        if (description.ExecutionStatus !== 'AVAILABLE') {
            throw new kit_src/* UserError */.yo(`Change set ${options.changeSetId} cannot be executed: it is ${description.Status}/${description.ExecutionStatus}${description.StatusReason ? ` (${description.StatusReason})` : ''}.`, {
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
            throw new kit_src/* UserError */.yo('No template to deploy.', { code: 'no-template', fix: 'set the `template` input.' });
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
    const parsed = (0,src_template/* parseTemplate */.QC)(templateBody);
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
            throw new kit_src/* UserError */.yo(`The change set would replace stateful resources — their data would be lost: ${names}.`, {
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
        throw new kit_src/* UserError */.yo(`Stack ${stackName} is ${stack?.StackStatus}${stack?.StackStatusReason ? ` (${stack.StackStatusReason})` : ''}: it cannot be updated until it is recovered.`, {
            code: 'stack-stuck',
            fix: rollbackCommand(stackName),
        });
    }
    if (phase === 'create-rolled-back') {
        if (!options.recreateFailed) {
            throw new kit_src/* UserError */.yo(`Stack ${stackName} is ROLLBACK_COMPLETE: its first create failed, and such a stack can only be deleted.`, {
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
    const template = (0,src_template/* parseTemplate */.QC)(body, options.template?.file ? { file: options.template.file } : {});
    const bytes = Buffer.byteLength(body, 'utf8');
    if (bytes > MAX_TEMPLATE_BODY_BYTES && !options.artifactsBucket) {
        throw new kit_src/* UserError */.yo(`The template is ${bytes.toLocaleString('en-US')} bytes; CloudFormation takes at most ${MAX_TEMPLATE_BODY_BYTES.toLocaleString('en-US')} bytes inline, so a larger template must be uploaded to S3 first.`, {
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
            throw new kit_src/* UserError */.yo(`force-new-deployment names services stack ${options.stackName} does not have: ${targets.unknown.join(', ')}.`, {
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















/***/ })

};
