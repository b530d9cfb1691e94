export const id = 591;
export const ids = [591];
export const modules = {

/***/ 3591:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  preflight: () => (/* binding */ preflight)
});

// EXTERNAL MODULE: ./packages/aws/src/index.ts + 7 modules
var src = __webpack_require__(6530);
// EXTERNAL MODULE: ./packages/kit/src/index.ts + 30 modules
var kit_src = __webpack_require__(9558);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./actions/preflight/src/project.ts


/** Paths as annotations want them: relative to the workspace, with forward slashes. */
function relativePath(file) {
    return external_node_path_default().relative((0,kit_src/* workspace */.Gl)(), file).split((external_node_path_default()).sep).join('/');
}
async function loadProject(inputs) {
    const project = { parameterValues: {} };
    if (!inputs.template && !inputs.parameters)
        return project;
    const cfn = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 2506));
    if (inputs.parameters) {
        try {
            project.parametersFile = cfn.readParametersFile(inputs.parameters);
        }
        catch (error) {
            const pos = error instanceof cfn.ParametersFileError ? error.pos : undefined;
            project.parametersProblem = {
                message: (0,kit_src/* describeError */.Uc)(error),
                position: { file: relativePath(inputs.parameters), ...(pos ? { line: pos.line, column: pos.column } : {}) },
            };
        }
    }
    if (inputs.template) {
        try {
            const template = cfn.readTemplate(inputs.template);
            project.template = template;
            project.validation = cfn.validateTemplate(template, {
                ...(project.parametersFile ? { parameters: project.parametersFile } : {}),
                deferredParameters: inputs['deferred-parameters'],
            });
            project.parameterValues = cfn.resolveParameterValues(template, project.parametersFile?.values ?? {}).values;
        }
        catch (error) {
            project.templateProblem = { message: (0,kit_src/* describeError */.Uc)(error), position: { file: relativePath(inputs.template) } };
        }
    }
    else if (project.parametersFile) {
        project.parameterValues = { ...project.parametersFile.values };
    }
    return project;
}

;// CONCATENATED MODULE: ./actions/preflight/src/checks/check.ts
/** The prerequisites guide's categories, in the order the summary shows them. */
const CATEGORIES = [
    'Local environment',
    'AWS authentication',
    'Resource provisioning',
    'Capacity planning',
];
/** A check's findings all carry its id. */
function findingsOf(check) {
    return {
        pass: (message, extra = {}) => ({ check, status: 'pass', message, ...extra }),
        warn: (message, fix, extra = {}) => ({
            check,
            status: 'warn',
            message,
            ...(fix ? { fix } : {}),
            ...extra,
        }),
        fail: (message, fix, extra = {}) => ({
            check,
            status: 'fail',
            message,
            ...(fix ? { fix } : {}),
            ...extra,
        }),
        skip: (message, fix, extra = {}) => ({
            check,
            status: 'skip',
            message,
            ...(fix ? { fix } : {}),
            ...extra,
        }),
    };
}

;// CONCATENATED MODULE: ./actions/preflight/src/checks/bucket.ts


const f = findingsOf('bucket');
/**
 * Check 7 of the prerequisites guide and more: the bucket name is not a placeholder, follows S3's naming rules, and
 * is free or already yours (HeadBucket: 404 free, 200 yours, 403 someone else's).
 */
const bucketCheck = {
    id: 'bucket',
    category: 'Resource provisioning',
    needsAws: false,
    async run(context) {
        const { bucketNameProblem, detectPlaceholder } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 2506));
        const bucket = bucketNameOf(context.inputs, context.project);
        if ('finding' in bucket)
            return [bucket.finding];
        const at = bucket.position ? { position: bucket.position } : {};
        const placeholder = detectPlaceholder(bucket.name);
        if (placeholder) {
            return [
                f.fail(`The bucket name '${bucket.name}' (${bucket.from}) is a placeholder: ${placeholder}.`, 'choose a globally unique name, e.g. {project}-{owner}-{environment}-{region} (ray-pipeline-acme-prod-us-east-1).', at),
            ];
        }
        const problem = bucketNameProblem(bucket.name);
        if (problem) {
            return [
                f.fail(`The bucket name '${bucket.name}' (${bucket.from}) is not a valid S3 bucket name: ${problem}.`, `use 3–63 lowercase letters, digits, hyphens and dots, starting and ending with a letter or digit (e.g. '${suggestName(bucket.name)}').`, at),
            ];
        }
        if (!context.awsAvailable) {
            return [
                f.pass(`'${bucket.name}' (${bucket.from}) follows the S3 naming rules.`, at),
                f.skip(`whether '${bucket.name}' is free was not asked: no AWS credentials (aws: optional).`),
            ];
        }
        return [await availability(context, bucket, at)];
    },
};
function bucketNameOf(inputs, project) {
    const given = inputs['bucket-name'];
    if (given !== undefined)
        return { name: given, from: 'bucket-name' };
    const parameter = inputs['bucket-parameter'] ?? '';
    const file = project.parametersFile;
    const entry = file?.entries.find((e) => e.key === parameter && e.value !== undefined);
    if (file && entry?.value !== undefined) {
        return {
            name: entry.value,
            from: `parameter ${parameter} in ${relativePath(file.path ?? '')}`,
            ...(file.path
                ? { position: { file: relativePath(file.path), line: entry.valuePos.line, column: entry.valuePos.column } }
                : {}),
        };
    }
    const definition = project.template?.parameters.get(parameter);
    if (definition?.default !== undefined) {
        const template = project.template?.file;
        return {
            name: definition.default,
            from: `the Default of parameter ${parameter}`,
            ...(template ? { position: { file: relativePath(template), line: definition.pos.line } } : {}),
        };
    }
    if (inputs['deferred-parameters'].includes(parameter))
        return { finding: f.skip(`${parameter} is supplied by a later step (deferred-parameters): no name to check yet.`) };
    if (project.parametersProblem || project.templateProblem)
        return { finding: f.skip(`${parameter} could not be read: see the parameters and template checks.`) };
    return {
        finding: f.fail(`bucket-parameter names ${parameter}, which has no value in ${file?.path ? relativePath(file.path) : 'the parameters'}${project.template ? ' and no Default in the template' : ''}.`, `add "${parameter}": "<your-bucket-name>" to the parameters file, or give the name as bucket-name.`),
    };
}
/** A valid name close to the one given: lowercase, hyphens for anything else. */
function suggestName(name) {
    const cleaned = name
        .toLowerCase()
        .replace(/[^a-z0-9.-]+/g, '-')
        .replace(/\.{2,}/g, '.')
        .replace(/^(xn--|sthree-)/, '')
        .replace(/-s3alias$/, '')
        .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '')
        .slice(0, 63);
    return cleaned.length >= 3 ? cleaned : `${cleaned}-bucket`.replace(/^-/, 'my-');
}
async function availability(context, bucket, at) {
    const { S3Client, HeadBucketCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(711)]).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
    const { createClient, classifyAwsError, describeAwsError } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 6530));
    const name = bucket.name;
    try {
        await createClient(S3Client, context.aws).send(new HeadBucketCommand({ Bucket: name }), {
            abortSignal: context.signal,
        });
        return f.pass(`'${name}' (${bucket.from}) exists and this account can use it.`, at);
    }
    catch (error) {
        if (context.signal.aborted)
            throw error;
        const e = classifyAwsError(error);
        if (e.status === 404 || e.kind === 'not-found')
            return f.pass(`'${name}' (${bucket.from}) is free: CloudFormation will create it.`, at);
        if (e.status === 403)
            return f.fail(`'${name}' (${bucket.from}) is taken: it exists in another AWS account (HeadBucket answered 403).`, `choose another name — bucket names are global across all AWS accounts — e.g. with your project, owner and region in it ('${name.slice(0, 40)}-${context.region}').`, at);
        if (e.status === 301)
            return f.warn(`'${name}' (${bucket.from}) exists in a region other than ${context.region}.`, 'use a bucket in the stack’s region, or another name.', at);
        return f.warn(`whether '${name}' is free could not be asked (${describeAwsError(error)}).`, e.kind === 'permission' ? 'allow s3:ListBucket to the deploying identity.' : undefined, at);
    }
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./actions/preflight/src/secret-scan.ts
/**
 * Finds live-looking credentials in text: OpenAI keys, AWS access key pairs, Pinecone keys, GitHub tokens and
 * private key blocks. A hit says what and where (line), never the value. Values that read as placeholders or
 * documentation examples are passed over.
 */
