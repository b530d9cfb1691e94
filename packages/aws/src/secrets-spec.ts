import { InputError, parseMapping, quote, UserError } from '@hoist/kit';

/**
 * One entry of the `secrets` mapping that secrets-sync takes and preflight's secrets check reads:
 *
 *   secrets: |
 *     ray-pipeline-openai: OPENAI_API_KEY            # name → the environment variable holding the value
 *     ray-pipeline-pinecone:
 *       from-env: PINECONE_API_KEY
 *       description: Pinecone key of the Ray pipeline
 *       pattern: '^pcsk_'                           # the value must match (searched, not anchored)
 *       kms-key-id: alias/app-secrets
 *       tags: { team: search }
 *       parameter: PineconeSecretArn                # the template parameter that receives the ARN
 */
export interface SecretSpec {
  /** The name as written in the mapping, without any name-prefix. */
  name: string;
  /** The environment variable that holds the value. */
  fromEnv: string;
  description?: string;
  kmsKeyId?: string;
  pattern?: RegExp;
  /** Per-secret tags (merged over the action-wide `tags` by the caller). */
  tags: Record<string, string>;
  parameter?: string;
}

/** Secrets Manager's own rule for names: ASCII letters, digits and /_+=.@- (at most 512 characters). */
export const SECRET_NAME_SHAPE = /^[A-Za-z0-9/_+=.@-]+$/;
export const SECRET_NAME_MAX = 512;
const ENV_NAME_SHAPE = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** CloudFormation parameter names are alphanumeric. */
const PARAMETER_SHAPE = /^[A-Za-z0-9]+$/;
const ENTRY_KEYS = ['from-env', 'description', 'kms-key-id', 'pattern', 'tags', 'parameter'] as const;
const SHAPE_HELP =
  'write each entry as `secret-name: ENV_VAR` or `secret-name: { from-env: ENV_VAR, description, kms-key-id, pattern, tags, parameter }`.';

/** Parses the `secrets` mapping (YAML or JSON). Nothing here reads a value: only the names of their variables. */
export function parseSecretsSpec(value: string, input = 'secrets'): SecretSpec[] {
  const mapping = parseMapping(input, value);
  const entries = Object.entries(mapping);
  if (entries.length === 0) throw new InputError(input, value, 'at least one secret', SHAPE_HELP);
  const specs = entries.map(([name, entry]) => parseEntry(input, name, entry));
  const byParameter = new Map<string, string>();
  for (const spec of specs) {
    if (spec.parameter === undefined) continue;
    const other = byParameter.get(spec.parameter);
    if (other !== undefined) {
      throw entryError(
        input,
        spec.name,
        `sets parameter '${spec.parameter}', which '${other}' sets too`,
        'give each secret its own parameter.',
      );
    }
    byParameter.set(spec.parameter, spec.name);
  }
  return specs;
}

/**
 * The secret names of a `secrets` input that is either the mapping above or a plain list of names (YAML list, or
 * names separated by commas or new lines): what a check that only looks secrets up needs.
 */
export function parseSecretNames(value: string, input = 'secrets'): { name: string; parameter?: string }[] {
  const text = value.trim();
  if (text === '') return [];
  const items = /^\[|^-\s/.test(text) ? listItems(input, text) : /[:{]/.test(text) ? undefined : text.split(/[\n,]/);
  if (items === undefined)
    return parseSecretsSpec(text, input).map((s) => ({
      name: s.name,
      ...(s.parameter ? { parameter: s.parameter } : {}),
    }));
  const names = items.map((n) => n.trim()).filter((n) => n !== '');
  for (const name of names) checkSecretName(input, name);
  return names.map((name) => ({ name }));
}

function listItems(input: string, text: string): string[] {
  let parsed: unknown;
  try {
    parsed = parseMapping(input, `names: ${text.startsWith('[') ? text : `\n${text.replace(/^/gm, '  ')}`}`)['names'];
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed) || parsed.some((n) => typeof n !== 'string')) {
    throw new InputError(
      input,
      text,
      'a list of secret names, or a mapping of secret name to environment variable',
      SHAPE_HELP,
    );
  }
  return parsed as string[];
}

/** The name the secret has in AWS: `name-prefix` + name, checked against Secrets Manager's rules. */
export function fullSecretName(prefix: string, name: string, input = 'name-prefix'): string {
  const full = `${prefix}${name}`;
  if (full.length > SECRET_NAME_MAX) {
    throw new InputError(input, prefix, `a prefix that keeps '${name}' within ${SECRET_NAME_MAX} characters`);
  }
  return full;
}

/** `name-prefix`: the characters a secret name may hold (e.g. `prod/`). */
export function checkNamePrefix(prefix: string, input = 'name-prefix'): string {
  if (prefix !== '' && !SECRET_NAME_SHAPE.test(prefix)) {
    throw new InputError(
      input,
      prefix,
      'ASCII letters, digits and /_+=.@- only (Secrets Manager names allow nothing else), e.g. prod/',
    );
  }
  return prefix;
}

/** A mapping of tag key → value (YAML or JSON); numbers and booleans are taken as their text. */
export function parseTags(value: unknown, describe: (problem: string) => UserError): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value))
    throw describe('tags must be a mapping such as `{ team: search, env: prod }`');
  const tags: Record<string, string> = {};
  for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
    if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') {
      throw describe(`tag '${key}' must have a text value`);
    }
    const text = String(raw);
    if (key.length < 1 || key.length > 128) throw describe(`tag key '${key}' must be 1 to 128 characters`);
    if (text.length > 256) throw describe(`the value of tag '${key}' must be at most 256 characters`);
    if (/^aws:/i.test(key)) throw describe(`tag key '${key}' uses the reserved prefix aws:`);
    tags[key] = text;
  }
  return tags;
}

