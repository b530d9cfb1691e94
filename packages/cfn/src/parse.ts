import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  YAMLMap,
  YAMLSeq,
  type Alias,
  type CollectionTag,
  type Document,
  type Node as YamlNode,
  type ScalarTag,
} from 'yaml';
import { INTRINSIC_KEYS, mapNode, scalar, type MapEntry, type Node, type Position } from './nodes.js';

export type ParseProblemCode = 'syntax' | 'duplicate-key' | 'unknown-tag' | 'alias-limit';

export interface ParseProblem {
  code: ParseProblemCode;
  message: string;
  pos: Position;
  /** How to fix it, where the problem's code alone does not say. */
  fix?: string;
}

export interface ParsedText {
  format: 'json' | 'yaml';
  /** Undefined when the text has syntax errors (then `problems` says where). */
  root: Node | undefined;
  problems: ParseProblem[];
}

/** Short-form YAML tag → long-form key: `!Ref` → `Ref`, `!GetAtt` → `Fn::GetAtt`. */
export const SHORT_FORM_TAGS: ReadonlyMap<string, string> = new Map(
  [...INTRINSIC_KEYS].map((key) => [`!${key.replace(/^Fn::/, '')}`, key]),
);

/**
 * The short forms declared to the YAML parser (scalar, sequence and mapping form each), so that it keeps their tag
 * without building a warning — with its stack trace — for every `!Ref` of a template.
 */
const SHORT_FORM_YAML_TAGS: (ScalarTag | CollectionTag)[] = [...SHORT_FORM_TAGS.keys()].flatMap((tag) => [
  { tag, resolve: (value: string) => value } as ScalarTag,
  { tag, collection: 'seq', nodeClass: YAMLSeq, resolve: (seq: unknown) => seq } as unknown as CollectionTag,
  { tag, collection: 'map', nodeClass: YAMLMap, resolve: (map: unknown) => map } as unknown as CollectionTag,
]);

/** Expanded nodes that YAML aliases may add before the text is refused (alias bombs fail fast). */
export const MAX_ALIAS_EXPANSION = 100_000;
const MAX_DEPTH = 400;

/**
 * Parses a CloudFormation template, a parameters file or any YAML/JSON text into position-carrying nodes.
 * JSON (text starting with `{` or `[`) goes through a JSON parser of our own — the YAML parser takes minutes on
 * megabytes of flow-style text; YAML through the `yaml` package's document API. Short-form tags become long form.
 */
