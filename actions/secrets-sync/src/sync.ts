import { classifyAwsError, describeAwsError, resolveRegion } from '@hoist/aws';
import { writeParameterValues } from '@hoist/cfn/parameters-file';
import { markdownTable, UserError, type ActionContext, type Reporter } from '@hoist/kit';
import { getInputs, type Inputs, type SecretEntry } from './inputs.js';
import type { CurrentValue, SecretsApi, SecretState } from './secrets-manager.js';
import { readSecretValues, redact, redactError } from './values.js';

export type Outcome =
  'created' | 'updated' | 'unchanged' | 'would create' | 'would update' | 'would restore' | 'failed';

export interface SecretResult {
  secret: SecretEntry;
  outcome: Outcome;
  arn: string | undefined;
  /** Shown beside the outcome: what else was done or noticed. Never a value. */
  notes: string[];
  /** Worth an annotation (a value that create-only kept although it differs). */
  warning?: string;
}

/** Secrets are handled a few at a time: fast for a handful, gentle on Secrets Manager's request rate for many. */
const CONCURRENCY = 4;

/** The secrets-sync action: values from the environment into Secrets Manager, ARNs into the parameters file. */
export async function secretsSync(
  { reporter, inputs: source, signal }: ActionContext,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const inputs = getInputs(source);
  const values = readSecretValues(inputs.secrets, env, reporter);
  const { region } = await resolveRegion(inputs.region);
  const { secretsManagerApi } = await import('./secrets-manager.js');
  const api = secretsManagerApi({ region, action: 'secrets-sync' }, signal);
  let results: SecretResult[];
  try {
    results = await syncSecrets(api, inputs, values, signal);
  } catch (error) {
    throw redactError(error, values.values());
  }
  report(reporter, inputs, region, results);
  const failed = results.filter((r) => r.outcome === 'failed');
  if (failed.length > 0) {
    reporter.fail(
      `secrets-sync could not sync ${failed.map((r) => `${r.secret.fullName} (${r.notes.join('; ')})`).join(', ')}.`,
    );
  }
}

export async function syncSecrets(
  api: SecretsApi,
  inputs: Inputs,
  values: ReadonlyMap<string, string>,
  signal: AbortSignal,
): Promise<SecretResult[]> {
  // Every secret is looked at before anything is written: a blocked one stops the run with no write at all.
  const states = await mapLimit(inputs.secrets, CONCURRENCY, async (secret) => ({
    secret,
    state: await api.describe(secret.fullName),
  }));
  const deleted = inputs['restore-deleted'] ? [] : states.filter((s) => s.state?.deletedDate !== undefined);
  if (deleted.length > 0) {
    const which = deleted.map(
      ({ secret, state }) =>
        `'${secret.fullName}' is scheduled for deletion${state?.deletedDate ? ` (on ${state.deletedDate.toISOString()})` : ''}`,
    );
    const commands = deleted.map(({ secret }) => `aws secretsmanager restore-secret --secret-id ${secret.fullName}`);
    throw new UserError(`Secret ${which.join('; secret ')}.`, {
      code: 'secret-scheduled-for-deletion',
      fix: `restore it with \`${commands.join('` and `')}\`, or set \`restore-deleted: true\` to let secrets-sync restore it.`,
    });
  }
  return mapLimit(states, CONCURRENCY, async ({ secret, state }) => {
    try {
      return await syncSecret(api, inputs, secret, state, values.get(secret.name) ?? '');
    } catch (error) {
      if (signal.aborted) throw error;
      return {
        secret,
        outcome: 'failed' as const,
        arn: state?.arn,
        notes: [redact(failureText(error), values.values())],
      };
    }
  });
}

async function syncSecret(
  api: SecretsApi,
  inputs: Inputs,
  secret: SecretEntry,
  state: SecretState | undefined,
  value: string,
): Promise<SecretResult> {
  const dryRun = inputs.mode === 'dry-run';
  const tags = { ...inputs.tags, ...secret.tags };
  const kmsKeyId = secret.kmsKeyId ?? inputs['kms-key-id'];
  if (state === undefined) {
    if (dryRun) return { secret, outcome: 'would create', arn: undefined, notes: [] };
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
  const notes: string[] = [];
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
    notes.push(
      `keeps its KMS key (kms-key-id applies to new secrets; \`aws secretsmanager update-secret --secret-id ${secret.fullName} --kms-key-id ${kmsKeyId}\` changes it)`,
    );
  }
  return result;
}

