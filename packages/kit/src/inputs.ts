import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { InputError } from './errors.js';

/** Where inputs come from: the runner's INPUT_* variables, the same ones the CLI sets from its flags. */
export type InputSource = (name: string) => string | undefined;

export const envInputs: InputSource = (name) => process.env[inputVariable(name)];

/** The environment variable the runner sets for an input (as @actions/core reads it). */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

interface Common {
  source?: InputSource;
  /** A secret input's value is never repeated in an error. */
  secret?: boolean;
}

function raw(name: string, options: Common): string {
  return ((options.source ?? envInputs)(name) ?? '').trim();
}

function shown(value: string, options: Common): string {
  return options.secret ? '***' : value;
}

export function getString(name: string, options: Common & { required: true }): string;
export function getString(
  name: string,
  options?: Common & { required?: boolean; default?: string },
): string | undefined;
export function getString(
  name: string,
  options: Common & { required?: boolean; default?: string } = {},
): string | undefined {
  const value = raw(name, options);
  if (value !== '') return value;
  if (options.required)
    throw new InputError(
      name,
      undefined,
      'a value (this input is required)',
      `add \`${name}:\` under the step's \`with:\`.`,
    );
  return options.default;
}

/** Comma- or newline-separated items, trimmed, empty items dropped. */
export function getList(name: string, options: Common & { required?: boolean } = {}): string[] {
  const value = raw(name, options);
  const items = value
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length === 0 && options.required) {
    throw new InputError(name, value, 'one or more items, separated by commas or new lines');
  }
  return items;
}

const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];

export function getBoolean(name: string, options: Common & { default: boolean }): boolean {
  const value = raw(name, options);
  if (value === '') return options.default;
  if (TRUE.includes(value)) return true;
  if (FALSE.includes(value)) return false;
  throw new InputError(name, shown(value, options), '`true` or `false` (also True/TRUE/False/FALSE)');
}

export function getInteger(
  name: string,
  options: Common & { default?: number; min?: number; max?: number; required?: boolean } = {},
): number | undefined {
  const value = raw(name, options);
  if (value === '') {
    if (options.required) throw new InputError(name, undefined, 'an integer (this input is required)');
    return options.default;
  }
  const range = describeRange(options.min, options.max);
  if (!/^[+-]?\d+$/.test(value)) throw new InputError(name, shown(value, options), `an integer${range}`);
  const n = Number(value);
  if ((options.min !== undefined && n < options.min) || (options.max !== undefined && n > options.max)) {
    throw new InputError(name, shown(value, options), `an integer${range}`);
  }
  return n;
}

function describeRange(min?: number, max?: number): string {
  if (min !== undefined && max !== undefined) return ` from ${min} to ${max}`;
  if (min !== undefined) return ` of at least ${min}`;
  if (max !== undefined) return ` of at most ${max}`;
  return '';
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * A duration in milliseconds: `90s`, `15m`, `1h30m`, `500ms`; a bare number is in `unit` (the input's own unit,
 * e.g. minutes for `timeout-minutes`). Zero and negative durations are refused.
 */
export function getDuration(
  name: string,
  options: Common & { default?: number; unit?: 'ms' | 's' | 'm' | 'h'; max?: number } = {},
): number | undefined {
  const value = raw(name, options);
  if (value === '') return options.default;
  const unit = options.unit ?? 's';
  const expected = `a positive duration such as 30s, 15m, 1h30m or a number of ${unitName(unit)}`;
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(value)) {
    ms = Number(value) * (UNIT_MS[unit] ?? 1000);
  } else {
    const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
    if (parts.length === 0 || parts.map((p) => p[0]).join('') !== value) {
      throw new InputError(name, shown(value, options), expected);
    }
    ms = parts.reduce((sum, p) => sum + Number(p[1]) * (UNIT_MS[p[2] ?? 's'] ?? 1000), 0);
  }
  if (!(ms > 0)) throw new InputError(name, shown(value, options), expected);
  if (options.max !== undefined && ms > options.max) {
    throw new InputError(
      name,
      shown(value, options),
      `${expected}, at most ${options.max / (UNIT_MS[unit] ?? 1)} ${unitName(unit)}`,
    );
  }
  return Math.round(ms);
}

function unitName(unit: string): string {
  return { ms: 'milliseconds', s: 'seconds', m: 'minutes', h: 'hours' }[unit] ?? unit;
}

export function getEnum<T extends string>(name: string, allowed: readonly T[], options: Common & { default: T }): T;
export function getEnum<T extends string>(
  name: string,
  allowed: readonly T[],
  options?: Common & { default?: T },
): T | undefined;
export function getEnum<T extends string>(
  name: string,
  allowed: readonly T[],
  options: Common & { default?: T } = {},
): T | undefined {
  const value = raw(name, options);
  if (value === '') return options.default;
  const match = allowed.find((a) => a === value) ?? allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  if (match === undefined) throw new InputError(name, shown(value, options), `one of ${allowed.join(', ')}`);
  return match;
}

/** Every item of a list input must be one of `allowed`. */
export function getEnumList<T extends string>(name: string, allowed: readonly T[], options: Common = {}): T[] {
  return getList(name, options).map((item) => {
    const match = allowed.find((a) => a === item);
    if (match === undefined) {
      throw new InputError(name, item, `each item to be one of ${allowed.join(', ')}`, `remove or correct '${item}'.`);
    }
    return match;
  });
}

/**
 * A path that must exist, resolved against GITHUB_WORKSPACE (the runner's checkout) or the working directory.
 */
export function getPath(
  name: string,
  options: Common & { required?: boolean; kind?: 'file' | 'directory'; mustExist?: boolean } = {},
): string | undefined {
  const value = raw(name, options);
  if (value === '') {
    if (options.required) throw new InputError(name, undefined, 'a path (this input is required)');
    return undefined;
  }
  const resolved = resolvePath(value);
  if (options.mustExist === false) return resolved;
  if (!existsSync(resolved)) {
    throw new InputError(
      name,
      value,
      `an existing ${options.kind ?? 'path'}`,
      `check the path; it is resolved against ${workspace()}.`,
    );
  }
  const stat = statSync(resolved);
  if (options.kind === 'file' && !stat.isFile()) throw new InputError(name, value, 'a file, not a directory');
  if (options.kind === 'directory' && !stat.isDirectory()) throw new InputError(name, value, 'a directory');
  return resolved;
}

export function workspace(): string {
  return process.env['GITHUB_WORKSPACE'] || process.cwd();
}

export function resolvePath(value: string): string {
  return path.resolve(workspace(), value);
}

/** A JSON or YAML mapping (JSON is YAML; duplicate keys and non-mappings are refused). */
export function getMapping(
  name: string,
  options: Common & { required?: boolean } = {},
): Record<string, unknown> | undefined {
  const value = raw(name, options);
  if (value === '') {
    if (options.required) throw new InputError(name, undefined, 'a YAML or JSON mapping (this input is required)');
    return undefined;
  }
  return parseMapping(name, value, options);
}

export function parseMapping(name: string, value: string, options: Common = {}): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = parseYaml(value, { uniqueKeys: true, maxAliasCount: 100 });
  } catch (error) {
    const first = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    const reason = first.replace(/:$/, '').replace(/^Map keys must be unique/, 'duplicate key');
    throw new InputError(name, shown(value, options), `a YAML or JSON mapping (${reason})`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new InputError(
      name,
      shown(value, options),
      'a YAML or JSON mapping such as `key: value` or {"key": "value"}',
    );
  }
  return parsed as Record<string, unknown>;
}
