import { describe, expect, test } from '@jest/globals';
import { parseTemplate } from '@hoist/cfn';
import {
  clusterName,
  computeNeeds,
  worstScope,
  type NeedSource,
  type QuotaKey,
  type TemplateNeeds,
} from '@hoist/quotas';

const REGION = 'us-east-1';

function needs(
  body: string,
  stack: { existing?: Map<string, string>; physicalIds?: Map<string, string> } = {},
): TemplateNeeds {
  const template = parseTemplate(body);
  const given = Object.fromEntries([...template.parameters.values()].map((p) => [p.name, p.default ?? '']));
  return computeNeeds(template, { parameters: given, region: REGION, ...stack });
}

/** Where each source of a need lands: logical id → `kind:id` (`-` when the template does not say). */
function scopes(result: TemplateNeeds, key: QuotaKey): Record<string, string> {
  return Object.fromEntries(
    (result.needs.get(key)?.sources ?? []).map((s) => [s.logicalId, s.scope ? `${s.scope.kind}:${s.scope.id}` : '-']),
  );
}

const nat = (id: string, subnet: string) =>
  `  ${id}: { Type: AWS::EC2::NatGateway, Properties: { SubnetId: ${subnet}, AllocationId: x } }\n`;

describe('NAT gateways per Availability Zone', () => {
  test("each NAT gateway is placed in its subnet's zone: a name, a zone ID, or the n-th zone of Fn::GetAZs", () => {
    const result = needs(`
Parameters:
  Zone: { Type: 'AWS::EC2::AvailabilityZone::Name', Default: us-east-1c }
  SubnetParam: { Type: String, Default: subnet-0123 }
Resources:
  A: { Type: AWS::EC2::Subnet, Properties: { AvailabilityZone: us-east-1a } }
  B: { Type: AWS::EC2::Subnet, Properties: { AvailabilityZone: !Ref Zone } }
  C: { Type: AWS::EC2::Subnet, Properties: { AvailabilityZoneId: use1-az4 } }
  D: { Type: AWS::EC2::Subnet, Properties: { AvailabilityZone: !Select [1, !GetAZs ''] } }
  E: { Type: AWS::EC2::Subnet, Properties: { AvailabilityZone: { 'Fn::Select': ['2', { 'Fn::GetAZs': !Ref 'AWS::Region' }] } } }
  F: { Type: AWS::EC2::Subnet, Properties: { CidrBlock: 10.0.0.0/24 } }
${nat('NatA', '!Ref A')}${nat('NatB', '!Ref B')}${nat('NatC', '!Ref C')}${nat('NatD', '!Ref D')}${nat('NatE', '!GetAtt E.SubnetId')}${nat('NatF', '!Ref F')}${nat('NatG', '!Ref SubnetParam')}`);
    expect(scopes(result, 'nat-gateways')).toEqual({
      NatA: 'named:us-east-1a',
      NatB: 'named:us-east-1c',
      NatC: 'named:use1-az4',
      NatD: 'distinct:Fn::GetAZs[1]',
      NatE: 'distinct:Fn::GetAZs[2]',
      NatF: '-',
      NatG: '-',
    });
    expect(result.needs.get('nat-gateways')?.sources[0]?.detail).toBe('AWS::EC2::NatGateway in us-east-1a');
  });

  const sources = (...zones: (string | undefined)[]): NeedSource[] =>
    zones.map((zone, i) => ({
      logicalId: `Nat${i + 1}`,
      amount: 1,
      detail: 'AWS::EC2::NatGateway',
      ...(zone === undefined
        ? {}
        : zone.startsWith('#')
          ? { scope: { id: `Fn::GetAZs[${zone.slice(1)}]`, kind: 'distinct' as const, label: `zone ${zone.slice(1)}` } }
          : { scope: { id: zone, kind: 'named' as const, label: zone } }),
    }));

  test('three NAT gateways in three zones, each zone at 4 of 5: PASS figures of one zone, not 3 added to the fullest', () => {
    const used = new Map([
      ['us-east-1a', 4],
      ['us-east-1b', 4],
      ['us-east-1c', 4],
    ]);
    expect(worstScope('availability-zone', sources('us-east-1a', 'us-east-1b', 'us-east-1c'), 4, used)).toEqual({
      usage: 4,
      need: 1,
      scope: 'us-east-1a',
    });
  });

  test('the zone that ends up fullest is the one reported, even when the deploy adds less there', () => {
    const used = new Map([
      ['us-east-1a', 1],
      ['us-east-1b', 4],
    ]);
    expect(worstScope('availability-zone', sources('us-east-1a', 'us-east-1a', 'us-east-1b'), 4, used)).toEqual({
      usage: 4,
      need: 1,
      scope: 'us-east-1b',
    });
  });

  test('GetAZs zones are distinct from each other and compared against the fullest zone', () => {
    const used = new Map([['us-east-1d', 3]]);
    expect(worstScope('availability-zone', sources('#0', '#1', '#1'), 3, used)).toEqual({
      usage: 3,
      need: 2,
      scope: 'zone 1',
    });
  });

  test('a NAT gateway whose zone cannot be told is counted in every zone, and the finding says so', () => {
    const used = new Map([
      ['us-east-1a', 2],
      ['us-east-1b', 4],
    ]);
    expect(worstScope('availability-zone', sources('us-east-1a', undefined), 4, used)).toEqual({
      usage: 4,
      need: 1,
      scope: 'Availability Zone us-east-1b, the fullest',
      note: 'The template does not say the Availability Zone of Nat2: counted in every Availability Zone, the fullest included.',
    });
    // Nothing placed: the total against the fullest zone, as before.
    expect(worstScope('availability-zone', sources(undefined, undefined), 4, used)).toMatchObject({
      usage: 4,
      need: 2,
    });
  });

  test('GetAZs zones next to named zones may be one of them: counted in every zone', () => {
    const result = worstScope('availability-zone', sources('us-east-1a', '#0'), 0, new Map());
    expect(result).toMatchObject({ usage: 0, need: 2 });
    expect(result.note).toContain('Availability Zone of Nat2');
  });

  test('audit mode (no need): the fullest zone, named', () => {
    expect(
      worstScope(
        'availability-zone',
        [],
        3,
        new Map([
          ['us-east-1a', 1],
          ['us-east-1b', 3],
          ['use1-az2', 3],
        ]),
      ),
    ).toEqual({
      usage: 3,
      need: 0,
      scope: 'Availability Zone us-east-1b, the fullest',
    });
  });
});

