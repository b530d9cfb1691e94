import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isMap as isYamlMap, isScalar as isYamlScalar, isSeq as isYamlSeq, parseDocument, type Document } from 'yaml';
import { InputError, UserError } from '@hoist/kit';
import { text as scalarText, type MapNode, type Node, type Position } from './nodes.js';
import { parseText } from './parse.js';

/**
 * The three parameter-file formats users have:
 * - `codepipeline`: `{"Parameters": {"Key": "Value"}, "Tags": {…}}` (CodePipeline template configuration);
 * - `awscli`: `[{"ParameterKey": "Key", "ParameterValue": "Value", "UsePreviousValue": false}]`;
 * - `key-value`: `["Key=Value"]`.
 */
export type ParametersFileFormat = 'codepipeline' | 'awscli' | 'key-value';

export interface ParameterEntry {
  key: string;
  /** Undefined when the entry says UsePreviousValue: true (or gives no value). */
  value: string | undefined;
  usePreviousValue: boolean;
  /** Where the key is written (the line an annotation points at). */
  pos: Position;
  /** Where the value is written (the key's position when there is none). */
  valuePos: Position;
}

export interface ParametersFile {
  path: string | undefined;
  format: ParametersFileFormat;
  syntax: 'json' | 'yaml';
  entries: ParameterEntry[];
  /** Key → value, for entries that have one. */
  values: Record<string, string>;
  /** Keys whose entry asks for the stack's previous value. */
  usePrevious: string[];
  /** The CodePipeline format's `Tags` (empty for the other formats). */
  tags: Record<string, string>;
  text: string;
}

/** A parameters file that cannot be read: names the file, the line and what was expected. */
export class ParametersFileError extends UserError {
  override readonly name = 'ParametersFileError';
  readonly file: string | undefined;
  readonly pos: Position | undefined;

  constructor(file: string | undefined, pos: Position | undefined, message: string) {
    const where = [file ?? 'parameters', pos?.line, pos?.column].filter((x) => x !== undefined).join(':');
    super(`${where}: ${message}`, { fix: FORMATS_HELP, code: 'bad-parameters-file' });
    this.file = file;
    this.pos = pos;
  }
}

const FORMATS_HELP =
  'write the parameters as {"Parameters": {"Key": "Value"}}, as [{"ParameterKey": "Key", "ParameterValue": "Value"}], or as ["Key=Value"] (JSON or YAML).';

