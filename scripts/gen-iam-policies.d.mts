// Types of scripts/gen-iam-policies.mjs, for the TypeScript tests that import it.
export interface ManifestStatement {
  sid: string;
  actions: string[];
  resources?: string[];
}
export interface PolicyDocument {
  Version: string;
  Statement: unknown[];
}
export interface LoadedIamManifest {
  manifest: Record<string, ManifestStatement[]>;
  policies: Record<string, PolicyDocument>;
}
export const ROOT: string;
export const MANIFEST_PATH: string;
export function loadIamManifest(root?: string, manifestPath?: string): LoadedIamManifest;
export function renderPolicy(policy: PolicyDocument): string;
export function renderIamReadme(manifest: LoadedIamManifest['manifest']): string;
export function iamDocs(loaded: LoadedIamManifest): Map<string, string>;
