import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { Evaluator, Lexer, Parser, data } from '@actions/expressions';
import { truthy } from '@actions/expressions/result';
import { NoOperationTraceWriter, convertWorkflowTemplate, parseWorkflow } from '@actions/workflow-parser';
import { parse } from 'yaml';
import { CHAIN, DEPLOY_STATUSES, STEPS, isStuck, shouldRollBack } from '@hoist/chain';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

type Yaml = Record<string, unknown>;

interface WorkflowFile {
  rel: string;
  text: string;
  doc: Yaml;
}

function record(value: unknown): Yaml {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Yaml) : {};
}

function list(value: unknown): Yaml[] {
  return Array.isArray(value) ? value.map(record) : [];
}

function workflowFiles(dir: string): WorkflowFile[] {
  return readdirSync(path.join(ROOT, dir))
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => {
      const rel = path.posix.join(dir, f);
      const text = readFileSync(path.join(ROOT, rel), 'utf8');
      return { rel, text, doc: record(parse(text)) };
    });
}

const OWN = workflowFiles('.github/workflows');
const EXAMPLES = workflowFiles('examples/workflows');
const ALL = [...OWN, ...EXAMPLES];
const byName = (rel: string): WorkflowFile => {
  const file = ALL.find((w) => w.rel === rel);
  if (!file) throw new Error(`${rel} is missing`);
  return file;
};

const jobsOf = (w: WorkflowFile): [string, Yaml][] =>
  Object.entries(record(w.doc['jobs'])).map(([k, v]) => [k, record(v)]);
const on = (w: WorkflowFile): Yaml => record(w.doc['on']);

/** The inputs an action declares, and which of them are required without a default. */
function actionInputs(name: string): { all: Set<string>; required: string[] } | undefined {
  const file = path.join(ROOT, 'actions', name, 'action.yml');
  if (!existsSync(file)) return undefined;
  const inputs = record(record(parse(readFileSync(file, 'utf8')))['inputs']);
  return {
    all: new Set(Object.keys(inputs)),
    required: Object.entries(inputs)
      .filter(([, v]) => record(v)['required'] === true && record(v)['default'] === undefined)
      .map(([k]) => k),
  };
}

/**
 * A hoist action as a workflow step names it: `./actions/<name>` (this repository), `./.hoist/actions/<name>`, or
 * `hoist-dev/hoist/actions/<name>@<sha>` (a user's workflow).
 */
const HOIST_ACTION = /^(?:\.\/(?:\.hoist\/)?|hoist-dev\/hoist\/)actions\/([a-z0-9-]+)(?:@[0-9a-f]{40})?$/;

/**
 * Every problem with the hoist actions a workflow uses: a missing action, an input its action.yml does not declare,
 * a required input not given. `actionsDir` is a lookup so a test can show the check failing on a renamed input.
 */
function hoistActionProblems(
  text: string,
  lookup: (name: string) => { all: Set<string>; required: string[] } | undefined = actionInputs,
): string[] {
  const problems: string[] = [];
  const doc = record(parse(text));
  for (const [jobId, job] of Object.entries(record(doc['jobs']))) {
    for (const [i, step] of list(record(job)['steps']).entries()) {
      const match = HOIST_ACTION.exec(String(step['uses'] ?? ''));
      if (!match?.[1]) continue;
      const where = `${jobId}.steps[${i}] (${String(step['id'] ?? match[1])})`;
      const inputs = lookup(match[1]);
      if (!inputs) {
        problems.push(`${where}: actions/${match[1]}/action.yml does not exist`);
        continue;
      }
      const given = Object.keys(record(step['with']));
      for (const key of given)
        if (!inputs.all.has(key)) problems.push(`${where}: input '${key}' is not in actions/${match[1]}/action.yml`);
      for (const key of inputs.required)
        if (!given.includes(key)) problems.push(`${where}: required input '${key}' is not given`);
    }
  }
  return problems;
}

/** The inputs a reusable workflow declares (on.workflow_call.inputs). */
function workflowCallInputs(w: WorkflowFile): Yaml {
  return record(record(on(w)['workflow_call'])['inputs']);
}

