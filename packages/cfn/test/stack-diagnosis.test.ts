import { describe, expect, test } from '@jest/globals';
import type { StackEvent } from '@aws-sdk/client-cloudformation';
import { describeRootCause, findRootCause, isCascade } from '../src/stack/index.js';

const ROOT = 'arn:aws:cloudformation:us-east-1:123456789012:stack/app/1111';
const NESTED = 'arn:aws:cloudformation:us-east-1:123456789012:stack/app-Workers-XYZ/2222';

let clock = Date.parse('2026-01-01T00:00:00Z');
function event(
  stack: string,
  logicalId: string,
  type: string,
  status: string,
  reason?: string,
  physical?: string,
): StackEvent {
  clock += 1000;
  return {
    StackId: stack,
    StackName: /:stack\/([^/]+)\//.exec(stack)?.[1] ?? stack,
    LogicalResourceId: logicalId,
    ResourceType: type,
    ResourceStatus: status as StackEvent['ResourceStatus'],
    ...(reason ? { ResourceStatusReason: reason } : {}),
    ...(physical ? { PhysicalResourceId: physical } : {}),
    Timestamp: new Date(clock),
    EventId: `${logicalId}-${clock}`,
  };
}

describe('root cause', () => {
  test('the first failure that is not a cascade, even when a cancellation comes first', () => {
    const events = [
      event(ROOT, 'app', 'AWS::CloudFormation::Stack', 'UPDATE_IN_PROGRESS', 'User Initiated', ROOT),
      event(ROOT, 'Queue', 'AWS::SQS::Queue', 'UPDATE_FAILED', 'Resource update cancelled'),
      event(ROOT, 'Service', 'AWS::ECS::Service', 'UPDATE_FAILED', 'Circuit breaker triggered'),
      event(ROOT, 'Topic', 'AWS::SNS::Topic', 'UPDATE_FAILED', 'Later failure'),
      event(
        ROOT,
        'app',
        'AWS::CloudFormation::Stack',
        'UPDATE_ROLLBACK_IN_PROGRESS',
        'The following resource(s) failed to update: [Service].',
        ROOT,
      ),
    ];
    const cause = findRootCause(events, ROOT);
    expect(cause).toMatchObject({
      logicalId: 'Service',
      type: 'AWS::ECS::Service',
      status: 'UPDATE_FAILED',
      reason: 'Circuit breaker triggered',
      nestedPath: [],
    });
    expect(describeRootCause(cause!)).toBe('Service (AWS::ECS::Service) UPDATE_FAILED: Circuit breaker triggered');
  });

  test('a nested stack failure is followed into the nested stack', () => {
    const events = [
      event(ROOT, 'Workers', 'AWS::CloudFormation::Stack', 'CREATE_IN_PROGRESS', undefined, NESTED),
      event(NESTED, 'Role', 'AWS::IAM::Role', 'CREATE_FAILED', 'Resource creation cancelled'),
      event(NESTED, 'Bucket', 'AWS::S3::Bucket', 'CREATE_FAILED', 'orders already exists'),
      event(
        ROOT,
        'Workers',
        'AWS::CloudFormation::Stack',
        'CREATE_FAILED',
        'Embedded stack app-Workers-XYZ was not successfully created',
        NESTED,
      ),
    ];
    const cause = findRootCause(events, 'app');
    expect(cause).toMatchObject({
      logicalId: 'Bucket',
      reason: 'orders already exists',
      stackName: 'app-Workers-XYZ',
      nestedPath: ['Workers'],
    });
    expect(describeRootCause(cause!)).toContain('(in nested stack Workers)');
  });

  test('only cascades: the first of them; no failure at all: undefined', () => {
    const cascades = [event(ROOT, 'A', 'AWS::SQS::Queue', 'CREATE_FAILED', 'Resource creation cancelled')];
    expect(findRootCause(cascades, ROOT)?.logicalId).toBe('A');
    expect(findRootCause([event(ROOT, 'A', 'AWS::SQS::Queue', 'CREATE_COMPLETE')], ROOT)).toBeUndefined();
    expect(isCascade('Resource update cancelled')).toBe(true);
    expect(isCascade('Access denied')).toBe(false);
  });
});
