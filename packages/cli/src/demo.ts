/**
 * `npm run demo`: the whole chain on the reference workload against a local AWS emulator — preflight,
 * secrets-sync, quota-check, cfn-validate, build-push-multiarch, deploy-stack, a second deploy with a new image,
 * and a rollback to the first — each action run from its bundle exactly as a runner (or `hoist <action>`) runs it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseTemplate } from '@hoist/cfn';
import { CHAIN } from '@hoist/chain';
import { evaluateCondition } from '@hoist/quotas';
import { actionDefaults, ROOT } from '../../../test/support/run-action.js';
import { MOTO_INSTALL_HINT, requireMoto, startMoto, type Moto } from '../../../test/support/moto.js';
import { startRegistry, type TestRegistry } from '../../../test/support/registry.js';
import { buildahEnv } from '../../../test/support/buildah.js';

const WORKLOAD = path.join(ROOT, 'examples', 'ray-celery');
const STACK = 'hoist-demo-ray-workers';
const REPOSITORY = 'hoist-demo/ray-worker';
const NODE = existsSync(path.join(ROOT, 'node_modules', 'node', 'bin', 'node'))
  ? path.join(ROOT, 'node_modules', 'node', 'bin', 'node')
  : process.execPath;
const color = process.stdout.isTTY === true && !process.env['NO_COLOR'];
const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);

interface StepResult {
  step: string;
  action: string;
  exitCode: number;
  durationMs: number;
  outputs: Record<string, string>;
  note: string;
}

interface Services {
  moto: Moto;
  registry: TestRegistry | undefined;
  buildah: Record<string, string> | undefined;
  work: string;
}

/** The template's resources set against what moto made of them (ListStackResources). */
interface ResourceComparison {
  /** Resources the template declares whose condition holds with the stack's parameter values. */
  declared: number;
  /** Logical ids ListStackResources returns. */
  listed: string[];
  /** Resource type → how many of the declared resources of that type moto did not create. */
  skipped: Record<string, number>;
}

const results: StepResult[] = [];
const cleanups: (() => Promise<void> | void)[] = [];
let running: ChildProcess | undefined;
let servicesStarting: Promise<Services> | undefined;
let resources: ResourceComparison | undefined;

function commandExists(command: string): boolean {
  const probe = spawnSync(command, ['--version'], { stdio: 'ignore' });
  return !probe.error && probe.status === 0;
}

