/**
 * AWS wire shapes for the scenario proxy: which protocol a request speaks, how each protocol renders an error, and
 * scripted answers for the calls moto cannot play (CloudFormation DescribeStacks / DescribeStackEvents, Service
 * Quotas GetServiceQuota / GetAWSDefaultServiceQuota, ECS DescribeServices, Auto Scaling DescribeAutoScalingGroups).
 *
 * Member names and types come from the AWS SDK v3 service models (the answer inputs are typed with the SDK's own
 * model types, so a misspelt member does not compile); envelopes follow the protocols: awsQuery answers
 * `<OpResponse><OpResult>…</OpResult><ResponseMetadata>`, lists as `<member>`, timestamps ISO 8601; awsJson answers
 * a JSON document with timestamps as epoch seconds. Error codes and HTTP statuses are the documented ones (e.g.
 * Service Quotas models `TooManyRequestsException` with HTTP 429, EC2 throttles with `RequestLimitExceeded` / 503).
 */
import { randomUUID } from 'node:crypto';
import type { AutoScalingGroup, Instance } from '@aws-sdk/client-auto-scaling';
import type { Output, Parameter, Stack, StackEvent } from '@aws-sdk/client-cloudformation';
import type { Deployment, Failure, Service, ServiceEvent } from '@aws-sdk/client-ecs';
import type { ServiceQuota } from '@aws-sdk/client-service-quotas';

/** The wire protocol of one request, told from the request itself (see `detectProtocol`). */
export type AwsProtocol = 'query' | 'ec2' | 'json1.0' | 'json1.1' | 's3' | 'rest-json';

/** An HTTP answer the proxy sends instead of forwarding. */
export interface ScriptedAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

/** An AWS error as the service would send it; `type` only matters to query protocols (Sender = client fault). */
export interface AwsErrorSpec {
  status: number;
  code: string;
  message?: string;
  type?: 'Sender' | 'Receiver';
}

export const TEST_ACCOUNT = '123456789012';
export const TEST_REGION = 'us-east-1';

/** Namespaces of the awsQuery services hoist calls (the SDK ignores them, real AWS sends them). */
const QUERY_XMLNS: Record<string, string> = {
  cloudformation: 'http://cloudformation.amazonaws.com/doc/2010-05-15/',
  sts: 'https://sts.amazonaws.com/doc/2011-06-15/',
  iam: 'https://iam.amazonaws.com/doc/2010-05-08/',
  autoscaling: 'http://autoscaling.amazonaws.com/doc/2011-01-01/',
};

/**
 * JSON RPC services send `X-Amz-Target` and say their version in Content-Type; EC2 has its own query dialect; other
 * form posts are awsQuery; S3 is REST-XML; anything else is treated as REST-JSON.
 */
export function detectProtocol(service: string, headers: Record<string, string | string[] | undefined>): AwsProtocol {
  const contentType = String(headers['content-type'] ?? '');
  if (headers['x-amz-target']) return contentType.includes('json-1.0') ? 'json1.0' : 'json1.1';
  if (service === 'ec2') return 'ec2';
  if (service === 's3') return 's3';
  if (contentType.startsWith('application/x-www-form-urlencoded')) return 'query';
  return 'rest-json';
}

export function xmlEscape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Each service's own throttling error (its model's exception where it has one). */
export function throttlingError(service: string, protocol: AwsProtocol): AwsErrorSpec {
  switch (protocol) {
    case 'ec2':
      return { status: 503, code: 'RequestLimitExceeded', message: 'Request limit exceeded.' };
    case 's3':
      return { status: 503, code: 'SlowDown', message: 'Please reduce your request rate.' };
    case 'query':
      return { status: 400, code: 'Throttling', message: 'Rate exceeded', type: 'Sender' };
    default:
      // Service Quotas models TooManyRequestsException (httpError 429) instead of the usual ThrottlingException.
      return service === 'servicequotas'
        ? { status: 429, code: 'TooManyRequestsException', message: 'Rate exceeded' }
        : { status: 400, code: 'ThrottlingException', message: 'Rate exceeded' };
  }
}

