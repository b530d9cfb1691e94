import { markdownTable } from '@hoist/kit';
import type { ChainReport, StepReport } from './run.js';
import type { ShipSettings } from './plan.js';

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

const ICON: Record<StepReport['outcome'], string> = {
  success: '✅',
  failure: '❌',
  skipped: '⏭️',
  'not-run': '⏹️',
};

/** One line that says what happened overall: the summary's first line and the log's last. */
export function headline(report: ChainReport, settings: Pick<ShipSettings, 'stack-name' | 'environment'>): string {
  const where = `stack \`${settings['stack-name']}\`${settings.environment ? ` (${settings.environment})` : ''}`;
  const took = `in ${seconds(report.durationMs)}`;
  const release = report.releaseId ? `, release \`${report.releaseId}\`` : '';
  const image = report.imageUri ? ` \`${report.imageUri}\`` : '';
  switch (report.status) {
    case 'deployed':
      if (report.ok) return `✅ Shipped${image} to ${where}${release} ${took}.`;
      break;
    case 'no-changes':
      if (report.ok) return `✅ ${where} already runs this release: no changes ${took}.`;
      break;
    case 'preview':
      if (report.ok) return `👀 Preview of ${where}: the change set was shown and nothing changed, ${took}.`;
      break;
    default:
      break;
  }
  if (report.failedStep && report.failedStep !== 'deploy-stack') {
    const step = report.steps.find((s) => s.step === report.failedStep);
    return `❌ ${report.failedStep} failed, nothing was deployed to ${where}: ${step?.note ?? 'see its section'}`;
  }
  const rollback = report.rollbackStatus
    ? report.rollbackStatus === 'failed'
      ? ' The rollback failed too: see its section.'
      : ` rollback: ${report.rollbackStatus}${report.rollbackReleaseId ? ` (release \`${report.rollbackReleaseId}\` runs)` : ''}.`
    : '';
  if (report.status === 'rolled-back')
    return `❌ The deploy to ${where} failed and CloudFormation rolled it back: the previous release runs (${took}).`;
  if (report.status === 'unhealthy')
    return `❌ The new release of ${where}${release} is unhealthy.${rollback} (${took})`;
  return `❌ The deploy to ${where} failed.${rollback} (${took})`;
}

/** The job summary: the headline, a table of the steps, then one section per step in order with its own summary. */
export function renderSummary(report: ChainReport, settings: Pick<ShipSettings, 'stack-name' | 'environment'>): string {
  const time = (s: StepReport) => (s.outcome === 'success' || s.outcome === 'failure' ? seconds(s.durationMs) : '');
  const table = markdownTable(
    ['#', 'Outcome', 'Step', 'Time', 'Detail'],
    report.steps.map((s, i) => [
      String(i + 1),
      `${ICON[s.outcome]} ${s.outcome}`,
      s.step,
      time(s),
      s.note ?? keyOutputs(s),
    ]),
  );
  const sections = report.steps.map((s, i) => {
    const head = `## ${i + 1}. ${s.step} — ${ICON[s.outcome]} ${s.outcome}${time(s) ? ` (${time(s)})` : ''}`;
    const body = s.summary?.trim() || (s.note ? `_${s.note}_` : '_No summary._');
    return `${head}\n\n${body}\n`;
  });
  return [headline(report, settings), '', table, '', ...sections].join('\n');
}

function keyOutputs(s: StepReport): string {
  const o = s.outputs;
  switch (s.step) {
    case 'preflight':
      return o['account-id'] ? `account ${o['account-id']}, ${o['region'] ?? ''}` : '';
    case 'secrets-sync':
      return `created: ${o['created'] || 'none'}; updated: ${o['updated'] || 'none'}`;
    case 'cfn-validate':
      return `${o['errors'] ?? '?'} errors, ${o['warnings'] ?? '?'} warnings`;
    case 'build-push-multiarch':
      return o['image-uri'] ?? '';
    case 'deploy-stack':
    case 'rollback':
      return [o['status'], o['release-id'] && `release ${o['release-id']}`].filter(Boolean).join(', ');
    default:
      return '';
  }
}

/** The `report` output: every step's outcome and duration (no summaries: they are in the job summary). */
export function reportJson(report: ChainReport): string {
  return JSON.stringify({
    ...report,
    steps: report.steps.map((s) => ({
      step: s.step,
      outcome: s.outcome,
      durationMs: s.durationMs,
      ...(s.note ? { note: s.note } : {}),
      outputs: s.outputs,
    })),
  });
}
