import type { AwsContext } from '@hoist/aws';
import type { Exec, Finding } from '@hoist/kit';
import type { CheckId, Inputs } from '../inputs.js';
import type { Project } from '../project.js';

/** The prerequisites guide's categories, in the order the summary shows them. */
export const CATEGORIES = [
  'Local environment',
  'AWS authentication',
  'Resource provisioning',
  'Capacity planning',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** What checks learn and share (the identity check's account id feeds the `registry` output). */
export interface Facts {
  accountId?: string;
  callerArn?: string;
}

export interface CallerIdentity {
  account: string;
  arn: string;
}

export interface CheckContext {
  inputs: Inputs;
  region: string;
  aws: AwsContext;
  /** False when `aws: optional` and no credentials are configured: AWS checks say SKIP. */
  awsAvailable: boolean;
  signal: AbortSignal;
  exec: Exec;
  facts: Facts;
  /** The template and parameters file, read and validated once for every check that needs them. */
  project: Project;
  /** sts:GetCallerIdentity, asked once for the identity and permissions checks. */
  callerIdentity(): Promise<CallerIdentity>;
}

export interface Check {
  id: CheckId;
  category: Category;
  /** True: nothing to do without AWS credentials (SKIP). Checks with a local part handle `awsAvailable` themselves. */
  needsAws: boolean;
  run(context: CheckContext): Promise<Finding[]>;
}

/** A check's findings all carry its id. */
export function findingsOf(check: CheckId) {
  return {
    pass: (message: string, extra: Partial<Finding> = {}): Finding => ({ check, status: 'pass', message, ...extra }),
    warn: (message: string, fix?: string, extra: Partial<Finding> = {}): Finding => ({
      check,
      status: 'warn',
      message,
      ...(fix ? { fix } : {}),
      ...extra,
    }),
    fail: (message: string, fix?: string, extra: Partial<Finding> = {}): Finding => ({
      check,
      status: 'fail',
      message,
      ...(fix ? { fix } : {}),
      ...extra,
    }),
    skip: (message: string, fix?: string, extra: Partial<Finding> = {}): Finding => ({
      check,
      status: 'skip',
      message,
      ...(fix ? { fix } : {}),
      ...extra,
    }),
  };
}