describe('ECS clusters and services per cluster', () => {
  const template = `
Parameters:
  SharedCluster: { Type: String, Default: 'arn:aws:ecs:us-east-1:123456789012:cluster/shared' }
Resources:
  Cluster: { Type: AWS::ECS::Cluster }
  Api: { Type: AWS::ECS::Service, Properties: { Cluster: !Ref Cluster } }
  Worker: { Type: AWS::ECS::Service, Properties: { Cluster: !GetAtt Cluster.Arn } }
  Shared: { Type: AWS::ECS::Service, Properties: { Cluster: !Ref SharedCluster } }
  Named: { Type: AWS::ECS::Service, Properties: { Cluster: batch } }
  Default: { Type: AWS::ECS::Service, Properties: {} }
  Imported: { Type: AWS::ECS::Service, Properties: { Cluster: !ImportValue network-cluster } }
`;

  test('a new cluster counts against Clusters per account; each service against its own cluster', () => {
    const result = needs(template);
    expect(result.needs.get('ecs-clusters')?.amount).toBe(1);
    expect(result.needs.get('ecs-services-per-cluster')?.amount).toBe(6);
    expect(scopes(result, 'ecs-services-per-cluster')).toEqual({
      Api: 'new:new:Cluster',
      Worker: 'new:new:Cluster',
      Shared: 'named:shared',
      Named: 'named:batch',
      Default: 'named:default',
      Imported: '-',
    });
  });

  test('when the stack has the cluster and some services: only new services count, in the cluster by its name', () => {
    const result = needs(template, {
      existing: new Map([
        ['Cluster', 'AWS::ECS::Cluster'],
        ['Api', 'AWS::ECS::Service'],
      ]),
      physicalIds: new Map([['Cluster', 'app-Cluster-X1']]),
    });
    expect(result.needs.get('ecs-clusters')).toBeUndefined();
    expect(scopes(result, 'ecs-services-per-cluster')).toMatchObject({ Worker: 'named:app-Cluster-X1' });
    expect(scopes(result, 'ecs-services-per-cluster')['Api']).toBeUndefined();
  });

  test('services are compared cluster by cluster; a new cluster has nothing in it yet', () => {
    const result = needs(template);
    const used = new Map([
      ['shared', 4990],
      ['batch', 10],
      ['full', 5000],
    ]);
    // `Imported` may land in any cluster: it is added to each, the fullest (5000) included.
    expect(
      worstScope('cluster', result.needs.get('ecs-services-per-cluster')?.sources ?? [], 5000, used),
    ).toMatchObject({
      usage: 5000,
      need: 1,
      scope: 'cluster full, the fullest',
    });
    const placed = (result.needs.get('ecs-services-per-cluster')?.sources ?? []).filter(
      (s) => s.logicalId !== 'Imported',
    );
    expect(worstScope('cluster', placed, 5000, used)).toEqual({ usage: 4990, need: 1, scope: 'cluster shared' });
  });

  test('cluster names from ARNs', () => {
    expect(clusterName('arn:aws:ecs:us-east-1:123456789012:cluster/app')).toBe('app');
    expect(clusterName('app')).toBe('app');
  });
});
