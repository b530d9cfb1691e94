// preflight against the prerequisites guide's own method, on the same moto server, with 50 ms added to every AWS
// call by the scenario proxy (a real region's round trip). The guide's method: its documented awscli commands for
// checks 2, 3, 5, 6, 9 and 10, run one after another. preflight: the same checks (identity, region, permissions,
// secrets, quotas, template), concurrently, through the SDK. Prints both medians and the ratio.
//
//   node_modules/.bin/node --import ./scripts/ts-hooks.mjs test/bench/preflight.bench.mjs [--runs 3] [--write]
//
// Needs moto_server and awscli on PATH, and a fresh bundle (node scripts/bundle.mjs preflight). `--write` puts the
// result into the preflight section of docs/benchmarks.md (between its markers; other sections are left alone).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startMoto } from '../support/moto.ts';
import { NODE24, ROOT, runAction } from '../support/run-action.ts';
import { delay, error, respond, startScenarioProxy } from '../support/scenario-proxy.ts';
import { queryAnswer } from '../support/aws-shapes.ts';

const LATENCY_MS = 50;
const { values } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, write: { type: 'boolean', default: false } },
});
const runs = Math.max(1, Number(values.runs) || 3);

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Description: Ray Document Processing Pipeline (network part)
Parameters:
  S3BucketName:
    Type: String
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties: { BucketName: !Ref S3BucketName }
  VPC:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.0.0.0/16 }
  Subnet:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref VPC, CidrBlock: 10.0.1.0/24 }
  NatAddress:
    Type: AWS::EC2::EIP
    Properties: { Domain: vpc }
  Nat:
    Type: AWS::EC2::NatGateway
    Properties: { SubnetId: !Ref Subnet, AllocationId: !GetAtt NatAddress.AllocationId }
Outputs:
  VPCId:
    Value: !Ref VPC
`;

/** The guide's commands for checks 2, 3, 5, 6, 9, 10, as documented (where awscli v1 lacks `--max-results`, its `--max-items`). */
function guideCommands(templateFile) {
  return [
    ['sts', 'get-caller-identity'],
    ['configure', 'get', 'region'],
    ['cloudformation', 'list-stacks', '--max-items', '1'],
    ['ecr', 'describe-repositories', '--max-results', '1'],
    ['ecs', 'list-clusters', '--max-results', '1'],
    ['s3', 'ls'],
    ['dynamodb', 'list-tables', '--max-items', '1'],
    ['secretsmanager', 'list-secrets', '--max-results', '1'],
    ['lambda', 'list-functions', '--max-items', '1'],
    ['secretsmanager', 'describe-secret', '--secret-id', 'ray-pipeline-openai'],
    ['secretsmanager', 'describe-secret', '--secret-id', 'ray-pipeline-pinecone'],
    ['ec2', 'describe-vpcs', '--query', 'Vpcs[*].VpcId'],
    ['ec2', 'describe-addresses', '--query', 'Addresses[*].PublicIp'],
    ['cloudformation', 'validate-template', '--template-body', `file://${templateFile}`],
  ];
}