const mixed = (v) => /[a-z]/.test(v) && /[A-Z]/.test(v) && /\d/.test(v);
const alnum = (v) => /[A-Za-z]/.test(v) && /\d/.test(v);
const DETECTORS = [
    {
        kind: 'OpenAI API key (sk-…)',
        pattern: /(?<![\w-])sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{32,}/g,
        live: (v) => mixed(v.replace(/^sk-(?:proj-|svcacct-|admin-)?/, '')),
    },
    { kind: 'Pinecone API key (pcsk_…)', pattern: /(?<!\w)pcsk_[A-Za-z0-9_]{30,}/g, live: alnum },
    {
        kind: 'Pinecone API key (PINECONE_API_KEY)',
        pattern: /PINECONE_API_KEY['"]?\s*[:=]\s*['"]?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/gi,
        group: 1,
        live: alnum,
    },
    {
        kind: 'GitHub token (ghp_/gho_/ghu_/ghs_/ghr_…)',
        pattern: /(?<!\w)gh[pousr]_[A-Za-z0-9]{36,}/g,
        live: (v) => alnum(v.slice(4)),
    },
    {
        kind: 'GitHub token (github_pat_…)',
        pattern: /(?<!\w)github_pat_[A-Za-z0-9_]{50,}/g,
        live: (v) => alnum(v.slice(11)),
    },
];
const AWS_KEY_ID = /(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/g;
/** A 40-character secret access key: base64 alphabet, mixed case and digits. */
const AWS_SECRET = /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
/** How many lines around an access key id a secret key counts as its pair. */
const AWS_PAIR_LINES = 5;
const PRIVATE_KEY = /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY( BLOCK)?-----/;
/** Values written to be replaced, or taken from documentation. */
function looksLikePlaceholder(value) {
    if (/(x{4,}|\*{3,}|\.{3}|…|<|>|\$\{|\{\{|0{6,})/i.test(value))
        return true;
    if (/example|sample|dummy|placeholder|your|redacted|changeme|replace|fake|test|demo/i.test(value))
        return true;
    if (/0123456789|123456789|abcdefgh|ABCDEFGH/.test(value))
        return true;
    // Real keys are random: a value made of a handful of characters is a stand-in.
    return new Set(value).size < 10;
}
/** Every live-looking secret in `text`, in line order. */
function scanText(text) {
    const lines = text.split(/\r?\n/);
    const hits = [];
    lines.forEach((line, index) => {
        for (const detector of DETECTORS) {
            for (const m of line.matchAll(detector.pattern)) {
                const value = m[detector.group ?? 0] ?? '';
                if (detector.live(value) && !looksLikePlaceholder(value))
                    hits.push({ kind: detector.kind, line: index + 1 });
            }
        }
        for (const m of line.matchAll(AWS_KEY_ID)) {
            if (looksLikePlaceholder(m[0]) || !hasAwsSecretNear(lines, index))
                continue;
            hits.push({ kind: 'AWS access key pair (AKIA… with its secret key)', line: index + 1 });
        }
        const key = PRIVATE_KEY.exec(line);
        if (key && isKeyBody(lines[index + 1])) {
            hits.push({ kind: `private key (BEGIN ${key[1] ?? ''}PRIVATE KEY)`, line: index + 1 });
        }
    });
    return hits;
}
function hasAwsSecretNear(lines, index) {
    const from = Math.max(0, index - AWS_PAIR_LINES);
    const to = Math.min(lines.length, index + AWS_PAIR_LINES + 1);
    for (let i = from; i < to; i++) {
        for (const m of (lines[i] ?? '').matchAll(AWS_SECRET)) {
            if (mixed(m[0]) && !looksLikePlaceholder(m[0]))
                return true;
        }
    }
    return false;
}
/** A key block's first line of base64 (documentation writes `...` or `<key>` there). */
function isKeyBody(line) {
    const body = (line ?? '')
        .trim()
        .replace(/^["']|["',]$/g, '')
        .replace(/\\n$/, '');
    if (/^[A-Za-z-]+: /.test(body))
        return true;
    return /^[A-Za-z0-9+/=]{40,}$/.test(body) && !looksLikePlaceholder(body);
}
/** A NUL byte in the first 8 KB: a binary file, not scanned. */
function isBinary(head) {
    return head.subarray(0, 8192).includes(0);
}

;// CONCATENATED MODULE: ./actions/preflight/src/checks/committed-secrets.ts





const committed_secrets_f = findingsOf('committed-secrets');
/** Larger files are not scanned (minified bundles, data): keys live in small config files. */
const MAX_FILE_BYTES = 1024 * 1024;
const CONCURRENCY = 16;
/** Findings listed one by one; the rest are counted. */
const MAX_LISTED = 25;
const ENV_FILES = ['**/.env*'];
const NEVER_WALKED = ['**/node_modules/**', '**/.git/**'];
/**
 * The gaps analysis' first critical finding (a `.env.production` with real keys committed): git-tracked files and
 * `.env*` files of the workspace, scanned for live-looking keys. Files are read one at a time in a small pool;
 * binaries and files over 1 MB are skipped and counted.
 */
const committedSecretsCheck = {
    id: 'committed-secrets',
    category: 'Local environment',
    needsAws: false,
    async run({ exec, signal }) {
        const root = (0,kit_src/* workspace */.Gl)();
        const tracked = await gitFiles(exec, root, ['ls-files', '-z', '--cached'], signal);
        const envFiles = await findEnvFiles(root);
        const targets = new Map();
        for (const file of tracked ?? [])
            targets.set(file, { file, tracking: 'tracked' });
        const untrackedEnv = envFiles.filter((file) => !targets.has(file));
        const ignored = new Set(tracked && untrackedEnv.length > 0 ? await checkIgnored(exec, root, untrackedEnv, signal) : []);
        for (const file of untrackedEnv)
            targets.set(file, { file, tracking: tracked && ignored.has(file) ? 'ignored' : 'untracked' });
        const counts = { scanned: 0, binary: 0, large: 0 };
        const findings = [];
        const queue = [...targets.values()];
        const worker = async () => {
            for (let target = queue.shift(); target; target = queue.shift()) {
                if (signal.aborted)
                    throw signal.reason;
                const result = await scanFile(root, target.file);
                if (result === 'binary' || result === 'large' || result === 'unreadable') {
                    if (result !== 'unreadable')
                        counts[result] += 1;
                    continue;
                }
                counts.scanned += 1;
                for (const hit of result)
                    findings.push(hitFinding(target, hit.kind, hit.line));
            }
        };
        await Promise.all(Array.from({ length: CONCURRENCY }, worker));
        const scope = tracked
            ? `${counts.scanned} files (git-tracked and .env*)`
            : `${counts.scanned} .env* files (the workspace is not a git repository: only .env* files were scanned)`;
        const skipped = `; skipped ${counts.binary} binary and ${counts.large} larger than 1 MB`;
        if (findings.length === 0)
            return [committed_secrets_f.pass(`no live-looking keys in ${scope}${skipped}.`)];
        findings.sort((a, b) => (a.position?.file ?? '').localeCompare(b.position?.file ?? '') ||
            (a.position?.line ?? 0) - (b.position?.line ?? 0));
        const shown = findings.slice(0, MAX_LISTED);
        if (findings.length > MAX_LISTED)
            shown.push(committed_secrets_f.fail(`… and ${findings.length - MAX_LISTED} more live-looking keys in ${scope}.`));
        return shown;
    },
};
function hitFinding(target, kind, line) {
    const where = { position: { file: target.file, line } };
    const name = external_node_path_default().posix.basename(target.file);
    if (target.tracking === 'ignored') {
        return committed_secrets_f.warn(`${target.file}:${line}: a live-looking ${kind} in a git-ignored file of the workspace (not committed).`, 'keep it out of git; better, keep keys in GitHub secrets and let secrets-sync store them in Secrets Manager.', where);
    }
    const state = target.tracking === 'tracked' ? 'is committed' : 'is in a file git would commit (not ignored)';
    return committed_secrets_f.fail(`${target.file}:${line}: a live-looking ${kind} ${state}.`, target.tracking === 'tracked'
        ? `revoke and rotate the key at its provider now (it is in the git history), then \`git rm --cached ${target.file}\`, add ${name} to .gitignore, and keep the key in a GitHub secret that secrets-sync stores in Secrets Manager.`
        : `add ${name} to .gitignore, and keep the key in a GitHub secret that secrets-sync stores in Secrets Manager.`, where);
}
/** Paths relative to `root` from a `git … -z` listing, or undefined when this is not a git work tree. */
async function gitFiles(exec, root, args, signal) {
    try {
        const result = await exec('git', ['-C', root, ...args], { signal });
        if (result.exitCode !== 0)
            return undefined;
        return result.stdout.split('\0').filter((p) => p !== '');
    }
    catch (error) {
        if (signal.aborted)
            throw error;
        return undefined;
    }
}
async function checkIgnored(exec, root, files, signal) {
    // check-ignore exits 1 when none is ignored: that is an answer, not a failure.
    try {
        const result = await exec('git', ['-C', root, 'check-ignore', '-z', '--stdin'], {
            signal,
            input: files.join('\0'),
        });
        return result.stdout.split('\0').filter((p) => p !== '');
    }
    catch (error) {
        if (signal.aborted)
            throw error;
        return [];
    }
}
async function findEnvFiles(root) {
    const { glob } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 6128));
    const files = await glob(ENV_FILES, { cwd: root, dot: true, onlyFiles: true, ignore: NEVER_WALKED });
    return [...new Set(files.map((file) => file.split((external_node_path_default()).sep).join('/')))];
}
/** The hits of one file, or why it was not scanned. */
async function scanFile(root, file) {
    const full = external_node_path_default().join(root, file);
    let handle;
    try {
        const info = await (0,promises_.stat)(full);
        if (!info.isFile())
            return 'unreadable';
        if (info.size > MAX_FILE_BYTES)
            return 'large';
        handle = await (0,promises_.open)(full, 'r');
        const buffer = await handle.readFile();
        if (isBinary(buffer))
            return 'binary';
        return scanText(buffer.toString('utf8'));
    }
    catch {
        // A tracked file deleted from the work tree, a dangling link: nothing to scan.
        return 'unreadable';
    }
    finally {
        await handle?.close();
    }
}

;// CONCATENATED MODULE: ./actions/preflight/src/checks/health-check.ts


const health_check_f = findingsOf('health-check');
/** Protocols whose health checks have no path (network load balancers, Lambda targets). */
const PATHLESS = new Set(['TCP', 'TLS', 'UDP', 'TCP_UDP', 'GENEVE']);
/**
 * The gaps analysis' `/health` vs `/api/v1/health` mismatch: the ALB target groups of the template check the path
 * the service answers on (`health-check-path`), and so do the containers' own health checks.
 */
const healthCheckCheck = {
    id: 'health-check',
    category: 'Capacity planning',
    needsAws: false,
    async run({ project, inputs }) {
        const template = project.template;
        if (!template?.root)
            return [health_check_f.skip('the template could not be read: see the template check.')];
        const expected = inputs['health-check-path'] ?? '/';
        const cfn = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 2506));
        const file = relativePath(template.file ?? '');
        const at = (pos) => ({ position: { file, line: pos.line, column: pos.column } });
        const resolve = (node) => resolveText(cfn, node, project.parameterValues);
        const findings = [];
        let targetGroups = 0;
        for (const r of template.resources.values()) {
            if (r.type !== 'AWS::ElasticLoadBalancingV2::TargetGroup')
                continue;
            const protocol = resolve(cfn.get(r.properties, 'HealthCheckProtocol')) ?? resolve(cfn.get(r.properties, 'Protocol'));
            if (resolve(cfn.get(r.properties, 'TargetType')) === 'lambda' || (protocol && PATHLESS.has(protocol)))
                continue;
            targetGroups += 1;
            const node = cfn.get(r.properties, 'HealthCheckPath');
            if (!node) {
                findings.push(expected === '/'
                    ? health_check_f.pass(`${r.logicalId} checks / (the default), as health-check-path says.`, at(r.pos))
                    : health_check_f.fail(`${r.logicalId} has no HealthCheckPath, so the load balancer checks / — the service answers health checks on ${expected}.`, `add \`HealthCheckPath: ${expected}\` to ${r.logicalId}.`, at(r.pos)));
                continue;
            }
            const actual = resolve(node);
            if (actual === undefined) {
                findings.push(health_check_f.warn(`${r.logicalId}'s HealthCheckPath cannot be worked out before deploy (an intrinsic function hoist does not resolve).`, `make sure it resolves to ${expected}.`, at(node.pos)));
            }
            else if (actual === expected) {
                findings.push(health_check_f.pass(`${r.logicalId} checks ${actual}, as health-check-path says.`, at(node.pos)));
            }
            else {
                findings.push(health_check_f.fail(`${r.logicalId} checks ${actual}, but the service answers health checks on ${expected}: targets will be marked unhealthy and replaced in a loop.`, `set HealthCheckPath to ${expected} (or correct health-check-path).`, at(node.pos)));
            }
        }
        findings.push(...containerHealthChecks(cfn, template, expected, at));
        if (targetGroups === 0 && findings.length === 0)
            return [health_check_f.skip('the template has no load balancer target group or container health check to compare.')];
        return findings;
    },
};
/** The text a node will have at deploy: a literal, a Ref to a parameter, or a Sub of parameters. */
function resolveText(cfn, node, values) {
    if (!node)
        return undefined;
    const literal = cfn.text(node);
    if (literal !== undefined)
        return literal;
    const fn = cfn.intrinsic(node);
    if (fn?.name === 'Ref') {
        const name = cfn.text(fn.arg);
        return name !== undefined && Object.hasOwn(values, name) ? values[name] : undefined;
    }
    if (fn?.name === 'Fn::Sub') {
        const body = cfn.text(fn.arg);
        if (body === undefined)
            return undefined;
        let unresolved = false;
        const out = body.replace(/\$\{([^}!]*)\}/g, (_, name) => {
            const v = values[name.trim()];
            if (v === undefined)
                unresolved = true;
            return v ?? '';
        });
        return unresolved ? undefined : out;
    }
    return undefined;
}
/** ECS containers whose own health check calls a URL on another path. */
function containerHealthChecks(cfn, template, expected, at) {
    const findings = [];
    for (const r of template.resources.values()) {
        if (r.type !== 'AWS::ECS::TaskDefinition')
            continue;
        const containers = cfn.get(r.properties, 'ContainerDefinitions');
        if (containers?.kind !== 'seq')
            continue;
        for (const container of containers.items) {
            const name = cfn.text(cfn.get(container, 'Name')) ?? 'a container';
            const command = cfn.get(cfn.get(container, 'HealthCheck'), 'Command');
            const parts = command?.kind === 'seq' ? command.items.map((i) => cfn.text(i) ?? '') : [];
            const url = /https?:\/\/[^/\s'"]+(\/[^\s'"|;&)]*)?/.exec(parts.join(' '));
            if (!url || !command)
                continue;
            const path = (url[1] ?? '/').replace(/\?.*$/, '');
            findings.push(path === expected
                ? health_check_f.pass(`${r.logicalId}/${name}: the container health check calls ${path}.`, at(command.pos))
                : health_check_f.warn(`${r.logicalId}/${name}: the container health check calls ${path}, but the service answers on ${expected}: ECS will replace healthy tasks.`, `call ${expected} in the HealthCheck Command.`, at(command.pos)));
        }
    }
    return findings;
}

;// CONCATENATED MODULE: ./actions/preflight/src/checks/identity.ts
const CONFIGURE_FIX = 'add aws-actions/configure-aws-credentials (OIDC: role-to-assume, with `permissions: id-token: write`) before this step; in a terminal, `aws configure` or AWS_PROFILE.';
/** Check 2 of the prerequisites guide: who are we, and may this workflow deploy to that account? */
const identityCheck = {
    id: 'identity',
    category: 'AWS authentication',
    needsAws: true,
    async run({ callerIdentity, facts, inputs, signal }) {
        const { classifyAwsError } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 6530));
        let identity;
        try {
            identity = await callerIdentity();
        }
        catch (error) {
            // A cancel or the check's timeout is not a credentials problem: the runner reports those.
            if (signal.aborted)
                throw error;
            return [credentialFailure(classifyAwsError(error))];
        }
        const accountId = identity.account;
        facts.accountId = accountId;
        if (identity.arn)
            facts.callerArn = identity.arn;
        const allowed = inputs['allowed-account-ids'];
        if (allowed.length > 0 && !allowed.includes(accountId)) {
            return [
                {
                    check: 'identity',
                    status: 'fail',
                    message: `The credentials belong to account ${accountId}, which is not in allowed-account-ids (${allowed.join(', ')}).`,
                    fix: 'assume a role in one of the allowed accounts, or add this account to allowed-account-ids.',
                },
            ];
        }
        return [
            { check: 'identity', status: 'pass', message: `${identity.arn || 'unknown caller'} in account ${accountId}` },
        ];
    },
};
function credentialFailure(error) {
    const base = { check: 'identity', status: 'fail' };
    if (error.name === 'CredentialsProviderError' ||
        (/Could not load credentials|credential/i.test(error.message) && error.kind !== 'auth')) {
        return { ...base, message: 'No AWS credentials were found.', fix: CONFIGURE_FIX };
    }
    if (/Expired/i.test(error.name) || /expired/i.test(error.message)) {
        return {
            ...base,
            message: `The AWS credentials have expired (${error.name}).`,
            fix: 'refresh them: re-run configure-aws-credentials (raise role-duration-seconds for long jobs) or `aws sso login`.',
        };
    }
    if (error.kind === 'auth') {
        return {
            ...base,
            message: `AWS rejected the credentials (${error.name}): ${error.message}`,
            fix: `check the access key or role; ${CONFIGURE_FIX}`,
        };
    }
    if (error.kind === 'permission') {
        return {
            ...base,
            message: `${error.name}: ${error.message}`,
            fix: 'allow sts:GetCallerIdentity (it is allowed by default unless an SCP denies it).',
        };
    }
    return {
        ...base,
        message: `Could not ask AWS who the caller is (${error.name}): ${error.message}`,
        fix: 'check network access to AWS STS and retry.',
    };
}
/** sts:GetCallerIdentity: who the credentials belong to. */
async function fetchCallerIdentity(aws, signal) {
    const { STSClient, GetCallerIdentityCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(695)]).then(__webpack_require__.t.bind(__webpack_require__, 1695, 19));
    const { createClient } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 6530));
    const answer = await createClient(STSClient, aws).send(new GetCallerIdentityCommand({}), { abortSignal: signal });
    return { account: answer.Account ?? '', arn: answer.Arn ?? '' };
}

