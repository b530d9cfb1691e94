import { get, intrinsic, text, type Node } from '../nodes.js';
import type { ResourceDef } from '../template.js';
import type { RuleContext } from '../validate.js';

const WORLD = new Set(['0.0.0.0/0', '::/0']);
const ADMIN_PORTS: readonly [number, string][] = [
  [22, 'SSH'],
  [3389, 'RDP'],
];
const IAM_POLICY_HOLDERS = new Set(['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group']);
const IAM_POLICIES = new Set([
  'AWS::IAM::Policy',
  'AWS::IAM::ManagedPolicy',
  'AWS::IAM::RolePolicy',
  'AWS::IAM::UserPolicy',
  'AWS::IAM::GroupPolicy',
]);

function items(node: Node | undefined): Node[] {
  if (node === undefined) return [];
  return node.kind === 'seq' ? node.items : [node];
}

/** H6001–H6006: security and operations findings from the deployment guides, as warnings. */
export function checkSecurity(context: RuleContext): void {
  for (const r of context.template.resources.values()) {
    const props = r.properties;
    switch (r.type) {
      case 'AWS::EC2::SecurityGroup':
        for (const rule of items(get(props, 'SecurityGroupIngress'))) checkIngress(rule, r, context);
        break;
      case 'AWS::EC2::SecurityGroupIngress':
        if (props) checkIngress(props, r, context);
        break;
      case 'AWS::EC2::LaunchTemplate': {
        const data = get(props, 'LaunchTemplateData');
        checkMetadataOptions(get(data, 'MetadataOptions'), r, context, 'LaunchTemplateData.MetadataOptions');
        checkBlockDevices(get(data, 'BlockDeviceMappings'), r, context);
        break;
      }
      case 'AWS::AutoScaling::LaunchConfiguration':
        checkMetadataOptions(get(props, 'MetadataOptions'), r, context, 'MetadataOptions');
        checkBlockDevices(get(props, 'BlockDeviceMappings'), r, context);
        break;
      case 'AWS::EC2::Instance':
        if (get(props, 'LaunchTemplate') === undefined) {
          context.report(
            'H6002',
            r.pos,
            `${r.logicalId} does not require IMDSv2: an instance without a launch template keeps IMDSv1 (unless the account default says otherwise).`,
            'give the instance a LaunchTemplate whose LaunchTemplateData.MetadataOptions has HttpTokens: required.',
          );
        }
        checkBlockDevices(get(props, 'BlockDeviceMappings'), r, context);
        break;
      case 'AWS::EC2::Volume':
        if (!isTrue(get(props, 'Encrypted'))) {
          context.report(
            'H6003',
            r.pos,
            `EBS volume ${r.logicalId} is not encrypted.`,
            'set Encrypted: true (and KmsKeyId for a key of your own).',
          );
        }
        break;
      case 'AWS::S3::Bucket':
        checkBucket(r, context);
        break;
      case 'AWS::S3::BucketPolicy':
        checkBucketPolicy(r, context);
        break;
      default:
        if (IAM_POLICIES.has(r.type ?? '')) checkPolicyDocument(get(props, 'PolicyDocument'), r, context);
        else if (IAM_POLICY_HOLDERS.has(r.type ?? '')) {
          for (const policy of items(get(props, 'Policies')))
            checkPolicyDocument(get(policy, 'PolicyDocument'), r, context);
        }
    }
  }
}

/** A literal value, or the value a Ref'd parameter will have (parameters file, else Default). */
function resolved(node: Node | undefined, { template, options }: RuleContext): string | undefined {
  const fn = intrinsic(node);
  if (fn?.name === 'Ref') {
    const name = text(fn.arg) ?? '';
    const fromFile = options.parameters?.values[name];
    return fromFile ?? template.parameters.get(name)?.default;
  }
  return fn ? undefined : text(node);
}

function isTrue(node: Node | undefined): boolean {
  return text(node)?.toLowerCase() === 'true';
}

function checkIngress(rule: Node, r: ResourceDef, context: RuleContext): void {
  const cidr = resolved(get(rule, 'CidrIp'), context) ?? resolved(get(rule, 'CidrIpv6'), context);
  if (cidr === undefined || !WORLD.has(cidr)) return;
  const protocol = (resolved(get(rule, 'IpProtocol'), context) ?? '').toLowerCase();
  const allPorts = protocol === '-1' || protocol === 'all';
  if (!allPorts && protocol !== 'tcp' && protocol !== '6') return;
  const from = Number(resolved(get(rule, 'FromPort'), context));
  const to = Number(resolved(get(rule, 'ToPort'), context) ?? from);
  for (const [port, name] of ADMIN_PORTS) {
    const open =
      allPorts || from === -1 || (Number.isFinite(from) && from <= port && port <= (Number.isFinite(to) ? to : from));
    if (!open) continue;
    context.report(
      'H6001',
      rule.pos,
      `${r.logicalId} opens ${name} (port ${port}) to the whole internet (${cidr}).`,
      'allow only your own address range, or use Session Manager (no inbound port at all).',
    );
    return;
  }
}