function run(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

function median(list) {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const COMMAND =
  'node_modules/.bin/node --import ./scripts/ts-hooks.mjs test/bench/preflight.bench.mjs --runs 3 --write';
const load = loadavg()[0].toFixed(2);

/** Replaces (or appends) the preflight section of docs/benchmarks.md. */
function writeSection(markdown) {
  const file = path.join(ROOT, 'docs', 'benchmarks.md');
  const start = '<!-- preflight:start -->';
  const end = '<!-- preflight:end -->';
  const section = `${start}\n${markdown.trim()}\n${end}`;
  const current = existsSync(file)
    ? readFileSync(file, 'utf8')
    : '# Benchmarks\n\nEach section is written by the benchmark named in it.\n';
  const at = current.indexOf(start);
  const next =
    at >= 0
      ? current.slice(0, at) + section + current.slice(current.indexOf(end, at) + end.length)
      : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
}

const moto = await startMoto();
const proxy = await startScenarioProxy(moto.url);
try {
  // What a real region answers, and moto cannot: IAM policy simulation, and AWS's "no default for this quota".
  proxy.addRule({
    service: 'iam',
    operation: 'SimulatePrincipalPolicy',
    effect: respond((call) =>
      queryAnswer('iam', 'SimulatePrincipalPolicy', {
        EvaluationResults: Object.entries(call.params)
          .filter(([k]) => k.startsWith('ActionNames.member.'))
          .map(([, action]) => ({ EvalActionName: String(action), EvalResourceName: '*', EvalDecision: 'allowed' })),
        IsTruncated: false,
      }),
    ),
  });
  proxy.addRule({
    service: 'servicequotas',
    operation: 'GetAWSDefaultServiceQuota',
    where: (call) => call.params['ServiceCode'] !== 'vpc',
    effect: error({ status: 400, code: 'NoSuchResourceException', message: 'The specified service does not exist.' }),
  });
  proxy.addRule({ name: 'latency', effect: delay(LATENCY_MS) });

  const workspace = mkdtempSync(path.join(tmpdir(), 'hoist-bench-preflight-'));
  const templateFile = path.join(workspace, 'ray-pipeline-cloudformation.yaml');
  writeFileSync(templateFile, TEMPLATE);
  writeFileSync(
    path.join(workspace, 'cloudformation-parameters.json'),
    JSON.stringify({ Parameters: { S3BucketName: 'ray-pipeline-acme-dev-us-east-1' } }),
  );
  const home = path.join(workspace, 'home');
  mkdirSync(path.join(home, '.aws'), { recursive: true });
  writeFileSync(path.join(home, '.aws', 'config'), '[default]\nregion = us-east-1\n');
  const env = { ...process.env, ...proxy.env, HOME: home };
  for (const name of ['ray-pipeline-openai', 'ray-pipeline-pinecone']) {
    await run(
      'aws',
      ['--endpoint-url', moto.url, 'secretsmanager', 'create-secret', '--name', name, '--secret-string', 'v'],
      env,
    );
  }

  const guide = [];
  const hoist = [];
  const calls = { guide: 0, hoist: 0 };
  for (let i = 0; i < runs; i++) {
    proxy.clear();
    let started = Date.now();
    for (const args of guideCommands(templateFile)) {
      const result = await run('aws', ['--endpoint-url', proxy.url, ...args], env);
      if (result.code !== 0) throw new Error(`aws ${args.join(' ')} failed: ${result.stderr}`);
    }
    guide.push(Date.now() - started);
    calls.guide = proxy.count();

    proxy.clear();
    started = Date.now();
    const r = await runAction(
      'preflight',
      {
        checks: 'identity, region, permissions, secrets, quotas, template',
        template: 'ray-pipeline-cloudformation.yaml',
        parameters: 'cloudformation-parameters.json',
        secrets: 'ray-pipeline-openai, ray-pipeline-pinecone',
        builder: 'none',
      },
      { env: { ...proxy.env, HOIST_AWS_MAX_ATTEMPTS: '5' }, cwd: workspace },
    );
    hoist.push(Date.now() - started);
    if (r.exitCode !== 0) throw new Error(`preflight failed:\n${r.log}`);
    calls.hoist = proxy.count();
    console.log(
      `run ${i + 1}: guide ${guide[i]} ms (${calls.guide} AWS calls), preflight ${hoist[i]} ms (${calls.hoist} AWS calls)`,
    );
  }
  const g = median(guide);
  const h = median(hoist);
  const awsVersion = execFileSync('aws', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
    .trim()
    .split(' ')[0];
  const nodeVersion = execFileSync(NODE24, ['--version'], { encoding: 'utf8' }).trim();
  const table = [
    `| method | median of ${runs} runs | AWS calls |`,
    '|---|---|---|',
    `| prerequisites guide: its awscli commands for checks 2, 3, 5, 6, 9, 10, one after another | ${(g / 1000).toFixed(2)} s | ${calls.guide} |`,
    `| hoist preflight: identity, region, permissions, secrets, quotas, template, concurrently | ${(h / 1000).toFixed(2)} s | ${calls.hoist} |`,
  ].join('\n');
  const ratio = `${(g / h).toFixed(1)}×`;
  console.log(`\n${table}\n\nratio: ${ratio} faster (goal ≥ 15×), ${LATENCY_MS} ms added to every AWS call`);
  if (values.write) {
    writeSection(`## preflight vs the prerequisites guide's awscli checks

Measured by \`${COMMAND}\` on ${new Date().toISOString().slice(0, 10)} (${cpus().length} CPUs, load average ${load} at the start; ${awsVersion}, node ${nodeVersion} for preflight).
Both against the same moto_server, through the scenario proxy adding ${LATENCY_MS} ms to every AWS call, as a real region's round trip would.

${table}

**preflight is ${ratio} faster** (goal ≥ 15×).

The guide's method is what check_prerequisites.py does: one awscli process per documented command (where awscli v1 has
no \`--max-results\` for a command, its \`--max-items 1\`); each process costs its Python start-up plus the round trip.
preflight is one node 24 process (\`actions/preflight/dist/index.js\`, started as a runner does) that runs the checks at
once through the SDK, and does more per check: the permissions check simulates every AWS action the chain needs instead
of one read per service, the quotas check reads quota values and usage, the template check runs hoist's rules locally.
Two answers moto cannot give are scripted by the proxy without the added latency: SimulatePrincipalPolicy (allowed) and
GetAWSDefaultServiceQuota for services other than vpc (NoSuchResourceException, as AWS answers for a quota it has no
default for).`);
    console.log('docs/benchmarks.md: preflight section written.');
  }
} finally {
  await proxy.close();
  await moto.stop();
}
