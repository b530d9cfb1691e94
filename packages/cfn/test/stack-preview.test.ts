import { describe, expect, test } from '@jest/globals';
import type { Change } from '@aws-sdk/client-cloudformation';
import {
  DEFAULT_STATEFUL_TYPES,
  guardedReplacements,
  parameterChangeRows,
  renderPreview,
  resourceChangeRows,
  type ChangeSetPreview,
} from '../src/stack/index.js';

const changes: Change[] = [
  { Type: 'Resource', ResourceChange: { Action: 'Add', LogicalResourceId: 'Queue', ResourceType: 'AWS::SQS::Queue' } },
  {
    Type: 'Resource',
    ResourceChange: {
      Action: 'Modify',
      LogicalResourceId: 'Table',
      ResourceType: 'AWS::DynamoDB::Table',
      Replacement: 'True',
      Scope: ['Properties'],
      Details: [
        { Target: { Attribute: 'Properties', Name: 'TableName', RequiresRecreation: 'Always' } },
        { Target: { Attribute: 'Properties', Name: 'BillingMode', RequiresRecreation: 'Never' } },
      ],
    },
  },
  {
    Type: 'Resource',
    ResourceChange: {
      Action: 'Modify',
      LogicalResourceId: 'Service',
      ResourceType: 'AWS::ECS::Service',
      Replacement: 'Conditional',
      Scope: ['Properties'],
      Details: [{ Target: { Attribute: 'Properties', Name: 'TaskDefinition', RequiresRecreation: 'Conditionally' } }],
    },
  },
  {
    Type: 'Resource',
    ResourceChange: { Action: 'Remove', LogicalResourceId: 'Old|Pipe', ResourceType: 'AWS::SNS::Topic' },
  },
];

function preview(): ChangeSetPreview {
  return {
    stackName: 'app',
    changeSetName: 'hoist-1',
    changeSetId: 'arn:cs',
    newStack: false,
    changes: resourceChangeRows(changes),
    parameters: parameterChangeRows(
      [
        { ParameterKey: 'ImageUri', ParameterValue: 'repo@sha256:a' },
        { ParameterKey: 'Env', ParameterValue: 'prod' },
        { ParameterKey: 'Password', ParameterValue: '****' },
        { ParameterKey: 'Gone', ParameterValue: 'x' },
      ],
      [
        { ParameterKey: 'ImageUri', ParameterValue: 'repo@sha256:b' },
        { ParameterKey: 'Env', UsePreviousValue: true },
        { ParameterKey: 'Password', ParameterValue: 'new-secret' },
      ],
      new Set(['Password']),
    ),
  };
}

describe('change set preview', () => {
  test('rows: replacement only for Modify, the properties that cause it, every changed property', () => {
    const rows = resourceChangeRows(changes);
    expect(rows.map((r) => [r.action, r.logicalId, r.replacement, r.causes, r.changed])).toEqual([
      ['Add', 'Queue', undefined, [], []],
      ['Modify', 'Table', 'True', ['TableName'], ['BillingMode', 'TableName']],
      ['Modify', 'Service', 'Conditional', ['TaskDefinition'], ['TaskDefinition']],
      ['Remove', 'Old|Pipe', undefined, [], []],
    ]);
  });

  test('parameter changes: changed values, NoEcho never shown, kept ones skipped, removed ones listed', () => {
    expect(preview().parameters).toEqual([
      { name: 'Gone', before: 'x', after: undefined, noEcho: false },
      { name: 'ImageUri', before: 'repo@sha256:a', after: 'repo@sha256:b', noEcho: false },
      { name: 'Password', before: '****', after: 'new-secret', noEcho: true },
    ]);
  });

  test('markdown: counts, a table with escaped cells, NoEcho as (NoEcho)', () => {
    const md = renderPreview(preview());
    expect(md).toContain('**1 to add, 2 to modify, 1 to remove (2 replacements)**');
    expect(md).toContain(
      '| ✏️ Modify | Table | AWS::DynamoDB::Table | **True** | TableName | BillingMode, TableName |',
    );
    expect(md).toContain('| ✏️ Modify | Service | AWS::ECS::Service | Conditional | TaskDefinition | TaskDefinition |');
    expect(md).toContain('| ➖ Remove | Old\\|Pipe | AWS::SNS::Topic |');
    expect(md).toContain('| Password | (NoEcho) | (NoEcho) |');
    expect(md).not.toContain('new-secret');
  });

  test('no resource changes says so', () => {
    expect(renderPreview({ ...preview(), changes: [], parameters: [] })).toContain('No resource changes.');
  });

  test('guarded replacements: stateful types only, True and Conditional, prefixes with *', () => {
    expect(guardedReplacements(preview(), DEFAULT_STATEFUL_TYPES).map((r) => r.logicalId)).toEqual(['Table']);
    expect(guardedReplacements(preview(), ['AWS::ECS::*']).map((r) => r.logicalId)).toEqual(['Service']);
    expect(guardedReplacements(preview(), ['AWS::SNS::Topic'])).toEqual([]);
  });
});