/** Compares the stored AWSCURRENT value with the new one before writing: an equal value writes nothing. */
async function syncValue(
  api: SecretsApi,
  inputs: Inputs,
  secret: SecretEntry,
  state: SecretState,
  value: string,
  notes: string[],
): Promise<SecretResult> {
  const { arn } = state;
  const current: CurrentValue =
    state.hasCurrentValue || state.deletedDate !== undefined ? await api.currentValue(arn) : { kind: 'none' };
  if (current.kind === 'string' && current.value === value) return { secret, outcome: 'unchanged', arn, notes };
  if (current.kind === 'none') {
    // A secret without a value (created empty) gets one in every mode: there is no value to keep.
    notes.push('had no current value');
    if (inputs.mode === 'dry-run') return { secret, outcome: 'would update', arn, notes };
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
async function syncMetadata(
  api: SecretsApi,
  dryRun: boolean,
  secret: SecretEntry,
  state: SecretState,
  tags: Record<string, string>,
  notes: string[],
): Promise<void> {
  const changedTags = Object.fromEntries(Object.entries(tags).filter(([k, v]) => state.tags[k] !== v));
  const keys = Object.keys(changedTags);
  if (keys.length > 0) {
    if (!dryRun) await api.tag(state.arn, changedTags);
    notes.push(`${dryRun ? 'would tag' : 'tagged'} ${keys.join(', ')}`);
  }
  if (secret.description !== undefined && secret.description !== (state.description ?? '')) {
    if (!dryRun) await api.setDescription(state.arn, secret.description);
    notes.push(dryRun ? 'would set the description' : 'description set');
  }
}

/** A key id, alias or ARN given against the ARN DescribeSecret returns: the same key when one ends with the other. */
function sameKey(stored: string | undefined, wanted: string): boolean {
  if (stored === undefined) return false;
  return stored === wanted || stored.endsWith(`/${wanted}`) || stored.endsWith(`:${wanted}`);
}

function failureText(error: unknown): string {
  const c = classifyAwsError(error);
  const text = describeAwsError(error);
  if (c.kind === 'permission')
    return `${text} — allow the secretsmanager actions of docs/iam/secrets-sync.json for this secret`;
  if (c.kind === 'auth') return `${text} — check the AWS credentials (configure-aws-credentials before this step)`;
  return text;
}

function report(reporter: Reporter, inputs: Inputs, region: string, results: readonly SecretResult[]): void {
  const dryRun = inputs.mode === 'dry-run';
  const named = (outcome: Outcome) => results.filter((r) => r.outcome === outcome).map((r) => r.secret.name);
  for (const r of results) {
    reporter.info(
      `${r.secret.fullName}: ${r.outcome}${r.notes.length > 0 ? ` (${r.notes.join('; ')})` : ''}${r.arn ? ` — ${r.arn}` : ''}`,
    );
    if (r.warning) reporter.annotate({ level: 'warning', title: 'secrets-sync', message: r.warning });
  }
  const arns = Object.fromEntries(results.filter((r) => r.arn).map((r) => [r.secret.name, r.arn]));
  reporter.setOutput('secret-arns', arns);
  reporter.setOutput('created', named('created').join(','));
  reporter.setOutput('updated', named('updated').join(','));
  reporter.setOutput('unchanged', named('unchanged').join(','));
  const parametersLine = updateParametersFile(reporter, inputs, results, dryRun);

  const counts = (
    ['created', 'updated', 'unchanged', 'would create', 'would update', 'would restore', 'failed'] as const
  )
    .map((o) => [o, results.filter((r) => r.outcome === o).length] as const)
    .filter(([, n]) => n > 0)
    .map(([o, n]) => `${n} ${o}`);
  const rows = results.map((r) => [r.secret.fullName, [r.outcome, ...r.notes].join(' — '), r.arn ?? '—']);
  reporter.summary(
    [
      `### hoist secrets-sync${dryRun ? ' (dry run: nothing was changed)' : ''}`,
      `Mode \`${inputs.mode}\` in ${region}: ${counts.join(', ') || 'no secrets'}.`,
      markdownTable(['Secret', 'Action', 'ARN'], rows),
      ...(parametersLine ? [parametersLine] : []),
    ].join('\n\n') + '\n',
  );
}

/** Writes the ARNs into the parameters file, in its own format, only where they differ from what it holds. */
function updateParametersFile(
  reporter: Reporter,
  inputs: Inputs,
  results: readonly SecretResult[],
  dryRun: boolean,
): string | undefined {
  const target = inputs['parameters-file'];
  if (target === undefined) return undefined;
  reporter.setOutput('parameters-file', target.given);
  const updates: Record<string, string> = {};
  for (const r of results) {
    if (r.arn && r.secret.parameter && target.file.values[r.secret.parameter] !== r.arn)
      updates[r.secret.parameter] = r.arn;
  }
  const keys = Object.keys(updates);
  const waiting = results.filter((r) => r.secret.parameter && !r.arn).map((r) => r.secret.parameter);
  let line: string;
  if (keys.length === 0)
    line = `\`${target.given}\` already holds the ARNs${waiting.length > 0 ? ` it can (${waiting.join(', ')} wait for their secrets)` : ''}.`;
  else if (dryRun) line = `Would write ${keys.join(', ')} into \`${target.given}\`.`;
  else {
    writeParameterValues(target.file.path ?? target.given, updates);
    line = `Wrote ${keys.join(', ')} into \`${target.given}\` (${target.file.format} format).`;
  }
  reporter.info(line.replace(/`/g, ''));
  return line;
}

/** `fn` over `items`, at most `limit` at a time, results in the items' order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
