import { describe, expect, test } from '@jest/globals';
import { InputError } from '@hoist/kit';
import { getInputs } from '../src/inputs.js';

const source = (values: Record<string, string>) => (name: string) => values[name];

describe('getInputs', () => {
  test('defaults', () => {
    expect(getInputs(source({ 'stack-name': 'app' }))).toEqual({
      'stack-name': 'app',
      to: undefined,
      'artifacts-bucket': undefined,
      'timeout-minutes': 3_600_000,
      'cancel-in-progress': false,
      'resources-to-skip': [],
      'health-check-url': undefined,
      'dry-run': false,
      region: undefined,
    });
  });

  test.each([
    ['20260301-120000-0123abc', { kind: 'release-id', id: '20260301-120000-0123abc' }],
    ['0123ABC', { kind: 'git-sha', prefix: '0123abc' }],
    [
      '0123456789abcdef0123456789abcdef01234567',
      { kind: 'git-sha', prefix: '0123456789abcdef0123456789abcdef01234567' },
    ],
  ])('to: %s', (to, expected) => {
    expect(getInputs(source({ 'stack-name': 'app', to })).to).toEqual(expected);
  });

  test('the other inputs', () => {
    const inputs = getInputs(
      source({
        'stack-name': 'app',
        'artifacts-bucket': 'auto',
        'timeout-minutes': '1h30m',
        'cancel-in-progress': 'true',
        'resources-to-skip': 'Queue\nNested.Topic',
        'health-check-url': 'https://app.example.com/health',
        'dry-run': 'true',
      }),
    );
    expect(inputs).toMatchObject({
      'artifacts-bucket': 'auto',
      'timeout-minutes': 5_400_000,
      'cancel-in-progress': true,
      'resources-to-skip': ['Queue', 'Nested.Topic'],
      'health-check-url': 'https://app.example.com/health',
      'dry-run': true,
    });
  });

  test('stack-name is required', () => {
    expect(() => getInputs(source({}))).toThrow(
      "Input 'stack-name' is empty: expected a value (this input is required).",
    );
  });

  test.each([
    [{ 'stack-name': '1-bad_name' }, "Input 'stack-name' is '1-bad_name': expected a CloudFormation stack name"],
    [{ to: 'abc12' }, "Input 'to' is 'abc12': expected a release id such as 20260301-120000-0123abc"],
    [{ to: 'main' }, "Input 'to' is 'main': expected a release id"],
    [{ 'timeout-minutes': '-5' }, "Input 'timeout-minutes' is '-5': expected a positive duration"],
    [{ 'timeout-minutes': '0' }, "Input 'timeout-minutes' is '0': expected a positive duration"],
    [{ 'resources-to-skip': 'Queue, bad id' }, "Input 'resources-to-skip' is 'bad id': expected logical ids"],
    [{ 'artifacts-bucket': 'Bad_Bucket' }, "Input 'artifacts-bucket' is 'Bad_Bucket'"],
    [{ 'health-check-url': 'ftp://x' }, "Input 'health-check-url' is 'ftp://x'"],
    [{ 'dry-run': 'yes' }, "Input 'dry-run' is 'yes': expected `true` or `false`"],
  ])('%j is refused', (values, message) => {
    const read = () => getInputs(source({ 'stack-name': 'app', ...values }));
    expect(read).toThrow(InputError);
    expect(read).toThrow(message);
  });
});
