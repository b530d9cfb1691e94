import { describe, expect, test } from '@jest/globals';
import { bucketNameProblem, detectPlaceholder } from '../src/index.js';

describe('detectPlaceholder', () => {
  test.each([
    'your-bucket-name-here',
    'YOUR_API_KEY',
    'yourBucketName',
    'changeme',
    'CHANGE_ME',
    'replace-me-please',
    'REPLACE_ME',
    'xxx',
    'sk-xxxxxxxx',
    'arn:aws:secretsmanager:us-east-1:xxxxxxxxxxxx:secret:x',
    '<account-id>',
    'TODO',
    'TBD later',
    'admin@example.com',
    'https://api.example.org/v1',
    'arn:aws:iam::123456789012:role/x',
    'ami-12345678',
    'insert-value',
    'value-here',
    '{{resolve-me}}',
  ])('%s is a placeholder', (value) => {
    expect(detectPlaceholder(value)).toBeDefined();
  });

  test.each([
    'prod',
    'my-app-artifacts-prod',
    'yourself',
    'young-river-bucket',
    'exchangemeeting',
    'examples.com',
    'example-service',
    'arn:aws:iam::210987654321:role/deploy',
    'ami-0abcdef1234567890',
    'todo-list-service',
    'Layout<T>',
    'https://mycompany.com/here/and/there',
    '10.0.0.0/16',
    'xx',
    'boxxer',
    '',
  ])('%s is not', (value) => {
    expect(detectPlaceholder(value)).toBeUndefined();
  });
});

describe('bucketNameProblem', () => {
  test.each(['my-bucket', 'a.b.c', 'abc', 'logs-123456789012-us-east-1'])('%s is valid', (name) => {
    expect(bucketNameProblem(name)).toBeUndefined();
  });
  test.each([
    ['Ray_Pipeline_Bucket', /uppercase/],
    ['ray_pipeline', /underscore/],
    ['ab', /3 to 63/],
    ['a'.repeat(64), /3 to 63/],
    ['-abc', /start and end/],
    ['a..b', /adjacent dots/],
    ['192.168.1.1', /IP address/],
    ['xn--abc', /reserved prefix/],
    ['data-s3alias', /reserved suffix/],
  ])('%s is invalid', (name, reason) => {
    expect(bucketNameProblem(name)).toMatch(reason);
  });
});