function checkMetadataOptions(options: Node | undefined, r: ResourceDef, context: RuleContext, where: string): void {
  const tokens = get(options, 'HttpTokens');
  if (intrinsic(tokens)) return;
  if (text(tokens) === 'required') return;
  context.report(
    'H6002',
    tokens?.pos ?? options?.pos ?? r.pos,
    `${r.logicalId} does not require IMDSv2 (${where}.HttpTokens is ${text(tokens) ?? 'not set'}): IMDSv1 stays open to SSRF credential theft.`,
    `set ${where}.HttpTokens: required.`,
  );
}

function checkBlockDevices(mappings: Node | undefined, r: ResourceDef, context: RuleContext): void {
  for (const m of items(mappings)) {
    const ebs = get(m, 'Ebs');
    if (!ebs || intrinsic(ebs) || intrinsic(get(ebs, 'Encrypted'))) continue;
    if (isTrue(get(ebs, 'Encrypted')) || get(ebs, 'SnapshotId') !== undefined) continue;
    context.report(
      'H6003',
      ebs.pos,
      `${r.logicalId} has an unencrypted EBS volume (${text(get(m, 'DeviceName')) ?? 'block device'}) unless EBS encryption by default is on in the account.`,
      'set Ebs.Encrypted: true.',
    );
  }
}

function checkBucket(r: ResourceDef, context: RuleContext): void {
  const props = r.properties;
  if (get(props, 'BucketEncryption') === undefined) {
    // Since January 2023 S3 encrypts every new object with SSE-S3 by default: information, not a warning.
    context.report(
      'H6004',
      r.pos,
      `Bucket ${r.logicalId} has no BucketEncryption: S3 applies SSE-S3 by default, but not a KMS key you control.`,
      'add BucketEncryption (SSE-KMS) if you need key control or audit of decryption.',
    );
  }
  const acl = text(get(props, 'AccessControl'));
  if (acl === 'PublicRead' || acl === 'PublicReadWrite') {
    context.report(
      'H6005',
      get(props, 'AccessControl')?.pos ?? r.pos,
      `Bucket ${r.logicalId} grants ${acl} to everyone.`,
      'remove AccessControl; serve public content through CloudFront with origin access control.',
    );
  }
  const block = get(props, 'PublicAccessBlockConfiguration');
  if (block?.kind === 'map') {
    const off = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'].filter(
      (k) => text(get(block, k))?.toLowerCase() === 'false',
    );
    if (off.length > 0) {
      context.report(
        'H6005',
        block.pos,
        `Bucket ${r.logicalId} turns off public access blocking (${off.join(', ')} false).`,
        'set all four PublicAccessBlockConfiguration settings to true unless the bucket must be public.',
      );
    }
  }
}

function checkBucketPolicy(r: ResourceDef, context: RuleContext): void {
  for (const statement of items(get(get(r.properties, 'PolicyDocument'), 'Statement'))) {
    if (text(get(statement, 'Effect')) !== 'Allow' || get(statement, 'Condition') !== undefined) continue;
    const principal = get(statement, 'Principal');
    const everyone = text(principal) === '*' || items(get(principal, 'AWS')).some((p) => text(p) === '*');
    if (everyone) {
      context.report(
        'H6005',
        statement.pos,
        `Bucket policy ${r.logicalId} allows everyone (Principal "*") without a Condition.`,
        'narrow the Principal, or add a Condition (e.g. aws:SourceArn of a CloudFront distribution).',
      );
    }
  }
}

function checkPolicyDocument(document: Node | undefined, r: ResourceDef, context: RuleContext): void {
  for (const statement of items(get(document, 'Statement'))) {
    if (text(get(statement, 'Effect')) !== 'Allow') continue;
    const star = (key: string) => items(get(statement, key)).some((n) => text(n) === '*');
    if (star('Action') && star('Resource')) {
      context.report(
        'H6006',
        get(statement, 'Action')?.pos ?? statement.pos,
        `${r.logicalId} allows every action ("*") on every resource ("*"): administrator access.`,
        'list the actions the workload calls and the resources it calls them on.',
      );
    }
  }
}
