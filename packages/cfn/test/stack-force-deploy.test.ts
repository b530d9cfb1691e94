import { describe, expect, test } from '@jest/globals';
import { referencesSecret, stackServices, taskDefinitionSecretRefs } from '../src/stack/index.js';

const ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:worker/broker-AbCdEf';

describe('secrets in use', () => {
  test.each([
    [ARN, 'worker/broker', true],
    [`${ARN}:url::`, 'worker/broker', true],
    [ARN, ARN, true],
    ['worker/broker', ARN, true],
    [ARN, 'worker/broker-old', false],
    ['arn:aws:secretsmanager:us-east-1:123456789012:secret:other/broker-XyZ123', 'worker/broker', false],
    ['aws secretsmanager get-secret-value --secret-id worker/broker\n', 'worker/broker', true],
  ])('%s uses %s: %s', (reference, secret, expected) => {
    expect(referencesSecret(reference, secret)).toBe(expected);
  });

  test('task definition references: secrets and repository credentials', () => {
    expect(
      taskDefinitionSecretRefs({
        containerDefinitions: [
          {
            name: 'a',
            secrets: [{ name: 'X', valueFrom: ARN }],
            repositoryCredentials: { credentialsParameter: 'registry' },
          },
        ],
      }),
    ).toEqual([ARN, 'registry']);
  });

  test('services from stack resources: long and short ARNs', () => {
    expect(
      stackServices([
        {
          LogicalResourceId: 'Cluster',
          ResourceType: 'AWS::ECS::Cluster',
          PhysicalResourceId: 'arn:aws:ecs:us-east-1:1:cluster/main',
          ResourceStatus: 'CREATE_COMPLETE',
          LastUpdatedTimestamp: new Date(),
        },
        {
          LogicalResourceId: 'A',
          ResourceType: 'AWS::ECS::Service',
          PhysicalResourceId: 'arn:aws:ecs:us-east-1:1:service/main/a',
          ResourceStatus: 'CREATE_COMPLETE',
          LastUpdatedTimestamp: new Date(),
        },
        {
          LogicalResourceId: 'B',
          ResourceType: 'AWS::ECS::Service',
          PhysicalResourceId: 'arn:aws:ecs:us-east-1:1:service/b',
          ResourceStatus: 'CREATE_COMPLETE',
          LastUpdatedTimestamp: new Date(),
        },
      ]),
    ).toEqual([
      { logicalId: 'A', cluster: 'main', name: 'a' },
      { logicalId: 'B', cluster: 'main', name: 'b' },
    ]);
  });
});
