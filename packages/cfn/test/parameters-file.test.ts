import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import {
  parseParameterOverrides,
  parseParametersFile,
  ParametersFileError,
  readParametersFile,
  setParameterValues,
  writeParameterValues,
} from '../src/index.js';

describe('parseParametersFile: the three formats, JSON and YAML', () => {
  test.each([
    [
      'codepipeline JSON',
      '{\n  "Parameters": {\n    "Env": "prod",\n    "Subnets": "a,b"\n  },\n  "Tags": {"team": "x"}\n}\n',
      'codepipeline',
      'json',
      3,
    ],
    ['codepipeline YAML', 'Parameters:\n  Env: prod\n  Subnets: [a, b]\nTags:\n  team: x\n', 'codepipeline', 'yaml', 2],
    [
      'awscli JSON',
      '[\n  {"ParameterKey": "Env", "ParameterValue": "prod"},\n  {"ParameterKey": "Subnets", "ParameterValue": "a,b"},\n  {"ParameterKey": "Old", "UsePreviousValue": true}\n]\n',
      'awscli',
      'json',
      2,
    ],
    [
      'awscli YAML',
      '- ParameterKey: Env\n  ParameterValue: prod\n- ParameterKey: Subnets\n  ParameterValue: a,b\n- ParameterKey: Old\n  UsePreviousValue: true\n',
      'awscli',
      'yaml',
      1,
    ],
    ['key-value JSON', '[\n  "Env=prod",\n  "Subnets=a,b"\n]\n', 'key-value', 'json', 2],
    ['key-value YAML', '- Env=prod\n- Subnets=a,b\n', 'key-value', 'yaml', 1],
  ])('%s', (_name, text, format, syntax, envLine) => {
    const file = parseParametersFile(text, { path: 'params' });
    expect(file.format).toBe(format);
    expect(file.syntax).toBe(syntax);
    expect(file.values).toEqual({ Env: 'prod', Subnets: 'a,b' });
    expect(file.entries.find((e) => e.key === 'Env')?.pos.line).toBe(envLine);
    if (format === 'awscli') expect(file.usePrevious).toEqual(['Old']);
    if (format === 'codepipeline') expect(file.tags).toEqual({ team: 'x' });
  });

  test('duplicate keys are refused with their line, in every format', () => {
    expect(() => parseParametersFile('{"Parameters": {"A": "1",\n "A": "2"}}', { path: 'p.json' })).toThrow(
      /p\.json:2:2: Duplicate key 'A' \(first at line 1\)/,
    );
    expect(() => parseParametersFile('- A=1\n- A=2\n', { path: 'p.yaml' })).toThrow(
      /p\.yaml:2:3: parameter 'A' is given twice \(first at line 1\)/,
    );
    expect(() =>
      parseParametersFile(
        '[{"ParameterKey": "A", "ParameterValue": "1"},\n{"ParameterKey": "A", "ParameterValue": "2"}]',
      ),
    ).toThrow(ParametersFileError);
  });

  test('a file of another shape says which formats are accepted', () => {
    expect(() => parseParametersFile('Env: prod\n', { path: 'p.yaml' })).toThrow(/without a "Parameters" key/);
    expect(() => parseParametersFile('[1, 2]')).toThrow(/"Key=Value"/);
  });
});

describe('setParameterValues / writeParameterValues: same format, the rest preserved', () => {
  test.each([
    ['codepipeline JSON', '{\n    "Parameters": {\n        "Env": "prod"\n    },\n    "Tags": {"team": "x"}\n}\n'],
    ['codepipeline YAML', '# stack parameters\nParameters:\n  Env: prod # the stage\nTags:\n  team: x\n'],
    [
      'awscli JSON',
      '[\n  {"ParameterKey": "Env", "ParameterValue": "prod"},\n  {"ParameterKey": "ImageUri", "UsePreviousValue": true}\n]\n',
    ],
    ['awscli YAML', '- ParameterKey: Env\n  ParameterValue: prod\n'],
    ['key-value JSON', '["Env=prod", "ImageUri=old"]'],
    ['key-value YAML', '# values\n- Env=prod\n'],
  ])('%s', (_name, text) => {
    const before = parseParametersFile(text);
    const written = setParameterValues(before, {
      ImageUri: 'repo@sha256:abc',
      SecretArn: 'arn:aws:secretsmanager:us-east-1:111111111111:secret:x,y',
    });
    const after = parseParametersFile(written);
    expect(after.format).toBe(before.format);
    expect(after.syntax).toBe(before.syntax);
    expect(after.values).toEqual({
      Env: 'prod',
      ImageUri: 'repo@sha256:abc',
      SecretArn: 'arn:aws:secretsmanager:us-east-1:111111111111:secret:x,y',
    });
    expect(after.tags).toEqual(before.tags);
    if (text.startsWith('#')) expect(written.startsWith(text.split('\n')[0] as string)).toBe(true);
    if (text.includes('# the stage')) expect(written).toContain('# the stage');
    if (text.includes('    "Parameters"')) expect(written).toContain('    "Parameters"');
  });

  test('writeParameterValues updates a file on disk, and creates one when missing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hoist-params-'));
    const existing = path.join(dir, 'params.yaml');
    writeFileSync(existing, '- Env=prod\n');
    writeParameterValues(existing, { Env: 'staging' });
    expect(readFileSync(existing, 'utf8')).toBe('- Env=staging\n');
    const created = path.join(dir, 'new.json');
    expect(writeParameterValues(created, { A: '1' }).values).toEqual({ A: '1' });
    expect(readParametersFile(created).format).toBe('codepipeline');
  });
});

describe('parseParameterOverrides', () => {
  test('Key=Value lines keep commas and = in values', () => {
    expect(parseParameterOverrides('Subnets=subnet-1,subnet-2\nQuery=a=b\n# comment\n')).toEqual({
      Subnets: 'subnet-1,subnet-2',
      Query: 'a=b',
    });
  });
  test('a YAML or JSON mapping; a list value is joined with commas', () => {
    expect(parseParameterOverrides('Env: prod\nSubnets: [a, b]\n')).toEqual({ Env: 'prod', Subnets: 'a,b' });
    expect(parseParameterOverrides('{"Env": "prod", "Count": 3}')).toEqual({ Env: 'prod', Count: '3' });
  });
  test('a parameters-file list is accepted too; garbage is an input error naming the input', () => {
    expect(parseParameterOverrides('[{"ParameterKey": "A", "ParameterValue": "1"}]')).toEqual({ A: '1' });
    expect(() => parseParameterOverrides('Key=1\nKey=2')).toThrow(/parameter-overrides/);
    expect(() => parseParameterOverrides('just text')).toThrow(/Input 'parameter-overrides'/);
  });
});