;// CONCATENATED MODULE: ./actions/preflight/src/checks/probes.ts
/**
 * One cheap read-only call per service, as the prerequisites guide's check 5 does with the CLI: it shows the
 * identity can reach the service, and nothing about write access. Services without a probe are not listed.
 */
const PROBES = {
    cloudformation: {
        call: 'cloudformation:ListStacks',
        run: async (make, signal) => {
            const sdk = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(805)]).then(__webpack_require__.t.bind(__webpack_require__, 3805, 19));
            return make(sdk.CloudFormationClient).send(new sdk.ListStacksCommand({}), { abortSignal: signal });
        },
    },
    ecr: {
        call: 'ecr:DescribeRepositories',
        run: async (make, signal) => {
            const sdk = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(249)]).then(__webpack_require__.t.bind(__webpack_require__, 8249, 19));
            return make(sdk.ECRClient).send(new sdk.DescribeRepositoriesCommand({ maxResults: 1 }), {
                abortSignal: signal,
            });
        },
    },
    ecs: {
        call: 'ecs:ListClusters',
        run: async (make, signal) => {
            const sdk = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(212)]).then(__webpack_require__.t.bind(__webpack_require__, 212, 19));
            return make(sdk.ECSClient).send(new sdk.ListClustersCommand({ maxResults: 1 }), {
                abortSignal: signal,
            });
        },
    },
    s3: {
        call: 's3:ListAllMyBuckets',
        run: async (make, signal) => {
            const sdk = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(711)]).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
            return make(sdk.S3Client).send(new sdk.ListBucketsCommand({}), { abortSignal: signal });
        },
    },
    secretsmanager: {
        call: 'secretsmanager:ListSecrets',
        run: async (make, signal) => {
            const sdk = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(994)]).then(__webpack_require__.t.bind(__webpack_require__, 2994, 19));
            return make(sdk.SecretsManagerClient).send(new sdk.ListSecretsCommand({ MaxResults: 1 }), {
                abortSignal: signal,
            });
        },
    },
    ec2: {
        call: 'ec2:DescribeVpcs',
        run: async (make, signal) => {
            const sdk = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(193)]).then(__webpack_require__.t.bind(__webpack_require__, 5193, 19));
            return make(sdk.EC2Client).send(new sdk.DescribeVpcsCommand({ MaxResults: 5 }), {
                abortSignal: signal,
            });
        },
    },
    autoscaling: {
        call: 'autoscaling:DescribeAutoScalingGroups',
        run: async (make, signal) => {
            const sdk = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(932)]).then(__webpack_require__.t.bind(__webpack_require__, 8932, 19));
            return make(sdk.AutoScalingClient).send(new sdk.DescribeAutoScalingGroupsCommand({ MaxRecords: 1 }), {
                abortSignal: signal,
            });
        },
    },
    servicequotas: {
        call: 'servicequotas:GetServiceQuota',
        run: async (make, signal) => {
            const sdk = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(924)]).then(__webpack_require__.t.bind(__webpack_require__, 2924, 19));
            // VPCs per Region: a quota every account has.
            return make(sdk.ServiceQuotasClient).send(new sdk.GetServiceQuotaCommand({ ServiceCode: 'vpc', QuotaCode: 'L-F678F1CE' }), { abortSignal: signal });
        },
    },
};
/** The IAM actions the probes may call, for the manifest. */
const PROBE_ACTIONS = Object.values(PROBES).map((p) => p.call);
/** Runs the probes of these services at once. */
async function probeServices(aws, services, signal) {
    const { classifyAwsError, createClient, describeAwsError } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 6530));
    const make = (Client) => createClient(Client, aws);
    const known = services.filter((s) => Object.hasOwn(PROBES, s));
    return Promise.all(known.map(async (service) => {
        const probe = PROBES[service];
        try {
            await probe.run(make, signal);
            return { service, call: probe.call, outcome: 'ok' };
        }
        catch (error) {
            if (signal.aborted)
                throw error;
            const kind = classifyAwsError(error).kind;
            return {
                service,
                call: probe.call,
                outcome: kind === 'permission' || kind === 'auth' ? 'denied' : 'error',
                detail: describeAwsError(error),
            };
        }
    }));
}