/** The action-wide `tags` input. */
export function parseTagsInput(value: string, input = 'tags'): Record<string, string> {
  if (value.trim() === '') return {};
  const mapping = parseMapping(input, value);
  return parseTags(mapping, (problem) => new InputError(input, value, `a mapping of tag key to value (${problem})`));
}

function parseEntry(input: string, name: string, entry: unknown): SecretSpec {
  checkSecretName(input, name);
  if (typeof entry === 'string') return { name, fromEnv: envName(input, name, entry), tags: {} };
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
    throw entryError(input, name, 'is neither an environment variable name nor a mapping', SHAPE_HELP);
  }
  const fields = entry as Record<string, unknown>;
  const unknown = Object.keys(fields).filter((k) => !(ENTRY_KEYS as readonly string[]).includes(k));
  if (unknown.length > 0) {
    throw entryError(
      input,
      name,
      `has unknown key${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `'${k}'`).join(', ')}`,
      `use only ${ENTRY_KEYS.join(', ')}.`,
    );
  }
  const text = (key: (typeof ENTRY_KEYS)[number]): string | undefined => {
    const v = fields[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string' || v.trim() === '')
      throw entryError(input, name, `has a '${key}' that is not a non-empty string`, SHAPE_HELP);
    return v.trim();
  };
  const fromEnv = text('from-env');
  if (fromEnv === undefined)
    throw entryError(
      input,
      name,
      "has no 'from-env'",
      'name the environment variable that holds the value: `from-env: MY_API_KEY`.',
    );
  const spec: SecretSpec = { name, fromEnv: envName(input, name, fromEnv), tags: {} };
  const description = text('description');
  if (description !== undefined) {
    if (description.length > 2048) throw entryError(input, name, 'has a description longer than 2048 characters');
    spec.description = description;
  }
  const kmsKeyId = text('kms-key-id');
  if (kmsKeyId !== undefined) spec.kmsKeyId = kmsKeyId;
  const pattern = text('pattern');
  if (pattern !== undefined) spec.pattern = compilePattern(input, name, pattern);
  spec.tags = parseTags(fields['tags'], (problem) => entryError(input, name, `has bad tags: ${problem}`));
  const parameter = text('parameter');
  if (parameter !== undefined) {
    if (!PARAMETER_SHAPE.test(parameter)) {
      throw entryError(
        input,
        name,
        `has parameter ${quote(parameter)}, which is not a CloudFormation parameter name`,
        'use the letters and digits of the template parameter, e.g. OpenAISecretArn.',
      );
    }
    spec.parameter = parameter;
  }
  return spec;
}

function checkSecretName(input: string, name: string): void {
  if (!SECRET_NAME_SHAPE.test(name) || name.length > SECRET_NAME_MAX) {
    throw new InputError(
      input,
      name,
      `secret names of 1 to ${SECRET_NAME_MAX} ASCII letters, digits and /_+=.@- (Secrets Manager's rule)`,
      `rename the secret '${name.replace(/[^A-Za-z0-9/_+=.@-]/g, '-')}' or similar.`,
    );
  }
}

/**
 * What should be a variable name is never echoed when it is not one: it may be a secret value written where its
 * variable's name belongs (`key: ${{ secrets.KEY }}`).
 */
function envName(input: string, name: string, value: string): string {
  if (ENV_NAME_SHAPE.test(value)) return value;
  throw entryError(
    input,
    name,
    'does not name an environment variable (letters, digits and _, not starting with a digit; what was given is not shown, in case it is a value)',
    `set the value in the step's env (\`env: { OPENAI_API_KEY: \${{ secrets.OPENAI_API_KEY }} }\`) and write its name here: \`${name}: OPENAI_API_KEY\`.`,
  );
}

function compilePattern(input: string, name: string, pattern: string): RegExp {
  try {
    return new RegExp(pattern);
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error);
    throw entryError(input, name, `has pattern ${quote(pattern)}, which is not a valid regular expression (${reason})`);
  }
}

/** Names the one entry that is wrong rather than quoting the whole mapping (as InputError would). */
function entryError(input: string, name: string, problem: string, fix?: string): UserError {
  return new UserError(`Input '${input}': secret '${name}' ${problem}.`, {
    code: 'bad-input',
    ...(fix ? { fix } : {}),
  });
}
