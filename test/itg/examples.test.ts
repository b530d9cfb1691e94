import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { detectPlaceholder, parseTemplate, readParametersFile } from '@hoist/cfn';
import { IAM_MANIFEST } from '@hoist/aws';
import { parse } from 'yaml';
import { startMoto, type Moto } from '../support/moto.js';
import { ROOT, runAction } from '../support/run-action.js';

jest.setTimeout(120_000);

const EXAMPLE = path.join(ROOT, 'examples', 'ray-celery');
const rel = (file: string): string => path.relative(ROOT, file);

/** Each stack of the reference workload: its template, parameter files, and what the chain supplies later. */
const STACKS = [
  {
    template: path.join(EXAMPLE, 'templates', 'ecs-workers.yaml'),
    parameters: ['ecs-dev.json', 'ecs-prod.json'],
    deferred: ['ImageUri', 'OpenAiSecretArn', 'PineconeSecretArn'],
  },
  {
    template: path.join(EXAMPLE, 'templates', 'ec2-workers.yaml'),
    parameters: ['ec2-dev.json', 'ec2-prod.json'],
    deferred: ['ImageUri', 'OpenAiSecretArn', 'PineconeSecretArn', 'BrokerUrlSecretArn'],
  },
];
const PAIRS = STACKS.flatMap((s) =>
  s.parameters.map((p) => ({
    name: `${path.basename(s.template)} + ${p}`,
    ...s,
    parametersFile: path.join(EXAMPLE, 'parameters', p),
  })),
);
const IAM_TEMPLATES = ['github-oidc-deploy-role.yaml', 'cloudformation-service-role.yaml'].map((f) =>
  path.join(ROOT, 'docs', 'iam', f),
);

// ---------------------------------------------------------------------------------------------------------------
// A small Dockerfile reader: enough to check syntax, base pins, the final user, HEALTHCHECK and ARG/ENV names.

interface Instruction {
  line: number;
  keyword: string;
  args: string;
}

interface Stage {
  from: string;
  name: string | undefined;
  instructions: Instruction[];
}

interface Dockerfile {
  globalArgs: Map<string, string>;
  stages: Stage[];
  errors: string[];
}

const KEYWORDS = new Set([
  'ADD',
  'ARG',
  'CMD',
  'COPY',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'FROM',
  'HEALTHCHECK',
  'LABEL',
  'ONBUILD',
  'RUN',
  'SHELL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
]);

/** `--flag=value` options at the start of an instruction's arguments, and the rest. */
function splitFlags(args: string): { flags: string[]; rest: string } {
  const flags: string[] = [];
  let rest = args.trim();
  for (let m = /^--[a-z-]+=\S+\s*/.exec(rest); m; m = /^--[a-z-]+=\S+\s*/.exec(rest)) {
    flags.push(m[0].trim());
    rest = rest.slice(m[0].length);
  }
  return { flags, rest };
}