/** Runs one action's bundle with the terminal reporter; its log streams indented, its outputs come back as JSON. */
async function runStep(
  step: string,
  action: string,
  inputs: Record<string, string>,
  env: Record<string, string>,
): Promise<StepResult> {
  if (interrupted) throw new Error(`interrupted (${interrupted}) before ${step}`);
  console.log(`\n${paint(1, `▸ ${step}`)} ${paint(2, `(${action})`)}`);
  const started = Date.now();
  const inputEnv = Object.fromEntries(
    Object.entries({ ...actionDefaults(action), ...inputs }).map(([k, v]) => [
      `INPUT_${k.replace(/ /g, '_').toUpperCase()}`,
      v,
    ]),
  );
  const child = spawn(NODE, [path.join(ROOT, 'actions', action, 'dist', 'index.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...env,
      ...inputEnv,
      HOIST_REPORTER: 'terminal',
      HOIST_OUTPUT: 'json',
      GITHUB_WORKSPACE: ROOT,
      FORCE_COLOR: color ? '1' : '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running = child;
  let stdout = '';
  let pending = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => {
    pending += c;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines)
      if (!/NodeVersionSupportWarning|node >=22|a\.co\//.test(line)) console.log(`  ${paint(2, '│')} ${line}`);
  });
  const exitCode = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  running = undefined;
  let outputs: Record<string, string> = {};
  try {
    outputs = (JSON.parse(stdout) as { outputs: Record<string, string> }).outputs;
  } catch {
    // A step that died before its reporter closed has no outputs; its exit code says so.
  }
  const result = { step, action, exitCode, durationMs: Date.now() - started, outputs, note: '' };
  results.push(result);
  return result;
}

function fail(result: StepResult, why: string): never {
  throw new Error(`${result.step} failed (exit ${result.exitCode}): ${why}`);
}

async function startServices(): Promise<Services> {
  try {
    requireMoto();
  } catch {
    console.error(MOTO_INSTALL_HINT);
    process.exit(1);
  }
  const work = mkdtempSync(path.join(tmpdir(), 'hoist-demo-'));
  cleanups.push(() => rmSync(work, { recursive: true, force: true }));
  console.log(
    paint(1, 'hoist demo') + ' — the whole chain on a local AWS emulator (moto_server), nothing leaves this machine.',
  );
  // ECS services in moto never reach their desired count unless told to: this stands in for tasks starting.
  // A non-documentation account id: 123456789012 in a parameter value reads as a placeholder to the checks.
  const moto = await startMoto({ MOTO_ECS_SERVICE_RUNNING: '1', MOTO_ACCOUNT_ID: '210987654321' });
  cleanups.push(() => moto.stop());
  console.log(`  AWS emulator: moto_server at ${moto.url}`);
  console.log(`  temporary files: ${work}`);
  let registry: TestRegistry | undefined;
  let buildah: Record<string, string> | undefined;
  if (commandExists('buildah') && commandExists('docker-registry')) {
    registry = await startRegistry();
    cleanups.push(() => registry?.stop());
    const storage = path.join(work, 'buildah');
    buildah = buildahEnv(storage);
    cleanups.push(() => {
      // vfs layers are read-only directories for buildah; unshare lets root remove what buildah made.
      spawnSync('buildah', ['rm', '--all'], { env: { ...process.env, ...buildah }, stdio: 'ignore' });
      rmSync(storage, { recursive: true, force: true });
    });
    console.log(`  image registry: docker-registry at ${registry.url}; builder: buildah (vfs, chroot)`);
  } else {
    console.log('  buildah or docker-registry is missing: images are seeded into the emulated ECR instead of built.');
  }
  return { moto, registry, buildah, work };
}

function baseEnv(services: Services, sha: string): Record<string, string> {
  return {
    ...services.moto.env,
    ...(services.buildah ?? {}),
    GITHUB_SHA: sha,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REPOSITORY: 'hoist-dev/ray-workers',
    GITHUB_ACTOR: 'demo',
    GITHUB_SERVER_URL: 'https://github.com',
  };
}

/** A stand-in build context (FROM scratch, no RUN): base images cannot be pulled offline. */
function standinContext(services: Services, release: string): string {
  const dir = path.join(services.work, `context-${release}`);
  cpSync(path.join(WORKLOAD, 'standin'), dir, { recursive: true });
  writeFileSync(path.join(dir, 'RELEASE'), `${release}\n`);
  return dir;
}

async function main(): Promise<number> {
  const services = await (servicesStarting = startServices());
  const shaA = randomBytes(20).toString('hex');
  const shaB = randomBytes(20).toString('hex');
  const secretEnv = {
    DEMO_OPENAI_API_KEY: `sk-demo-${randomBytes(12).toString('hex')}`,
    DEMO_PINECONE_API_KEY: `pcsk_demo_${randomBytes(12).toString('hex')}`,
  };
  const parameters = path.join(services.work, 'parameters.json');
  // moto reports MOTO_ECS_SERVICE_RUNNING tasks for every service, so a service scaled to zero would never settle.
  const file = JSON.parse(readFileSync(path.join(WORKLOAD, DEMO.parameters), 'utf8')) as unknown;
  writeFileSync(parameters, JSON.stringify(setParameter(file, 'WorkerMinCount', '1'), null, 2) + '\n');

  const imageA = await shipRelease(services, 'A', { ...baseEnv(services, shaA), ...secretEnv }, parameters);
  const imageB = await shipRelease(services, 'B', { ...baseEnv(services, shaB), ...secretEnv }, parameters);

  const rollback = await runStep(
    'rollback (to release A)',
    'rollback',
    { 'stack-name': STACK, to: shaA.slice(0, 12) },
    { ...baseEnv(services, shaB), ...secretEnv },
  );
  if (rollback.exitCode !== 0) fail(rollback, `status ${rollback.outputs['status'] ?? 'unknown'}`);
  rollback.note = `${rollback.outputs['status']}, release ${rollback.outputs['release-id']}`;

  const running = await stackParameter(services, DEMO.imageParameter);
  const restored = running === imageA;
  console.log(`\n${paint(1, 'Final state')}: stack ${STACK} runs ${running}`);
  console.log(
    `  release A image ${imageA}\n  release B image ${imageB}\n  ${restored ? paint(32, 'rolled back to release A, by digest, with no rebuild') : paint(31, 'the stack does not run release A')}`,
  );
  resources = await compareResources(services);
  writeReport({ stack: STACK, imageA, imageB, running, restored, resources });
  return restored ? 0 : 1;
}

interface ShipReport {
  status: string;
  steps: { step: string; outcome: string; durationMs: number; note?: string; outputs: Record<string, string> }[];
}

/**
 * One release through `hoist ship` (actions/ship, the chain module packages/chain): preflight → secrets-sync →
 * quota-check → cfn-validate → build-push-multiarch → deploy-stack. Without buildah the image is seeded into the
 * emulated ECR and ship promotes it by digest.
 */
async function shipRelease(
  services: Services,
  release: string,
  env: Record<string, string>,
  parameters: string,
): Promise<string> {
  const seeded = services.registry ? undefined : await seedImage(services, `seed image (release ${release})`, release);
  const inputs: Record<string, string> = {
    'stack-name': STACK,
    template: path.join(WORKLOAD, DEMO.template),
    parameters,
    repository: REPOSITORY,
    secrets: DEMO.secrets,
    environment: 'demo',
    'image-parameter': DEMO.imageParameter,
    ...(services.registry
      ? {
          builder: 'buildah',
          registry: services.registry.host,
          'insecure-registry': 'true',
          context: standinContext(services, release),
          platforms: 'linux/amd64,linux/arm64',
          cache: 'none',
        }
      : { builder: 'none', image: seeded ?? '' }),
  };
  const result = await runStep(`ship (release ${release})`, 'ship', inputs, env);
  let report: ShipReport | undefined;
  try {
    report = JSON.parse(result.outputs['report'] ?? '') as ShipReport;
  } catch {
    report = undefined;
  }
  // The table shows ship's steps one by one, from its `report` output.
  results.pop();
  for (const s of report?.steps ?? []) {
    if (s.outcome === 'skipped' || s.outcome === 'not-run') continue;
    results.push({
      step: `${s.step} (release ${release})`,
      action: s.step,
      exitCode: s.outcome === 'success' ? 0 : 1,
      durationMs: s.durationMs,
      outputs: s.outputs,
      note: stepNote(s.step, s.outputs) || s.note || '',
    });
  }
  if (result.exitCode !== 0 || !result.outputs['image-uri'])
    fail(result, `ship ended with status ${result.outputs['status'] ?? 'unknown'}`);
  return result.outputs['image-uri'] ?? '';
}

function stepNote(step: string, o: Record<string, string>): string {
  switch (step) {
    case 'secrets-sync':
      return `created ${o['created'] || 'none'}`;
    case 'cfn-validate':
      return `${o['errors'] ?? '?'} errors, ${o['warnings'] ?? '?'} warnings`;
    case 'build-push-multiarch':
      return `${o['platforms'] ?? ''} → ${o['digest']?.slice(0, 19) ?? ''}…`;
    case 'deploy-stack':
      return `${o['status'] ?? ''}, release ${o['release-id'] ?? ''}`;
    default:
      return '';
  }
}

/** Without buildah and a registry: an image manifest put straight into the emulated ECR (and said so). */
async function seedImage(services: Services, step: string, release: string): Promise<string> {
  const started = Date.now();
  const { ECRClient, CreateRepositoryCommand, PutImageCommand } = await import('@aws-sdk/client-ecr');
  const ecr = new ECRClient({
    region: 'us-east-1',
    endpoint: services.moto.url,
    credentials: { accessKeyId: 'demo', secretAccessKey: 'demo' },
  });
  await ecr.send(new CreateRepositoryCommand({ repositoryName: REPOSITORY })).catch(() => undefined);
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: {
      mediaType: 'application/vnd.oci.image.config.v1+json',
      digest: `sha256:${'0'.repeat(63)}${release === 'A' ? 'a' : 'b'}`,
      size: 2,
    },
    layers: [],
  });
  // The digest of the manifest's bytes, as a registry computes it (moto answers the same digest for every manifest).
  const digest = `sha256:${createHash('sha256').update(manifest).digest('hex')}`;
  await ecr.send(
    new PutImageCommand({
      repositoryName: REPOSITORY,
      imageManifest: manifest,
      imageTag: release,
      imageDigest: digest,
    }),
  );
  const uri = `210987654321.dkr.ecr.us-east-1.amazonaws.com/${REPOSITORY}@${digest}`;
  results.push({
    step,
    action: 'seeded',
    exitCode: 0,
    durationMs: Date.now() - started,
    outputs: { 'image-uri': uri },
    note: 'seeded, not built (no buildah)',
  });
  return uri;
}

