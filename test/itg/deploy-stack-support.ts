import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { ECSClient } from '@aws-sdk/client-ecs';
import { S3Client } from '@aws-sdk/client-s3';
import { SSMClient } from '@aws-sdk/client-ssm';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/** Helpers shared by the deploy-stack integration tests (moto, scenario proxy, ECS). */

export const REGION = 'us-east-1';

/** A small stack moto can create: the image URI lands in an SSM parameter we can read back. */
export const APP_TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  ImageUri:
    Type: String
  Env:
    Type: String
    Default: dev
  DbPassword:
    Type: String
    NoEcho: true
    Default: not-a-real-default
Resources:
  ImageParam:
    Type: AWS::SSM::Parameter
    Properties:
      Name: !Sub '/app/\${AWS::StackName}/image'
      Type: String
      Value: !Ref ImageUri
  EnvParam:
    Type: AWS::SSM::Parameter
    Properties:
      Name: !Sub '/app/\${AWS::StackName}/env'
      Type: String
      Value: !Ref Env
Outputs:
  ImageParamName:
    Value: !Ref ImageParam
`;

export const DIGEST_A = `sha256:${'a'.repeat(64)}`;
export const DIGEST_B = `sha256:${'b'.repeat(64)}`;
export const IMAGE_A = `123456789012.dkr.ecr.us-east-1.amazonaws.com/app@${DIGEST_A}`;
export const IMAGE_B = `123456789012.dkr.ecr.us-east-1.amazonaws.com/app@${DIGEST_B}`;

/** A fresh workspace holding the given files. */
export function workspaceWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hoist-deploy-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

export function clientsFor(url: string) {
  const config = {
    endpoint: url,
    region: REGION,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing', sessionToken: 'testing' },
    forcePathStyle: true,
    maxAttempts: 1,
  };
  return {
    cfn: new CloudFormationClient(config),
    ssm: new SSMClient(config),
    s3: new S3Client(config),
    ecs: new ECSClient(config),
    secrets: new SecretsManagerClient(config),
  };
}

/** The environment a run of the action gets in these tests: the endpoint, and what a runner sets. */
export function runnerEnv(awsEnv: Record<string, string>, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...awsEnv,
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_ACTOR: 'octocat',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_RUN_ID: '42',
    ...extra,
  };
}

/**
 * A Fargate worker service (cluster `<stack>-cluster`, service `Worker`): what deploy-stack's ECS verification checks.
 * `secretParameter` adds a secret read by ARN; `subnets` the awsvpc network configuration CloudFormation's
 * ValidateTemplate (moto's too) requires of a Fargate service.
 */
export function fargateWorkerTemplate(options: { secretParameter?: string; subnets?: boolean } = {}): string {
  const secret = options.secretParameter;
  return [
    "AWSTemplateFormatVersion: '2010-09-09'",
    'Parameters:',
    '  ImageUri:',
    '    Type: String',
    ...(secret ? [`  ${secret}:`, '    Type: String'] : []),
    ...(options.subnets ? ['  Subnets:', '    Type: CommaDelimitedList', '    Default: subnet-0a1b2c3d4e5f67890'] : []),
    'Resources:',
    '  Cluster:',
    '    Type: AWS::ECS::Cluster',
    '    Properties:',
    "      ClusterName: !Sub '${AWS::StackName}-cluster'",
    '  TaskDef:',
    '    Type: AWS::ECS::TaskDefinition',
    '    Properties:',
    "      Family: !Sub '${AWS::StackName}-worker'",
    '      RequiresCompatibilities: [FARGATE]',
    '      NetworkMode: awsvpc',
    "      Cpu: '256'",
    "      Memory: '512'",
    '      ContainerDefinitions:',
    '        - Name: worker',
    '          Image: !Ref ImageUri',
    ...(secret
      ? ['          Secrets:', '            - Name: BROKER_URL', `              ValueFrom: !Ref ${secret}`]
      : []),
    '  Worker:',
    '    Type: AWS::ECS::Service',
    '    Properties:',
    '      Cluster: !Ref Cluster',
    '      TaskDefinition: !Ref TaskDef',
    '      DesiredCount: 1',
    ...(options.subnets
      ? [
          '      LaunchType: FARGATE',
          '      NetworkConfiguration:',
          '        AwsvpcConfiguration:',
          '          Subnets: !Ref Subnets',
        ]
      : []),
    '',
  ].join('\n');
}