/** Evaluates a step's `if:` the way the runner does; failure() is true: the step after a failed deploy-stack. */
function evaluateIf(condition: string, steps: Record<string, Record<string, string>>): boolean {
  const expression = condition.replace(/^\$\{\{\s*|\s*\}\}$/g, '').replace(/\bfailure\(\)/g, 'true');
  const lexed = new Lexer(expression).lex();
  const parsed = new Parser(lexed.tokens, ['steps', 'inputs'], []).parse();
  const stepsData = new data.Dictionary(
    ...Object.entries(steps).map(([id, outputs]) => ({
      key: id,
      value: new data.Dictionary({
        key: 'outputs',
        value: new data.Dictionary(
          ...Object.entries(outputs).map(([k, v]) => ({ key: k, value: new data.StringData(v) })),
        ),
      }),
    })),
  );
  const context = new data.Dictionary(
    { key: 'steps', value: stepsData },
    { key: 'inputs', value: new data.Dictionary() },
  );
  return truthy(new Evaluator(parsed, context).evaluate());
}

describe('every workflow', () => {
  test.each(ALL.map((w) => [w.rel, w] as const))('%s is valid for GitHub’s own workflow parser', async (_rel, w) => {
    const result = parseWorkflow({ name: w.rel, content: w.text }, new NoOperationTraceWriter());
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    if (!result.value) throw new Error(`${w.rel}: no template`);
    const template = await convertWorkflowTemplate(result.context, result.value);
    expect(template.errors ?? []).toEqual([]);
  });

  test.each(ALL.map((w) => [w.rel, w] as const))(
    '%s: read-only by default, writes only where they are needed',
    (_rel, w) => {
      expect(w.doc['permissions']).toEqual({ contents: 'read' });
      for (const [id, job] of jobsOf(w)) {
        // A job that reaches AWS or calls a reusable workflow says what it needs; others inherit read-only.
        if (
          typeof job['uses'] === 'string' ||
          /configure-aws-credentials|"\.\/(\.hoist\/)?actions\//.test(JSON.stringify(job))
        ) {
          expect([w.rel, id, typeof job['permissions']]).toEqual([w.rel, id, 'object']);
        }
        for (const [scope, level] of Object.entries(record(job['permissions']))) {
          if (level !== 'write') continue;
          // Each write scope, and where it may appear.
          const allowed: Record<string, boolean> = {
            'id-token': true,
            'pull-requests': /pr-(preflight|comment)|self-test/.test(w.rel),
            issues: /quota-audit/.test(w.rel),
          };
          expect([w.rel, id, scope, allowed[scope] ?? false]).toEqual([w.rel, id, scope, true]);
        }
      }
    },
  );

  test.each(ALL.map((w) => [w.rel, w] as const))(
    '%s: every hoist action it uses exists and takes the inputs given',
    (_rel, w) => {
      expect(hoistActionProblems(w.text)).toEqual([]);
    },
  );

  test('a renamed input breaks that check', () => {
    const deploy = byName('.github/workflows/deploy.yml');
    const renamed = (name: string) => {
      const inputs = actionInputs(name);
      if (!inputs || name !== 'deploy-stack') return inputs;
      const all = new Set([...inputs.all].map((k) => (k === 'stack-name' ? 'stack' : k)));
      return { all, required: inputs.required.map((k) => (k === 'stack-name' ? 'stack' : k)) };
    };
    const problems = hoistActionProblems(deploy.text, renamed);
    expect(problems).toEqual([
      "deploy.steps[12] (deploy): input 'stack-name' is not in actions/deploy-stack/action.yml",
      "deploy.steps[12] (deploy): required input 'stack' is not given",
    ]);
    expect(hoistActionProblems(deploy.text, () => undefined).length).toBeGreaterThan(0);
  });

  test('calls of reusable workflows name one that exists, with inputs it declares and every required one', () => {
    const calls = ALL.flatMap((w) =>
      jobsOf(w)
        .filter(([, job]) => typeof job['uses'] === 'string')
        .map(([id, job]) => ({ where: `${w.rel}:${id}`, uses: String(job['uses']), with: record(job['with']) })),
    );
    expect(calls.length).toBeGreaterThanOrEqual(6);
    for (const call of calls) {
      const match = /^(?:\.\/|hoist-dev\/hoist\/)(\.github\/workflows\/[a-z-]+\.yml)(?:@[0-9a-f]{40})?$/.exec(
        call.uses,
      );
      expect([call.where, match?.[1]]).toEqual([call.where, expect.any(String)]);
      const declared = workflowCallInputs(byName(match?.[1] ?? ''));
      for (const key of Object.keys(call.with))
        expect([call.where, key, key in declared]).toEqual([call.where, key, true]);
      const required = Object.entries(declared).filter(([, v]) => record(v)['required'] === true);
      for (const [key] of required) expect([call.where, key, key in call.with]).toEqual([call.where, key, true]);
    }
  });

  test('nothing in hoist’s own repository runs on a schedule unless configured, or reaches AWS on push or pull request', () => {
    for (const w of OWN) {
      // The quota audit may run daily, but only where the repository names a role: otherwise its job is skipped.
      const guarded = jobsOf(w).every(([, job]) => /vars\.HOIST_QUOTA_AUDIT_ROLE != ''/.test(String(job['if'] ?? '')));
      expect([w.rel, 'schedule' in on(w) && !guarded]).toEqual([w.rel, false]);
      if (!('push' in on(w) || 'pull_request' in on(w))) continue;
      // Only the local emulator: no OIDC credentials, no call of the deploy workflow.
      expect([w.rel, w.text.includes('configure-aws-credentials')]).toEqual([w.rel, false]);
      expect([w.rel, /uses: \.\/\.github\/workflows\/deploy\.yml/.test(w.text)]).toEqual([w.rel, false]);
    }
    expect(Object.keys(on(byName('.github/workflows/deploy-dispatch.yml')))).toEqual(['workflow_dispatch']);
    for (const reusable of ['deploy.yml', 'pr-preflight.yml', 'pr-comment.yml']) {
      expect(Object.keys(on(byName(`.github/workflows/${reusable}`)))).toEqual(['workflow_call']);
    }
    expect(Object.keys(on(byName('.github/workflows/quota-audit.yml')))).toEqual([
      'workflow_call',
      'schedule',
      'workflow_dispatch',
    ]);
  });

  test('the examples a user copies cover dispatch, pull requests, the comment stage and a schedule', () => {
    const triggers = EXAMPLES.flatMap((w) => Object.keys(on(w)));
    for (const t of ['workflow_dispatch', 'pull_request', 'workflow_run', 'schedule']) expect(triggers).toContain(t);
  });
});