/** The documented common server errors of each protocol: 500 (internal failure) or 503 (unavailable). */
export function serverError(protocol: AwsProtocol, status: 500 | 503 = 500): AwsErrorSpec {
  const unavailable = status === 503;
  switch (protocol) {
    case 'ec2':
      return unavailable
        ? { status, code: 'Unavailable', message: 'The server is overloaded and cannot handle the request.' }
        : { status, code: 'InternalError', message: 'An internal error has occurred.' };
    case 's3':
      return unavailable
        ? { status, code: 'ServiceUnavailable', message: 'Service is unable to handle request.' }
        : { status, code: 'InternalError', message: 'We encountered an internal error. Please try again.' };
    default:
      return unavailable
        ? { status, code: 'ServiceUnavailable', message: 'Service is unavailable.', type: 'Receiver' }
        : { status, code: 'InternalFailure', message: 'An internal error occurred.', type: 'Receiver' };
  }
}

/** Renders an AWS error in the protocol's own error shape, with a request id header as AWS sends one. */
export function renderError(
  service: string,
  protocol: AwsProtocol,
  error: AwsErrorSpec,
  requestId: string = randomUUID(),
): ScriptedAnswer {
  const message = error.message ?? error.code;
  switch (protocol) {
    case 'query': {
      const type = error.type ?? (error.status >= 500 ? 'Receiver' : 'Sender');
      const xmlns = QUERY_XMLNS[service];
      return {
        status: error.status,
        headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
        body:
          `<ErrorResponse${xmlns ? ` xmlns="${xmlns}"` : ''}><Error><Type>${type}</Type>` +
          `<Code>${xmlEscape(error.code)}</Code><Message>${xmlEscape(message)}</Message></Error>` +
          `<RequestId>${requestId}</RequestId></ErrorResponse>`,
      };
    }
    case 'ec2':
      return {
        status: error.status,
        headers: { 'content-type': 'text/xml;charset=UTF-8' },
        body:
          `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${xmlEscape(error.code)}</Code>` +
          `<Message>${xmlEscape(message)}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`,
      };
    case 's3':
      return {
        status: error.status,
        headers: { 'content-type': 'application/xml', 'x-amz-request-id': requestId },
        body:
          `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${xmlEscape(error.code)}</Code>` +
          `<Message>${xmlEscape(message)}</Message><RequestId>${requestId}</RequestId></Error>`,
      };
    case 'json1.0':
    case 'json1.1':
      return {
        status: error.status,
        headers: {
          'content-type': protocol === 'json1.0' ? 'application/x-amz-json-1.0' : 'application/x-amz-json-1.1',
          'x-amzn-requestid': requestId,
        },
        body: JSON.stringify({ __type: error.code, message }),
      };
    case 'rest-json':
      return {
        status: error.status,
        headers: { 'content-type': 'application/json', 'x-amzn-errortype': error.code, 'x-amzn-requestid': requestId },
        body: JSON.stringify({ message }),
      };
  }
}

/** Serialises a value the awsQuery way: structures as elements, lists as `<member>`, timestamps ISO 8601. */
function toQueryXml(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => `<member>${toQueryXml(item)}</member>`).join('');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `<${k}>${toQueryXml(v)}</${k}>`)
      .join('');
  }
  return xmlEscape(String(value));
}

/** An awsQuery success answer: `<{operation}Response><{operation}Result>…`. */
export function queryAnswer(
  service: string,
  operation: string,
  result: object,
  requestId = randomUUID(),
): ScriptedAnswer {
  const xmlns = QUERY_XMLNS[service];
  return {
    status: 200,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body:
      `<${operation}Response${xmlns ? ` xmlns="${xmlns}"` : ''}><${operation}Result>${toQueryXml(result)}` +
      `</${operation}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>` +
      `</${operation}Response>`,
  };
}

/** awsJson timestamps are epoch seconds. */
function toJsonValue(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, toJsonValue(v)]),
    );
  }
  return value;
}

/** An awsJson success answer (1.1 unless said otherwise). */
export function jsonAnswer(document: object, version: '1.0' | '1.1' = '1.1', requestId = randomUUID()): ScriptedAnswer {
  return {
    status: 200,
    headers: { 'content-type': `application/x-amz-json-${version}`, 'x-amzn-requestid': requestId },
    body: JSON.stringify(toJsonValue(document)),
  };
}