function setParameter(file: unknown, key: string, value: string): unknown {
  if (Array.isArray(file))
    return [
      ...file.filter((p: { ParameterKey?: string }) => p.ParameterKey !== key),
      { ParameterKey: key, ParameterValue: value },
    ];
  const doc = file as { Parameters?: Record<string, string> };
  return { ...doc, Parameters: { ...(doc.Parameters ?? {}), [key]: value } };
}

async function cloudFormation(services: Services) {
  const sdk = await import('@aws-sdk/client-cloudformation');
  const client = new sdk.CloudFormationClient({
    region: 'us-east-1',
    endpoint: services.moto.url,
    credentials: { accessKeyId: 'demo', secretAccessKey: 'demo' },
  });
  return { sdk, client };
}

async function stackParameter(services: Services, key: string): Promise<string | undefined> {
  const { sdk, client } = await cloudFormation(services);
  const stack = (await client.send(new sdk.DescribeStacksCommand({ StackName: STACK }))).Stacks?.[0];
  return stack?.Parameters?.find((p) => p.ParameterKey === key)?.ParameterValue;
}

/**
 * Which of the template's resources moto skipped: those the template declares (conditions evaluated with the stack's
 * parameter values) that ListStackResources does not return. For a resource it skipped, moto answers a summary with
 * an empty logical id, which names nothing.
 */