;// CONCATENATED MODULE: ./actions/preflight/src/checks/permissions.ts


const permissions_f = findingsOf('permissions');
/**
 * `arn:aws:sts::111122223333:assumed-role/deploy/session` → the role `arn:aws:iam::111122223333:role/deploy`
 * (its path is looked up with iam:GetRole: a session ARN drops it). IAM users are their own ARN.
 */
function principalOf(callerArn) {
    const m = /^arn:(aws[a-z-]*):(sts|iam)::(\d{12}):(.+)$/.exec(callerArn);
    if (!m)
        return { kind: 'other', arn: callerArn };
    const [, partition, service, account, resource = ''] = m;
    if (resource === 'root')
        return { kind: 'root', arn: callerArn };
    const assumed = /^assumed-role\/([^/]+)\/.+$/.exec(resource);
    if (service === 'sts' && assumed?.[1])
        return { kind: 'role', arn: `arn:${partition}:iam::${account}:role/${assumed[1]}`, roleName: assumed[1] };
    const user = /^user\/(.+)$/.exec(resource);
    if (user?.[1])
        return { kind: 'user', arn: `arn:${partition}:iam::${account}:user/${user[1]}` };
    const role = /^role\/(?:.*\/)?([^/]+)$/.exec(resource);
    if (service === 'iam' && role?.[1])
        return { kind: 'role', arn: callerArn, roleName: role[1] };
    return { kind: 'other', arn: callerArn };
}
class SimulationUnavailable extends Error {
}
/**
 * Check 5 of the prerequisites guide, exact where AWS lets us: iam:SimulatePrincipalPolicy for every AWS action the
 * chosen hoist actions call (the IAM manifest). Where simulation is denied or unavailable, read-only probes per
 * service, reported as unverified: a probe proves read access only.
 */
