import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@jest/globals';
import { parseTemplate } from '@hoist/cfn';
import { MOTO_INSTALL_HINT } from '../support/moto.js';
import { NODE24, ROOT } from '../support/run-action.js';

interface DemoReport {
  steps: { step: string; action: string; exitCode: number; outputs: Record<string, string> }[];
  final: {
    restored?: boolean;
    imageA?: string;
    imageB?: string;
    running?: string;
    error?: string;
    resources?: { declared: number; listed: string[]; skipped: Record<string, number> };
  };
}

const WORKLOAD = path.join(ROOT, 'examples', 'ray-celery');

interface RunningDemo {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number>;
}

/** The demo as `npm run demo` starts it (node 24 with the TypeScript hooks). */
function startDemo(env: Record<string, string>): RunningDemo {
  const args = [
    '--experimental-transform-types',
    '--disable-warning=ExperimentalWarning',
    '--import',
    './scripts/ts-hooks.mjs',
    'packages/cli/src/demo.ts',
  ];
  const child = spawn(NODE24, args, { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...env } });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number>((resolve) => child.on('close', (c, signal) => resolve(c ?? (signal ? -1 : 1))));
  return { child, output: () => out, exited };
}

const demoDirs = () => new Set(readdirSync(tmpdir()).filter((d) => d.startsWith('hoist-demo-')));

/** `npm run demo` is the README's main job: run it as a user does, then check what it says it did. */
test('npm run demo ships release A, then B, through hoist ship, and rolls back to A by digest, cleaning up after itself', async () => {
  const report = path.join(mkdtempSync(path.join(tmpdir(), 'hoist-demo-test-')), 'report.jsonl');
  const before = demoDirs();
  const demo = startDemo({ HOIST_DEMO_REPORT: report });
  const code = await demo.exited;
  const out = demo.output();
  expect({ code, tail: code === 0 ? '' : out.slice(-3000) }).toEqual({ code: 0, tail: '' });

  const doc = JSON.parse(readFileSync(report, 'utf8').trim().split('\n').pop() ?? '{}') as DemoReport;
  // Two releases through `hoist ship` (its steps, from its report), then a rollback to the first.
  const release = [
    'preflight',
    'secrets-sync',
    'quota-check',
    'cfn-validate',
    'build-push-multiarch',
    'deploy-stack',
  ].map((action) => [action, 0]);
  expect(doc.steps.map((s) => [s.action, s.exitCode])).toEqual([...release, ...release, ['rollback', 0]]);
  expect(doc.steps.filter((s) => s.action === 'deploy-stack').map((s) => s.outputs['status'])).toEqual([
    'deployed',
    'deployed',
  ]);
  expect(doc.final.imageA).toMatch(/@sha256:[a-f0-9]{64}$/);
  expect(doc.final.imageB).not.toBe(doc.final.imageA);
  expect(doc.final.running).toBe(doc.final.imageA);
  expect(doc.final.restored).toBe(true);
  const rollback = doc.steps.at(-1);
  expect(rollback?.outputs['status']).toBe('restored');
  expect(rollback?.outputs['image-uri']).toBe(doc.final.imageA);
  // The final table and the honest list are what a newcomer reads.
  expect(out).toContain('What happened');
  expect(out).toContain('What the emulator did not really do');
  // Temporary files are gone.
  const left = [...demoDirs()].filter((d) => !before.has(d) && !report.includes(d));
  expect(left.filter((d) => existsSync(path.join(tmpdir(), d)))).toEqual([]);

  // The honest list names what moto skipped: the template's resources that ListStackResources did not return.
  const resources = doc.final.resources;
  const template = parseTemplate(readFileSync(path.join(WORKLOAD, 'templates', 'ecs-workers.yaml'), 'utf8'));
  // The demo's parameters create the VPC (ExistingVpcId is empty), the only condition on a resource: all are declared.
  const parameters = JSON.parse(readFileSync(path.join(WORKLOAD, 'parameters', 'ecs-dev.json'), 'utf8')) as {
    Parameters: Record<string, string>;
  };
  expect(parameters.Parameters['ExistingVpcId']).toBe('');
  const declared = [...template.resources.values()];
  expect(new Set(declared.map((r) => r.condition?.name ?? 'none'))).toEqual(new Set(['none', 'CreateVpc']));
  expect(resources?.declared).toBe(declared.length);
  // What moto listed is real: the ECS services deploy-stack verified are there, and nothing the template lacks.
  expect(resources?.listed).toEqual(expect.arrayContaining(['HeadService', 'WorkerService', 'Cluster']));
  expect(resources?.listed.filter((id) => !template.resources.has(id))).toEqual([]);
  const skipped: Record<string, number> = {};
  for (const r of declared)
    if (!resources?.listed.includes(r.logicalId)) skipped[r.type ?? ''] = (skipped[r.type ?? ''] ?? 0) + 1;
  expect(resources?.skipped).toEqual(skipped);
  // moto 5.2.1 has no CloudFormation support for CloudWatch alarms: the template's four are skipped.
  expect(skipped['AWS::CloudWatch::Alarm']).toBe(4);
  const count = Object.values(skipped).reduce((a, b) => a + b, 0);
  const line = out.split('\n').find((l) => l.includes('moto skipped')) ?? '';
  expect(line).toContain(
    `moto skipped ${count} of the ${declared.length} resources templates/ecs-workers.yaml declares`,
  );
  for (const [type, n] of Object.entries(skipped)) expect(line).toContain(`${type} (${n})`);
  // The template has no secret resource: the list no longer claims one was skipped.
  expect(out).not.toContain('AWS::SecretsManager::Secret');
}, 300_000);

