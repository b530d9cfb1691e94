// Types of scripts/gen-action-docs.mjs, for the TypeScript tests that import it.
import type { LoadedIamManifest } from './gen-iam-policies.mjs';

export interface ExpectedDocs {
  files: Map<string, string>;
  orphans: string[];
}
export interface Log {
  log(message: string): void;
  error(message: string): void;
}
export const ROOT: string;
export const START: string;
export const END: string;
export function repositorySlug(root?: string): string;
export function prose(value: unknown): string;
export function cell(value: unknown): string;
export function renderActionSection(name: string, yamlText: string, options?: { repository?: string }): string;
export function mergeSection(existing: string | undefined, section: string, file: string): string;
export function actionNames(root?: string): string[];
export function expectedDocs(options?: { root?: string; iam?: LoadedIamManifest }): ExpectedDocs;
export function staleDocs(root: string, expected: ExpectedDocs): string[];
export function writeDocs(root: string, expected: ExpectedDocs): string[];
export function main(argv: string[], options?: { root?: string; log?: Log }): number;
