export const id = 167;
export const ids = [167];
export const modules = {

/***/ 5167:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  secretsSync: () => (/* binding */ secretsSync),
  syncSecrets: () => (/* binding */ syncSecrets)
});

// EXTERNAL MODULE: ./packages/aws/src/index.ts + 7 modules
var src = __webpack_require__(6530);
// EXTERNAL MODULE: ./packages/cfn/src/parameters-file.ts
var parameters_file = __webpack_require__(9508);
// EXTERNAL MODULE: ./packages/kit/src/index.ts + 30 modules
var kit_src = __webpack_require__(9558);
// EXTERNAL MODULE: ./actions/secrets-sync/src/inputs.ts
var src_inputs = __webpack_require__(880);
;// CONCATENATED MODULE: ./actions/secrets-sync/src/values.ts

/** Lines of a multi-line value shorter than this are not masked on their own: they hold nothing secret ("}"). */
const MIN_MASKED_LINE = 4;
/**
 * Reads every secret's value from the environment and masks it at once — all of them before any check that could
 * fail on one — then checks them: a missing or empty variable, or a value that misses its pattern, fails the run
 * naming the secret, the variable and the pattern, never the value.
 */
function readSecretValues(secrets, env, reporter) {
    const values = new Map();
    for (const secret of secrets) {
        const value = env[secret.fromEnv];
        if (value === undefined || value === '')
            continue;
        // A blank value fails below; masking white space would blank out the log instead.
        if (value.trim() !== '')
            mask(value, reporter);
        values.set(secret.name, value);
    }
    const problems = [];
    const missing = secrets.filter((s) => !values.has(s.name));
    for (const s of missing) {
        problems.push(`environment variable ${s.fromEnv} (for secret '${s.name}') is ${s.fromEnv in env ? 'empty' : 'not set'}`);
    }
    for (const s of secrets) {
        const value = values.get(s.name);
        if (value === undefined)
            continue;
        if (value.trim() === '')
            problems.push(`environment variable ${s.fromEnv} (for secret '${s.name}') holds only white space`);
        else if (s.pattern && !s.pattern.test(value)) {
            problems.push(`the value of secret '${s.name}' (from ${s.fromEnv}) does not match its pattern /${s.pattern.source}/`);
        }
    }
    if (problems.length > 0) {
        const fix = missing.length > 0
            ? "set each variable in the step's `env:` from a GitHub secret (`OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}`) and check that the secret exists in this repository or environment."
            : 'check the GitHub secret that fills each variable (a value copied whole, no quotes), or the pattern.';
        throw new kit_src/* UserError */.yo(`secrets-sync: ${problems.join('; ')}.`, { code: 'bad-secret-value', fix });
    }
    return values;
}
function mask(value, reporter) {
    reporter.setSecret(value);
    // A runner masks a log line by line: each line of a multi-line value (a PEM key) must be registered on its own.
    if (!/[\r\n]/.test(value))
        return;
    for (const line of value.split(/\r?\n/)) {
        const trimmed = line.trim();
        if (trimmed.length >= MIN_MASKED_LINE)
            reporter.setSecret(trimmed);
    }
}
/** Replaces every value (and every line of a multi-line one) by *** in text that came from elsewhere (an AWS error). */
function redact(text, values) {
    const pieces = [...values].flatMap((v) => [
        v,
        ...v
            .split(/\r?\n/)
            .map((l) => l.trim())
            .filter((l) => l.length >= MIN_MASKED_LINE),
    ]);
    return pieces.sort((a, b) => b.length - a.length).reduce((t, piece) => t.split(piece).join('***'), text);
}
/** The same error, its message and stack cleared of any value, so nothing downstream can print one. */
function redactError(error, values) {
    if (!(error instanceof Error))
        return new Error(redact(String(error), values));
    const list = [...values];
    error.message = redact(error.message, list);
    if (error.stack)
        error.stack = redact(error.stack, list);
    return error;
}

;// CONCATENATED MODULE: ./actions/secrets-sync/src/sync.ts





