import path from 'node:path';
import {
  markdownTable,
  UserError,
  workspace,
  type ActionContext,
  type AnnotationLevel,
  type Reporter,
} from '@hoist/kit';
import {
  mergeCapabilities,
  needsS3Upload,
  readParametersFile,
  readTemplate,
  validateTemplate,
  type CfnFinding,
  type Capability,
  type RuleLevel,
} from '@hoist/cfn';
import { getInputs, type Inputs } from './inputs.js';
import type { RemoteResult } from './remote.js';

type RemoteValidator = (body: string, signal: AbortSignal) => Promise<RemoteResult>;

/** Below the runner's 1 MB limit for a job's outputs, with room for the others. */
const MAX_REPORT_CHARS = 900_000;

const ANNOTATION: Record<RuleLevel, AnnotationLevel> = { error: 'error', warning: 'warning', info: 'notice' };

export async function cfnValidate({ reporter, inputs: source, signal }: ActionContext): Promise<void> {
  const inputs = getInputs(source);
  const parameters = inputs.parameters ? readParametersFile(inputs.parameters) : undefined;
  const remote = await remoteValidator(inputs, reporter);
  const findings: CfnFinding[] = [];
  const capabilities: Capability[][] = [];
  for (const file of inputs.template) {
    const template = readTemplate(file);
    const result = validateTemplate(template, {
      ...(parameters ? { parameters } : {}),
      deferredParameters: inputs['deferred-parameters'],
      ignore: inputs.ignore,
    });
    findings.push(...result.findings);
    capabilities.push(result.capabilities);
    if (remote && template.root && !inputs.ignore.includes('H9001')) {
      findings.push(...(await validateRemotely(remote, template.text, file, reporter, inputs, signal)));
    }
    const counts = count(result.findings);
    reporter.info(`${relative(file)}: ${counts.error} errors, ${counts.warning} warnings, ${counts.info} notes.`);
  }
  report(reporter, findings, mergeCapabilities(capabilities), inputs);
}

async function remoteValidator(inputs: Inputs, reporter: Reporter): Promise<RemoteValidator | undefined> {
  const mode = inputs['remote-validation'];
  if (mode === 'false') return undefined;
  // The credentials check alone: the SDK and its HTTP stack load only when ValidateTemplate is really called.
  const { hasConfiguredCredentials } = await import('@hoist/aws/credentials');
  if (mode === 'auto' && !hasConfiguredCredentials()) {
    reporter.annotate({
      level: 'notice',
      title: 'cfn-validate',
      message:
        "remote-validation is auto and no AWS credentials are configured: CloudFormation's ValidateTemplate was skipped (local rules ran).",
    });
    return undefined;
  }
  const { createRemoteValidator } = await import('./remote.js');
  return createRemoteValidator(inputs.region);
}

async function validateRemotely(
  remote: RemoteValidator,
  body: string,
  file: string,
  reporter: Reporter,
  inputs: Inputs,
  signal: AbortSignal,
): Promise<CfnFinding[]> {
  if (needsS3Upload(Buffer.byteLength(body, 'utf8'))) {
    reporter.info(
      `${relative(file)}: over 51,200 bytes, ValidateTemplate needs a TemplateURL in S3; remote validation skipped for it.`,
    );
    return [];
  }
  const result = await remote(body, signal);
  if (result.ok) {
    reporter.info(`${relative(file)}: CloudFormation's ValidateTemplate accepted the template.`);
    return [];
  }
  if (result.kind === 'unavailable') {
    if (inputs['remote-validation'] === 'true') {
      throw new UserError(
        `remote-validation: ValidateTemplate could not be called for ${relative(file)} (${result.message}).`,
        {
          fix: 'check the AWS credentials and region (cloudformation:ValidateTemplate is the only permission needed), or set remote-validation: auto.',
        },
      );
    }
    reporter.annotate({
      level: 'notice',
      title: 'cfn-validate',
      message: `ValidateTemplate could not be called (${result.message}); local rules ran.`,
    });
    return [];
  }
  const line = /line (\d+)/i.exec(result.message)?.[1];
  return [
    {
      rule: 'H9001',
      level: 'error',
      message: `CloudFormation's ValidateTemplate rejected the template: ${result.message}`,
      fix: 'correct what CloudFormation names; it checks the template as a whole, before any resource is created.',
      file,
      line: line ? Number(line) : 1,
      column: 1,
    },
  ];
}

