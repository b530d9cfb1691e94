import { describe, expect, test } from '@jest/globals';
import { InputError, UserError } from '@hoist/kit';
import { checkNamePrefix, fullSecretName, parseSecretNames, parseSecretsSpec, parseTagsInput } from '../src/index.js';

function errorOf(fn: () => unknown): UserError {
  try {
    fn();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('parseSecretsSpec', () => {
  test('a name → variable entry and a full entry, YAML', () => {
    const specs = parseSecretsSpec(
      [
        'ray-pipeline-openai: OPENAI_API_KEY',
        'prod/ray-pipeline-pinecone:',
        '  from-env: PINECONE_API_KEY',
        '  description: Pinecone key',
        '  kms-key-id: alias/app',
        "  pattern: '^pcsk_'",
        '  tags: { team: search, cost-center: 42 }',
        '  parameter: PineconeSecretArn',
      ].join('\n'),
    );
    expect(specs).toEqual([
      { name: 'ray-pipeline-openai', fromEnv: 'OPENAI_API_KEY', tags: {} },
      {
        name: 'prod/ray-pipeline-pinecone',
        fromEnv: 'PINECONE_API_KEY',
        description: 'Pinecone key',
        kmsKeyId: 'alias/app',
        pattern: /^pcsk_/,
        tags: { team: 'search', 'cost-center': '42' },
        parameter: 'PineconeSecretArn',
      },
    ]);
  });

  test('JSON is accepted too', () => {
    expect(parseSecretsSpec('{"a": "A_KEY", "b": {"from-env": "B_KEY", "parameter": "BArn"}}')).toEqual([
      { name: 'a', fromEnv: 'A_KEY', tags: {} },
      { name: 'b', fromEnv: 'B_KEY', tags: {}, parameter: 'BArn' },
    ]);
  });

  test.each([
    ['not a mapping', '- a\n- b', /Input 'secrets' is .*expected a YAML or JSON mapping/],
    ['empty mapping', '{}', /at least one secret/],
    ['duplicate key', 'a: A\na: B', /duplicate key/],
    ['bad secret name', 'my secret!: KEY', /secret names of 1 to 512 ASCII letters/],
    ['unknown key', 'a: { from-env: A, pattren: "^x" }', /secret 'a' has unknown key 'pattren'/],
    ['missing from-env', 'a: { description: d }', /secret 'a' has no 'from-env'/],
    ['a number', 'a: 42', /secret 'a' is neither an environment variable name nor a mapping/],
    [
      'bad regex',
      'a: { from-env: A, pattern: "^(sk-" }',
      /secret 'a' has pattern '\^\(sk-', which is not a valid regular expression/,
    ],
    [
      'bad parameter',
      'a: { from-env: A, parameter: My-Param }',
      /secret 'a' has parameter 'My-Param', which is not a CloudFormation parameter name/,
    ],
    [
      'shared parameter',
      'a: { from-env: A, parameter: P }\nb: { from-env: B, parameter: P }',
      /secret 'b' sets parameter 'P', which 'a' sets too/,
    ],
    [
      'reserved tag',
      'a: { from-env: A, tags: { "aws:x": y } }',
      /secret 'a' has bad tags: tag key 'aws:x' uses the reserved prefix aws:/,
    ],
    ['tags not a mapping', 'a: { from-env: A, tags: [x] }', /tags must be a mapping/],
  ])('%s is refused with one clear line', (_, text, message) => {
    const error = errorOf(() => parseSecretsSpec(text));
    expect(error.message).toMatch(message);
    expect(error.code).toBe('bad-input');
    expect(error.message).not.toContain('\n');
  });

  test('what should be a variable name is not echoed when it is not one (it may be the value itself)', () => {
    const value = 'sk-live-DoNotEcho-1234567890';
    for (const text of [`openai: ${value}`, `openai: { from-env: "${value}" }`]) {
      const error = errorOf(() => parseSecretsSpec(text));
      expect(error.message).toMatch(/secret 'openai' does not name an environment variable/);
      expect(`${error.message} ${error.fix ?? ''}`).not.toContain(value);
    }
  });
});

describe('parseSecretNames', () => {
  test.each([
    ['a, b', ['a', 'b']],
    ['a\nprod/b\n', ['a', 'prod/b']],
    ['["a", "b"]', ['a', 'b']],
    ['- a\n- b', ['a', 'b']],
  ])('a list of names: %j', (text, names) => {
    expect(parseSecretNames(text).map((n) => n.name)).toEqual(names);
  });

  test('the secrets-sync mapping gives names and parameters', () => {
    expect(parseSecretNames('a: A_KEY\nb: { from-env: B, parameter: BArn }')).toEqual([
      { name: 'a' },
      { name: 'b', parameter: 'BArn' },
    ]);
  });

  test('a bad name in a list is refused', () => {
    expect(errorOf(() => parseSecretNames('good, bad name')).message).toMatch(/Input 'secrets' is 'bad name'/);
  });
});

describe('prefix, full names and tags', () => {
  test('name-prefix is checked against the characters of secret names', () => {
    expect(checkNamePrefix('prod/')).toBe('prod/');
    expect(errorOf(() => checkNamePrefix('prod env/'))).toBeInstanceOf(InputError);
  });

  test('the full name stays within 512 characters', () => {
    expect(fullSecretName('prod/', 'a')).toBe('prod/a');
    expect(errorOf(() => fullSecretName('p'.repeat(510), 'abc')).message).toMatch(/within 512 characters/);
  });

  test('the tags input is a mapping of text values', () => {
    expect(parseTagsInput('')).toEqual({});
    expect(parseTagsInput('{"env": "prod", "tier": 1}')).toEqual({ env: 'prod', tier: '1' });
    expect(errorOf(() => parseTagsInput('env: { nested: x }')).message).toMatch(
      /Input 'tags' .*tag 'env' must have a text value/,
    );
  });
});