/** Reads a parameters file in any of the three formats, JSON or YAML. Duplicate keys are refused with their line. */
export function readParametersFile(path: string): ParametersFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ParametersFileError(
      path,
      undefined,
      `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  return parseParametersFile(text, { path });
}

export function parseParametersFile(text: string, options: { path?: string } = {}): ParametersFile {
  const file = options.path;
  const parsed = parseText(text);
  const problem = parsed.problems[0];
  if (problem) throw new ParametersFileError(file, problem.pos, problem.message);
  const root = parsed.root;
  const fail = (node: Node | undefined, message: string): never => {
    throw new ParametersFileError(file, node?.pos, message);
  };
  const base = { path: file, syntax: parsed.format, text };
  if (root?.kind === 'map') {
    const parameters = root.byKey.get('Parameters');
    if (!parameters) return fail(root, 'a mapping without a "Parameters" key');
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
        if (!key || !keyText) return fail(item, 'an item without a "ParameterKey"');
        const value = item.byKey.get('ParameterValue');
        const previous = item.byKey.get('UsePreviousValue');
        const usePreviousValue = previous !== undefined && scalarText(previous.value) === 'true';
        return {
          key: keyText,
          value:
            value && !usePreviousValue ? valueText(value.value, fail, `the ParameterValue of ${keyText}`) : undefined,
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
      if (line === undefined || at <= 0) return fail(item, 'every item of the list must be a "Key=Value" string');
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

function valueText(node: Node, fail: (node: Node, message: string) => never, what: string): string {
  if (node.kind === 'scalar') return scalarText(node) ?? '';
  // A YAML list for a CommaDelimitedList parameter is what the user means; CloudFormation wants the joined string.
  if (node.kind === 'seq' && node.items.every((i) => i.kind === 'scalar'))
    return node.items.map((i) => scalarText(i) ?? '').join(',');
  return fail(node, `${what} must be a string`);
}

function tagsOf(root: MapNode, fail: (node: Node, message: string) => never): Record<string, string> {
  const tags = root.byKey.get('Tags')?.value;
  if (!tags) return {};
  if (tags.kind !== 'map') return fail(tags, '"Tags" must be a mapping of tag key to value');
  return Object.fromEntries(tags.entries.map((e) => [e.key, valueText(e.value, fail, `the tag ${e.key}`)]));
}

function finish(
  file: Omit<ParametersFile, 'values' | 'usePrevious'>,
  fail: (node: Node | undefined, message: string) => never,
): ParametersFile {
  const seen = new Map<string, Position>();
  const values: Record<string, string> = {};
  const usePrevious: string[] = [];
  for (const e of file.entries) {
    const first = seen.get(e.key);
    if (first)
      fail(
        { kind: 'scalar', value: e.key, pos: e.pos },
        `parameter '${e.key}' is given twice (first at line ${first.line})`,
      );
    seen.set(e.key, e.pos);
    if (e.usePreviousValue) usePrevious.push(e.key);
    else if (e.value !== undefined) values[e.key] = e.value;
  }
  return { ...file, values, usePrevious };
}

/**
 * Sets (or adds) parameter values and returns the file's new text, in the format and syntax it was read in;
 * every other entry, the Tags, and (in YAML) comments are kept. An entry that said UsePreviousValue gets the value.
 */
export function setParameterValues(file: ParametersFile, updates: Readonly<Record<string, string>>): string {
  if (file.syntax === 'yaml') return setInYaml(file, updates);
  const plain = JSON.parse(file.text.replace(/^\uFEFF/, '')) as unknown;
  const updated = applyUpdates(plain, file.format, updates);
  return JSON.stringify(updated, null, detectIndent(file.text)) + (file.text.endsWith('\n') ? '\n' : '');
}

function applyUpdates(
  plain: unknown,
  format: ParametersFileFormat,
  updates: Readonly<Record<string, string>>,
): unknown {
  if (format === 'codepipeline') {
    const root = plain as { Parameters: Record<string, unknown> };
    for (const [k, v] of Object.entries(updates)) root.Parameters[k] = v;
    return root;
  }
  const list = plain as unknown[];
  for (const [k, v] of Object.entries(updates)) {
    if (format === 'awscli') {
      const item = list.find((i): i is Record<string, unknown> => (i as Record<string, unknown>)['ParameterKey'] === k);
      if (item) {
        item['ParameterValue'] = v;
        delete item['UsePreviousValue'];
      } else list.push({ ParameterKey: k, ParameterValue: v });
    } else {
      const index = list.findIndex((i) => typeof i === 'string' && i.slice(0, i.indexOf('=')).trim() === k);
      if (index >= 0) list[index] = `${k}=${v}`;
      else list.push(`${k}=${v}`);
    }
  }
  return list;
}

function setInYaml(file: ParametersFile, updates: Readonly<Record<string, string>>): string {
  const doc: Document = parseDocument(file.text, { uniqueKeys: false });
  const contents = doc.contents;
  for (const [k, v] of Object.entries(updates)) {
    if (file.format === 'codepipeline') {
      doc.setIn(['Parameters', k], v);
    } else if (isYamlSeq(contents)) {
      const index = contents.items.findIndex((item) =>
        file.format === 'awscli'
          ? isYamlMap(item) && String(item.get('ParameterKey')) === k
          : isYamlScalar(item) && String(item.value).slice(0, String(item.value).indexOf('=')).trim() === k,
      );
      if (file.format === 'awscli') {
        if (index >= 0) {
          doc.setIn([index, 'ParameterValue'], v);
          doc.deleteIn([index, 'UsePreviousValue']);
        } else contents.add(doc.createNode({ ParameterKey: k, ParameterValue: v }));
      } else if (index >= 0) doc.setIn([index], `${k}=${v}`);
      else contents.add(doc.createNode(`${k}=${v}`));
    }
  }
  return doc.toString();
}

function detectIndent(text: string): string | number {
  const m = /\n([ \t]+)\S/.exec(text);
  if (!m?.[1]) return 2;
  return m[1].startsWith('\t') ? '\t' : m[1].length;
}

/**
 * Sets values in a parameters file on disk and returns what was written. A file that does not exist is created in
 * `createAs` (default: the CodePipeline object, JSON).
 */
export function writeParameterValues(
  path: string,
  updates: Readonly<Record<string, string>>,
  options: { createAs?: ParametersFileFormat } = {},
): ParametersFile {
  const current = existsSync(path)
    ? readParametersFile(path)
    : parseParametersFile(emptyFile(options.createAs ?? 'codepipeline'), { path });
  const text = setParameterValues(current, updates);
  writeFileSync(path, text);
  return parseParametersFile(text, { path });
}

function emptyFile(format: ParametersFileFormat): string {
  return format === 'codepipeline' ? '{\n  "Parameters": {}\n}\n' : '[]\n';
}

/**
 * `parameter-overrides`: `Key=Value` lines (a value may contain commas and `=`), a YAML/JSON mapping
 * (`Key: Value`; a list value is joined with commas, as a CommaDelimitedList wants), or any parameters-file format.
 */
export function parseParameterOverrides(value: string, input = 'parameter-overrides'): Record<string, string> {
  const lines = value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  if (lines.length === 0) return {};
  if (lines.every((l) => /^[A-Za-z0-9]+=/.test(l))) {
    const out: Record<string, string> = {};
    for (const l of lines) {
      const at = l.indexOf('=');
      const key = l.slice(0, at);
      if (key in out) throw new InputError(input, l, `each parameter once (${key} is given twice)`);
      out[key] = l.slice(at + 1);
    }
    return out;
  }
  const parsed = parseText(value);
  const problem = parsed.problems[0];
  if (problem)
    throw new InputError(
      input,
      value,
      `Key=Value lines or a YAML/JSON mapping (line ${problem.pos.line}: ${problem.message})`,
    );
  const root = parsed.root;
  if (root?.kind === 'map' && !root.byKey.has('Parameters')) {
    const out: Record<string, string> = {};
    for (const e of root.entries) {
      const fail = (): never => {
        throw new InputError(input, value, `a string (or a list of strings) for parameter ${e.key}`);
      };
      out[e.key] = valueText(e.value, fail, e.key);
    }
    return out;
  }
  try {
    return parseParametersFile(value).values;
  } catch (error) {
    if (error instanceof ParametersFileError) {
      throw new InputError(
        input,
        value,
        'Key=Value lines, a YAML/JSON mapping of Key: Value, or a parameters-file list',
      );
    }
    throw error;
  }
}