const permissionsCheck = {
    id: 'permissions',
    category: 'AWS authentication',
    needsAws: true,
    async run(context) {
        const { inputs, signal } = context;
        const { IAM_MANIFEST, classifyAwsError } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 6530));
        let identity;
        try {
            identity = await context.callerIdentity();
        }
        catch (error) {
            if (signal.aborted)
                throw error;
            return [permissions_f.skip(`the caller is unknown (${classifyAwsError(error).name}): see the identity check.`)];
        }
        const needs = collectNeeds(inputs.for, IAM_MANIFEST, identity.account, context.region);
        const principal = principalOf(identity.arn);
        const findings = [];
        const roleArn = inputs['role-arn'];
        if (roleArn)
            needs.push({ actions: ['iam:PassRole'], resources: [roleArn], for: ['deploy-stack'], sid: 'PassStackRole' });
        if (needs.length === 0) {
            findings.push(permissions_f.pass(`for: ${inputs.for.join(', ')} — these actions call no AWS API that needs a permission.`));
        }
        else if (principal.kind === 'root') {
            findings.push(permissions_f.warn('The credentials are the account root user: every action is allowed, and nothing limits a mistake.', 'deploy with a role that has the least-privilege policies in docs/iam/ (configure-aws-credentials with role-to-assume).'));
        }
        else {
            findings.push(...(await simulateOrProbe(context, principal, needs)));
        }
        if (roleArn)
            findings.push(...(await checkServiceRole(context.aws, roleArn, signal)));
        return findings;
    },
};
function collectNeeds(actions, manifest, account, region) {
    const byKey = new Map();
    for (const action of actions) {
        for (const statement of manifest[action]) {
            const resources = (statement.resources ?? ['*']).map((r) => r === '*' ? r : r.replace(/^(arn:[^:]+:[^:]+):\*:\*:/, `$1:${region}:${account}:`));
            for (const name of statement.actions) {
                const key = `${name}\0${resources.join(',')}`;
                const need = byKey.get(key);
                if (need) {
                    if (!need.for.includes(action))
                        need.for.push(action);
                }
                else
                    byKey.set(key, { actions: [name], resources, for: [action], sid: statement.sid });
            }
        }
    }
    // One simulation per distinct resource list keeps the number of calls small.
    const grouped = new Map();
    for (const need of byKey.values()) {
        const key = need.resources.join(',');
        const group = grouped.get(key);
        if (group) {
            group.actions.push(...need.actions);
            for (const a of need.for)
                if (!group.for.includes(a))
                    group.for.push(a);
        }
        else
            grouped.set(key, { ...need, actions: [...need.actions], for: [...need.for] });
    }
    return [...grouped.values()];
}
async function simulateOrProbe(context, principal, needs) {
    const { inputs, aws, signal } = context;
    const { classifyAwsError, policyDocument } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 6530));
    const unavailableReason = (error) => {
        const e = classifyAwsError(error);
        // An endpoint without policy simulation answers an HTML 500 page: its parse error says nothing useful.
        return e.status !== undefined && e.status >= 500 ? `HTTP ${e.status}` : e.name;
    };
    let decisions;
    let sourceArn = principal.arn;
    try {
        if (principal.kind === 'other')
            throw new SimulationUnavailable(`${principal.arn} is not an IAM user or role that can be simulated`);
        if (principal.kind === 'role' && principal.roleName)
            sourceArn = (await roleArnWithPath(aws, principal.roleName, signal)) ?? principal.arn;
        decisions = await simulate(aws, sourceArn, needs, signal);
    }
    catch (error) {
        if (signal.aborted)
            throw error;
        const reason = error instanceof SimulationUnavailable
            ? error.message
            : classifyAwsError(error).kind === 'permission'
                ? 'iam:SimulatePrincipalPolicy is denied to the caller'
                : `iam:SimulatePrincipalPolicy is unavailable (${unavailableReason(error)})`;
        return probeFallback(context, needs, reason);
    }
    const denied = new Map();
    let total = 0;
    for (const need of needs) {
        for (const action of need.actions) {
            total += 1;
            const decision = decisions.get(`${action}\0${need.resources.join(',')}`);
            if (!decision || decision.allowed)
                continue;
            for (const hoistAction of need.for)
                denied.set(hoistAction, [...(denied.get(hoistAction) ?? []), { action, why: decision.why }]);
        }
    }
    if (denied.size === 0)
        return [
            permissions_f.pass(`${sourceArn} may call all ${total} AWS actions needed by ${inputs.for.join(', ')}${inputs['role-arn'] ? ' and the role-arn' : ''} (policy simulation).`),
        ];
    return [...denied.entries()].map(([hoistAction, missing]) => {
        const names = [...new Set(missing.map((m) => m.action))].sort();
        const statement = fixStatement(policyDocument(hoistAction).Statement, names, inputs['role-arn']);
        return permissions_f.fail(`${hoistAction} needs ${names.join(', ')}, which ${sourceArn} may not call (${[...new Set(missing.map((m) => m.why))].join('; ')}).`, `add this statement to the role's policy (the whole least-privilege policy is docs/iam/${hoistAction}.json): ${JSON.stringify(statement)}`);
    });
}
/** The least-privilege statement(s) that grant exactly the missing actions, with the manifest's Sid and resources. */
function fixStatement(statements, missing, roleArn) {
    const out = [];
    const covered = new Set();
    for (const s of statements) {
        const actions = s.Action.filter((a) => missing.includes(a));
        if (actions.length === 0)
            continue;
        actions.forEach((a) => covered.add(a));
        out.push({ ...s, Action: actions });
    }
    const rest = missing.filter((a) => !covered.has(a));
    if (rest.length > 0)
        out.push({ Sid: 'PassStackRole', Effect: 'Allow', Action: rest, Resource: roleArn ?? '*' });
    return out.length === 1 ? out[0] : out;
}
async function iamClient(aws) {
    const sdk = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(764)]).then(__webpack_require__.t.bind(__webpack_require__, 6764, 19));
    const { createClient } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 6530));
    return { sdk, client: createClient(sdk.IAMClient, aws) };
}
/** The role's full ARN (with its path), or undefined when iam:GetRole is not allowed. */
async function roleArnWithPath(aws, roleName, signal) {
    const { sdk, client } = await iamClient(aws);
    try {
        const answer = await client.send(new sdk.GetRoleCommand({ RoleName: roleName }), { abortSignal: signal });
        return answer.Role?.Arn;
    }
    catch (error) {
        if (signal.aborted)
            throw error;
        return undefined;
    }
}
async function simulate(aws, sourceArn, needs, signal) {
    const { sdk, client } = await iamClient(aws);
    const decisions = new Map();
    await Promise.all(needs.map(async (need) => {
        let marker;
        let answered = 0;
        do {
            const answer = await client.send(new sdk.SimulatePrincipalPolicyCommand({
                PolicySourceArn: sourceArn,
                ActionNames: need.actions,
                ...(need.resources[0] === '*' ? {} : { ResourceArns: need.resources }),
                ...(marker ? { Marker: marker } : {}),
            }), { abortSignal: signal });
            for (const result of answer.EvaluationResults ?? []) {
                const action = result.EvalActionName ?? '';
                answered += 1;
                decisions.set(`${action}\0${need.resources.join(',')}`, decisionOf(result));
            }
            marker = answer.IsTruncated ? answer.Marker : undefined;
        } while (marker);
        if (answered === 0)
            throw new SimulationUnavailable('iam:SimulatePrincipalPolicy answered no evaluation results');
    }));
    return decisions;
}
function decisionOf(result) {
    if (result.EvalDecision === 'allowed')
        return { allowed: true };
    if (result.OrganizationsDecisionDetail?.AllowedByOrganizations === false)
        return { allowed: false, why: 'denied by an organization SCP' };
    if (result.PermissionsBoundaryDecisionDetail?.AllowedByPermissionsBoundary === false)
        return { allowed: false, why: 'denied by the permissions boundary' };
    return {
        allowed: false,
        why: result.EvalDecision === 'explicitDeny' ? 'an explicit Deny' : 'no policy allows them',
    };
}
/** Simulation is not possible: a read-only call per service shows read access, and nothing about writes. */
async function probeFallback(context, needs, reason) {
    const services = [...new Set(needs.flatMap((n) => n.actions.map((a) => a.split(':')[0] ?? '')))];
    const results = await probeServices(context.aws, services, context.signal);
    const readable = results.filter((r) => r.outcome === 'ok').map((r) => r.service);
    const findings = [];
    for (const r of results) {
        if (r.outcome === 'denied')
            findings.push(permissions_f.fail(`${r.service}: the read-only probe ${r.call} was denied (${r.detail}).`, `allow the ${r.service} actions listed in docs/iam/ for ${context.inputs.for.join(', ')}.`));
        else if (r.outcome === 'error')
            findings.push(permissions_f.warn(`${r.service}: the probe ${r.call} failed (${r.detail}).`));
    }
    findings.push(permissions_f.warn(`unverified: ${reason}. Read-only probes answered for ${readable.length > 0 ? readable.join(', ') : 'no service'}; a probe proves read access only, not the write actions a deploy needs.`, 'allow iam:SimulatePrincipalPolicy on the deploying role (arn of the role itself) so preflight can verify every action.'));
    return findings;
}
/** The CloudFormation service role (`role-arn`): it exists and CloudFormation may assume it. */
async function checkServiceRole(aws, roleArn, signal) {
    const { classifyAwsError, describeAwsError } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 6530));
    const { sdk, client } = await iamClient(aws);
    const name = roleArn.split('/').pop() ?? roleArn;
    const perTypeNote = permissions_f.skip(`role-arn: whether ${name} may create every resource type of the template is not checked — hoist's resource data does not list the IAM permissions each type needs.`);
    let role;
    try {
        role = (await client.send(new sdk.GetRoleCommand({ RoleName: name }), { abortSignal: signal })).Role;
    }
    catch (error) {
        if (signal.aborted)
            throw error;
        const kind = classifyAwsError(error).kind;
        if (kind === 'not-found')
            return [
                permissions_f.fail(`role-arn: ${roleArn} does not exist.`, 'create the CloudFormation service role, or correct role-arn.'),
                perTypeNote,
            ];
        return [
            permissions_f.warn(`role-arn: ${roleArn} could not be read (${describeAwsError(error)}).`, kind === 'permission' ? 'allow iam:GetRole on the role to the deploying identity.' : undefined),
            perTypeNote,
        ];
    }
    const trust = decodeTrustPolicy(role?.AssumeRolePolicyDocument);
    const findings = [
        /cloudformation\.amazonaws\.com/.test(trust)
            ? permissions_f.pass(`role-arn: ${name} exists and trusts cloudformation.amazonaws.com.`)
            : permissions_f.fail(`role-arn: ${name} does not trust cloudformation.amazonaws.com, so CloudFormation cannot assume it.`, 'add a trust statement: {"Effect":"Allow","Principal":{"Service":"cloudformation.amazonaws.com"},"Action":"sts:AssumeRole"}.'),
        perTypeNote,
    ];
    return findings;
}
function decodeTrustPolicy(document) {
    if (!document)
        return '';
    try {
        return decodeURIComponent(document);
    }
    catch {
        return document;
    }
}