describe('deploy.yml', () => {
  const deploy = byName('.github/workflows/deploy.yml');
  const jobs = Object.fromEntries(jobsOf(deploy));
  const deployJob = record(jobs['deploy']);
  const steps = list(deployJob['steps']);
  const step = (id: string): Yaml => {
    const found = steps.find((s) => s['id'] === id);
    if (!found) throw new Error(`deploy.yml has no step ${id}`);
    return found;
  };

  test('native runners: one build leg per platform, then merge, then the deploy job', () => {
    const leg = list(record(jobs['build-platform'])['steps']).find((s) =>
      String(s['uses']).endsWith('build-push-multiarch'),
    );
    const merge = list(record(jobs['merge'])['steps']).find((s) => String(s['uses']).endsWith('build-push-multiarch'));
    expect(record(leg?.['with'])['mode']).toBe('build');
    expect(record(leg?.['with'])['platforms']).toBe('${{ matrix.platform }}');
    expect(record(merge?.['with'])['mode']).toBe('merge');
    expect(record(jobs['merge'])['needs']).toBe('build-platform');
    expect(deployJob['needs']).toEqual(['build-platform', 'merge']);
    expect(String(deployJob['if'])).toContain("!contains(needs.*.result, 'failure')");
  });

  test('preflight and cfn-validate treat the image and the secret ARNs as deferred parameters', () => {
    expect(record(step('preflight')['with'])['deferred-parameters']).toBe('${{ inputs.deferred-parameters }}');
    expect(record(step('validate')['with'])['deferred-parameters']).toBe('${{ inputs.deferred-parameters }}');
    const defaults = String(record(workflowCallInputs(deploy)['deferred-parameters'])['default']);
    expect(defaults.split(',')).toEqual(['ImageUri', 'OpenAiSecretArn', 'PineconeSecretArn']);
  });

  test('OIDC, least permissions, the environment, and one deploy per stack at a time', () => {
    for (const id of ['build-platform', 'merge', 'deploy']) {
      expect([id, record(jobs[id])['permissions']]).toEqual([id, { contents: 'read', 'id-token': 'write' }]);
    }
    expect(deployJob['environment']).toBe('${{ inputs.environment }}');
    const concurrency = record(deployJob['concurrency']);
    expect(String(concurrency['group'])).toContain('${{ inputs.stack-name }}');
    expect(String(concurrency['group'])).toContain('${{ inputs.region }}');
    expect(concurrency['cancel-in-progress']).toBe(false);
    expect(steps.some((s) => String(s['uses']).startsWith('aws-actions/configure-aws-credentials@'))).toBe(true);
  });
});