/** The path annotations want: relative to GITHUB_WORKSPACE, with forward slashes. */
function relative(file: string): string {
  return path.relative(workspace(), file).split(path.sep).join('/');
}

function count(findings: readonly CfnFinding[]): Record<RuleLevel, number> {
  const counts: Record<RuleLevel, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.level] += 1;
  return counts;
}

function report(
  reporter: Reporter,
  findings: readonly CfnFinding[],
  capabilities: readonly Capability[],
  inputs: Inputs,
): void {
  // Findings of one file are many: its relative name is computed once.
  const names = new Map<string, string>();
  const nameOf = (file: string) => names.get(file) ?? names.set(file, relative(file)).get(file) ?? file;
  const located = findings.map((f) => ({ ...f, file: f.file === undefined ? undefined : nameOf(f.file) }));
  for (const f of located) {
    reporter.annotate({
      level: ANNOTATION[f.level],
      title: f.rule,
      message: f.fix ? `${f.message}\nFix: ${f.fix}` : f.message,
      ...(f.file !== undefined ? { file: f.file } : {}),
      line: f.line,
      column: f.column,
    });
  }
  const counts = count(findings);
  reporter.setOutput('capabilities', capabilities.join(','));
  reporter.setOutput('errors', counts.error);
  reporter.setOutput('warnings', counts.warning);
  const entries = located.map((f) => ({
    file: f.file ?? '',
    line: f.line,
    column: f.column,
    rule: f.rule,
    level: f.level,
    message: f.message,
    ...(f.fix ? { fix: f.fix } : {}),
  }));
  let reportJson = JSON.stringify(entries);
  if (reportJson.length > MAX_REPORT_CHARS) {
    // A runner keeps at most 1 MB of outputs per job: notes go first, then the output says what was left out.
    const kept = entries.filter((e) => e.level !== 'info');
    reportJson = JSON.stringify(kept);
    while (reportJson.length > MAX_REPORT_CHARS && kept.length > 0) {
      kept.splice(Math.floor(kept.length * 0.9));
      reportJson = JSON.stringify(kept);
    }
    reporter.info(
      `The report output holds ${kept.length} of ${entries.length} findings (outputs are limited to 1 MB); the annotations and the summary have all of them.`,
    );
  }
  reporter.setOutput('report', reportJson);
  const templates = inputs.template.length;
  const lines = [
    '### cfn-validate',
    `**${counts.error} errors, ${counts.warning} warnings, ${counts.info} notes** in ${templates} template${templates === 1 ? '' : 's'}.` +
      (capabilities.length > 0 ? ` Capabilities needed: \`${capabilities.join(', ')}\`.` : ''),
  ];
  if (located.length > 0) {
    const icon = { error: '❌ error', warning: '⚠️ warning', info: 'ℹ️ info' } as const;
    const rows = located.map((f) => [
      icon[f.level],
      f.rule,
      `${f.file ?? ''}:${f.line}:${f.column}`,
      f.message,
      f.fix ?? '',
    ]);
    lines.push(markdownTable(['Level', 'Rule', 'Where', 'Finding', 'Fix'], rows));
  }
  reporter.summary(lines.join('\n\n') + '\n');
  const failOn = inputs['fail-on'];
  if ((failOn !== 'never' && counts.error > 0) || (failOn === 'warning' && counts.warning > 0)) {
    reporter.fail(
      `cfn-validate: ${plural(counts.error, 'error')} and ${plural(counts.warning, 'warning')} (fail-on: ${failOn}). The annotations show each on its line.`,
    );
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
