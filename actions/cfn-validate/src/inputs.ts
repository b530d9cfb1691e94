import { existsSync } from 'node:fs';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { getEnum, getList, getPath, getString, InputError, workspace, type FailOn, type InputSource } from '@hoist/kit';
import { isRuleId, RULES } from '@hoist/cfn';

export interface Inputs {
  /** Absolute paths of every matched template, sorted. */
  template: string[];
  parameters: string | undefined;
  'remote-validation': 'auto' | 'true' | 'false';
  region: string | undefined;
  'deferred-parameters': string[];
  'fail-on': FailOn;
  ignore: string[];
}

export function getInputs(source: InputSource): Inputs {
  const ignore = getList('ignore', { source });
  for (const id of ignore) {
    if (!isRuleId(id)) {
      throw new InputError(
        'ignore',
        id,
        `rule ids such as ${Object.keys(RULES).slice(0, 3).join(', ')}`,
        'see docs/actions/cfn-validate-rules.md for the list.',
      );
    }
  }
  return {
    template: templates(source),
    parameters: getPath('parameters', { source, kind: 'file' }),
    'remote-validation': getEnum('remote-validation', ['auto', 'true', 'false'] as const, { source, default: 'auto' }),
    region: getString('region', { source }),
    'deferred-parameters': getList('deferred-parameters', { source }),
    'fail-on': getEnum('fail-on', ['error', 'warning', 'never'] as const, { source, default: 'error' }),
    ignore,
  };
}

/** Paths and globs, one per line, resolved against the workspace; each must match at least one file. */
function templates(source: InputSource): string[] {
  const value = getString('template', { source, required: true });
  const patterns = value
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const cwd = workspace();
  const found = new Set<string>();
  for (const pattern of patterns) {
    if (!isDynamicPattern(pattern)) {
      const file = getPath('template', { source: () => pattern, kind: 'file' }) as string;
      found.add(file);
      continue;
    }
    const matches = globSync(pattern, { cwd, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**'] });
    if (matches.length === 0) {
      throw new InputError(
        'template',
        pattern,
        'a path or a glob that matches at least one file',
        `check the pattern; it is matched against ${cwd}.`,
      );
    }
    for (const m of matches) if (existsSync(m)) found.add(m);
  }
  return [...found].sort();
}
