import { describe, expect, test } from '@jest/globals';
import { UserError, type Reporter } from '@hoist/kit';
import type { SecretEntry } from '../src/inputs.js';
import { readSecretValues, redact, redactError } from '../src/values.js';

/** A reporter that records, in order, what was masked and when anything else happened. */
function recorder(): { reporter: Reporter; events: string[] } {
  const events: string[] = [];
  const note = (what: string) => () => {
    events.push(what);
  };
  const reporter: Reporter = {
    info: note('info'),
    debug: note('debug'),
    annotate: note('annotate'),
    group: (_, fn) => fn(),
    setOutput: note('output'),
    setSecret: (value) => {
      events.push(`mask:${value}`);
    },
    summary: note('summary'),
    findings: note('findings'),
    fail: note('fail'),
    saveState: note('state'),
    getState: () => '',
  };
  return { reporter, events };
}

const entry = (name: string, fromEnv: string, pattern?: RegExp): SecretEntry => ({
  name,
  fullName: name,
  fromEnv,
  tags: {},
  ...(pattern ? { pattern } : {}),
});

function failure(fn: () => unknown): UserError {
  try {
    fn();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('readSecretValues', () => {
  test('every value is masked before any check fails, and the failure names variables and patterns only', () => {
    const { reporter, events } = recorder();
    const secrets = [entry('a', 'A_KEY', /^sk-/), entry('b', 'B_KEY'), entry('c', 'C_KEY')];
    const error = failure(() => readSecretValues(secrets, { A_KEY: 'pk-wrong-value', C_KEY: 'fine-value' }, reporter));
    expect(events).toEqual(['mask:pk-wrong-value', 'mask:fine-value']);
    expect(error.message).toBe(
      "secrets-sync: environment variable B_KEY (for secret 'b') is not set; the value of secret 'a' (from A_KEY) does not match its pattern /^sk-/.",
    );
    expect(error.message).not.toContain('pk-wrong');
  });

  test('an empty variable is named as empty, a blank one as white space', () => {
    const { reporter } = recorder();
    const error = failure(() =>
      readSecretValues([entry('a', 'A_KEY'), entry('b', 'B_KEY')], { A_KEY: '', B_KEY: '   ' }, reporter),
    );
    expect(error.message).toMatch(
      /A_KEY \(for secret 'a'\) is empty; environment variable B_KEY \(for secret 'b'\) holds only white space/,
    );
  });

  test('each line of a multi-line value is masked too (a runner masks line by line)', () => {
    const { reporter, events } = recorder();
    const pem = '-----BEGIN KEY-----\nMIIEabcdef\n}\n-----END KEY-----';
    expect(readSecretValues([entry('pem', 'PEM')], { PEM: pem }, reporter).get('pem')).toBe(pem);
    expect(events).toEqual([`mask:${pem}`, 'mask:-----BEGIN KEY-----', 'mask:MIIEabcdef', 'mask:-----END KEY-----']);
  });
});

describe('redact', () => {
  test('values and their lines become ***, in messages and stacks', () => {
    const values = ['s3cr3t-value', 'line-one\nline-two'];
    expect(redact('x s3cr3t-value y line-two z', values)).toBe('x *** y *** z');
    const error = Object.assign(new Error('bad s3cr3t-value'), { name: 'ValidationException' });
    const cleaned = redactError(error, values) as Error;
    expect(cleaned.name).toBe('ValidationException');
    expect(cleaned.message).toBe('bad ***');
    expect(cleaned.stack).not.toContain('s3cr3t-value');
  });
});