/**
 * The reusable deploy workflow follows the chain module (packages/chain) that ship, the demo and `hoist ship` run:
 * the same order, and a rollback under the same conditions. Read with GitHub's own workflow parser.
 */
describe('deploy.yml follows the chain module', () => {
  interface ParsedStep {
    id: string;
    uses?: string;
    if: string;
    run?: string;
  }
  interface ParsedJob {
    id: string;
    needs: string[];
    steps: ParsedStep[];
  }
  const parsed = async (): Promise<ParsedJob[]> => {
    const w = byName('.github/workflows/deploy.yml');
    const result = parseWorkflow({ name: w.rel, content: w.text }, new NoOperationTraceWriter());
    if (!result.value) throw new Error('deploy.yml: no template');
    const template = await convertWorkflowTemplate(result.context, result.value);
    const text = (t: unknown): string | undefined => {
      const token = t as { value?: unknown; expr?: unknown } | undefined;
      const value = token?.value ?? token?.expr;
      return value === undefined ? undefined : String(value);
    };
    return template.jobs.map((job) => {
      const j = job as unknown as { id: unknown; needs?: unknown[]; steps?: Record<string, unknown>[] };
      return {
        id: text(j.id) ?? '',
        needs: (j.needs ?? []).map((n) => text(n) ?? ''),
        steps: (j.steps ?? []).map((s) => {
          const uses = text(s['uses']);
          const run = text(s['run']);
          return {
            id: String(s['id']),
            if: text(s['if']) ?? '',
            ...(uses !== undefined ? { uses } : {}),
            ...(run !== undefined ? { run } : {}),
          };
        }),
      };
    });
  };

  test('the deploy job runs the hoist actions in the module’s order, rollback last', async () => {
    const deploy = (await parsed()).find((j) => j.id === 'deploy');
    const order = (deploy?.steps ?? [])
      .map((s) => HOIST_ACTION.exec(s.uses ?? '')?.[1])
      .filter((n): n is string => n !== undefined);
    expect(order).toEqual([...STEPS]);
    expect(STEPS.at(-1)).toBe('rollback');
  });

  test('jobs: the native build legs and their merge come before the deploy job, as build-push comes before deploy-stack', async () => {
    const jobs = await parsed();
    expect(jobs.map((j) => [j.id, j.needs])).toEqual([
      ['build-platform', []],
      ['merge', ['build-platform']],
      ['deploy', ['build-platform', 'merge']],
    ]);
    expect(CHAIN.indexOf('build-push-multiarch')).toBeLessThan(CHAIN.indexOf('deploy-stack'));
  });

  // The stack states a failed deploy can leave, and one the API cannot read.
  const STATES = [
    'UPDATE_COMPLETE',
    'UPDATE_ROLLBACK_COMPLETE',
    'UPDATE_ROLLBACK_FAILED',
    'UPDATE_FAILED',
    'UPDATE_IN_PROGRESS',
    'UPDATE_ROLLBACK_IN_PROGRESS',
    'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS',
    'ROLLBACK_COMPLETE',
    'ROLLBACK_FAILED',
    'CREATE_COMPLETE',
  ];

  /** Runs the workflow's own stack-state script with a fake `aws` that answers `state`; returns its `stuck` output. */
  function stuckOutput(script: string, state: string): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'hoist-stack-state-'));
    writeFileSync(path.join(dir, 'aws'), `#!/bin/sh\necho ${state}\n`);
    chmodSync(path.join(dir, 'aws'), 0o755);
    const output = path.join(dir, 'output');
    writeFileSync(output, '');
    const run = spawnSync('bash', ['-e', '-c', script], {
      env: { PATH: `${dir}:${process.env['PATH'] ?? ''}`, GITHUB_OUTPUT: output, STACK: 's', REGION: 'us-east-1' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    return /^stuck=(.*)$/m.exec(readFileSync(output, 'utf8'))?.[1] ?? '';
  }

  test('the stack-state probe calls a stack stuck exactly when the module does', async () => {
    const deploy = (await parsed()).find((j) => j.id === 'deploy');
    const script = deploy?.steps.find((s) => s.id === 'stack-state')?.run ?? '';
    expect(script).toContain('describe-stacks');
    for (const state of STATES) expect([state, stuckOutput(script, state)]).toEqual([state, String(isStuck(state))]);
  });

  test('rollback runs after every deploy status and stack state exactly when the module’s shouldRollBack says so', async () => {
    const deploy = (await parsed()).find((j) => j.id === 'deploy');
    const steps = deploy?.steps ?? [];
    const rollbackIf = steps.find((s) => s.id === 'rollback')?.if ?? '';
    const probeIf = steps.find((s) => s.id === 'stack-state')?.if ?? '';
    const script = steps.find((s) => s.id === 'stack-state')?.run ?? '';
    const disagreements: string[] = [];
    for (const status of DEPLOY_STATUSES) {
      for (const state of STATES) {
        // The probe runs only when its own condition holds; otherwise its output is empty.
        const probed = evaluateIf(probeIf, { deploy: { status } });
        const stuck = probed ? stuckOutput(script, state) : '';
        const workflow = evaluateIf(rollbackIf, { deploy: { status }, 'stack-state': { stuck } });
        const module = shouldRollBack(status, state);
        if (workflow !== module) disagreements.push(`${status}/${state}: workflow ${workflow}, module ${module}`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});

test('docs/actions/ship.md shows examples/workflows/ship.yml as it is', () => {
  const doc = readFileSync(path.join(ROOT, 'docs', 'actions', 'ship.md'), 'utf8');
  const block = /```yaml\n(name: ship\n[\s\S]*?)```/.exec(doc)?.[1];
  expect(block).toBe(byName('examples/workflows/ship.yml').text);
});

describe('self-test.yml', () => {
  const selfTest = byName('.github/workflows/self-test.yml');
  const job = record(record(selfTest.doc['jobs'])['actions']);
  const steps = list(job['steps']);
  /** The steps that run a hoist action from its folder, with the action's name. */
  const actionSteps = steps.flatMap((s) => {
    const name = /^\.\/actions\/([a-z0-9-]+)$/.exec(String(s['uses'] ?? ''))?.[1];
    return name ? [{ id: String(s['id'] ?? ''), name, step: s }] : [];
  });
  const at = (id: string): number => actionSteps.findIndex((s) => s.id === id);
  const check = steps.find((s) => s['name'] === 'Check the outcomes');

  test('runs every action of the repository from its folder', () => {
    const actions = readdirSync(path.join(ROOT, 'actions'))
      .filter((name) => existsSync(path.join(ROOT, 'actions', name, 'action.yml')))
      .sort();
    expect(actions.length).toBeGreaterThanOrEqual(8);
    expect([...new Set(actionSteps.map((s) => s.name))].sort()).toEqual(actions);
  });

  test('rollback comes after two deploys of the same stack, and what it restored is checked', () => {
    const stackOf = (id: string) => record(actionSteps[at(id)]?.step['with'])['stack-name'];
    expect(actionSteps.filter((s) => s.name === 'rollback').map((s) => s.id)).toEqual(['rollback']);
    expect(at('deploy')).toBeLessThan(at('ship'));
    expect(at('ship')).toBeLessThan(at('rollback'));
    expect([stackOf('deploy'), stackOf('ship')]).toEqual([stackOf('rollback'), stackOf('rollback')]);
    // Release A's image is the one built by build-push-multiarch; the check compares rollback's image with it.
    expect(at('build')).toBeLessThan(at('deploy'));
    expect(String(record(actionSteps[at('deploy')]?.step['with'])['parameter-overrides'])).toContain(
      'ImageUri=${{ steps.build.outputs.image-uri }}',
    );
    const env = record(check?.['env']);
    expect(env['ROLLBACK_STATUS']).toBe('${{ steps.rollback.outputs.status }}');
    expect(env['ROLLBACK_IMAGE']).toBe('${{ steps.rollback.outputs.image-uri }}');
    expect(env['IMAGE_A']).toBe('${{ steps.build.outputs.image-uri }}');
    expect(String(check?.['run'])).toContain('[ "$ROLLBACK_IMAGE" = "$IMAGE_A" ]');
  });

  test('the run expected to fail may fail, and its outcome is checked', () => {
    const expected = steps.filter((s) => s['continue-on-error'] === true);
    expect(expected.map((s) => s['id'])).toEqual(['missing-deferred']);
    expect(record(check?.['env'])['EXPECTED_FAILURE']).toBe('${{ steps.missing-deferred.outcome }}');
    expect(String(check?.['run'])).toContain('[ "$EXPECTED_FAILURE" = failure ]');
    // The check reads every action's outputs after the last action ran.
    expect(steps.indexOf(check ?? {})).toBe(steps.length - 1);
  });
});

test('the quota audit a user copies runs once a day, and its comments say so', () => {
  const example = byName('examples/workflows/quota-audit.yml');
  const crons = list(on(example)['schedule']).map((s) => String(s['cron']));
  const reusable = byName('.github/workflows/quota-audit.yml');
  const documented = [...reusable.text.matchAll(/cron: '([^']+)'/g)].map((m) => m[1] ?? '');
  for (const cron of [...crons, ...documented]) {
    const [minute, hour, ...rest] = cron.split(/\s+/);
    expect([cron, /^\d+$/.test(minute ?? ''), /^\d+$/.test(hour ?? ''), rest]).toEqual([
      cron,
      true,
      true,
      ['*', '*', '*'],
    ]);
  }
  // The caller in the comment, and the reusable workflow's own schedule (taken only where configured).
  expect([crons.length, documented.length]).toEqual([1, 2]);
  for (const w of [example, reusable])
    expect([w.rel, /weekly|monday|every week/i.test(w.text)]).toEqual([w.rel, false]);
});

test('docs/workflows.md shows the pr-comment and quota-audit callers as they are', () => {
  const doc = readFileSync(path.join(ROOT, 'docs', 'workflows.md'), 'utf8');
  for (const name of ['pr-comment', 'quota-audit']) {
    const section = doc.slice(doc.indexOf(`## ${name}.yml`));
    const block = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    expect([name, block]).toEqual([name, byName(`examples/workflows/${name}.yml`).text]);
  }
});

test('quota-audit.yml: a scheduled run skips its job unless the repository names a role; a call always runs it', () => {
  const w = byName('.github/workflows/quota-audit.yml');
  const condition = String(record(record(w.doc['jobs'])['audit'])['if']);
  const run = (inputs: Record<string, string>, vars: Record<string, string>) => {
    const dict = (o: Record<string, string>) =>
      new data.Dictionary(...Object.entries(o).map(([key, v]) => ({ key, value: new data.StringData(v) })));
    const lexed = new Lexer(condition).lex();
    const parsed = new Parser(lexed.tokens, ['inputs', 'vars'], []).parse();
    const context = new data.Dictionary({ key: 'inputs', value: dict(inputs) }, { key: 'vars', value: dict(vars) });
    return truthy(new Evaluator(parsed, context).evaluate());
  };
  expect(run({}, {})).toBe(false);
  expect(run({}, { HOIST_QUOTA_AUDIT_ROLE: 'arn:aws:iam::111122223333:role/audit' })).toBe(true);
  expect(run({ 'role-to-assume': 'arn:aws:iam::111122223333:role/audit' }, {})).toBe(true);
});