async function compareResources(services: Services): Promise<ResourceComparison> {
  const { sdk, client } = await cloudFormation(services);
  const stack = (await client.send(new sdk.DescribeStacksCommand({ StackName: STACK }))).Stacks?.[0];
  const parameters = Object.fromEntries(
    (stack?.Parameters ?? []).map((p) => [p.ParameterKey ?? '', p.ParameterValue ?? '']),
  );
  const listed: string[] = [];
  for await (const page of sdk.paginateListStackResources({ client }, { StackName: STACK }))
    for (const r of page.StackResourceSummaries ?? []) if (r.LogicalResourceId) listed.push(r.LogicalResourceId);
  const template = parseTemplate(readFileSync(path.join(WORKLOAD, DEMO.template), 'utf8'), { file: DEMO.template });
  const context = { template, parameters, region: 'us-east-1', stackName: STACK };
  const declared = [...template.resources.values()].filter(
    (r) => r.type !== undefined && (!r.condition || evaluateCondition(r.condition.name, context) !== false),
  );
  const skipped: Record<string, number> = {};
  for (const r of declared) if (!listed.includes(r.logicalId)) skipped[r.type ?? ''] = (skipped[r.type ?? ''] ?? 0) + 1;
  return { declared: declared.length, listed, skipped };
}

function writeReport(final: Record<string, unknown>): void {
  const file = process.env['HOIST_DEMO_REPORT'];
  if (file) appendFileSync(file, JSON.stringify({ steps: results, final }) + '\n');
}

