/**
 * The AWS layer as an action uses it (issue 2, packages/aws): every request carries hoist's user agent, and
 * AWS_ENDPOINT_URL_<SERVICE> sends one service's calls to its own endpoint, with or without AWS_ENDPOINT_URL.
 * preflight is the action: its identity and region checks make one STS and one EC2 call.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { HOIST_VERSION } from '@hoist/kit';
import { freePort } from '../support/ports.js';
import { startMoto, type Moto } from '../support/moto.js';
import { runAction, type ActionResult } from '../support/run-action.js';
import { startScenarioProxy, type ScenarioProxy } from '../support/scenario-proxy.js';

jest.setTimeout(90_000);

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

/** The headers of every request the proxy sees: a rule that matches nothing, only looks. */
function recordHeaders(): { service: string; operation: string; headers: IncomingHttpHeaders }[] {
  const seen: { service: string; operation: string; headers: IncomingHttpHeaders }[] = [];
  proxy.addRule({
    name: 'look',
    where: (call) => {
      seen.push({ service: call.service, operation: call.operation, headers: call.headers });
      return false;
    },
    effect: { kind: 'forward' },
  });
  return seen;
}

function statuses(r: ActionResult): string[][] {
  const report = JSON.parse(r.outputs['report'] ?? '[]') as { check: string; status: string }[];
  return report.map((f) => [f.check, f.status]);
}

const CHECKS = { checks: 'identity, region', builder: 'none' };

test('every AWS request of an action carries the user agent hoist/<version> <action>', async () => {
  const seen = recordHeaders();
  const r = await runAction('preflight', CHECKS, { env: proxy.env });
  expect(r.exitCode).toBe(0);
  expect(seen.map((s) => `${s.service}:${s.operation}`).sort()).toEqual([
    'ec2:DescribeRegions',
    'sts:GetCallerIdentity',
  ]);
  // Exactly `hoist/<version> preflight`: no hoist token, a dashed one, or another action's name does not pass.
  const hoistToken = new RegExp(`(?:^| )hoist/${HOIST_VERSION.replace(/\./g, '\\.')} preflight(?: |$)`);
  for (const { headers } of seen) expect(headers['user-agent']).toMatch(hoistToken);
});

describe('AWS_ENDPOINT_URL_<SERVICE>', () => {
  test('without AWS_ENDPOINT_URL, per-service endpoints send STS and EC2 calls to moto', async () => {
    await moto.startRecording();
    const r = await runAction('preflight', CHECKS, {
      env: {
        ...proxy.env,
        AWS_ENDPOINT_URL: undefined,
        AWS_ENDPOINT_URL_STS: proxy.url,
        AWS_ENDPOINT_URL_EC2: proxy.url,
      },
    });
    await moto.stopRecording();
    expect(statuses(r)).toEqual([
      ['identity', 'pass'],
      ['region', 'pass'],
    ]);
    expect(r.exitCode).toBe(0);
    // moto's own account: the answer came from moto, through the proxy, and nowhere else.
    expect(r.outputs['account-id']).toBe('123456789012');
    expect(
      proxy
        .calls()
        .map((c) => `${c.service}:${c.operation} ${c.status}`)
        .sort(),
    ).toEqual(['ec2:DescribeRegions 200', 'sts:GetCallerIdentity 200']);
    expect((await moto.recorded()).map((c) => c.operation).sort()).toEqual(['DescribeRegions', 'GetCallerIdentity']);
  });

  test('a service endpoint wins over AWS_ENDPOINT_URL: STS reaches moto while every other service is unreachable', async () => {
    // Nothing listens on this loopback port: a call that used AWS_ENDPOINT_URL would be refused.
    const nowhere = `http://127.0.0.1:${await freePort()}`;
    const r = await runAction('preflight', CHECKS, {
      env: {
        ...proxy.env,
        AWS_ENDPOINT_URL: nowhere,
        AWS_ENDPOINT_URL_STS: proxy.url,
        HOIST_AWS_MAX_ATTEMPTS: '1',
      },
    });
    expect(statuses(r)).toEqual([
      ['identity', 'pass'],
      // us-east-1 is a known region: an unreachable EC2 API is a warning, not a verdict.
      ['region', 'warn'],
    ]);
    expect(r.outputs['account-id']).toBe('123456789012');
    expect(proxy.calls().map((c) => `${c.service}:${c.operation}`)).toEqual(['sts:GetCallerIdentity']);
    const report = JSON.parse(r.outputs['report'] ?? '[]') as { check: string; message: string }[];
    expect(report.find((f) => f.check === 'region')?.message).toMatch(/could not ask AWS whether it is enabled/);
  });
});
