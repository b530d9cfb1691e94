import type { Finding } from '@hoist/kit';
import { findingsOf, type Check } from './check.js';

/** Percent of a quota above which the check warns (quota-check's default). */
const THRESHOLD = 80;

/** Check 9 of the prerequisites guide, through packages/quotas: what the template adds against quotas and usage. */
export const quotasCheck: Check = {
  id: 'quotas',
  category: 'Capacity planning',
  needsAws: true,
  async run({ project, inputs, aws, signal }) {
    const f = findingsOf('quotas');
    if (!project.template?.root) return [f.skip('the template could not be read: see the template check.')];
    const { checkTemplateQuotas } = await import('@hoist/quotas');
    const result = await checkTemplateQuotas({
      aws,
      threshold: THRESHOLD,
      template: project.template,
      parameters: project.parameterValues,
      signal,
      ...(inputs['stack-name'] ? { stackName: inputs['stack-name'] } : {}),
    });
    if (result.findings.length === 0) return [f.pass('the template adds nothing that hoist tracks against a quota.')];
    // The quota code stays in the message (`VPCs per Region (vpc/L-F678F1CE)`); the check is `quotas`.
    return result.findings.map((q): Finding => ({ ...q, check: 'quotas' }));
  },
};