;// CONCATENATED MODULE: ./actions/preflight/src/checks/quotas.ts

/** Percent of a quota above which the check warns (quota-check's default). */
const THRESHOLD = 80;
/** Check 9 of the prerequisites guide, through packages/quotas: what the template adds against quotas and usage. */
const quotasCheck = {
    id: 'quotas',
    category: 'Capacity planning',
    needsAws: true,
    async run({ project, inputs, aws, signal }) {
        const f = findingsOf('quotas');
        if (!project.template?.root)
            return [f.skip('the template could not be read: see the template check.')];
        const { checkTemplateQuotas } = await __webpack_require__.e(/* import() */ 746).then(__webpack_require__.bind(__webpack_require__, 4746));
        const result = await checkTemplateQuotas({
            aws,
            threshold: THRESHOLD,
            template: project.template,
            parameters: project.parameterValues,
            signal,
            ...(inputs['stack-name'] ? { stackName: inputs['stack-name'] } : {}),
        });
        if (result.findings.length === 0)
            return [f.pass('the template adds nothing that hoist tracks against a quota.')];
        // The quota code stays in the message (`VPCs per Region (vpc/L-F678F1CE)`); the check is `quotas`.
        return result.findings.map((q) => ({ ...q, check: 'quotas' }));
    },
};

;// CONCATENATED MODULE: ./actions/preflight/src/checks/region.ts

/** The account's view of a region: whether AWS lists it, and whether it is enabled. Read-only. */
async function describeRegion(aws, region, signal) {
    const { EC2Client, DescribeRegionsCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(193)]).then(__webpack_require__.t.bind(__webpack_require__, 5193, 19));
    const { createClient } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 6530));
    const answer = await createClient(EC2Client, aws).send(new DescribeRegionsCommand({ AllRegions: true }), {
        abortSignal: signal,
    });
    const found = answer.Regions?.find((r) => r.RegionName === region);
    if (!found)
        return 'absent';
    return found.OptInStatus ?? 'unknown';
}
/** Check 3 of the prerequisites guide: the region is set, real, and enabled for this account. */
const regionCheck = {
    id: 'region',
    category: 'AWS authentication',
    needsAws: true,
    async run({ aws, region, signal }) {
        const { classifyAwsError, describeAwsError } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 6530));
        let status;
        try {
            status = await describeRegion(aws, region, signal);
        }
        catch (error) {
            // The check's timeout or a cancel: runCheck reports those, not "could not ask AWS".
            if (signal.aborted)
                throw error;
            const known = (0,src.isKnownRegion)(region);
            return [
                {
                    check: 'region',
                    status: known ? 'warn' : 'fail',
                    message: `${region}: could not ask AWS whether it is enabled (${describeAwsError(error)}).${known ? ' It is a known region.' : ''}`,
                    fix: classifyAwsError(error).kind === 'permission'
                        ? 'allow ec2:DescribeRegions to the deploying identity.'
                        : 'check network access to the EC2 API of this region.',
                },
            ];
        }
        if (status === 'absent') {
            return [
                {
                    check: 'region',
                    status: 'fail',
                    message: `${region} is not an AWS region this account can see.`,
                    fix: 'use a region code such as us-east-1.',
                },
            ];
        }
        if (status === 'not-opted-in') {
            return [
                {
                    check: 'region',
                    status: 'fail',
                    message: `${region} is not enabled for this account (it is an opt-in region).`,
                    fix: `enable it: \`aws account enable-region --region-name ${region}\`, or the console's Account page → AWS Regions.`,
                },
            ];
        }
        const note = src.OPT_IN_REGIONS.has(region) || status === 'opted-in' ? 'enabled (opted in)' : 'enabled';
        return [{ check: 'region', status: 'pass', message: `${region}: ${note}` }];
    },
};

;// CONCATENATED MODULE: ./actions/preflight/src/checks/repository.ts

const repository_f = findingsOf('repository');
/**
 * The ECR repository the image goes to: its settings when it exists (scan on push, tag immutability, lifecycle
 * policy), or what build-push-multiarch will create. Read-only: DescribeRepositories, GetLifecyclePolicy.
 */
const repositoryCheck = {
    id: 'repository',
    category: 'Resource provisioning',
    needsAws: true,
    async run({ inputs, aws, signal }) {
        const name = inputs.repository ?? '';
        const sdk = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(249)]).then(__webpack_require__.t.bind(__webpack_require__, 8249, 19));
        const { createClient, classifyAwsError, describeAwsError } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 6530));
        const client = createClient(sdk.ECRClient, aws);
        const options = { abortSignal: signal };
        const [repository, lifecycle] = await Promise.allSettled([
            client.send(new sdk.DescribeRepositoriesCommand({ repositoryNames: [name] }), options),
            client.send(new sdk.GetLifecyclePolicyCommand({ repositoryName: name }), options),
        ]);
        if (signal.aborted)
            throw signal.reason;
        if (repository.status === 'rejected') {
            const e = classifyAwsError(repository.reason);
            if (e.kind === 'not-found') {
                return [
                    repository_f.warn(`${name} does not exist in ${aws.region}: build-push-multiarch will create it (scan on push on, MUTABLE tags unless tag-mutability says IMMUTABLE, AES256 encryption unless kms-key is given, and a lifecycle policy that expires untagged images).`, 'nothing to do, unless you want other settings: create it yourself first (`aws ecr create-repository`), or set scan-on-push / tag-mutability / kms-key on build-push-multiarch.'),
                ];
            }
            return [
                repository_f.fail(`${name} could not be looked up (${describeAwsError(repository.reason)}).`, e.kind === 'permission'
                    ? 'allow ecr:DescribeRepositories and ecr:GetLifecyclePolicy to the deploying identity.'
                    : 'check network access to ECR and retry.'),
            ];
        }
        const repo = repository.value.repositories?.[0];
        const scan = repo?.imageScanningConfiguration?.scanOnPush ? 'scan on push on' : 'scan on push off';
        const tags = `${repo?.imageTagMutability ?? 'MUTABLE'} tags`;
        let policy;
        if (lifecycle.status === 'fulfilled')
            policy = 'a lifecycle policy';
        // ECR says LifecyclePolicyNotFoundException with a 400.
        else if (/NotFound/.test(classifyAwsError(lifecycle.reason).name))
            policy = 'no lifecycle policy (build-push-multiarch will add one that expires untagged images)';
        else
            policy = `lifecycle policy unknown (${classifyAwsError(lifecycle.reason).name})`;
        const findings = [repository_f.pass(`${repo?.repositoryUri ?? name}: ${scan}, ${tags}, ${policy}.`)];
        if (!repo?.imageScanningConfiguration?.scanOnPush)
            findings.push(repository_f.warn(`${name} does not scan images on push: vulnerabilities in pushed images go unreported.`, `turn it on: \`aws ecr put-image-scanning-configuration --repository-name ${name} --image-scanning-configuration scanOnPush=true\`, or enable enhanced scanning for the registry.`));
        return findings;
    },
};

;// CONCATENATED MODULE: ./actions/preflight/src/checks/secrets.ts

const secrets_f = findingsOf('secrets');
/**
 * Check 6 of the prerequisites guide without its writes: each expected secret exists in Secrets Manager and is not
 * scheduled for deletion. DescribeSecret only — a value is never read.
 */