function printTable(): void {
  console.log(`\n${paint(1, 'What happened')}`);
  const width = Math.max(...results.map((r) => r.step.length), 4);
  for (const r of results) {
    const status = r.exitCode === 0 ? paint(32, 'ok  ') : paint(31, 'FAIL');
    console.log(
      `  ${status}  ${r.step.padEnd(width)}  ${`${(r.durationMs / 1000).toFixed(1)}s`.padStart(6)}  ${r.note}`,
    );
  }
  const total = results.reduce((sum, r) => sum + r.durationMs, 0);
  console.log(`  ${' '.repeat(4)}  ${'total'.padEnd(width)}  ${`${(total / 1000).toFixed(1)}s`.padStart(6)}`);
  console.log(`\n${paint(1, 'What the emulator did not really do')}`);
  for (const line of honestLines(resources)) console.log(`  - ${line}`);
}

function honestLines(compared: ResourceComparison | undefined): string[] {
  return [
    'moto_server stands in for AWS: CloudFormation creates the stack synchronously and never fails into ROLLBACK_*; resources are records, not running infrastructure.',
    skippedLine(compared),
    'ECS services report their tasks running because moto was started with MOTO_ECS_SERVICE_RUNNING=1; no container was pulled or started.',
    'The image was built from a FROM scratch stand-in context (examples/ray-celery/standin): the Ray and Celery base images cannot be pulled offline. Nothing pulled the image.',
    'Service Quotas come from moto for VPCs only; other quotas fell back to AWS defaults (quota-check says so in its table).',
  ];
}

function skippedLine(compared: ResourceComparison | undefined): string {
  if (!compared)
    return `The stack's resources were not compared with ${DEMO.template}: the demo stopped before the rollback.`;
  const types = Object.entries(compared.skipped).sort(([a], [b]) => a.localeCompare(b));
  const count = types.reduce((sum, [, n]) => sum + n, 0);
  if (count === 0)
    return `moto made a record of each of the ${compared.declared} resources ${DEMO.template} declares (ListStackResources).`;
  return `moto skipped ${count} of the ${compared.declared} resources ${DEMO.template} declares (ListStackResources has no record of them): ${types.map(([type, n]) => `${type} (${n})`).join(', ')}.`;
}

/** The step running now, stopped as a runner cancels one (SIGTERM), and waited for: it may still write to moto or the work dir. */
async function stopRunningStep(): Promise<void> {
  const child = running;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await closed;
  clearTimeout(timer);
}

let cleaning: Promise<void> | undefined;
/** Once, whoever asks first (the end of the demo or a signal): the running step, then services and files, newest first. */
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await stopRunningStep();
    for (const step of [...cleanups].reverse()) {
      try {
        await step();
      } catch {
        // Best effort: one failed cleanup must not keep the others from running.
      }
    }
  })();
  return cleaning;
}

let interrupted: NodeJS.Signals | undefined;
const onSignal = (signal: NodeJS.Signals) => {
  if (interrupted) process.exit(130);
  interrupted = signal;
  console.log(
    `\n${signal}: cleaning up — stopping the running step, the emulator and the registry, removing temporary files…`,
  );
  // Services still starting are waited for, so none is left running after the demo exits.
  void Promise.resolve(servicesStarting)
    .catch(() => undefined)
    .then(cleanup)
    .then(exitInterrupted);
};

/** The end of an interrupted demo, from whichever of the signal handler and the main flow gets here first. */
function exitInterrupted(): never {
  console.log('Cleaned up.');
  process.exit(130);
}
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

const DEMO = {
  template: 'templates/ecs-workers.yaml',
  parameters: 'parameters/ecs-dev.json',
  imageParameter: 'ImageUri',
  secrets: [
    'hoist-demo/openai: { from-env: DEMO_OPENAI_API_KEY, pattern: "^sk-", parameter: OpenAiSecretArn }',
    'hoist-demo/pinecone: { from-env: DEMO_PINECONE_API_KEY, parameter: PineconeSecretArn }',
  ].join('\n'),
};

let code = 1;
try {
  console.log(paint(2, `chain (hoist ship): ${CHAIN.join(' → ')}, twice (releases A and B), then rollback to A`));
  code = await main();
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  if (!interrupted) console.error(`\n${paint(31, 'demo failed')}: ${message}`);
  writeReport({ error: interrupted ? `interrupted (${interrupted})` : message });
} finally {
  printTable();
  await cleanup();
}
if (interrupted) exitInterrupted();
process.exit(code);
