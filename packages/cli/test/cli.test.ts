import { describe, expect, test } from '@jest/globals';
// @ts-expect-error -- plain ESM module without type declarations
import { helpText, inputEnvironment, listActions, loadAction, parseFlags } from '../bin/hoist.mjs';

interface Action {
  name: string;
  inputs: Record<string, { default?: string; required?: boolean; description?: string }>;
}

const preflight = loadAction('preflight') as Action;

describe('hoist CLI flags come from action.yml', () => {
  test('every action with an action.yml is listed', () => {
    expect(listActions()).toContain('preflight');
  });

  test('--name value, --name=value, a bare flag, and repeated flags', () => {
    const { inputs, options } = parseFlags(preflight, [
      '--builder',
      'buildah',
      '--region=eu-west-1',
      '--checks',
      'identity',
      '--checks',
      'tools',
      '--json',
    ]);
    expect(inputs).toEqual({ builder: 'buildah', region: 'eu-west-1', checks: 'identity\ntools' });
    expect(options.json).toBe(true);
  });

  test('an unknown flag is refused with the closest input', () => {
    expect(() => parseFlags(preflight, ['--buildr', 'x'])).toThrow(
      'hoist preflight: unknown flag --buildr. Did you mean --builder?',
    );
    expect(() => parseFlags(preflight, ['stray'])).toThrow("unexpected argument 'stray'");
  });

  test('every input gets an INPUT_ variable, with the action.yml default as a runner would', () => {
    const env = inputEnvironment(preflight, { region: 'eu-west-1' }) as Record<string, string>;
    expect(env['INPUT_REGION']).toBe('eu-west-1');
    expect(env['INPUT_BUILDER']).toBe(preflight.inputs['builder']?.default);
    expect(Object.keys(env)).toHaveLength(Object.keys(preflight.inputs).length);
  });

  test('--help lists every input with its description and default', () => {
    const help = helpText(preflight) as string;
    for (const name of Object.keys(preflight.inputs)) expect(help).toContain(`--${name}`);
    expect(help).toContain('[default: buildx]');
  });
});
