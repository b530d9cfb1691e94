// Decodes the compact strings of packages/cfn/data/resource-spec.json (written by scripts/build-cfn-spec.mjs, whose
// header documents the format). Resources are decoded one at a time, when first looked up.
import type { CausesReplacement, PropertySpec, PropertySpecs, Shape, StructSpec } from './types.js';

const PRIMITIVES: Readonly<Record<string, Shape>> = {
  S: { kind: 'string' },
  I: { kind: 'integer' },
  N: { kind: 'number' },
  B: { kind: 'boolean' },
  J: { kind: 'json' },
  T: { kind: 'struct', name: 'Tag' },
};

/** The standard tag every `Tags: [{Key, Value}]` property takes (the spec's builtin `tag` type). */
export const TAG_STRUCT: StructSpec = {
  name: 'Tag',
  properties: nullPrototype({
    Key: { name: 'Key', required: true, shape: { kind: 'string' }, causesReplacement: 'no' },
    // Required by most resource types, not all: not requiring it avoids false errors on the others.
    Value: { name: 'Value', required: false, shape: { kind: 'string' }, causesReplacement: 'no' },
  }),
};

export class SpecDecoder {
  private readonly enumShapes = new Map<string, Shape>();

  constructor(private readonly enums: readonly string[]) {}

  /** `Name=code,Name=code…` → property specs. */
  properties(encoded: string): PropertySpecs {
    const properties: Record<string, PropertySpec> = nullPrototype({});
    if (encoded === '') return properties;
    for (const entry of encoded.split(',')) {
      const [name, code] = splitOnce(entry, '=');
      properties[name] = this.property(name, code);
    }
    return properties;
  }

  /** `Name=shape,…` → shapes by name. */
  shapes(encoded: string): Record<string, Shape> {
    const shapes: Record<string, Shape> = nullPrototype({});
    if (encoded === '') return shapes;
    for (const entry of encoded.split(',')) {
      const [name, code] = splitOnce(entry, '=');
      shapes[name] = this.shape(code);
    }
    return shapes;
  }

  /** `Struct:<properties>;Struct:<properties>…` → structs by name. */
  structs(encoded: string): Map<string, StructSpec> {
    const structs = new Map<string, StructSpec>();
    if (encoded === '') return structs;
    for (const entry of encoded.split(';')) {
      const [name, properties] = splitOnce(entry, ':');
      structs.set(name, { name, properties: this.properties(properties) });
    }
    return structs;
  }

  property(name: string, code: string): PropertySpec {
    let at = 0;
    let required = false;
    let causesReplacement: CausesReplacement = 'no';
    for (; ; at++) {
      const flag = code[at];
      if (flag === '!') required = true;
      else if (flag === '^') causesReplacement = 'yes';
      else if (flag === '?') causesReplacement = 'maybe';
      else break;
    }
    return { name, required, shape: this.shape(code, at), causesReplacement };
  }

  shape(code: string, start = 0): Shape {
    const reader = { code, at: start };
    const shape = this.read(reader);
    if (reader.at !== code.length) throw corrupt(code);
    return shape;
  }

  private read(reader: { code: string; at: number }): Shape {
    const { code } = reader;
    const head = code[reader.at++];
    switch (head) {
      case '[':
        return { kind: 'list', item: this.read(reader) };
      case '{':
        return { kind: 'map', item: this.read(reader) };
      case '@': {
        const name = readWhile(reader, NAME_CHARACTERS);
        if (name === '') throw corrupt(code);
        return { kind: 'struct', name };
      }
      case '(': {
        const options: Shape[] = [this.read(reader)];
        while (code[reader.at] === '|') {
          reader.at++;
          options.push(this.read(reader));
        }
        if (code[reader.at++] !== ')') throw corrupt(code);
        return { kind: 'union', options };
      }
      case 'S':
      case 'I':
        if (code[reader.at] === '#') {
          reader.at++;
          return this.enumShape(head, readWhile(reader, DIGITS));
        }
        return PRIMITIVES[head] as Shape;
      default: {
        const primitive = head === undefined ? undefined : PRIMITIVES[head];
        if (!primitive) throw corrupt(code);
        return primitive;
      }
    }
  }

  private enumShape(kind: 'S' | 'I', index: string): Shape {
    const key = kind + index;
    let shape = this.enumShapes.get(key);
    if (!shape) {
      const values = index === '' ? undefined : this.enums[Number(index)];
      if (values === undefined) throw corrupt(key);
      const list = values.split('|');
      shape =
        kind === 'S' ? { kind: 'string', allowedValues: list } : { kind: 'integer', allowedValues: list.map(Number) };
      this.enumShapes.set(key, shape);
    }
    return shape;
  }
}

const NAME_CHARACTERS = /\w+/y;
const DIGITS = /\d+/y;

function readWhile(reader: { code: string; at: number }, pattern: RegExp): string {
  pattern.lastIndex = reader.at;
  const match = pattern.exec(reader.code);
  if (!match) return '';
  reader.at = pattern.lastIndex;
  return match[0];
}

function splitOnce(entry: string, separator: string): [string, string] {
  const at = entry.indexOf(separator);
  if (at < 0) throw corrupt(entry);
  return [entry.slice(0, at), entry.slice(at + 1)];
}

function corrupt(code: string): Error {
  return new Error(
    `packages/cfn/data/resource-spec.json is corrupt near "${code}": rebuild it with scripts/build-cfn-spec.mjs`,
  );
}

export function nullPrototype<T extends object>(values: T): T {
  return Object.assign(Object.create(null) as T, values);
}
