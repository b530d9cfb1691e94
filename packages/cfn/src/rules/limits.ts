import type { RuleContext } from '../validate.js';

/** CloudFormation's quotas on a template (per the CloudFormation quotas page). */
export const TEMPLATE_LIMITS = {
  /** The largest body CreateStack/CreateChangeSet accept inline (TemplateBody); above it, TemplateURL from S3. */
  inlineBodyBytes: 51_200,
  /** The largest template, through S3. */
  bodyBytes: 1_048_576,
  resources: 500,
  parameters: 200,
  outputs: 200,
} as const;

/** Whether a template must be uploaded to S3 (TemplateURL) rather than passed inline. */
export function needsS3Upload(bytes: number): boolean {
  return bytes > TEMPLATE_LIMITS.inlineBodyBytes;
}

/** `51200` → `51,200` without Intl (loading ICU costs a cold start tens of milliseconds). */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** H5001–H5005: the template's size and counts against CloudFormation's quotas. */
export function checkLimits({ template, report }: RuleContext): void {
  const start = { line: 1, column: 1 };
  const size = thousands(template.bytes);
  if (template.bytes > TEMPLATE_LIMITS.bodyBytes) {
    report(
      'H5002',
      start,
      `The template is ${size} bytes: over CloudFormation's 1 MB (1,048,576 bytes) limit, even through S3.`,
      'split it into nested stacks, or shorten it (inline code and policies are the usual bulk).',
    );
  } else if (needsS3Upload(template.bytes)) {
    report(
      'H5001',
      start,
      `The template is ${size} bytes: over 51,200 bytes, it cannot be passed inline (TemplateBody) and must be uploaded to S3 (TemplateURL).`,
      "deploy-stack does it when its 'artifacts-bucket' input is set (a bucket name, or auto).",
    );
  }
  const root = template.root;
  const checks = [
    ['Resources', template.resources.size, TEMPLATE_LIMITS.resources, 'H5003', 'resources'],
    ['Parameters', template.parameters.size, TEMPLATE_LIMITS.parameters, 'H5004', 'parameters'],
    ['Outputs', template.outputs.size, TEMPLATE_LIMITS.outputs, 'H5005', 'outputs'],
  ] as const;
  for (const [section, count, limit, rule, noun] of checks) {
    if (count > limit) {
      report(
        rule,
        root?.byKey.get(section)?.keyPos ?? start,
        `The template declares ${count} ${noun}; CloudFormation allows ${limit}.`,
        `move some ${noun} into nested stacks.`,
      );
    }
  }
}
