import { UserError, type Reporter } from '@hoist/kit';
import type { SecretEntry } from './inputs.js';

/** Lines of a multi-line value shorter than this are not masked on their own: they hold nothing secret ("}"). */
const MIN_MASKED_LINE = 4;

/**
 * Reads every secret's value from the environment and masks it at once — all of them before any check that could
 * fail on one — then checks them: a missing or empty variable, or a value that misses its pattern, fails the run
 * naming the secret, the variable and the pattern, never the value.
 */
export function readSecretValues(
  secrets: readonly SecretEntry[],
  env: NodeJS.ProcessEnv,
  reporter: Reporter,
): Map<string, string> {
  const values = new Map<string, string>();
  for (const secret of secrets) {
    const value = env[secret.fromEnv];
    if (value === undefined || value === '') continue;
    // A blank value fails below; masking white space would blank out the log instead.
    if (value.trim() !== '') mask(value, reporter);
    values.set(secret.name, value);
  }
  const problems: string[] = [];
  const missing = secrets.filter((s) => !values.has(s.name));
  for (const s of missing) {
    problems.push(
      `environment variable ${s.fromEnv} (for secret '${s.name}') is ${s.fromEnv in env ? 'empty' : 'not set'}`,
    );
  }
  for (const s of secrets) {
    const value = values.get(s.name);
    if (value === undefined) continue;
    if (value.trim() === '')
      problems.push(`environment variable ${s.fromEnv} (for secret '${s.name}') holds only white space`);
    else if (s.pattern && !s.pattern.test(value)) {
      problems.push(
        `the value of secret '${s.name}' (from ${s.fromEnv}) does not match its pattern /${s.pattern.source}/`,
      );
    }
  }
  if (problems.length > 0) {
    const fix =
      missing.length > 0
        ? "set each variable in the step's `env:` from a GitHub secret (`OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}`) and check that the secret exists in this repository or environment."
        : 'check the GitHub secret that fills each variable (a value copied whole, no quotes), or the pattern.';
    throw new UserError(`secrets-sync: ${problems.join('; ')}.`, { code: 'bad-secret-value', fix });
  }
  return values;
}

function mask(value: string, reporter: Reporter): void {
  reporter.setSecret(value);
  // A runner masks a log line by line: each line of a multi-line value (a PEM key) must be registered on its own.
  if (!/[\r\n]/.test(value)) return;
  for (const line of value.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed.length >= MIN_MASKED_LINE) reporter.setSecret(trimmed);
  }
}

/** Replaces every value (and every line of a multi-line one) by *** in text that came from elsewhere (an AWS error). */
export function redact(text: string, values: Iterable<string>): string {
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
export function redactError(error: unknown, values: Iterable<string>): unknown {
  if (!(error instanceof Error)) return new Error(redact(String(error), values));
  const list = [...values];
  error.message = redact(error.message, list);
  if (error.stack) error.stack = redact(error.stack, list);
  return error;
}
