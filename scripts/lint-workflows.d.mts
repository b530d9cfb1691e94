// Types of scripts/lint-workflows.mjs, for the TypeScript tests that import it.
export interface Problem {
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
}
export interface RunScript {
  file: string;
  line: number;
  indent: number;
  text: string;
  shell: string;
  block: boolean;
}
export interface UsesRef {
  file: string;
  line: number;
  column: number;
  ref: string;
}
export interface Log {
  log(message: string): void;
  error(message: string): void;
}
export const ROOT: string;
export const SHELLCHECK_INSTALL_HINT: string;
export function collectTargets(root?: string): { workflows: string[]; actions: string[]; shellFiles: string[] };
export function extractSteps(
  text: string,
  file: string,
  kind: 'workflow' | 'action',
): { runs: RunScript[]; uses: UsesRef[]; problems: Problem[]; composite: boolean };
export function checkPinning(uses: UsesRef[]): Problem[];
export function checkRunExpressions(runs: RunScript[]): Problem[];
export function shellDialect(shell: string): 'bash' | 'sh' | undefined;
export function scriptForShellcheck(
  text: string,
  dialect: 'bash' | 'sh',
): { script: string; placeholders: Set<string> };
export function requireShellcheck(env?: Record<string, string | undefined>): void;
export function shellcheck(
  runs: RunScript[],
  shellFiles: string[],
  root?: string,
): { problems: Problem[]; checked: number };
export function actionlint(workflows: { file: string; text: string }[]): Promise<Problem[]>;
export function lintRepository(root?: string): Promise<{
  problems: Problem[];
  counts: { workflows: number; actions: number; shellFiles: number; runs: number; shellchecked: number };
}>;
export function formatProblem(problem: Problem, options?: { annotate?: boolean }): string;
export function main(options?: { root?: string; log?: Log; env?: Record<string, string | undefined> }): Promise<number>;