const secretsCheck = {
    id: 'secrets',
    category: 'Resource provisioning',
    needsAws: true,
    async run({ inputs, aws, signal }) {
        const sdk = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(994)]).then(__webpack_require__.t.bind(__webpack_require__, 2994, 19));
        const { createClient, classifyAwsError, describeAwsError } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 6530));
        const client = createClient(sdk.SecretsManagerClient, aws);
        const deferred = new Set(inputs['deferred-parameters']);
        return Promise.all(inputs.secrets.map(async (secret) => {
            try {
                const answer = await client.send(new sdk.DescribeSecretCommand({ SecretId: secret.name }), {
                    abortSignal: signal,
                });
                if (answer.DeletedDate) {
                    return secrets_f.fail(`${secret.name} is scheduled for deletion on ${answer.DeletedDate.toISOString().slice(0, 10)}: a deploy that reads it would fail.`, `restore it: \`aws secretsmanager restore-secret --secret-id ${secret.name} --region ${aws.region}\`.`);
                }
                const changed = answer.LastChangedDate
                    ? `, last changed ${answer.LastChangedDate.toISOString().slice(0, 10)}`
                    : '';
                return secrets_f.pass(`${secret.name} exists${changed}.`);
            }
            catch (error) {
                if (signal.aborted)
                    throw error;
                const kind = classifyAwsError(error).kind;
                if (kind === 'not-found')
                    return missing(secret, deferred);
                return secrets_f.fail(`${secret.name} could not be looked up (${describeAwsError(error)}).`, kind === 'permission'
                    ? 'allow secretsmanager:DescribeSecret on the secret to the deploying identity.'
                    : 'check network access to Secrets Manager and retry.');
            }
        }));
    },
};
function missing(secret, deferred) {
    if (secret.parameter && deferred.has(secret.parameter)) {
        return secrets_f.warn(`${secret.name} does not exist yet: it will be created by secrets-sync, which supplies ${secret.parameter} (in deferred-parameters).`);
    }
    const variable = secret.name
        .replace(/^.*\//, '')
        .replace(/[^A-Za-z0-9]+/g, '_')
        .toUpperCase();
    return secrets_f.fail(`${secret.name} does not exist in Secrets Manager.`, `run secrets-sync before the deploy to create it: \`uses: hoist-dev/hoist/actions/secrets-sync@v1\` with \`secrets: "${secret.name}: ${variable}"\` and \`env: { ${variable}: \${{ secrets.${variable} }} }\`.`);
}

;// CONCATENATED MODULE: ./actions/preflight/src/checks/template.ts


/** The validator's rules about the parameters file: reported by the parameters check, not the template check. */
const PARAMETER_FILE_RULES = new Set(['H4010', 'H4011', 'H4012', 'H4013', 'H4014']);
/** Listed one by one at most this many; the rest are counted (cfn-validate shows them all). */
const template_MAX_LISTED = 20;
function toFinding(check, c) {
    return {
        check,
        status: c.level === 'error' ? 'fail' : 'warn',
        message: `${c.rule}: ${c.message}`,
        ...(c.fix ? { fix: c.fix } : {}),
        ...(c.file ? { position: { file: relativePath(c.file), line: c.line, column: c.column } } : {}),
    };
}
function listed(check, all) {
    const out = all.slice(0, template_MAX_LISTED).map((c) => toFinding(check, c));
    if (all.length > template_MAX_LISTED)
        out.push({
            check,
            status: all.slice(template_MAX_LISTED).some((c) => c.level === 'error') ? 'fail' : 'warn',
            message: `… and ${all.length - template_MAX_LISTED} more.`,
            fix: 'run cfn-validate for every finding, annotated on its line.',
        });
    return out;
}
function problemFinding(check, problem) {
    return {
        check,
        status: 'fail',
        message: problem.message,
        ...(problem.position ? { position: problem.position } : {}),
    };
}
/** Check 10 of the prerequisites guide, locally: packages/cfn's rules, errors and warnings, capabilities. */
const templateCheck = {
    id: 'template',
    category: 'Capacity planning',
    needsAws: false,
    async run({ project }) {
        const f = findingsOf('template');
        if (project.templateProblem)
            return [problemFinding('template', project.templateProblem)];
        const { template, validation } = project;
        if (!template || !validation)
            return [f.skip('no template was read.')];
        const own = validation.findings.filter((c) => !PARAMETER_FILE_RULES.has(c.rule) && c.level !== 'info');
        const errors = own.filter((c) => c.level === 'error').length;
        const warnings = own.length - errors;
        const capabilities = validation.capabilities.length > 0 ? validation.capabilities.join(', ') : 'none';
        const summary = `${relativePath(template.file ?? '')}: ${template.resources.size} resources, ${template.parameters.size} parameters; ${errors} errors, ${warnings} warnings; capabilities: ${capabilities}.`;
        const head = errors > 0
            ? f.fail(summary, 'correct the errors listed below (cfn-validate annotates each on its line).')
            : warnings > 0
                ? f.warn(summary, 'see the warnings listed below.')
                : f.pass(summary);
        return [head, ...listed('template', own)];
    },
};
/**
 * Check 7 of the prerequisites guide and the gaps analysis' "hardcoded placeholder values": every parameter
 * without a Default has a value (less deferred-parameters), and no value is a placeholder.
 */
const parametersCheck = {
    id: 'parameters',
    category: 'Capacity planning',
    needsAws: false,
    async run({ project, inputs }) {
        const f = findingsOf('parameters');
        if (project.parametersProblem)
            return [problemFinding('parameters', project.parametersProblem)];
        const file = project.parametersFile;
        const deferred = inputs['deferred-parameters'];
        const deferredNote = deferred.length > 0 ? ` Deferred to a later step: ${deferred.join(', ')}.` : '';
        if (project.template && project.validation) {
            const template = project.template;
            if (!file) {
                const { resolveParameterValues } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 2506));
                const missing = resolveParameterValues(template, {}).missing.filter((name) => !deferred.includes(name));
                if (missing.length === 0)
                    return [f.pass(`every parameter of the template has a Default (no parameters file).${deferredNote}`)];
                return missing.map((name) => f.fail(`Parameter ${name} has no Default and there is no parameters file to give it a value.`, `pass a parameters file (parameters:) with ${name}, or list it in deferred-parameters if a later step supplies it.`, {
                    position: {
                        file: relativePath(template.file ?? ''),
                        line: template.parameters.get(name)?.pos.line ?? 1,
                    },
                }));
            }
            const own = project.validation.findings.filter((c) => PARAMETER_FILE_RULES.has(c.rule) && c.level !== 'info');
            if (own.length > 0)
                return listed('parameters', own);
            return [
                f.pass(`${relativePath(file.path ?? '')}: every parameter has a value (${Object.keys(file.values).length} in the file, the rest from Defaults), none is a placeholder.${deferredNote}`),
            ];
        }
        if (!file)
            return [f.skip('no parameters file was read.')];
        // Without a template only the values can be judged.
        const { detectPlaceholder } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 2506));
        const findings = [];
        for (const entry of file.entries) {
            if (entry.value === undefined || deferred.includes(entry.key))
                continue;
            const why = detectPlaceholder(entry.value);
            if (!why)
                continue;
            findings.push(f.fail(`The value of ${entry.key} looks like a placeholder: ${why}.`, `set the real value of ${entry.key}.`, {
                position: { file: relativePath(file.path ?? ''), line: entry.valuePos.line, column: entry.valuePos.column },
            }));
        }
        if (findings.length > 0)
            return findings;
        return [
            f.pass(`${relativePath(file.path ?? '')}: ${file.entries.length} values, none is a placeholder (completeness needs the template: give template:).${deferredNote}`),
        ];
    },
};

;// CONCATENATED MODULE: ./actions/preflight/src/checks/tools.ts