/** Secrets are handled a few at a time: fast for a handful, gentle on Secrets Manager's request rate for many. */
const CONCURRENCY = 4;
/** The secrets-sync action: values from the environment into Secrets Manager, ARNs into the parameters file. */
async function secretsSync({ reporter, inputs: source, signal }, env = process.env) {
    const inputs = (0,src_inputs/* getInputs */.G)(source);
    const values = readSecretValues(inputs.secrets, env, reporter);
    const { region } = await (0,src.resolveRegion)(inputs.region);
    const { secretsManagerApi } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(994), __webpack_require__.e(434)]).then(__webpack_require__.bind(__webpack_require__, 7434));
    const api = secretsManagerApi({ region, action: 'secrets-sync' }, signal);
    let results;
    try {
        results = await syncSecrets(api, inputs, values, signal);
    }
    catch (error) {
        throw redactError(error, values.values());
    }
    report(reporter, inputs, region, results);
    const failed = results.filter((r) => r.outcome === 'failed');
    if (failed.length > 0) {
        reporter.fail(`secrets-sync could not sync ${failed.map((r) => `${r.secret.fullName} (${r.notes.join('; ')})`).join(', ')}.`);
    }
}
async function syncSecrets(api, inputs, values, signal) {
    // Every secret is looked at before anything is written: a blocked one stops the run with no write at all.
    const states = await mapLimit(inputs.secrets, CONCURRENCY, async (secret) => ({
        secret,
        state: await api.describe(secret.fullName),
    }));
    const deleted = inputs['restore-deleted'] ? [] : states.filter((s) => s.state?.deletedDate !== undefined);
    if (deleted.length > 0) {
        const which = deleted.map(({ secret, state }) => `'${secret.fullName}' is scheduled for deletion${state?.deletedDate ? ` (on ${state.deletedDate.toISOString()})` : ''}`);
        const commands = deleted.map(({ secret }) => `aws secretsmanager restore-secret --secret-id ${secret.fullName}`);
        throw new kit_src/* UserError */.yo(`Secret ${which.join('; secret ')}.`, {
            code: 'secret-scheduled-for-deletion',
            fix: `restore it with \`${commands.join('` and `')}\`, or set \`restore-deleted: true\` to let secrets-sync restore it.`,
        });
    }
    return mapLimit(states, CONCURRENCY, async ({ secret, state }) => {
        try {
            return await syncSecret(api, inputs, secret, state, values.get(secret.name) ?? '');
        }
        catch (error) {
            if (signal.aborted)
                throw error;
            return {
                secret,
                outcome: 'failed',
                arn: state?.arn,
                notes: [redact(failureText(error), values.values())],
            };
        }
    });
}
async function syncSecret(api, inputs, secret, state, value) {
    const dryRun = inputs.mode === 'dry-run';
    const tags = { ...inputs.tags, ...secret.tags };
    const kmsKeyId = secret.kmsKeyId ?? inputs['kms-key-id'];
    if (state === undefined) {
        if (dryRun)
            return { secret, outcome: 'would create', arn: undefined, notes: [] };
        const { arn } = await api.create({
            name: secret.fullName,
            value,
            tags,
            ...(secret.description !== undefined ? { description: secret.description } : {}),
            ...(kmsKeyId !== undefined ? { kmsKeyId } : {}),
        });
        return { secret, outcome: 'created', arn, notes: [] };
    }
    const { arn } = state;
    const notes = [];
    if (state.deletedDate !== undefined) {
        if (dryRun)
            return {
                secret,
                outcome: 'would restore',
                arn,
                notes: ['scheduled for deletion; restore-deleted would restore it'],
            };
        await api.restore(arn);
        notes.push('restored from scheduled deletion');
    }
    const result = await syncValue(api, inputs, secret, state, value, notes);
    await syncMetadata(api, dryRun, secret, state, tags, notes);
    if (kmsKeyId !== undefined && !sameKey(state.kmsKeyId, kmsKeyId)) {
        notes.push(`keeps its KMS key (kms-key-id applies to new secrets; \`aws secretsmanager update-secret --secret-id ${secret.fullName} --kms-key-id ${kmsKeyId}\` changes it)`);
    }
    return result;
}
/** Compares the stored AWSCURRENT value with the new one before writing: an equal value writes nothing. */
async function syncValue(api, inputs, secret, state, value, notes) {
    const { arn } = state;
    const current = state.hasCurrentValue || state.deletedDate !== undefined ? await api.currentValue(arn) : { kind: 'none' };
    if (current.kind === 'string' && current.value === value)
        return { secret, outcome: 'unchanged', arn, notes };
    if (current.kind === 'none') {
        // A secret without a value (created empty) gets one in every mode: there is no value to keep.
        notes.push('had no current value');
        if (inputs.mode === 'dry-run')
            return { secret, outcome: 'would update', arn, notes };
        await api.putValue(arn, value);
        return { secret, outcome: 'updated', arn, notes };
    }
    if (inputs.mode === 'create-only') {
        const warning = `The value in ${secret.fromEnv} differs from the stored value of secret '${secret.fullName}'; create-only keeps the stored value. Set \`mode: upsert\` to update it.`;
        notes.push('stored value differs; create-only keeps it');
        return { secret, outcome: 'unchanged', arn, notes, warning };
    }
    if (inputs.mode === 'dry-run') {
        notes.push('value differs; mode: upsert would update it');
        return { secret, outcome: 'would update', arn, notes };
    }
    await api.putValue(arn, value);
    notes.push('previous value kept as AWSPREVIOUS');
    return { secret, outcome: 'updated', arn, notes };
}
/** Adds or corrects tags (never removes one) and sets the description, only where they differ. */
async function syncMetadata(api, dryRun, secret, state, tags, notes) {
    const changedTags = Object.fromEntries(Object.entries(tags).filter(([k, v]) => state.tags[k] !== v));
    const keys = Object.keys(changedTags);
    if (keys.length > 0) {
        if (!dryRun)
            await api.tag(state.arn, changedTags);
        notes.push(`${dryRun ? 'would tag' : 'tagged'} ${keys.join(', ')}`);
    }
    if (secret.description !== undefined && secret.description !== (state.description ?? '')) {
        if (!dryRun)
            await api.setDescription(state.arn, secret.description);
        notes.push(dryRun ? 'would set the description' : 'description set');
    }
}
/** A key id, alias or ARN given against the ARN DescribeSecret returns: the same key when one ends with the other. */
function sameKey(stored, wanted) {
    if (stored === undefined)
        return false;
    return stored === wanted || stored.endsWith(`/${wanted}`) || stored.endsWith(`:${wanted}`);
}
function failureText(error) {
    const c = (0,src.classifyAwsError)(error);
    const text = (0,src.describeAwsError)(error);
    if (c.kind === 'permission')
        return `${text} — allow the secretsmanager actions of docs/iam/secrets-sync.json for this secret`;
    if (c.kind === 'auth')
        return `${text} — check the AWS credentials (configure-aws-credentials before this step)`;
    return text;
}
function report(reporter, inputs, region, results) {
    const dryRun = inputs.mode === 'dry-run';
    const named = (outcome) => results.filter((r) => r.outcome === outcome).map((r) => r.secret.name);
    for (const r of results) {
        reporter.info(`${r.secret.fullName}: ${r.outcome}${r.notes.length > 0 ? ` (${r.notes.join('; ')})` : ''}${r.arn ? ` — ${r.arn}` : ''}`);
        if (r.warning)
            reporter.annotate({ level: 'warning', title: 'secrets-sync', message: r.warning });
    }
    const arns = Object.fromEntries(results.filter((r) => r.arn).map((r) => [r.secret.name, r.arn]));
    reporter.setOutput('secret-arns', arns);
    reporter.setOutput('created', named('created').join(','));
    reporter.setOutput('updated', named('updated').join(','));
    reporter.setOutput('unchanged', named('unchanged').join(','));
    const parametersLine = updateParametersFile(reporter, inputs, results, dryRun);
    const counts = ['created', 'updated', 'unchanged', 'would create', 'would update', 'would restore', 'failed']
        .map((o) => [o, results.filter((r) => r.outcome === o).length])
        .filter(([, n]) => n > 0)
        .map(([o, n]) => `${n} ${o}`);
    const rows = results.map((r) => [r.secret.fullName, [r.outcome, ...r.notes].join(' — '), r.arn ?? '—']);
    reporter.summary([
        `### hoist secrets-sync${dryRun ? ' (dry run: nothing was changed)' : ''}`,
        `Mode \`${inputs.mode}\` in ${region}: ${counts.join(', ') || 'no secrets'}.`,
        (0,kit_src/* markdownTable */.Qj)(['Secret', 'Action', 'ARN'], rows),
        ...(parametersLine ? [parametersLine] : []),
    ].join('\n\n') + '\n');
}
/** Writes the ARNs into the parameters file, in its own format, only where they differ from what it holds. */
function updateParametersFile(reporter, inputs, results, dryRun) {
    const target = inputs['parameters-file'];
    if (target === undefined)
        return undefined;
    reporter.setOutput('parameters-file', target.given);
    const updates = {};
    for (const r of results) {
        if (r.arn && r.secret.parameter && target.file.values[r.secret.parameter] !== r.arn)
            updates[r.secret.parameter] = r.arn;
    }
    const keys = Object.keys(updates);
    const waiting = results.filter((r) => r.secret.parameter && !r.arn).map((r) => r.secret.parameter);
    let line;
    if (keys.length === 0)
        line = `\`${target.given}\` already holds the ARNs${waiting.length > 0 ? ` it can (${waiting.join(', ')} wait for their secrets)` : ''}.`;
    else if (dryRun)
        line = `Would write ${keys.join(', ')} into \`${target.given}\`.`;
    else {
        (0,parameters_file/* writeParameterValues */.bh)(target.file.path ?? target.given, updates);
        line = `Wrote ${keys.join(', ')} into \`${target.given}\` (${target.file.format} format).`;
    }
    reporter.info(line.replace(/`/g, ''));
    return line;
}
/** `fn` over `items`, at most `limit` at a time, results in the items' order. */
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await fn(items[index]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}


/***/ })

};