// ---- CloudFormation ----

/** A stack as DescribeStacks answers it; Parameters and Outputs may be given as plain key → value records. */
export type StackAnswer = Omit<Stack, 'StackName' | 'StackStatus' | 'CreationTime' | 'Parameters' | 'Outputs'> & {
  StackName: string;
  StackStatus: NonNullable<Stack['StackStatus']>;
  CreationTime?: Date;
  Parameters?: Parameter[] | Record<string, string>;
  Outputs?: Output[] | Record<string, string>;
};

export function stackId(stackName: string, region = TEST_REGION): string {
  return `arn:aws:cloudformation:${region}:${TEST_ACCOUNT}:stack/${stackName}/00000000-0000-4000-8000-000000000000`;
}

/** `DescribeStacks` answering the given stacks (CreationTime and StackId filled in when missing). */
export function describeStacksAnswer(stacks: StackAnswer[]): ScriptedAnswer {
  const Stacks: Stack[] = stacks.map((s) => ({
    ...s,
    StackId: s.StackId ?? stackId(s.StackName),
    CreationTime: s.CreationTime ?? new Date(),
    Parameters: Array.isArray(s.Parameters)
      ? s.Parameters
      : s.Parameters &&
        Object.entries(s.Parameters).map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue })),
    Outputs: Array.isArray(s.Outputs)
      ? s.Outputs
      : s.Outputs && Object.entries(s.Outputs).map(([OutputKey, OutputValue]) => ({ OutputKey, OutputValue })),
  }));
  return queryAnswer('cloudformation', 'DescribeStacks', { Stacks });
}

/** One resource event; StackId, StackName, EventId filled in; Timestamp defaults to one second apart, newest first. */
export type StackEventAnswer = Omit<StackEvent, 'StackId' | 'StackName' | 'EventId' | 'Timestamp'> & {
  LogicalResourceId: string;
  ResourceType: string;
  ResourceStatus: NonNullable<StackEvent['ResourceStatus']>;
  Timestamp?: Date;
  EventId?: string;
  PhysicalResourceId?: string;
};

/** `DescribeStackEvents` for one stack; give events newest first, as CloudFormation answers them. */
export function describeStackEventsAnswer(
  stackName: string,
  events: StackEventAnswer[],
  options: { nextToken?: string; now?: Date } = {},
): ScriptedAnswer {
  const now = (options.now ?? new Date()).getTime();
  const StackEvents: StackEvent[] = events.map((e, i) => ({
    ...e,
    StackId: stackId(stackName),
    StackName: stackName,
    EventId: e.EventId ?? `${e.LogicalResourceId}-${e.ResourceStatus}-${randomUUID()}`,
    Timestamp: e.Timestamp ?? new Date(now - i * 1000),
  }));
  return queryAnswer('cloudformation', 'DescribeStackEvents', { StackEvents, NextToken: options.nextToken });
}

// ---- Service Quotas ----

/** A quota; ServiceCode, QuotaCode and Value are what hoist reads, the rest gets AWS-like defaults. */
export type QuotaAnswer = ServiceQuota & { ServiceCode: string; QuotaCode: string; Value: number };

function quotaDocument(quota: QuotaAnswer): { Quota: ServiceQuota } {
  return {
    Quota: {
      ServiceName: quota.ServiceCode,
      QuotaName: quota.QuotaCode,
      QuotaArn: `arn:aws:servicequotas:${TEST_REGION}:${TEST_ACCOUNT}:${quota.ServiceCode}/${quota.QuotaCode}`,
      Unit: 'None',
      Adjustable: true,
      GlobalQuota: false,
      ...quota,
    },
  };
}

/** `GetServiceQuota`: the applied quota value for the account. */
export function getServiceQuotaAnswer(quota: QuotaAnswer): ScriptedAnswer {
  return jsonAnswer(quotaDocument(quota));
}

/** `GetAWSDefaultServiceQuota`: the default value (same answer shape as GetServiceQuota). */
export function getAwsDefaultServiceQuotaAnswer(quota: QuotaAnswer): ScriptedAnswer {
  return jsonAnswer(quotaDocument(quota));
}

