import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import {
  failsOn,
  HOIST_VERSION,
  InputError,
  markdownTable,
  renderFindings,
  reportFailure,
  TerminalReporter,
  UserError,
  worst,
  type Finding,
} from '../src/index.js';

const findings: Finding[] = [
  { check: 'tools', status: 'pass', message: 'buildah 1.28', category: 'Local environment' },
  {
    check: 'identity',
    status: 'fail',
    message: 'No credentials',
    fix: 'configure them',
    category: 'AWS authentication',
  },
  { check: 'E1', status: 'warn', message: 'a | pipe', position: { file: 't.yaml', line: 3, column: 5 } },
];

describe('findings and summary', () => {
  test('worst and fail-on', () => {
    expect(worst(findings)).toBe('fail');
    expect(failsOn(findings, 'error')).toBe(true);
    expect(failsOn([findings[2]!], 'error')).toBe(false);
    expect(failsOn([findings[2]!], 'warning')).toBe(true);
    expect(failsOn(findings, 'never')).toBe(false);
  });

  test('the table groups by category in the given order and escapes cells', () => {
    const md = renderFindings(findings, { title: 'T', categories: ['Local environment', 'AWS authentication'] });
    expect(md).toContain('**1 failed, 1 warnings, 1 passed, 0 skipped**');
    expect(md.indexOf('#### Local environment')).toBeLessThan(md.indexOf('#### AWS authentication'));
    expect(md).toContain('a \\| pipe (t.yaml:3:5)');
    expect(md).toContain('| ❌ FAIL | identity | No credentials | configure them |');
  });

  test('markdownTable', () => {
    expect(markdownTable(['a', 'b'], [['1', 'x\ny']])).toBe('| a | b |\n|---|---|\n| 1 | x<br>y |');
  });
});

describe('TerminalReporter', () => {
  test('never prints a registered secret, in any channel', () => {
    const out: string[] = [];
    const r = new TerminalReporter({ write: (t) => out.push(t), color: false });
    r.setSecret('hunter2-secret');
    r.info('value is hunter2-secret');
    r.annotate({ level: 'error', message: 'bad hunter2-secret', file: 'a.yaml', line: 2 });
    r.setOutput('o', 'hunter2-secret');
    r.summary('| hunter2-secret |');
    r.fail('failed with hunter2-secret');
    process.exitCode = 0;
    const all = out.join('') + JSON.stringify([...r.outputs]) + r.summaries.join('') + (r.failure ?? '');
    expect(all).not.toContain('hunter2-secret');
    expect(out.join('')).toContain('ERROR a.yaml:2 bad ***');
  });

  test('groups indent and findings show their fix', async () => {
    const out: string[] = [];
    const r = new TerminalReporter({ write: (t) => out.push(t), color: false });
    await r.group('checks', async () => r.findings(findings));
    expect(out.join('')).toMatch(/▸ checks\n {2}PASS {2}tools/);
    expect(out.join('')).toContain('fix: configure them');
  });
});

describe('reportFailure', () => {
  const failures = (error: unknown) => {
    const r = new TerminalReporter({ write: () => undefined, color: false });
    reportFailure(r, error);
    process.exitCode = 0;
    return r.failure;
  };

  test('a user error is one line with its fix and no stack', () => {
    const message = failures(new UserError('No region.', { fix: 'set region.' }));
    expect(message).toBe('No region. Fix: set region.');
  });

  test('an input error names the input', () => {
    expect(failures(new InputError('mode', 'x', 'one of a, b'))).toBe("Input 'mode' is 'x': expected one of a, b.");
  });

  test('an AWS error keeps its name', () => {
    const error = Object.assign(new Error('User is not authorized'), { name: 'AccessDenied' });
    expect(failures(error)).toBe('AccessDenied: User is not authorized');
  });
});

test('HOIST_VERSION matches the root package.json', () => {
  const pkg = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../package.json'), 'utf8')) as {
    version: string;
  };
  expect(HOIST_VERSION).toBe(pkg.version);
});
