/**
 * preflight's "Behaviour" (issue 4): the checks run concurrently, each under its own timeout, so one slow check
 * never hides the others; and `fail-on` decides whether warnings fail the step.
 */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { startMoto, type Moto } from '../support/moto.js';
import { runAction, type ActionResult } from '../support/run-action.js';
import { delay, startScenarioProxy, type ScenarioProxy } from '../support/scenario-proxy.js';

jest.setTimeout(120_000);

/** How long the slow service takes to answer: far beyond the check timeout and the whole run. */
const SLOW_MS = 45_000;
/** Long enough for a cold SDK client on a busy machine, far below SLOW_MS. */
const TIMEOUT = '3s';

let moto: Moto;
let proxy: ScenarioProxy;
beforeAll(async () => {
  moto = await startMoto();
  proxy = await startScenarioProxy(moto.url);
});
afterAll(async () => {
  await proxy.close();
  await moto.stop();
});
beforeEach(async () => {
  await moto.reset();
  proxy.clearRules();
  proxy.clear();
});

/** A PATH whose only tool is a buildah that answers its version. */
function pathWithBuildah(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hoist-path-'));
  writeFileSync(path.join(dir, 'buildah'), '#!/bin/sh\necho "buildah version 1.33.7 (image-spec 1.1.0)"\n');
  chmodSync(path.join(dir, 'buildah'), 0o755);
  return dir;
}

interface ReportEntry {
  check: string;
  status: string;
  message: string;
  fix?: string;
}

function report(r: ActionResult): ReportEntry[] {
  return JSON.parse(r.outputs['report'] ?? '[]') as ReportEntry[];
}

describe('concurrent checks, each under check-timeout', () => {
  test('a check whose AWS call hangs fails as "did not finish" at check-timeout; the others still report', async () => {
    proxy.addRule({ service: 'ec2', operation: 'DescribeRegions', effect: delay(SLOW_MS) });
    const started = Date.now();
    const r = await runAction(
      'preflight',
      {
        checks: 'identity, region, tools, repository',
        builder: 'buildah',
        repository: 'ray/worker',
        'check-timeout': TIMEOUT,
      },
      { env: { ...proxy.env, PATH: pathWithBuildah() }, timeoutMs: SLOW_MS + 30_000 },
    );
    const elapsed = Date.now() - started;

    expect(report(r).map((f) => [f.check, f.status])).toEqual([
      ['identity', 'pass'],
      ['region', 'fail'],
      ['tools', 'pass'],
      ['repository', 'warn'],
    ]);
    const region = report(r).find((f) => f.check === 'region');
    expect(region?.message).toBe(`did not finish within ${TIMEOUT}`);
    expect(region?.fix).toBe('raise check-timeout, or look at network access to AWS.');
    expect(r.outputs['account-id']).toBe('123456789012');
    expect(r.summary).toContain(`| ❌ FAIL | region | did not finish within ${TIMEOUT}`);
    expect(r.exitCode).toBe(1);
    expect(r.annotations.filter((a) => a.level === 'error').map((a) => a.title ?? a.message)).toContain('region');
    // The call was made and held: the run took the timeout, not the delay.
    const held = proxy.calls({ service: 'ec2', operation: 'DescribeRegions' });
    expect(held.length).toBeGreaterThanOrEqual(1);
    expect(held.every((c) => c.effect === 'delay')).toBe(true);
    expect(elapsed).toBeLessThan(SLOW_MS / 3);
    // Concurrent, not one after another: the fast checks did not wait for the slow one to give up.
    const timings = /Checks finished in \d+ ms \((.*)\)\./.exec(r.log)?.[1] ?? '';
    const finishedAt = Object.fromEntries(
      timings.split(', ').map((t) => {
        const [id, ms] = t.split(' ');
        return [id, Number(ms)];
      }),
    );
    expect(finishedAt['region']).toBeGreaterThanOrEqual(3000);
    for (const fast of ['identity', 'tools', 'repository']) expect(finishedAt[fast]).toBeLessThan(finishedAt['region']);
  });
});

describe('the shared caller identity', () => {
  test('a hanging sts:GetCallerIdentity times out the identity and permissions checks; the run ends at once', async () => {
    proxy.addRule({ service: 'sts', operation: 'GetCallerIdentity', effect: delay(SLOW_MS) });
    const started = Date.now();
    const r = await runAction(
      'preflight',
      { checks: 'identity, permissions, tools', builder: 'buildah', for: 'preflight', 'check-timeout': TIMEOUT },
      { env: { ...proxy.env, PATH: pathWithBuildah() }, timeoutMs: SLOW_MS + 30_000 },
    );
    const elapsed = Date.now() - started;
    expect(report(r).map((f) => [f.check, f.status, f.message])).toEqual([
      ['identity', 'fail', `did not finish within ${TIMEOUT}`],
      ['tools', 'pass', 'buildah 1.33.7'],
      ['permissions', 'fail', `did not finish within ${TIMEOUT}`],
    ]);
    expect(r.exitCode).toBe(1);
    expect(elapsed).toBeLessThan(SLOW_MS / 3);
  });
});

describe('fail-on', () => {
  // A missing ECR repository is a WARN: build-push-multiarch will create it.
  const inputs = { checks: 'repository', repository: 'ray/worker' };

  test('default (error): a warning alone passes the step', async () => {
    const r = await runAction('preflight', inputs, { env: proxy.env });
    expect(report(r).map((f) => [f.check, f.status])).toEqual([['repository', 'warn']]);
    expect(r.exitCode).toBe(0);
    expect(r.annotations.filter((a) => a.level === 'error')).toEqual([]);
  });

  test('fail-on: warning: the same warning fails the step, naming the check', async () => {
    const r = await runAction('preflight', { ...inputs, 'fail-on': 'warning' }, { env: proxy.env });
    expect(report(r).map((f) => [f.check, f.status])).toEqual([['repository', 'warn']]);
    expect(r.exitCode).toBe(1);
    expect(r.log).toContain('::error::Preflight found problems in: repository. See the table above for the fixes.');
  });
});