// ---- ECS ----

export type DeploymentAnswer = Deployment & {
  status: string;
  rolloutState: NonNullable<Deployment['rolloutState']>;
  desiredCount: number;
  runningCount: number;
};

/** A service as DescribeServices answers it; `cluster` is the cluster's name, used for the ARNs. */
export type ServiceAnswer = Omit<Service, 'deployments' | 'events'> & {
  serviceName: string;
  cluster?: string;
  deployments?: DeploymentAnswer[];
  events?: (Omit<ServiceEvent, 'createdAt' | 'id'> & { message: string; createdAt?: Date; id?: string })[];
};

/**
 * `DescribeServices`; events newest first as ECS answers them; pending/failed counts default to 0, the service's
 * desired/running counts to its PRIMARY deployment's.
 */
export function describeServicesAnswer(services: ServiceAnswer[], failures: Failure[] = []): ScriptedAnswer {
  const now = Date.now();
  const rendered: Service[] = services.map(({ cluster = 'default', ...s }) => {
    const primary = s.deployments?.find((d) => d.status === 'PRIMARY');
    return {
      serviceArn: `arn:aws:ecs:${TEST_REGION}:${TEST_ACCOUNT}:service/${cluster}/${s.serviceName}`,
      clusterArn: `arn:aws:ecs:${TEST_REGION}:${TEST_ACCOUNT}:cluster/${cluster}`,
      status: 'ACTIVE',
      pendingCount: 0,
      launchType: 'FARGATE',
      schedulingStrategy: 'REPLICA',
      desiredCount: primary?.desiredCount ?? 0,
      runningCount: primary?.runningCount ?? 0,
      ...s,
      deployments: (s.deployments ?? []).map((d, i) => ({
        id: `ecs-svc/${String(1000000000000000000 + i)}`,
        pendingCount: 0,
        failedTasks: 0,
        createdAt: new Date(now),
        updatedAt: new Date(now),
        ...d,
      })),
      events: (s.events ?? []).map((e, i) => ({
        ...e,
        id: e.id ?? randomUUID(),
        createdAt: e.createdAt ?? new Date(now - i * 1000),
      })),
    };
  });
  return jsonAnswer({ services: rendered, failures });
}

// ---- Auto Scaling ----

/** An instance of a group; AvailabilityZone, InstanceType and ProtectedFromScaleIn get defaults. */
export type GroupInstanceAnswer = Partial<Omit<Instance, 'LifecycleState' | 'HealthStatus'>> & {
  InstanceId: string;
  LifecycleState: NonNullable<Instance['LifecycleState']>;
  HealthStatus: 'Healthy' | 'Unhealthy';
};

/** A group as DescribeAutoScalingGroups answers it; sizes default to the number of instances. */
export type AutoScalingGroupAnswer = Partial<Omit<AutoScalingGroup, 'Instances'>> & {
  AutoScalingGroupName: string;
  Instances?: GroupInstanceAnswer[];
};

/** `DescribeAutoScalingGroups` (awsQuery) answering the given groups. */
export function describeAutoScalingGroupsAnswer(groups: AutoScalingGroupAnswer[]): ScriptedAnswer {
  const AutoScalingGroups: AutoScalingGroup[] = groups.map(({ Instances = [], ...g }) => ({
    AutoScalingGroupARN: `arn:aws:autoscaling:${TEST_REGION}:${TEST_ACCOUNT}:autoScalingGroup:${randomUUID()}:autoScalingGroupName/${g.AutoScalingGroupName}`,
    MinSize: Instances.length,
    MaxSize: Math.max(Instances.length, 1),
    DesiredCapacity: Instances.length,
    DefaultCooldown: 300,
    AvailabilityZones: [`${TEST_REGION}a`],
    HealthCheckType: 'EC2',
    HealthCheckGracePeriod: 300,
    CreatedTime: new Date(),
    ...g,
    Instances: Instances.map((i) => ({
      AvailabilityZone: `${TEST_REGION}a`,
      InstanceType: 't3.micro',
      ProtectedFromScaleIn: false,
      ...i,
    })),
  }));
  return queryAnswer('autoscaling', 'DescribeAutoScalingGroups', { AutoScalingGroups });
}
