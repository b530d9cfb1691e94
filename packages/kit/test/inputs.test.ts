import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import {
  getBoolean,
  getDuration,
  getEnum,
  getEnumList,
  getInteger,
  getList,
  getMapping,
  getPath,
  getString,
  InputError,
  inputVariable,
  type InputSource,
} from '../src/index.js';

const from =
  (values: Record<string, string>): InputSource =>
  (name) =>
    values[name];

function errorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('input readers: values', () => {
  test.each([
    ['a, b ,c', ['a', 'b', 'c']],
    ['a\nb\n\n c ', ['a', 'b', 'c']],
    ['a,\nb', ['a', 'b']],
    ['', []],
  ])('getList(%j) → %j', (value, expected) => {
    expect(getList('x', { source: from({ x: value }) })).toEqual(expected);
  });

  test.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
    ['', true],
  ])('getBoolean(%j) → %j', (value, expected) => {
    expect(getBoolean('x', { source: from({ x: value }), default: true })).toBe(expected);
  });

  test.each([
    ['90', 's', 90_000],
    ['90s', 's', 90_000],
    ['15m', 's', 900_000],
    ['1h30m', 's', 5_400_000],
    ['500ms', 's', 500],
    ['60', 'm', 3_600_000],
  ] as const)('getDuration(%j, unit %s) → %d ms', (value, unit, expected) => {
    expect(getDuration('x', { source: from({ x: value }), unit })).toBe(expected);
  });

  test('getEnum accepts a differently-cased value and returns the canonical one', () => {
    expect(getEnum('mode', ['gate', 'audit'] as const, { source: from({ mode: 'AUDIT' }) })).toBe('audit');
  });

  test('getMapping reads YAML and JSON', () => {
    expect(getMapping('m', { source: from({ m: 'a: 1\nb: two' }) })).toEqual({ a: 1, b: 'two' });
    expect(getMapping('m', { source: from({ m: '{"a": [1]}' }) })).toEqual({ a: [1] });
  });

  test('getString falls back to its default and reads from INPUT_* by default', () => {
    expect(getString('x', { source: from({}), default: 'd' })).toBe('d');
    process.env[inputVariable('my input')] = ' v ';
    expect(getString('my input')).toBe('v');
    delete process.env[inputVariable('my input')];
  });
});

const dir = mkdtempSync(path.join(tmpdir(), 'hoist-inputs-'));
writeFileSync(path.join(dir, 'file.txt'), 'x');

describe('input readers: every error names the input, the value and what was expected', () => {
  test.each<[string, () => unknown, RegExp]>([
    [
      'required string',
      () => getString('stack-name', { source: from({}), required: true }),
      /^Input 'stack-name' is empty: expected a value \(this input is required\)\.$/,
    ],
    [
      'required list',
      () => getList('checks', { source: from({ checks: ' , ' }), required: true }),
      /^Input 'checks' is ',': expected one or more items/,
    ],
    [
      'boolean',
      () => getBoolean('push', { source: from({ push: 'yes' }), default: true }),
      /^Input 'push' is 'yes': expected `true` or `false`/,
    ],
    [
      'integer shape',
      () => getInteger('count', { source: from({ count: '1.5' }) }),
      /^Input 'count' is '1\.5': expected an integer\.$/,
    ],
    [
      'integer range',
      () => getInteger('count', { source: from({ count: '0' }), min: 1, max: 10 }),
      /^Input 'count' is '0': expected an integer from 1 to 10\.$/,
    ],
    [
      'integer minimum',
      () => getInteger('threshold', { source: from({ threshold: '-3' }), min: 0 }),
      /expected an integer of at least 0\./,
    ],
    [
      'duration shape',
      () => getDuration('timeout', { source: from({ timeout: '10 minutes' }) }),
      /^Input 'timeout' is '10 minutes': expected a positive duration such as 30s/,
    ],
    [
      'negative duration',
      () => getDuration('timeout-minutes', { source: from({ 'timeout-minutes': '-5' }), unit: 'm' }),
      /^Input 'timeout-minutes' is '-5': expected a positive duration .* number of minutes/,
    ],
    ['zero duration', () => getDuration('timeout', { source: from({ timeout: '0s' }) }), /^Input 'timeout' is '0s'/],
    [
      'duration maximum',
      () => getDuration('timeout', { source: from({ timeout: '7h' }), unit: 'm', max: 360 * 60_000 }),
      /at most 360 minutes/,
    ],
    [
      'enum',
      () => getEnum('mode', ['gate', 'audit'] as const, { source: from({ mode: 'check' }) }),
      /^Input 'mode' is 'check': expected one of gate, audit\.$/,
    ],
    [
      'enum list',
      () => getEnumList('checks', ['identity', 'region'] as const, { source: from({ checks: 'identity,regoin' }) }),
      /^Input 'checks' is 'regoin': expected each item to be one of identity, region\. Fix|^Input 'checks' is 'regoin'/,
    ],
    [
      'missing path',
      () => getPath('template', { source: from({ template: path.join(dir, 'nope.yaml') }) }),
      /^Input 'template' is '.*nope\.yaml': expected an existing path\.$/,
    ],
    [
      'file is a directory',
      () => getPath('template', { source: from({ template: dir }), kind: 'file' }),
      /expected a file, not a directory/,
    ],
    [
      'directory is a file',
      () => getPath('context', { source: from({ context: path.join(dir, 'file.txt') }), kind: 'directory' }),
      /expected a directory/,
    ],
    [
      'malformed mapping',
      () => getMapping('secrets', { source: from({ secrets: '{"a": ' }) }),
      /^Input 'secrets' is '\{"a":': expected a YAML or JSON mapping \(.* at line 1, column 6\)\.$/,
    ],
    [
      'mapping that is a list',
      () => getMapping('tags', { source: from({ tags: '- a\n- b' }) }),
      /^Input 'tags' is '- a\\n- b': expected a YAML or JSON mapping such as/,
    ],
    [
      'mapping with duplicate keys',
      () => getMapping('tags', { source: from({ tags: 'a: 1\na: 2' }) }),
      /^Input 'tags' .*expected a YAML or JSON mapping \(duplicate key at line 2, column 1\)\.$/,
    ],
    [
      'secret values are never repeated',
      () => getBoolean('token-flag', { source: from({ 'token-flag': 's3cr3t' }), default: false, secret: true }),
      /^Input 'token-flag' is '\*\*\*'/,
    ],
  ])('%s', (_name, fn, message) => {
    const error = errorOf(fn);
    expect(error.message).toMatch(message);
    expect(error.input).toBeTruthy();
  });

  test('a long value is shortened in the message', () => {
    const error = errorOf(() => getEnum('mode', ['a'] as const, { source: from({ mode: 'x'.repeat(500) }) }));
    expect(error.message.length).toBeLessThan(260);
    expect(error.message).toContain('(500 chars)');
  });

  test('a billion-laughs mapping fails fast instead of expanding', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++)
      bomb.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill('*' + String.fromCharCode(96 + i))
          .join(',')}]`,
      );
    const started = Date.now();
    const error = errorOf(() => getMapping('secrets', { source: from({ secrets: bomb.join('\n') }) }));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error.message).toMatch(/Input 'secrets'/);
  });
});
