import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { getInputs } from '../src/inputs.js';

let dir: string;
const previous = process.env['GITHUB_WORKSPACE'];
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hoist-cfn-inputs-'));
  mkdirSync(path.join(dir, 'infra', 'nested'), { recursive: true });
  for (const f of ['infra/a.yaml', 'infra/nested/b.json', 'params.json']) writeFileSync(path.join(dir, f), '{}');
  process.env['GITHUB_WORKSPACE'] = dir;
});
afterAll(() => {
  if (previous === undefined) delete process.env['GITHUB_WORKSPACE'];
  else process.env['GITHUB_WORKSPACE'] = previous;
});

const source = (values: Record<string, string>) => (name: string) => values[name];

describe('getInputs', () => {
  test('defaults', () => {
    expect(getInputs(source({ template: 'infra/a.yaml' }))).toEqual({
      template: [path.join(dir, 'infra/a.yaml')],
      parameters: undefined,
      'remote-validation': 'auto',
      region: undefined,
      'deferred-parameters': [],
      'fail-on': 'error',
      ignore: [],
    });
  });

  test.each([
    ['infra/**/*.{yaml,json}', ['infra/a.yaml', 'infra/nested/b.json']],
    ['infra/a.yaml\ninfra/nested/*.json', ['infra/a.yaml', 'infra/nested/b.json']],
  ])('template %j', (template, expected) => {
    expect(getInputs(source({ template })).template).toEqual(expected.map((f) => path.join(dir, f)));
  });

  test.each([
    [{ template: '' }, /Input 'template' is empty/],
    [{ template: 'nothing/*.yaml' }, /matches at least one file/],
    [{ template: 'missing.yaml' }, /Input 'template' is 'missing.yaml': expected an existing file/],
    [{ template: 'infra/a.yaml', parameters: 'nope.json' }, /Input 'parameters' is 'nope.json'/],
    [{ template: 'infra/a.yaml', 'remote-validation': 'maybe' }, /one of auto, true, false/],
    [{ template: 'infra/a.yaml', 'fail-on': 'warnings' }, /one of error, warning, never/],
    [{ template: 'infra/a.yaml', ignore: 'H6002, W2001' }, /Input 'ignore' is 'W2001'/],
  ])('%j is refused', (values, message) => {
    expect(() => getInputs(source(values))).toThrow(message);
  });

  test('lists are split on commas and new lines', () => {
    const inputs = getInputs(
      source({
        template: 'infra/a.yaml',
        'deferred-parameters': 'ImageUri,\nSecretArn',
        ignore: 'H6002\nH2008',
        parameters: 'params.json',
      }),
    );
    expect(inputs['deferred-parameters']).toEqual(['ImageUri', 'SecretArn']);
    expect(inputs.ignore).toEqual(['H6002', 'H2008']);
    expect(inputs.parameters).toBe(path.join(dir, 'params.json'));
  });
});