/** The processes below `pid` now (its children, theirs, …), from /proc. */
function descendants(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // `pid (comm) state ppid …`: comm may hold spaces and parentheses, so read after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // Gone while listing.
    }
  }
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const [child, ppid] of parents) {
      if (ppid !== parent || found.includes(child)) continue;
      found.push(child);
      walk(child);
    }
  };
  walk(pid);
  return found;
}

/** Running (not a zombie waiting to be reaped), with its command line. */
function alive(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) return undefined;
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
  } catch {
    return undefined;
  }
}

async function refused(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2000) });
    return false;
  } catch {
    return true;
  }
}

test('Ctrl-C (SIGINT) during the demo: exit 130, says it is cleaning up, leaves no temporary dir and no process it started', async () => {
  const before = demoDirs();
  const demo = startDemo({});
  const started: number[] = [];
  try {
    const deadline = Date.now() + 60_000;
    while (!demo.output().includes('▸ ship (release A)')) {
      if (Date.now() > deadline || demo.child.exitCode !== null)
        throw new Error(`the demo did not reach its first step:\n${demo.output().slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    // Let ship get going (it spawns its steps), then see what the demo started.
    await new Promise((r) => setTimeout(r, 1500));
    const pid = demo.child.pid ?? 0;
    started.push(...descendants(pid));
    const commands = started.map((p) => alive(p) ?? '');
    expect(commands.some((c) => c.includes('moto_server'))).toBe(true);
    const out = demo.output();
    const motoUrl = /moto_server at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
    const registryUrl = /docker-registry at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
    const work = /temporary files: (\S+)/.exec(out)?.[1];
    expect(motoUrl).toBeDefined();
    expect(work && existsSync(work)).toBe(true);

    const sentAt = Date.now();
    demo.child.kill('SIGINT');
    const code = await demo.exited;
    const after = demo.output();
    expect({ code, tail: code === 130 ? '' : after.slice(-3000) }).toEqual({ code: 130, tail: '' });
    expect(Date.now() - sentAt).toBeLessThan(30_000);
    expect(after).toContain('SIGINT: cleaning up');
    expect(after).toContain('Cleaned up.');
    expect(after).not.toContain('demo failed');

    // Nothing it started still runs: moto_server, docker-registry, the step and whatever the step ran.
    expect(started.map((p) => [p, alive(p)]).filter(([, command]) => command !== undefined)).toEqual([]);
    expect(await refused(`${motoUrl}/moto-api/`)).toBe(true);
    if (registryUrl) expect(await refused(`${registryUrl}/v2/`)).toBe(true);
    // Its temporary files are gone.
    expect(existsSync(work ?? '')).toBe(false);
    expect([...demoDirs()].filter((d) => !before.has(d))).toEqual([]);
  } finally {
    // A failed assertion must not leave the demo's processes behind for the next test.
    if (demo.child.exitCode === null) demo.child.kill('SIGKILL');
    for (const p of started) if (alive(p) !== undefined) process.kill(p, 'SIGKILL');
  }
}, 120_000);

/**
 * PATH without any directory holding `moto_server`; node and npm stay reachable (linked from `links` when they
 * shared a directory with it).
 */
function pathWithoutMoto(links: string): string {
  const dirs = (process.env['PATH'] ?? '').split(path.delimiter).filter(Boolean);
  const kept = dirs.filter((d) => !existsSync(path.join(d, 'moto_server')));
  const find = (command: string, within: string[]) => within.find((d) => existsSync(path.join(d, command)));
  for (const command of ['node', 'npm']) {
    if (find(command, kept)) continue;
    const from = find(command, dirs);
    if (!from) throw new Error(`${command} is not on PATH: cannot run npm run demo`);
    symlinkSync(path.join(from, command), path.join(links, command));
  }
  return [...kept, links].join(path.delimiter);
}

test('without moto_server on PATH, npm run demo exits 1 and says how to install it', async () => {
  const links = mkdtempSync(path.join(tmpdir(), 'hoist-path-'));
  const PATH = pathWithoutMoto(links);
  // The PATH really lacks it: a shell looking it up finds nothing.
  expect(spawnSync('sh', ['-c', 'command -v moto_server'], { env: { ...process.env, PATH } }).status).not.toBe(0);
  const before = demoDirs();
  const child = spawn('npm', ['run', 'demo'], { cwd: ROOT, env: { ...process.env, PATH, NO_COLOR: '1' } });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  expect({ code, out: out.includes(MOTO_INSTALL_HINT) ? 'hint' : out.slice(-3000) }).toEqual({
    code: 1,
    out: 'hint',
  });
  expect(out).toContain('pip install "moto[server]');
  expect([...demoDirs()].filter((d) => !before.has(d))).toEqual([]);
  rmSync(links, { recursive: true, force: true });
}, 60_000);
