import type { AwsContext } from '@hoist/aws';
import type { Exec, Finding } from '@hoist/kit';
import type { CheckId, Inputs } from '../inputs.js';

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

export interface CheckContext {
  inputs: Inputs;
  region: string;
  aws: AwsContext;
  /** False when `aws: optional` and no credentials are configured: AWS checks say SKIP. */
  awsAvailable: boolean;
  signal: AbortSignal;
  exec: Exec;
  facts: Facts;
}

export interface Check {
  id: CheckId;
  category: Category;
  needsAws: boolean;
  run(context: CheckContext): Promise<Finding[]>;
}
