import { describe, expect, test } from '@jest/globals';
import {
  parseParametersFile,
  parseTemplate,
  RULES,
  validateTemplate,
  type CfnFinding,
  type RuleId,
  type ValidateOptions,
} from '../src/index.js';

/** The template's lines; the defect is on the line that ends with `#!` (so the expected line is never counted by hand). */
function defect(...lines: string[]): { body: string; line: number } {
  const line = lines.findIndex((l) => l.trimEnd().endsWith('#!')) + 1;
  return { body: lines.map((l) => l.replace(/\s*#!$/, '')).join('\n') + '\n', line };
}

function findings(body: string, options: ValidateOptions = {}): CfnFinding[] {
  return validateTemplate(parseTemplate(body, { file: 't.yaml' }), options).findings;
}

function linesOf(all: readonly CfnFinding[], rule: RuleId): number[] {
  return all.filter((f) => f.rule === rule).map((f) => f.line);
}

const QUEUE = ['  Queue:', '    Type: AWS::SQS::Queue'];

/**
 * [rule, template lines, text its message must contain] — each template has exactly the one defect the rule is
 * about, on the `#!` line. Variants of a rule (another port, another form of the function) are cases of their own.
 */
const CASES: [RuleId, string[], string?][] = [
  ['H1001', ['Resources:', '  Queue:', '\tType: AWS::SQS::Queue #!']],
  [
    'H1002',
    [
      'Resources:',
      '  Queue:',
      '    Type: AWS::SQS::Queue',
      '    Properties:',
      '      DelaySeconds: 1',
      '      DelaySeconds: 2 #!',
    ],
  ],
  [
    'H1003',
    [
      'Resources:',
      '  Queue:',
      '    Type: AWS::SQS::Queue',
      '    Properties:',
      '      QueueName: !Rain::Embed name.txt #!',
    ],
  ],
  ['H1010', ['Description: nothing here #!']],
  ['H1011', ['Resources:', ...QUEUE, 'Output: {} #!']],
  ['H1012', ['Resources:', '  Queue: #!', '    Properties: {}']],
  ['H1013', ['Resources:', ...QUEUE, '    DependOn: Other #!', '  Other:', '    Type: AWS::SQS::Queue']],
  ['H1014', ['Resources:', ...QUEUE, '    Properties:', '      QueueName: !Select [1] #!']],
  ['H1015', ['Resources:', '  My-Queue: #!', '    Type: AWS::SQS::Queue']],
  ['H1016', ['Resources:', ...QUEUE, 'Outputs:', '  Url: #!', '    Description: no value']],
  ['H2001', ['Resources:', ...QUEUE, '    Properties:', '      QueueName: !Ref Nme #!']],
  ['H2002', ['Resources:', ...QUEUE, 'Outputs:', '  Arn:', '    Value: !GetAtt Queu.Arn #!']],
  ['H2003', ['Resources:', ...QUEUE, '    Properties:', "      QueueName: !Sub '${AWS::StackName}-${Undefined}' #!"]],
  [
    'H2003',
    [
      'Resources:',
      ...QUEUE,
      '    Properties:',
      '      QueueName: !Sub',
      "        - '${Prefix}-${Missing}' #!",
      '        - Prefix: defined-in-the-map',
    ],
    'Sub variable ${Missing}:',
  ],
  ['H2004', ['Resources:', ...QUEUE, '    DependsOn:', '      - Other #!']],
  ['H2005', ['Resources:', ...QUEUE, '    Condition: IsProd #!']],
  [
    'H2006',
    [
      'Mappings:',
      '  Sizes:',
      '    small: {Delay: 1}',
      'Resources:',
      ...QUEUE,
      '    Properties:',
      '      DelaySeconds: !FindInMap [Sizes, large, Delay] #!',
    ],
  ],
  [
    'H2007',
    [
      'Resources:',
      '  A:',
      '    Type: AWS::SQS::Queue',
      '    DependsOn: B #!',
      '  B:',
      '    Type: AWS::SQS::Queue',
      '    Properties:',
      '      QueueName: !GetAtt A.QueueName',
    ],
  ],
  [
    'H2007',
    [
      'Resources:',
      '  A:',
      '    Type: AWS::SQS::Queue',
      '    Properties:',
      "      QueueName: !Sub '${B.QueueName}-a' #!",
      '  B:',
      '    Type: AWS::SQS::Queue',
      '    DependsOn: A',
    ],
    'A depends on B',
  ],
  ['H2008', ['Parameters:', '  Unused: #!', '    Type: String', 'Resources:', ...QUEUE]],
  ['H2009', ['Conditions:', '  HasQueue: !Equals [!Ref Queue, x] #!', 'Resources:', ...QUEUE]],
  ['H3001', ['Resources:', '  Queue:', '    Type: AWS::SQS::Queu #!'], "Did you mean 'AWS::SQS::Queue'?"],
  ['H3002', ['Resources:', ...QUEUE, '    Properties:', '      DelaySecond: 5 #!'], "Did you mean 'DelaySeconds'?"],
  [
    'H3003',
    ['Resources:', '  Topic:', '    Type: AWS::SNS::Subscription', '    Properties: #!', '      Protocol: email'],
  ],
  [
    'H3004',
    [
      'Resources:',
      '  Instance:',
      '    Type: AWS::EC2::Instance',
      '    Properties:',
      '      ImageId: ami-0abcdef1234567890',
      '      SecurityGroupIds: sg-0a1b2c3d4e5f67890 #!',
      '      LaunchTemplate: {LaunchTemplateName: lt, Version: "1"}',
    ],
  ],
  ['H3005', ['Resources:', ...QUEUE, 'Outputs:', '  Name:', '    Value: !GetAtt Queue.Name #!']],
  [
    'H4001',
    [
      'Parameters:',
      '  Env:',
      '    Type: String',
      '    Default: Dev #!',
      '    AllowedValues: [dev, prod]',
      'Resources:',
      ...QUEUE,
      '    Properties: {QueueName: !Ref Env}',
    ],
  ],
  [
    'H4002',
    [
      'Parameters:',
      '  Env:',
      '    Type: String',
      '    Default: PROD #!',
      '    AllowedPattern: "[a-z]+"',
      'Resources:',
      ...QUEUE,
      '    Properties: {QueueName: !Ref Env}',
    ],
  ],
  [
    'H4003',
    [
      'Parameters:',
      '  Env:',
      '    Type: String',
      '    Default: production #!',
      '    MaxLength: 4',
      'Resources:',
      ...QUEUE,
      '    Properties: {QueueName: !Ref Env}',
    ],
  ],
  [
    'H4004',
    [
      'Parameters:',
      '  Delay:',
      '    Type: Number',
      '    Default: 1000 #!',
      '    MaxValue: 900',
      'Resources:',
      ...QUEUE,
      '    Properties: {DelaySeconds: !Ref Delay}',
    ],
  ],
  [
    'H4005',
    ['Parameters:', '  Env:', '    Type: Strin #!', 'Resources:', ...QUEUE, '    Properties: {QueueName: !Ref Env}'],
  ],
  [
    'H6001',
    [
      'Resources:',
      '  Sg:',
      '    Type: AWS::EC2::SecurityGroup',
      '    Properties:',
      '      GroupDescription: ssh',
      '      SecurityGroupIngress:',
      '        - IpProtocol: tcp #!',
      '          FromPort: 22',
      '          ToPort: 22',
      '          CidrIp: 0.0.0.0/0',
    ],
    'SSH (port 22)',
  ],
  [
    'H6001',
    [
      'Resources:',
      '  Sg:',
      '    Type: AWS::EC2::SecurityGroup',
      '    Properties:',
      '      GroupDescription: rdp',
      '      SecurityGroupIngress:',
      '        - FromPort: 3389 #!',
      '          ToPort: 3389',
      '          IpProtocol: tcp',
      '          CidrIp: 0.0.0.0/0',
    ],
    'RDP (port 3389)',
  ],
  [
    'H6001',
    [
      'Resources:',
      '  Sg:',
      '    Type: AWS::EC2::SecurityGroup',
      '    Properties:',
      '      GroupDescription: ssh over IPv6',
      '      SecurityGroupIngress:',
      '        - CidrIpv6: ::/0 #!',
      '          IpProtocol: tcp',
      '          FromPort: 22',
      '          ToPort: 22',
    ],
    '(::/0)',
  ],
  [
    'H6002',
    [
      'Resources:',
      '  Lt:',
      '    Type: AWS::EC2::LaunchTemplate',
      '    Properties:',
      '      LaunchTemplateData:',
      '        MetadataOptions:',
      '          HttpTokens: optional #!',
    ],
  ],
  [
    'H6002',
    [
      'Resources:',
      '  Instance: #!',
      '    Type: AWS::EC2::Instance',
      '    Properties:',
      '      ImageId: ami-0abcdef1234567890',
      '      InstanceType: t3.micro',
    ],
    'without a launch template',
  ],
  [
    'H6003',
    [
      'Resources:',
      '  Vol: #!',
      '    Type: AWS::EC2::Volume',
      '    Properties:',
      '      AvailabilityZone: us-east-1a',
      '      Size: 10',
    ],
  ],
  ['H6004', ['Resources:', '  Bucket: #!', '    Type: AWS::S3::Bucket']],
  [
    'H6005',
    [
      'Resources:',
      '  Bucket:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      AccessControl: PublicRead #!',
      '      BucketEncryption: {ServerSideEncryptionConfiguration: [{ServerSideEncryptionByDefault: {SSEAlgorithm: AES256}}]}',
    ],
  ],
  [
    'H6005',
    [
      'Resources:',
      '  Bucket:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      PublicAccessBlockConfiguration:',
      '        BlockPublicPolicy: false #!',
      '        BlockPublicAcls: true',
      '        IgnorePublicAcls: true',
      '        RestrictPublicBuckets: true',
    ],
    'turns off public access blocking (BlockPublicPolicy false)',
  ],
  [
    'H6005',
    [
      'Resources:',
      '  Policy:',
      '    Type: AWS::S3::BucketPolicy',
      '    Properties:',
      '      Bucket: my-bucket',
      '      PolicyDocument:',
      '        Statement:',
      "          - Principal: '*' #!",
      '            Effect: Allow',
      '            Action: s3:GetObject',
      "            Resource: 'arn:aws:s3:::my-bucket/*'",
    ],
    'Principal "*"',
  ],
  [
    'H6006',
    [
      'Resources:',
      '  Policy:',
      '    Type: AWS::IAM::ManagedPolicy',
      '    Properties:',
      '      PolicyDocument:',
      '        Statement:',
      '          - Effect: Allow',
      "            Action: '*' #!",
      "            Resource: '*'",
    ],
  ],
  [
    'H7001',
    [
      'Resources:',
      '  Bucket:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      BucketName: Ray_Pipeline_Bucket #!',
    ],
  ],
  [
    'H7002',
    ['Resources:', '  Service:', '    Type: AWS::ECS::Service', '    Properties:', '      LaunchType: FARGATE_SPOT #!'],
  ],
];

/** Each case's title: its rule and the defect line, so the variants of one rule are told apart. */
const NAMED = CASES.map(([rule, lines, message]) => ({
  rule,
  lines,
  message,
  at: (lines.find((l) => l.trimEnd().endsWith('#!')) ?? '').replace(/\s*#!$/, '').trim(),
}));

describe('one defect, one rule, on its line', () => {
  test.each(NAMED)('$rule at `$at`', ({ rule, lines, message }) => {
    const { body, line } = defect(...lines);
    expect(line).toBeGreaterThan(0);
    const all = findings(body);
    expect(linesOf(all, rule)).toContain(line);
    if (message !== undefined) {
      const messages = all.filter((f) => f.rule === rule && f.line === line).map((f) => f.message);
      expect(messages).toContainEqual(expect.stringContaining(message));
    }
    const errors = all.filter((f) => f.level === 'error' && f.rule !== rule);
    // The defect is the only error (security and unused-parameter rules may add warnings).
    expect(errors).toEqual([]);
  });

  test('every rule of the catalog that a template can trigger has a case here or below', () => {
    const covered = new Set([
      ...CASES.map(([r]) => r),
      'H1004',
      'H1017',
      'H4010',
      'H4011',
      'H4012',
      'H4013',
      'H4014',
      'H5001',
      'H5002',
      'H5003',
      'H5004',
      'H5005',
      'H5010',
      'H9001',
    ]);
    expect(Object.keys(RULES).filter((r) => !covered.has(r))).toEqual([]);
  });
});

describe('references: what is allowed', () => {
  test('pseudo parameters, ${!Literal}, Sub variable maps, ${Res.Attr} and GetAtt to existing attributes are fine', () => {
    const all = findings(
      [
        'Resources:',
        '  Queue:',
        '    Type: AWS::SQS::Queue',
        '    Properties:',
        "      QueueName: !Sub '${AWS::StackName}-${!NotAVar}-${Suffix}'",
        '  Topic:',
        '    Type: AWS::SNS::Topic',
        '    Properties:',
        '      DisplayName: !Sub',
        "        - '${Prefix}-${Queue.QueueName}-${AWS::Region}'",
        '        - Prefix: !GetAtt Queue.Arn',
        'Outputs:',
        '  Arn: {Value: !GetAtt [Queue, Arn]}',
      ]
        .join('\n')
        .replace('-${Suffix}', ''),
    );
    expect(all.filter((f) => f.level === 'error')).toEqual([]);
  });

  test('a circular dependency is reported on every resource in the cycle', () => {
    const all = findings(
      [
        'Resources:',
        '  A:',
        '    Type: AWS::SQS::Queue',
        '    Properties: {QueueName: !GetAtt C.QueueName}',
        '  B:',
        '    Type: AWS::SQS::Queue',
        '    Properties: {QueueName: !Ref A}',
        '  C:',
        '    Type: AWS::SQS::Queue',
        '    DependsOn: B',
      ].join('\n'),
    );
    expect(linesOf(all, 'H2007')).toEqual([4, 7, 10]);
  });

  test('Fn::If with an undefined condition, and FindInMap to an undefined mapping', () => {
    const { body, line } = defect(
      'Resources:',
      ...QUEUE,
      '    Properties:',
      '      QueueName: !If [Nope, a, b] #!',
      '      DelaySeconds: !FindInMap [Nowhere, a, b]',
    );
    const all = findings(body);
    expect(linesOf(all, 'H2005')).toEqual([line]);
    expect(linesOf(all, 'H2006')).toEqual([line + 1]);
  });

  test('a Transform may add resources: names it could generate are not errors', () => {
    const all = findings(
      [
        'Transform: AWS::Serverless-2016-10-31',
        'Resources:',
        ...QUEUE,
        '    Properties: {QueueName: !Ref ServerlessRestApi}',
      ].join('\n'),
    );
    expect(all.filter((f) => f.level === 'error')).toEqual([]);
  });
});

describe('custom resources take any property and any attribute', () => {
  const template = (type: string) =>
    [
      'Resources:',
      '  Provisioned:',
      `    Type: ${type}`,
      '    Properties:',
      "      ServiceToken: 'arn:aws:lambda:us-east-1:111122223333:function:provider'",
      '      DelaySecond: 5',
      '      TableNames: [a, b]',
      '      Settings: {Retries: 3, Mode: fast}',
      'Outputs:',
      '  Endpoint: {Value: !GetAtt Provisioned.Endpoint}',
    ].join('\n');

  test.each(['Custom::DatabaseSchema', 'AWS::CloudFormation::CustomResource'])('%s: no error', (type) => {
    expect(findings(template(type)).filter((f) => f.level === 'error')).toEqual([]);
  });

  test('the same properties and attribute on a resource type with data are errors (so the cases above can fail)', () => {
    const rules = findings(template('AWS::SQS::Queue')).map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['H3002', 'H3005']));
  });
});

describe('shapes with intrinsic functions', () => {
  const instance = (value: string, extra: string[] = []) =>
    findings(
      [
        'Parameters:',
        '  Groups: {Type: "List<AWS::EC2::SecurityGroup::Id>"}',
        '  One: {Type: String}',
        '  Use: {Type: String, Default: "true"}',
        'Conditions:',
        '  UseIt: !Equals [!Ref Use, "true"]',
        'Resources:',
        '  Sg: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: x}}',
        '  Instance:',
        '    Type: AWS::EC2::Instance',
        '    Properties:',
        '      ImageId: ami-0abcdef1234567890',
        '      LaunchTemplate: {LaunchTemplateName: lt, Version: "1"}',
        `      SecurityGroupIds: ${value}`,
        `      Tags: [{Key: a, Value: !Ref One}]`,
        ...extra,
      ].join('\n'),
    ).filter((f) => f.rule === 'H3004');

  test.each([
    ['!Ref Groups', 0],
    ['!Split [",", !Ref One]', 0],
    ['[!Ref Sg, !GetAtt Sg.GroupId]', 0],
    ['!If [UseIt, !Ref Groups, !Ref AWS::NoValue]', 0],
    ['!If [UseIt, !Ref Groups, !Ref One]', 1],
    ['!Ref One', 1],
    ['!Ref Sg', 1],
    ['!Join [",", [a, b]]', 1],
    ['{Key: a}', 1],
  ])('SecurityGroupIds: %s → %d wrong-shape findings', (value, expected) => {
    expect(instance(value)).toHaveLength(expected);
  });
});

describe('parameters file against the template', () => {
  const template = [
    'Parameters:',
    '  Env: {Type: String, AllowedValues: [dev, prod]}', // 2
    '  ImageUri: {Type: String}', // 3
    '  BucketName: {Type: String}', // 4
    '  Password: {Type: String, NoEcho: true, MinLength: 12}', // 5
    '  Count: {Type: Number, Default: 1}', // 6
    'Resources:',
    '  Bucket:',
    '    Type: AWS::S3::Bucket',
    '    Properties:',
    '      BucketName: !Ref BucketName',
    '      Tags: [{Key: a, Value: !Sub "${Env}${ImageUri}${Password}${Count}"}]',
  ].join('\n');

  const run = (params: string, deferred: string[] = []) =>
    findings(template, {
      parameters: parseParametersFile(params, { path: 'params.json' }),
      deferredParameters: deferred,
    }).filter((f) => f.rule.startsWith('H4') || f.rule === 'H7001');

  test('unknown key, placeholder, constraint broken, bucket name, missing and deferred values — each at its line', () => {
    const all = run(
      [
        '{"Parameters": {',
        '  "Env": "Prod",',
        '  "BucketName": "Ray_Pipeline_Bucket",',
        '  "Password": "pw-xyzzy",',
        '  "Extra": "1"',
        '}}',
      ].join('\n'),
      ['ImageUri'],
    );
    const shown = all.map((f) => `${f.rule} ${f.file}:${f.line}`);
    expect(shown).toEqual(
      expect.arrayContaining([
        'H4014 params.json:2',
        'H7001 params.json:3',
        'H4014 params.json:4',
        'H4010 params.json:5',
        'H4012 t.yaml:3',
      ]),
    );
    expect(all.find((f) => f.rule === 'H4012')?.level).toBe('info');
    // A NoEcho value is never repeated in a message.
    expect(JSON.stringify(all)).not.toContain('xyzzy');
  });

  test('a missing value for a parameter without Default is an error unless deferred', () => {
    const all = run('{"Parameters": {"Env": "dev", "BucketName": "my-bucket", "Password": "a-long-enough-one"}}');
    expect(all.map((f) => `${f.rule} ${f.line}`)).toEqual(['H4011 3']);
  });

  test('placeholders are errors at the value', () => {
    const all = run(
      '{"Parameters": {\n"Env": "dev",\n"BucketName": "your-bucket-name-here",\n"ImageUri": "<image-uri>",\n"Password": "changeme-changeme"}}',
    );
    expect(all.filter((f) => f.rule === 'H4013').map((f) => f.line)).toEqual([3, 4, 5]);
  });
});

describe('limits and capabilities', () => {
  test('a body over 51,200 bytes needs an S3 upload (warning); over 1 MB is an error', () => {
    const pad = (n: number) => `Description: ${'x'.repeat(n)}\nResources:\n  Queue:\n    Type: AWS::SQS::Queue\n`;
    expect(findings(pad(52_000)).map((f) => f.rule)).toContain('H5001');
    expect(findings(pad(1_100_000)).map((f) => f.rule)).toContain('H5002');
  });

  test('more than 500 resources, 200 parameters, 200 outputs', () => {
    const parameters = [...Array(201).keys()].map((i) => `  P${i}: {Type: String, Default: x}`);
    const resources = [...Array(501).keys()].map(
      (i) => `  Q${i}: {Type: AWS::SQS::Queue, Properties: {QueueName: !Ref P${i % 201}}}`,
    );
    const outputs = [...Array(201).keys()].map((i) => `  O${i}: {Value: !Ref Q${i}}`);
    const all = findings(['Parameters:', ...parameters, 'Resources:', ...resources, 'Outputs:', ...outputs].join('\n'));
    expect(linesOf(all, 'H5004')).toEqual([1]);
    expect(linesOf(all, 'H5003')).toEqual([203]);
    expect(linesOf(all, 'H5005')).toEqual([705]);
  });

  test.each([
    ['  Role: {Type: AWS::IAM::Role, Properties: {AssumeRolePolicyDocument: {}}}', ['CAPABILITY_IAM']],
    [
      '  Role: {Type: AWS::IAM::Role, Properties: {RoleName: r, AssumeRolePolicyDocument: {}}}',
      ['CAPABILITY_NAMED_IAM'],
    ],
    [
      '  Fn: {Type: AWS::Serverless::Function, Properties: {Runtime: python3.12, Handler: a.b, CodeUri: .}}',
      ['CAPABILITY_IAM', 'CAPABILITY_AUTO_EXPAND'],
    ],
    ['  Queue: {Type: AWS::SQS::Queue}', []],
  ])('%s → %j (H5010 info on the resource)', (resource, expected) => {
    const transform = resource.includes('Serverless') ? 'Transform: AWS::Serverless-2016-10-31\n' : '';
    const result = validateTemplate(parseTemplate(`${transform}Resources:\n${resource}\n`));
    expect(result.capabilities).toEqual(expected);
    const info = result.findings.filter((f) => f.rule === 'H5010');
    expect(info.every((f) => f.level === 'info')).toBe(true);
    expect(info.length > 0).toBe(expected.length > 0);
  });
});

describe('engine', () => {
  test('ignore skips rule ids', () => {
    const body = ['Resources:', '  Bucket:', '    Type: AWS::S3::Bucket'].join('\n');
    expect(findings(body).map((f) => f.rule)).toContain('H6004');
    expect(findings(body, { ignore: ['H6004'] }).map((f) => f.rule)).not.toContain('H6004');
  });

  test('the alias bomb is H1004, an error', () => {
    const levels = ['a: &a [x,x,x,x,x,x,x,x,x,x]'];
    for (let i = 1; i < 8; i++)
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    expect(findings(levels.join('\n')).map((f) => f.rule)).toEqual(['H1004']);
  });

  test('a section of the wrong shape is H1017', () => {
    expect(linesOf(findings('Resources:\n  Q: {Type: AWS::SQS::Queue}\nOutputs: [a]\n'), 'H1017')).toEqual([3]);
  });
});

describe('docs/actions/cfn-validate-rules.md', () => {
  test('lists every rule with its level', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(new URL('../../../docs/actions/cfn-validate-rules.md', import.meta.url), 'utf8');
    for (const [id, info] of Object.entries(RULES)) expect(doc).toContain(`| ${id} | ${info.level} |`);
  });
});