const DOCKER_CLIENT = {
    tool: 'docker',
    command: 'docker',
    args: ['version', '--format', '{{.Client.Version}}'],
    version: (out) => out.trim(),
    missing: 'install Docker (GitHub-hosted ubuntu runners have it); or use `builder: buildah`.',
    broken: 'check the docker CLI installation.',
};
const DOCKER_DAEMON = {
    tool: 'docker daemon',
    command: 'docker',
    args: ['info', '--format', '{{.ServerVersion}}'],
    version: (out) => out.trim(),
    missing: 'install Docker.',
    broken: 'start the Docker daemon, and make sure this user may use it (the docker group); or use `builder: buildah`, which needs no daemon.',
};
const BUILDX = {
    tool: 'docker buildx',
    command: 'docker',
    args: ['buildx', 'version'],
    version: (out) => out.trim().split(/\s+/)[1] ?? out.trim(),
    missing: 'install Docker.',
    broken: 'install the buildx plugin (docker/setup-buildx-action on runners; `apt-get install docker-buildx-plugin`).',
};
const BUILDAH = {
    tool: 'buildah',
    command: 'buildah',
    args: ['--version'],
    version: (out) => /version\s+(\S+)/.exec(out)?.[1] ?? out.trim(),
    missing: 'install buildah (`sudo apt-get install -y buildah`; preinstalled on GitHub ubuntu runners); or use `builder: buildx`.',
    broken: 'check the buildah installation (`buildah --version`).',
};
async function probe(exec, p, signal) {
    try {
        const result = await exec(p.command, p.args, { signal });
        if (result.exitCode === 0)
            return { check: 'tools', status: 'pass', message: `${p.tool} ${p.version(result.stdout)}` };
        const detail = (result.stderr || result.stdout).trim().split('\n')[0] ?? '';
        return {
            check: 'tools',
            status: 'fail',
            message: `${p.tool} is installed but does not work: ${detail}`,
            fix: p.broken,
        };
    }
    catch (error) {
        if (error instanceof kit_src/* ToolNotFoundError */.Mm) {
            return {
                check: 'tools',
                status: 'fail',
                message: `${p.tool} is not installed (not found on PATH).`,
                fix: p.missing,
            };
        }
        throw error;
    }
}
/** Check 4 of the prerequisites guide, for the builder the build step will use. */
const toolsCheck = {
    id: 'tools',
    category: 'Local environment',
    needsAws: false,
    async run({ inputs, exec, signal }) {
        if (inputs.builder === 'none')
            return [{ check: 'tools', status: 'pass', message: 'no image builder needed (builder: none)' }];
        if (inputs.builder === 'buildah')
            return [await probe(exec, BUILDAH, signal)];
        const client = await probe(exec, DOCKER_CLIENT, signal);
        if (client.status === 'fail')
            return [client];
        return [client, ...(await Promise.all([probe(exec, DOCKER_DAEMON, signal), probe(exec, BUILDX, signal)]))];
    },
};

// EXTERNAL MODULE: ./actions/preflight/src/inputs.ts
var src_inputs = __webpack_require__(5966);
;// CONCATENATED MODULE: ./actions/preflight/src/preflight.ts
















/** In the order of the list; the summary groups them by the guide's categories. */
const ALL_CHECKS = [
    identityCheck,
    regionCheck,
    toolsCheck,
    permissionsCheck,
    secretsCheck,
    bucketCheck,
    repositoryCheck,
    templateCheck,
    parametersCheck,
    quotasCheck,
    committedSecretsCheck,
    healthCheckCheck,
];
const TITLE = 'hoist preflight';
/** The preflight action: every chosen check at once, no AWS writes, one table. */
async function preflight({ reporter, inputs: source, signal }, exec = kit_src/* exec */.m0) {
    const inputs = (0,src_inputs/* getInputs */.GP)(source);
    if (inputs['github-token'])
        reporter.setSecret(inputs['github-token']);
    const ids = (0,src_inputs/* chosenChecks */.oS)(inputs);
    const { region, source: regionSource } = await (0,src.resolveRegion)(inputs.region);
    const awsAvailable = inputs.aws === 'required' || (0,src.hasConfiguredCredentials)();
    const aws = { region, action: 'preflight' };
    if (regionSource === 'input' && awsAvailable && !(0,src.isKnownRegion)(region))
        await assertRegionExists(aws, region, signal);
    let identity;
    // Once every check has reported, whatever a timed-out check left running (the shared STS call) is ended with it.
    const checksDone = new AbortController();
    const checksSignal = AbortSignal.any([signal, checksDone.signal]);
    const context = {
        inputs,
        region,
        aws,
        awsAvailable,
        signal: checksSignal,
        exec,
        facts: {},
        project: await loadProject(inputs),
        callerIdentity: () => (identity ??= fetchCallerIdentity(aws, checksSignal)),
    };
    const chosen = ALL_CHECKS.filter((c) => ids.includes(c.id));
    reporter.info(`Running ${chosen.length} check${chosen.length === 1 ? '' : 's'} at once: ${chosen.map((c) => c.id).join(', ')}.`);
    const started = Date.now();
    const timings = [];
    const results = await Promise.all(chosen.map(async (check) => {
        const findings = await runCheck(check, context, inputs['check-timeout']);
        timings.push(`${check.id} ${Date.now() - started} ms`);
        return findings;
    })).finally(() => checksDone.abort());
    const findings = results.flat();
    reporter.info(`Checks finished in ${Date.now() - started} ms (${timings.join(', ')}).`);
    reporter.setOutput('region', region);
    if (context.facts.accountId) {
        reporter.setOutput('account-id', context.facts.accountId);
        reporter.setOutput('registry', (0,src.ecrRegistry)(context.facts.accountId, region));
    }
    if (context.facts.callerArn)
        reporter.setOutput('caller-arn', context.facts.callerArn);
    const capabilities = context.project.validation?.capabilities;
    if (capabilities)
        reporter.setOutput('capabilities', capabilities.join(','));
    reporter.setOutput('report', findings);
    reporter.findings(findings, { title: TITLE, categories: CATEGORIES });
    await commentOnPullRequest(reporter, inputs, findings);
    if ((0,kit_src/* failsOn */.Hu)(findings, inputs['fail-on'])) {
        const failed = [
            ...new Set(findings
                .filter((f) => f.status === 'fail' || (inputs['fail-on'] === 'warning' && f.status === 'warn'))
                .map((f) => f.check)),
        ];
        reporter.fail(`Preflight found problems in: ${failed.join(', ')}. See the table above for the fixes.`);
    }
}
/** One check, bounded by its timeout; a crash or a timeout becomes a FAIL finding, never hides the other checks. */
async function runCheck(check, context, timeoutMs) {
    const category = check.category;
    if (check.needsAws && !context.awsAvailable) {
        return [
            {
                check: check.id,
                status: 'skip',
                category,
                message: 'no AWS credentials (aws: optional)',
                fix: 'run with AWS credentials to check this.',
            },
        ];
    }
    const signal = AbortSignal.any([context.signal, AbortSignal.timeout(timeoutMs)]);
    try {
        const findings = await untilAborted(check.run({ ...context, signal }), signal);
        return findings.map((f) => ({ category, ...f }));
    }
    catch (error) {
        if (context.signal.aborted)
            throw error;
        const timedOut = signal.aborted;
        return [
            {
                check: check.id,
                status: 'fail',
                category,
                message: timedOut
                    ? `did not finish within ${timeoutMs / 1000}s`
                    : `could not run: ${error instanceof Error ? error.message : String(error)}`,
                fix: timedOut ? 'raise check-timeout, or look at network access to AWS.' : 'see the log for details.',
            },
        ];
    }
}
/**
 * The work's result, or the signal's reason as soon as it aborts: a check that waits on something deaf to its own
 * signal (the STS call it shares with another check) still ends at its timeout.
 */
function untilAborted(work, signal) {
    return new Promise((resolve, reject) => {
        const onAbort = () => reject(signal.reason);
        if (signal.aborted)
            return onAbort();
        signal.addEventListener('abort', onAbort, { once: true });
        void work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
}
/** A region code that hoist does not know is asked of AWS before anything else: a typo fails as a bad input. */
async function assertRegionExists(aws, region, signal) {
    const expected = 'an AWS region code such as us-east-1 or eu-west-1';
    let status;
    try {
        status = await describeRegion({ ...aws, region: 'us-east-1' }, region, signal);
    }
    catch {
        throw new kit_src/* InputError */.dz('region', region, `${expected} (it is not a region hoist knows, and AWS could not be asked)`);
    }
    if (status === 'absent')
        throw new kit_src/* InputError */.dz('region', region, `${expected} (AWS lists no such region)`);
}
/** With `github-token` on a pull request: the findings table as the preflight section of hoist's one PR comment. */
async function commentOnPullRequest(reporter, inputs, findings) {
    const token = inputs['github-token'];
    if (!token)
        return;
    const { createGitHubClient, readGitHubEvent } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 9558));
    const event = readGitHubEvent();
    if (event.pullRequestNumber === undefined) {
        reporter.info('github-token is set, but this run is not about a pull request: no comment.');
        return;
    }
    if (event.fromFork) {
        reporter.info(`Pull request #${event.pullRequestNumber} comes from a fork: its token is read-only, so the findings are in the job summary only (no comment).`);
        return;
    }
    try {
        const github = await createGitHubClient({ token, reporter });
        const markdown = (0,kit_src/* renderFindings */.vO)(findings, { title: TITLE, categories: CATEGORIES });
        const result = await github.upsertCommentSection(event.pullRequestNumber, 'preflight', markdown);
        if (result.outcome !== 'read-only')
            reporter.info(`Pull request comment ${result.outcome}: ${result.url ?? ''}`);
    }
    catch (error) {
        // The comment is a convenience: the verdict stands without it.
        reporter.annotate({
            level: 'warning',
            title: 'GitHub comment',
            message: error instanceof Error ? error.message : String(error),
        });
    }
}


/***/ })

};
