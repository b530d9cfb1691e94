import { readFileSync } from 'node:fs';
import type { ResourceSpecSource } from './types.js';

/** The format scripts/build-cfn-spec.mjs writes; see its header. */
export const RESOURCE_SPEC_FORMAT = 1;

export interface ResourceSpecData {
  readonly format: number;
  readonly source: ResourceSpecSource;
  readonly enums: readonly string[];
  readonly transforms: Readonly<Record<string, string>>;
  readonly resources: Readonly<Record<string, string>>;
}

// A file read rather than a JSON import: it is parsed only when a lookup first needs it, and ncc copies it next to
// dist/index.js as an asset (rewriting this URL to a path) instead of inlining 1.4 MB into the script.
const DATA_FILE = new URL('../../data/resource-spec.json', import.meta.url);

export function readResourceSpecData(file: URL | string = DATA_FILE): ResourceSpecData {
  const data = JSON.parse(readFileSync(file, 'utf8')) as ResourceSpecData;
  if (data.format !== RESOURCE_SPEC_FORMAT) {
    throw new Error(
      `${String(file)} has format ${String(data.format)}, this code reads ${RESOURCE_SPEC_FORMAT}: rebuild it with scripts/build-cfn-spec.mjs`,
    );
  }
  return data;
}