function syntaxError(keyword: string, args: string): string | undefined {
  const { flags, rest } = splitFlags(args);
  const words = rest.split(/\s+/).filter(Boolean);
  const jsonForm = (text: string): boolean => {
    if (!text.startsWith('[')) return true;
    try {
      const parsed: unknown = JSON.parse(text);
      return Array.isArray(parsed) && parsed.length > 0 && parsed.every((x) => typeof x === 'string');
    } catch {
      return false;
    }
  };
  switch (keyword) {
    case 'FROM':
      if (!(words.length === 1 || (words.length === 3 && /^as$/i.test(words[1] ?? ''))))
        return 'FROM <image> [AS <name>]';
      return flags.every((f) => f.startsWith('--platform=')) ? undefined : 'FROM takes only --platform';
    case 'ARG':
      return words.length === 1 && /^[A-Za-z_][A-Za-z0-9_]*(=.*)?$/.test(words[0] ?? '')
        ? undefined
        : 'ARG <name>[=<default>]';
    case 'ENV':
    case 'LABEL':
      // key=value pairs; values may be quoted and contain spaces.
      return /^([A-Za-z_][\w.-]*=("[^"]*"|'[^']*'|\S+)\s*)+$/.test(rest) ? undefined : `${keyword} <key>=<value> …`;
    case 'COPY':
    case 'ADD':
      return words.length >= 2 ? undefined : `${keyword} <source>… <destination>`;
    case 'USER':
      return words.length === 1 && /^[\w.-]+(:[\w.-]+)?$/.test(words[0] ?? '') ? undefined : 'USER <user>[:<group>]';
    case 'WORKDIR':
      return words.length === 1 ? undefined : 'WORKDIR <path>';
    case 'EXPOSE':
      return words.length > 0 && words.every((w) => /^\d+(\/(tcp|udp))?$/.test(w))
        ? undefined
        : 'EXPOSE <port>[/tcp|udp] …';
    case 'CMD':
    case 'ENTRYPOINT':
    case 'RUN':
      return rest !== '' && jsonForm(rest)
        ? undefined
        : `${keyword} needs a command (a JSON array of strings, or shell form)`;
    case 'HEALTHCHECK': {
      if (rest === 'NONE') return undefined;
      if (!flags.every((f) => /^--(interval|timeout|start-period|start-interval|retries)=/.test(f)))
        return 'unknown HEALTHCHECK option';
      const cmd = /^CMD\s+(.+)$/.exec(rest);
      return cmd?.[1] && jsonForm(cmd[1]) ? undefined : 'HEALTHCHECK [options] CMD <command>';
    }
    default:
      return undefined;
  }
}

function parseDockerfile(text: string): Dockerfile {
  const result: Dockerfile = { globalArgs: new Map(), stages: [], errors: [] };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const start = i + 1;
    let logical = lines[i] ?? '';
    if (/^\s*(#|$)/.test(logical)) continue;
    // Continuation lines (comment lines inside them are dropped, as Docker does).
    while (/\\\s*$/.test(logical) && i + 1 < lines.length) {
      i += 1;
      const next = lines[i] ?? '';
      logical = logical.replace(/\\\s*$/, ' ') + (/^\s*#/.test(next) ? '' : next);
    }
    const m = /^\s*(\S+)\s*(.*)$/.exec(logical);
    const keyword = (m?.[1] ?? '').toUpperCase();
    const args = (m?.[2] ?? '').trim();
    if (!KEYWORDS.has(keyword) || keyword !== m?.[1]) {
      result.errors.push(`line ${start}: unknown instruction '${m?.[1] ?? ''}' (instructions are upper case)`);
      continue;
    }
    const problem = syntaxError(keyword, args);
    if (problem) result.errors.push(`line ${start}: ${problem}`);
    const instruction = { line: start, keyword, args };
    if (keyword === 'FROM') {
      const words = splitFlags(args).rest.split(/\s+/);
      result.stages.push({ from: words[0] ?? '', name: words[2], instructions: [] });
    } else if (result.stages.length === 0) {
      if (keyword !== 'ARG') result.errors.push(`line ${start}: only ARG may come before the first FROM`);
      const [name, ...value] = args.split('=');
      result.globalArgs.set(name ?? '', value.join('='));
    } else {
      result.stages.at(-1)?.instructions.push(instruction);
    }
  }
  if (result.stages.length === 0) result.errors.push('no FROM');
  return result;
}

/** The base images a build pulls, for each target architecture (stages named after TARGETARCH resolved). */
function externalBases(file: Dockerfile): string[] {
  const bases = new Set<string>();
  for (const arch of ['amd64', 'arm64']) {
    const args = new Map([...file.globalArgs, ['TARGETARCH', arch]]);
    const names = new Set<string>();
    for (const stage of file.stages) {
      const from = stage.from.replace(
        /\$\{(\w+)\}|\$(\w+)/g,
        (_, a: string | undefined, b: string | undefined) => args.get(a ?? b ?? '') ?? '',
      );
      if (!names.has(from) && from !== 'scratch') bases.add(from);
      if (stage.name) names.add(stage.name);
    }
  }
  return [...bases];
}

const SECRET_NAME = /SECRET|PASSW(OR)?D|TOKEN|API_?KEY|ACCESS_KEY|PRIVATE_KEY|CREDENTIAL/i;

/** Every rule a worker Dockerfile must keep; each message names what is wrong. */
function dockerfileProblems(text: string, { runnable = true } = {}): string[] {
  const file = parseDockerfile(text);
  const problems = [...file.errors];
  for (const base of externalBases(file)) {
    const digest = /@sha256:[a-f0-9]{64}$/.test(base);
    const tag = /^[^@]+:([^/:@]+)$/.exec(base)?.[1];
    if (!digest && (!tag || tag === 'latest' || !/\d/.test(tag)))
      problems.push(`base '${base}' is not pinned by a version tag or digest`);
  }
  const named = [
    ...file.globalArgs.keys(),
    ...file.stages
      .flatMap((s) => s.instructions)
      .filter((i) => i.keyword === 'ARG' || i.keyword === 'ENV')
      .flatMap((i) => [...i.args.matchAll(/(?:^|\s)([A-Za-z_]\w*)(?==|\s|$)/g)].map((m) => m[1] ?? '')),
  ];
  for (const name of named)
    if (SECRET_NAME.test(name))
      problems.push(`ARG/ENV '${name}' looks like a secret: pass secrets at run time or as build secrets`);
  if (runnable) {
    const final = file.stages.at(-1);
    const user = final?.instructions
      .filter((i) => i.keyword === 'USER')
      .at(-1)
      ?.args.split(':')[0];
    if (!user || user === 'root' || user === '0')
      problems.push(`the final stage runs as ${user ?? 'root (no USER)'}: add a non-root USER`);
    const health = final?.instructions.find((i) => i.keyword === 'HEALTHCHECK');
    if (!health || health.args === 'NONE') problems.push('the final stage has no HEALTHCHECK');
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------------

function cfnLint(files: string[]): { status: number; output: string } {
  const result = spawnSync('cfn-lint', ['--format', 'parseable', '--', ...files], { encoding: 'utf8' });
  if (result.error) throw new Error(`cfn-lint could not run: ${result.error.message} (pip install "cfn-lint==1.51.0")`);
  return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

describe('reference workload templates', () => {
  test('cfn-lint finds no errors (and no warnings) in either template or in the two IAM role templates', () => {
    const files = [...STACKS.map((s) => s.template), ...IAM_TEMPLATES];
    for (const f of files) expect(existsSync(f)).toBe(true);
    const { status, output } = cfnLint(files);
    // cfn-lint's exit code is a bitmask: 2 errors, 4 warnings, 8 informational.
    expect({ status, output }).toEqual({ status: 0, output: '' });
  });

  test('cfn-lint is a real check here: a template with an error fails it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hoist-examples-'));
    const broken = path.join(dir, 'broken.yaml');
    writeFileSync(
      broken,
      readFileSync(STACKS[0]?.template ?? '', 'utf8').replace('DesiredCount: 1', 'DesiredCounts: 1'),
    );
    expect(cfnLint([broken]).status & 2).toBe(2);
  });

  test.each(PAIRS)('$name: cfn-validate, no errors and no warnings (deferred parameters given)', async (pair) => {
    const result = await runAction(
      'cfn-validate',
      {
        template: rel(pair.template),
        parameters: rel(pair.parametersFile),
        'deferred-parameters': pair.deferred.join(','),
        'remote-validation': 'false',
        'fail-on': 'warning',
      },
      { cwd: ROOT },
    );
    expect({
      exitCode: result.exitCode,
      errors: result.outputs['errors'],
      warnings: result.outputs['warnings'],
    }).toEqual({
      exitCode: 0,
      errors: '0',
      warnings: '0',
    });
    expect(result.outputs['capabilities']).toBe('CAPABILITY_IAM');
  });

  test.each(PAIRS)('$name: the file gives every parameter except the deferred ones, and no placeholder', (pair) => {
    const template = parseTemplate(readFileSync(pair.template, 'utf8'), { file: pair.template });
    const file = readParametersFile(pair.parametersFile);
    expect(file.format).toBe('codepipeline');
    const declared = [...template.parameters.keys()].sort();
    const given = Object.keys(file.values);
    expect([...given, ...pair.deferred].sort()).toEqual(declared);
    expect(given.filter((k) => pair.deferred.includes(k))).toEqual([]);
    const placeholders = Object.entries(file.values).filter(([, v]) => detectPlaceholder(v) !== undefined);
    expect(placeholders).toEqual([]);
  });

  test('the EC2 user data is clean under shellcheck (after CloudFormation substitution)', () => {
    const text = readFileSync(path.join(EXAMPLE, 'templates', 'ec2-workers.yaml'), 'utf8');
    const block = /Fn::Base64: !Sub\n\s+- \|\n([\s\S]*?)\n\s+- LogGroup:/.exec(text)?.[1] ?? '';
    const script = block
      .split('\n')
      .map((l) => l.replace(/^ {14}/, ''))
      .join('\n')
      .replace(/\$\{!/g, '${')
      .replace(/\$\{(AWS::\w+|[A-Za-z]\w*)\}/g, (m, name: string) => (/^[A-Z_]+$/.test(name) ? m : 'substituted'));
    expect(script.startsWith('#!/bin/bash\n')).toBe(true);
    const result = spawnSync('shellcheck', ['-s', 'bash', '-'], { input: script, encoding: 'utf8' });
    expect(result.error).toBeUndefined();
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('reference workload Dockerfiles', () => {
  test.each(['Dockerfile.ray', 'Dockerfile.celery'])(
    '%s: syntax, pinned bases, non-root, HEALTHCHECK, no secret names',
    (name) => {
      expect(dockerfileProblems(readFileSync(path.join(EXAMPLE, name), 'utf8'))).toEqual([]);
    },
  );

  test('the Ray Dockerfile picks its base by TARGETARCH: the plain tag on amd64, the -aarch64 tag on arm64', () => {
    const bases = externalBases(parseDockerfile(readFileSync(path.join(EXAMPLE, 'Dockerfile.ray'), 'utf8')));
    expect(bases).toEqual(['rayproject/ray:2.53.0-py312-cpu', 'rayproject/ray:2.53.0-py312-cpu-aarch64']);
  });

  test('the stand-in builds without pulling anything: FROM scratch, then only COPY and LABEL', () => {
    const file = parseDockerfile(readFileSync(path.join(EXAMPLE, 'standin', 'Dockerfile'), 'utf8'));
    expect(file.errors).toEqual([]);
    expect(file.stages.map((s) => s.from)).toEqual(['scratch']);
    expect(new Set(file.stages.flatMap((s) => s.instructions.map((i) => i.keyword)))).toEqual(
      new Set(['COPY', 'LABEL']),
    );
  });

  test('.dockerignore lets only the worker code into the context', () => {
    const lines = readFileSync(path.join(EXAMPLE, '.dockerignore'), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'));
    expect(lines[0]).toBe('*');
    expect(lines.filter((l) => l.startsWith('!'))).toEqual(['!app/']);
  });

  const GOOD = [
    'ARG BASE=python:3.12.12-slim-trixie',
    'FROM ${BASE} AS build',
    'RUN pip install --target /deps celery==5.5.3',
    'FROM ${BASE}',
    'COPY --from=build /deps /deps',
    'USER 10001:10001',
    'HEALTHCHECK --interval=30s CMD ["python", "-m", "worker.health"]',
    'CMD ["celery", "worker"]',
  ].join('\n');

  test.each([
    [
      'a syntax error',
      GOOD.replace('COPY --from=build /deps /deps', 'COPY /deps'),
      'line 5: COPY <source>… <destination>',
    ],
    ['a lower-case instruction', GOOD.replace('USER 10001', 'user 10001'), "line 6: unknown instruction 'user'"],
    [
      'a broken JSON command',
      GOOD.replace('CMD ["celery", "worker"]', 'CMD ["celery", worker]'),
      'line 8: CMD needs a command',
    ],
    ['an unpinned base', GOOD.replace('python:3.12.12-slim-trixie', 'python'), "base 'python' is not pinned"],
    [
      'a latest base',
      GOOD.replace('python:3.12.12-slim-trixie', 'python:latest'),
      "base 'python:latest' is not pinned",
    ],
    ['no USER', GOOD.replace('USER 10001:10001\n', ''), 'the final stage runs as root (no USER)'],
    ['USER root', GOOD.replace('USER 10001:10001', 'USER root'), 'the final stage runs as root'],
    [
      'USER only in the build stage',
      GOOD.replace('USER 10001:10001\n', '').replace('RUN pip', 'USER 10001\nRUN pip'),
      'runs as root (no USER)',
    ],
    ['no HEALTHCHECK', GOOD.replace(/HEALTHCHECK.*\n/, ''), 'the final stage has no HEALTHCHECK'],
    ['HEALTHCHECK NONE', GOOD.replace(/HEALTHCHECK.*\n/, 'HEALTHCHECK NONE\n'), 'the final stage has no HEALTHCHECK'],
    [
      'a secret in ARG',
      GOOD.replace('FROM ${BASE}\n', 'FROM ${BASE}\nARG OPENAI_API_KEY\n'),
      "ARG/ENV 'OPENAI_API_KEY' looks like a secret",
    ],
    [
      'a secret in ENV',
      GOOD.replace('USER 10001', 'ENV DB_PASSWORD=hunter2\nUSER 10001'),
      "ARG/ENV 'DB_PASSWORD' looks like a secret",
    ],
  ])('a Dockerfile with %s fails the check', (_name, text, message) => {
    expect(dockerfileProblems(GOOD)).toEqual([]);
    const problems = dockerfileProblems(text);
    expect(problems.some((p) => p.includes(message))).toBe(true);
  });
});

const WORKER_APP = path.join(EXAMPLE, 'app', 'worker');

/** `python3 -m py_compile` on `files`; the bytecode goes to a temporary folder, never next to the sources. */
function pyCompile(files: string[]): { status: number; output: string; compiled: string[] } {
  const cache = mkdtempSync(path.join(tmpdir(), 'hoist-pycache-'));
  const result = spawnSync('python3', ['-m', 'py_compile', ...files], {
    encoding: 'utf8',
    env: { ...process.env, PYTHONPYCACHEPREFIX: cache },
  });
  if (result.error) throw new Error(`python3 could not run: ${result.error.message} (apt-get install python3)`);
  const compiled = readdirSync(cache, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.pyc'))
    .map((f) => path.basename(f).split('.')[0] ?? '')
    .sort();
  return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}`, compiled };
}

describe('reference workload worker code', () => {
  test('every module of app/worker byte-compiles (python3 -m py_compile)', () => {
    const files = readdirSync(WORKER_APP)
      .filter((f) => f.endsWith('.py'))
      .sort()
      .map((f) => path.join(WORKER_APP, f));
    // The modules the Dockerfiles and the templates start: the Celery tasks, the Ray job, the health check.
    expect(files.map((f) => path.basename(f))).toEqual(
      expect.arrayContaining(['__init__.py', 'health.py', 'ray_job.py', 'tasks.py']),
    );
    expect(pyCompile(files)).toEqual({
      status: 0,
      output: '',
      compiled: files.map((f) => path.basename(f, '.py')),
    });
  });

  test('py_compile is a real check here: a module with a syntax error fails it, naming the file', () => {
    const broken = path.join(mkdtempSync(path.join(tmpdir(), 'hoist-examples-')), 'tasks.py');
    writeFileSync(broken, `${readFileSync(path.join(WORKER_APP, 'tasks.py'), 'utf8')}\ndef broken(:\n    pass\n`);
    const result = pyCompile([broken]);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(broken);
    expect(result.output).toContain('SyntaxError');
  });
});

describe('ECS template on moto', () => {
  let moto: Moto;
  beforeAll(async () => {
    moto = await startMoto();
  });
  afterAll(async () => {
    await moto.stop();
  });

  function aws(args: string[]): unknown {
    const result = spawnSync('aws', ['--output', 'json', ...args], {
      encoding: 'utf8',
      env: { ...process.env, ...moto.env },
    });
    if (result.status !== 0) throw new Error(`aws ${args.slice(0, 2).join(' ')} failed: ${result.stderr}`);
    return result.stdout.trim() === '' ? {} : JSON.parse(result.stdout);
  }

  test('moto accepts templates/ecs-workers.yaml through a change set: services, task definitions, log groups', () => {
    const template = path.join(EXAMPLE, 'templates', 'ecs-workers.yaml');
    const values: Record<string, string> = {
      ...readParametersFile(path.join(EXAMPLE, 'parameters', 'ecs-dev.json')).values,
      ImageUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/hoist-ray-worker@sha256:${'a'.repeat(64)}`,
      OpenAiSecretArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:ray-pipeline-openai-AbCdEf',
      PineconeSecretArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:ray-pipeline-pinecone-AbCdEf',
      WorkerMinCount: '1',
    };
    const parametersJson = path.join(mkdtempSync(path.join(tmpdir(), 'hoist-examples-')), 'parameters.json');
    writeFileSync(
      parametersJson,
      JSON.stringify(Object.entries(values).map(([k, v]) => ({ ParameterKey: k, ParameterValue: v }))),
    );
    // moto defaults ChangeSetType to CREATE only by accident (AWS: UPDATE): always say it.
    aws([
      'cloudformation',
      'create-change-set',
      '--stack-name',
      'ray-dev',
      '--change-set-name',
      'first',
      '--change-set-type',
      'CREATE',
      '--template-body',
      `file://${template}`,
      '--parameters',
      `file://${parametersJson}`,
      '--capabilities',
      'CAPABILITY_IAM',
    ]);
    aws(['cloudformation', 'execute-change-set', '--stack-name', 'ray-dev', '--change-set-name', 'first']);

    const stack = aws(['cloudformation', 'describe-stacks', '--stack-name', 'ray-dev']) as {
      Stacks: { StackStatus: string }[];
    };
    expect(stack.Stacks[0]?.StackStatus).toBe('CREATE_COMPLETE');

    // moto keeps little of the cluster and services (no capacity providers, no deployment configuration): what it
    // keeps is asserted here; the rest is cfn-lint's and cfn-validate's to check.
    const clusters = aws(['ecs', 'describe-clusters', '--clusters', 'ray-dev']) as { clusters: { status: string }[] };
    expect(clusters.clusters.map((c) => c.status)).toEqual(['ACTIVE']);

    const services = aws([
      'ecs',
      'describe-services',
      '--cluster',
      'ray-dev',
      '--services',
      'ray-head',
      'ray-worker',
    ]) as {
      services: { serviceName: string; desiredCount: number }[];
    };
    expect(services.services.map((s) => [s.serviceName, s.desiredCount])).toEqual([
      ['ray-head', 1],
      ['ray-worker', 1],
    ]);

    // The image by digest and the API keys by ARN reach the task definition; the worker finds the head by name.
    const worker = aws(['ecs', 'describe-task-definition', '--task-definition', 'ray-dev-worker']) as {
      taskDefinition: { containerDefinitions: { image: string; secrets: unknown[]; command: string[] }[] };
    };
    const container = worker.taskDefinition.containerDefinitions[0];
    expect(container?.image).toBe(values['ImageUri']);
    expect(container?.secrets).toEqual([
      { name: 'OPENAI_API_KEY', valueFrom: values['OpenAiSecretArn'] },
      { name: 'PINECONE_API_KEY', valueFrom: values['PineconeSecretArn'] },
    ]);
    expect(container?.command).toContain('--address=ray-head.dev.ray.internal:6379');

    const logs = aws(['logs', 'describe-log-groups', '--log-group-name-prefix', '/ecs/ray-dev/']) as {
      logGroups: { logGroupName: string; retentionInDays?: number }[];
    };
    expect(logs.logGroups.map((g) => [g.logGroupName, g.retentionInDays])).toEqual([
      ['/ecs/ray-dev/head', 7],
      ['/ecs/ray-dev/worker', 7],
    ]);
  });
});

describe('IAM role templates', () => {
  const deployRole = readFileSync(IAM_TEMPLATES[0] ?? '', 'utf8');

  test('the GitHub OIDC deploy role grants every AWS action the actions’ manifest lists (docs/iam/<action>.json)', () => {
    const granted = new Set([...deployRole.matchAll(/^\s+- ([a-z0-9-]+:[A-Za-z0-9*]+)\s*$/gm)].map((m) => m[1]));
    const missing = Object.entries(IAM_MANIFEST).flatMap(([action, statements]) =>
      statements.flatMap((s) => s.actions.filter((a) => !granted.has(a)).map((a) => `${action}: ${a}`)),
    );
    expect(missing).toEqual([]);
  });

  test('it may pass only the CloudFormation service role, and only to CloudFormation', () => {
    const doc = parse(deployRole.replace(/!(Sub|Ref|GetAtt|If|Equals|Not|Select|Split|Join)\b/g, '')) as Record<
      string,
      unknown
    >;
    const text = JSON.stringify(doc);
    expect(text).toContain('"iam:PassRole"');
    expect(text).toContain('"iam:PassedToService":"cloudformation.amazonaws.com"');
    expect(text).not.toMatch(/"Action":"\*"|"Action":\["\*"\]/);
  });
});