export function parseText(source: string): ParsedText {
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
  if (first === '{' || first === '[') return parseJson(text);
  return parseYaml(text);
}

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly pos: Position,
  ) {
    super(message);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** A strict JSON parser that keeps the line and column of every key and value and reports duplicate keys. */
export function parseJson(text: string): ParsedText {
  const problems: ParseProblem[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const pos = (): Position => ({ line, column: i - lineStart + 1 });
  const fail = (message: string): never => {
    throw new JsonSyntaxError(message, pos());
  };
  const ws = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        i++;
        line++;
        lineStart = i;
      } else if (c === 32 || c === 9 || c === 13) i++;
      else return;
    }
  };
  const describe = () => (i >= text.length ? 'the end of the text' : `'${text[i]}'`);
  const string = (): string => {
    const start = i;
    i++;
    let escaped = false;
    for (;;) {
      const c = text.charCodeAt(i);
      if (Number.isNaN(c)) fail('Unterminated string');
      if (c === 34) break;
      if (c < 32) fail('Control character (e.g. a line break) inside a string: escape it');
      if (c === 92) {
        escaped = true;
        i++;
      }
      i++;
    }
    i++;
    if (!escaped) return text.slice(start + 1, i - 1);
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      i = start;
      return fail('Invalid escape sequence in string');
    }
  };
  const value = (depth: number): Node => {
    ws();
    if (depth > MAX_DEPTH) fail(`Nesting deeper than ${MAX_DEPTH} levels`);
    const at = pos();
    const c = text[i];
    if (c === '{') {
      i++;
      const entries: MapEntry[] = [];
      const seen = new Map<string, Position>();
      ws();
      if (text[i] === '}') {
        i++;
        return mapNode(entries, at);
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`Expected a quoted key, found ${describe()}`);
        const keyPos = pos();
        const key = string();
        ws();
        if (text[i] !== ':') fail(`Expected ':' after key "${key}", found ${describe()}`);
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
      const items: Node[] = [];
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
    if (c === '"') return scalar(string(), at);
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
    if (i < text.length) fail(`Unexpected ${describe()} after the end of the JSON value`);
    return { format: 'json', root, problems };
  } catch (error) {
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

class AliasLimitError extends Error {}

export function parseYaml(text: string): ParsedText {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    uniqueKeys: false,
    prettyErrors: false,
    merge: false,
    strict: true,
    customTags: SHORT_FORM_YAML_TAGS,
  });
  const posAt = (offset: number): Position => {
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
  const problems: ParseProblem[] = [];
  const converter = new YamlConverter(doc, text, posAt, problems);
  try {
    const root = doc.contents ? converter.convert(doc.contents as YamlNode, 0) : undefined;
    return { format: 'yaml', root, problems };
  } catch (error) {
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
function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/** NUL bytes, or many bytes that were not UTF-8 (decoded as U+FFFD): an image, an archive, not a template. */
function looksBinary(text: string): boolean {
  const head = text.slice(0, 8192);
  if (head.includes('\u0000')) return true;
  let replaced = 0;
  for (const c of head) if (c === '\ufffd') replaced += 1;
  return replaced > Math.max(8, head.length / 100);
}

class YamlConverter {
  private readonly anchored = new Map<YamlNode, Node>();
  private readonly converting = new Set<YamlNode>();
  private readonly sizes = new WeakMap<Node, number>();
  private aliasBudget = MAX_ALIAS_EXPANSION;
  lastAliasPos: Position = { line: 1, column: 1 };

  constructor(
    private readonly doc: Document,
    private readonly text: string,
    private readonly posAt: (offset: number) => Position,
    private readonly problems: ParseProblem[],
  ) {}

  convert(node: YamlNode | null | undefined, depth: number): Node {
    const offset = node?.range?.[0] ?? 0;
    const pos = this.posAt(offset);
    if (!node) return scalar(null, pos);
    if (depth > MAX_DEPTH) throw new AliasLimitError(`Nesting deeper than ${MAX_DEPTH} levels`);
    if (isAlias(node)) return this.alias(node, pos, depth);
    const tag = node.tag;
    const inner = this.untagged(node, pos, depth);
    const result =
      tag && !tag.startsWith('tag:yaml.org,2002:') ? this.tagged(tag, inner, this.tagPos(tag, offset, pos)) : inner;
    if (node.anchor) this.anchored.set(node, result);
    return result;
  }

  private alias(node: Alias, pos: Position, depth: number): Node {
    this.lastAliasPos = pos;
    const target = node.resolve(this.doc) as YamlNode | undefined;
    if (!target) throw new AliasLimitError(`YAML alias *${node.source} refers to no anchor`);
    if (this.converting.has(target)) throw new AliasLimitError(`YAML alias *${node.source} refers to itself`);
    const converted = this.anchored.get(target) ?? this.convert(target, depth);
    this.aliasBudget -= this.size(converted);
    if (this.aliasBudget < 0) {
      throw new AliasLimitError(
        `YAML aliases expand to more than ${MAX_ALIAS_EXPANSION} nodes (maxAliasCount): refused as an alias bomb. Write the values out instead of using anchors and aliases.`,
      );
    }
    return converted;
  }

  /** The expanded size of a node (aliases share nodes, so this counts what a reader of the values would see). */
  private size(node: Node): number {
    const known = this.sizes.get(node);
    if (known !== undefined) return known;
    let n = 1;
    if (node.kind === 'map') for (const e of node.entries) n += this.size(e.value);
    else if (node.kind === 'seq') for (const item of node.items) n += this.size(item);
    this.sizes.set(node, n);
    return n;
  }

  private untagged(node: YamlNode, pos: Position, depth: number): Node {
    if (isScalar(node)) {
      const v = node.value;
      if (typeof v === 'string' && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED')) {
        return { kind: 'scalar', value: v, block: true, pos };
      }
      if (typeof v === 'string' || v === null || v === undefined) return scalar(v ?? null, pos);
      if (typeof v === 'number' || typeof v === 'boolean') return scalar(v, pos, node.source ?? String(v));
      return scalar(String(v), pos);
    }
    this.converting.add(node);
    try {
      if (isSeq(node))
        return { kind: 'seq', items: node.items.map((item) => this.convert(item as YamlNode, depth + 1)), pos };
      if (isMap(node)) {
        const entries: MapEntry[] = [];
        const seen = new Map<string, Position>();
        for (const pair of node.items) {
          if (!isPair(pair)) continue;
          const keyNode = pair.key as YamlNode | null;
          const keyPos = keyNode?.range ? this.posAt(keyNode.range[0]) : pos;
          const key = this.keyText(keyNode);
          if (keyNode?.tag && !keyNode.tag.startsWith('tag:yaml.org,2002:')) {
            this.problems.push({
              code: 'syntax',
              message: `'${keyNode.tag} ${key}:' is read as a mapping key: a ': ' or a trailing ':' inside an unquoted value makes YAML start a mapping. Quote the value.`,
              pos: keyPos,
            });
          }
          const value = this.convert(pair.value as YamlNode | null, depth + 1);
          const previous = seen.get(key);
          if (previous) {
            this.problems.push({
              code: 'duplicate-key',
              message: `Duplicate key '${key}' (first at line ${previous.line})`,
              pos: keyPos,
            });
            entries.splice(
              entries.findIndex((e) => e.key === key),
              1,
            );
          }
          seen.set(key, keyPos);
          entries.push({ key, keyPos, value });
        }
        return mapNode(entries, pos);
      }
    } finally {
      this.converting.delete(node);
    }
    return scalar(null, pos);
  }

  /** A node's range starts after its tag (on the next line for block collections): the tag's own position. */
  private tagPos(tag: string, offset: number, fallback: Position): Position {
    const at = this.text.lastIndexOf(tag, offset);
    return at >= 0 && offset - at < 1000 ? this.posAt(at) : fallback;
  }

  private keyText(key: YamlNode | null): string {
    if (!key) return '';
    if (isScalar(key)) return typeof key.value === 'string' ? key.value : (key.source ?? String(key.value));
    return String(key);
  }

  private tagged(tag: string, inner: Node, pos: Position): Node {
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
      const items: Node[] = [scalar(name, inner.pos)];
      if (dot >= 0)
        items.push(scalar(inner.value.slice(dot + 1), { line: inner.pos.line, column: inner.pos.column + dot + 1 }));
      arg = { kind: 'seq', items, pos: inner.pos };
    }
    return mapNode([{ key: long, keyPos: pos, value: arg }], pos, tag);
  }
}
