import { describe, expect, test } from '@jest/globals';
import { planParameters, recordableParameters, type TemplateParameter } from '../src/stack/index.js';

const template: TemplateParameter[] = [
  { name: 'ImageUri', default: undefined, noEcho: false },
  { name: 'Env', default: 'dev', noEcho: false },
  { name: 'Password', default: undefined, noEcho: true },
];

describe('parameter plan', () => {
  test('new stack: given values, Defaults left to CloudFormation, unknown keys reported', () => {
    const plan = planParameters({ template, given: { ImageUri: 'a', Password: 'p', Typo: 'x' }, existing: undefined });
    expect(plan.parameters).toEqual([
      { ParameterKey: 'ImageUri', ParameterValue: 'a' },
      { ParameterKey: 'Password', ParameterValue: 'p' },
    ]);
    expect(plan.unknown).toEqual(['Typo']);
    expect(plan.kept).toEqual([]);
  });

  test('existing stack: what is not given keeps its value; parameters the template dropped are reported', () => {
    const existing = [
      { ParameterKey: 'ImageUri', ParameterValue: 'a' },
      { ParameterKey: 'Env', ParameterValue: 'prod' },
      { ParameterKey: 'Password', ParameterValue: '****' },
      { ParameterKey: 'OldFlag', ParameterValue: 'on' },
    ];
    const plan = planParameters({ template, given: { ImageUri: 'b' }, existing });
    expect(plan.parameters).toEqual([
      { ParameterKey: 'ImageUri', ParameterValue: 'b' },
      { ParameterKey: 'Env', UsePreviousValue: true },
      { ParameterKey: 'Password', UsePreviousValue: true },
    ]);
    expect(plan.kept).toEqual(['Env', 'Password']);
    expect(plan.dropped).toEqual(['OldFlag']);
  });

  test('a parameter with no value anywhere fails before any change set, naming it', () => {
    expect(() => planParameters({ template, given: { ImageUri: 'a' }, existing: undefined })).toThrow(
      "The template's parameter Password has no value and no Default.",
    );
    expect(() => planParameters({ template, given: {}, usePrevious: ['ImageUri'], existing: undefined })).toThrow(
      'ImageUri (UsePreviousValue, but the stack has no previous value), Password have no value',
    );
  });

  test('release values leave NoEcho parameters out', () => {
    const out = recordableParameters(
      [
        { ParameterKey: 'ImageUri', ParameterValue: 'a' },
        { ParameterKey: 'Password', ParameterValue: 'leaked-if-stored' },
        { ParameterKey: 'Token', ParameterValue: '****' },
      ],
      new Set(['Password']),
    );
    expect(out).toEqual({ values: { ImageUri: 'a' }, noEcho: ['Password', 'Token'] });
  });
});
