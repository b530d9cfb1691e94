import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { readResourceSpecData } from '../src/spec/data.js';
import { SpecDecoder } from '../src/spec/decode.js';
import {
  allResourceTypeNames,
  attributeShape,
  editDistance,
  propertyType,
  resourceSpecSource,
  resourceType,
  suggest,
  type Shape,
} from '../src/spec/index.js';

const root = path.resolve(import.meta.dirname, '..', '..', '..');

function requiredProperties(name: string): string[] {
  const spec = resourceType(name);
  if (!spec) throw new Error(`${name} is not in the data`);
  return Object.values(spec.properties)
    .filter((p) => p.required)
    .map((p) => p.name);
}

describe('resource types', () => {
  test.each([
    ['AWS::S3::Bucket', []],
    ['AWS::EC2::VPC', []],
    ['AWS::Lambda::Function', ['Code', 'Role']],
    ['AWS::EC2::SecurityGroup', ['GroupDescription']],
    ['AWS::ECS::TaskDefinition', []],
  ])('%s requires %j', (name, required) => {
    expect(requiredProperties(name)).toEqual(required);
  });

  test('properties carry their shapes', () => {
    const vpc = resourceType('AWS::EC2::VPC');
    expect(vpc?.properties.CidrBlock?.shape).toEqual({ kind: 'string' });
    expect(vpc?.properties.EnableDnsSupport?.shape).toEqual({ kind: 'boolean' });
    expect(vpc?.properties.Ipv4NetmaskLength?.shape).toEqual({ kind: 'integer' });
    expect(vpc?.properties.Tags?.shape).toEqual({ kind: 'list', item: { kind: 'struct', name: 'Tag' } });
    expect(resourceType('AWS::Lambda::Function')?.properties.Code?.shape).toEqual({ kind: 'struct', name: 'Code' });
    expect(resourceType('AWS::SSM::Parameter')?.properties.Tags?.shape).toEqual({
      kind: 'map',
      item: { kind: 'string' },
    });
  });

  test('AWS::ECS::TaskDefinition has ContainerDefinitions as a list of a struct with its own required properties', () => {
    const shape = resourceType('AWS::ECS::TaskDefinition')?.properties.ContainerDefinitions?.shape;
    expect(shape).toEqual({ kind: 'list', item: { kind: 'struct', name: 'ContainerDefinition' } });
    const container = propertyType('AWS::ECS::TaskDefinition', 'ContainerDefinition');
    expect(container?.properties.Image).toMatchObject({ required: true, shape: { kind: 'string' } });
    expect(container?.properties.Name?.required).toBe(true);
    expect(container?.properties.PortMappings?.shape).toEqual({
      kind: 'list',
      item: { kind: 'struct', name: 'PortMapping' },
    });
    expect(propertyType('AWS::ECS::TaskDefinition', 'PortMapping')?.properties.ContainerPort?.shape.kind).toBe(
      'integer',
    );
  });

  test('unions: the spec’s own, and types a property had in earlier releases', () => {
    expect(resourceType('AWS::ApiGateway::RestApi')?.properties.Body?.shape).toEqual({
      kind: 'union',
      options: [{ kind: 'json' }, { kind: 'string' }],
    });
    expect(resourceType('AWS::ApiGatewayV2::Integration')?.properties.RequestParameters?.shape).toEqual({
      kind: 'union',
      options: [{ kind: 'map', item: { kind: 'string' } }, { kind: 'json' }],
    });
  });

  test('allowed values, for strings and integers', () => {
    const packageType = resourceType('AWS::Lambda::Function')?.properties.PackageType?.shape;
    expect(packageType).toEqual({ kind: 'string', allowedValues: ['Image', 'Zip'] });
    const noEnum = resourceType('AWS::Lambda::Function')?.properties.Runtime?.shape;
    expect(noEnum).toEqual({ kind: 'string' });
    expect(propertyType('AWS::KafkaConnect::Connector', 'AutoScaling')?.properties.McuCount?.shape).toEqual({
      kind: 'integer',
      allowedValues: [1, 2, 4, 8],
    });
  });

  test('whether an update replaces the resource', () => {
    const bucket = resourceType('AWS::S3::Bucket');
    expect(bucket?.properties.BucketName?.causesReplacement).toBe('yes');
    expect(bucket?.properties.Tags?.causesReplacement).toBe('no');
    expect(resourceType('AWS::EC2::Instance')?.properties.InstanceType?.causesReplacement).toBe('maybe');
  });

  test('the standard tag struct applies wherever Tags is a list of tags', () => {
    const tag = propertyType('AWS::EC2::VPC', 'Tag');
    expect(tag?.properties.Key).toMatchObject({ required: true, shape: { kind: 'string' } });
    expect(tag?.properties.Value?.shape).toEqual({ kind: 'string' });
  });

  test('the AWS::Serverless types name their transform; others have none', () => {
    expect(resourceType('AWS::Serverless::Function')?.transform).toBe('AWS::Serverless-2016-10-31');
    expect(resourceType('AWS::S3::Bucket')).not.toHaveProperty('transform');
  });

  test.each(['AWS::S3::Bucketz', 'constructor', '__proto__', 'toString', 'hasOwnProperty', ''])(
    'unknown name %j is undefined',
    (name) => {
      expect(resourceType(name)).toBeUndefined();
      expect(propertyType(name, 'Tag')).toBeUndefined();
      expect(attributeShape(name, 'Arn')).toBeUndefined();
    },
  );

  test('property records have no prototype: any property name a template uses is safe to look up', () => {
    const properties = resourceType('AWS::S3::Bucket')?.properties ?? {};
    expect(properties.constructor).toBeUndefined();
    expect('toString' in properties).toBe(false);
    expect(propertyType('AWS::ECS::TaskDefinition', 'constructor')).toBeUndefined();
  });

  test('every struct a shape names resolves, in every resource type', () => {
    const missing: string[] = [];
    for (const name of allResourceTypeNames()) {
      const spec = resourceType(name);
      const shapes: Shape[] = Object.values(spec?.properties ?? {}).map((p) => p.shape);
      const seen = new Set<string>();
      while (shapes.length > 0) {
        const shape = shapes.pop() as Shape;
        if (shape.kind === 'list' || shape.kind === 'map') shapes.push(shape.item);
        else if (shape.kind === 'union') shapes.push(...shape.options);
        else if (shape.kind === 'struct' && !seen.has(shape.name)) {
          seen.add(shape.name);
          const struct = propertyType(name, shape.name);
          if (struct) shapes.push(...Object.values(struct.properties).map((p) => p.shape));
          else missing.push(`${name}/${shape.name}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  test('the list of names is sorted and complete', () => {
    const names = allResourceTypeNames();
    expect(names.length).toBeGreaterThan(1500);
    expect([...names].sort()).toEqual(names);
    expect(names).toContain('AWS::S3::Bucket');
    expect(names).toContain('AWS::Serverless::Function');
  });
});

describe('GetAtt attributes', () => {
  test.each([
    ['AWS::S3::Bucket', 'Arn'],
    ['AWS::S3::Bucket', 'DomainName'],
    ['AWS::RDS::DBInstance', 'Endpoint.Address'],
    ['AWS::RDS::DBInstance', 'Endpoint.Port'],
    ['AWS::EC2::VPC', 'CidrBlockAssociations'],
    ['AWS::Serverless::Function', 'Arn'],
    ['AWS::CloudFormation::Stack', 'Outputs.VpcId'],
    ['AWS::Serverless::Application', 'Outputs.ClusterName'],
  ])('%s has %s', (type, attribute) => {
    expect(attributeShape(type, attribute)).toBeDefined();
  });

  test.each([
    ['AWS::S3::Bucket', 'Name'],
    ['AWS::SNS::Topic', 'Name'],
    ['AWS::RDS::DBInstance', 'Endpoint.Adress'],
    ['AWS::CloudFormation::Stack', 'Outputs.'],
    ['AWS::CloudFormation::Stack', 'Outputs.*'],
    ['AWS::CloudFormation::Stack', 'Outputs.Vpc.Id'],
  ])('%s has no %s', (type, attribute) => {
    expect(attributeShape(type, attribute)).toBeUndefined();
  });

  test('attribute lists: fixed names sorted, prefixes apart', () => {
    const db = resourceType('AWS::RDS::DBInstance');
    expect(db?.attributes).toContain('Endpoint.Address');
    expect([...(db?.attributes ?? [])].sort()).toEqual(db?.attributes);
    expect(db?.attributePrefixes).toEqual([]);
    expect(resourceType('AWS::CloudFormation::Stack')?.attributePrefixes).toEqual(['Outputs.']);
  });

  test('attribute shapes say what GetAtt returns', () => {
    expect(attributeShape('AWS::RDS::DBInstance', 'Endpoint.Address')).toEqual({ kind: 'string' });
    expect(attributeShape('AWS::EC2::VPC', 'CidrBlockAssociations')).toEqual({
      kind: 'list',
      item: { kind: 'string' },
    });
  });
});

describe('suggest', () => {
  const bucketProperties = () => Object.keys(resourceType('AWS::S3::Bucket')?.properties ?? {});

  test.each([
    ['AWS::EC2::Instanse', 'AWS::EC2::Instance', () => allResourceTypeNames()],
    ['AWS::S3::bucket', 'AWS::S3::Bucket', () => allResourceTypeNames()],
    ['AWS::EC3::VPC', 'AWS::EC2::VPC', () => allResourceTypeNames()],
    ['BucketNme', 'BucketName', () => bucketProperties()],
    ['BucketNmae', 'BucketName', () => bucketProperties()],
    ['Subnet', 'SubnetId', () => ['VpcId', 'SubnetId']],
    // The typos of ../shared/corpus/cfn/bugs.
    ['AWS::EC2::Instanc', 'AWS::EC2::Instance', () => allResourceTypeNames()],
    ['AWS::DynamoDb::Table', 'AWS::DynamoDB::Table', () => allResourceTypeNames()],
    ['AllocatedStorge', 'AllocatedStorage', () => Object.keys(resourceType('AWS::RDS::DBInstance')?.properties ?? {})],
    ['PerfomanceMode', 'PerformanceMode', () => Object.keys(resourceType('AWS::EFS::FileSystem')?.properties ?? {})],
  ])('%s → %s', (name, expected, candidates) => {
    expect(suggest(name, candidates())).toBe(expected);
  });

  test('a case-insensitive exact match wins over a closer spelling', () => {
    expect(suggest('imageid', ['ImageIds', 'ImageId'])).toBe('ImageId');
  });

  test.each([
    ['AWS::EC2::Foo', () => allResourceTypeNames()],
    ['Xyz', () => ['BucketName', 'Tags']],
    ['Anything', () => []],
  ])('%s has no suggestion', (name, candidates) => {
    expect(suggest(name, candidates())).toBeUndefined();
  });

  test('ties go to the earlier candidate', () => {
    expect(suggest('Nam', ['Name', 'Nap'])).toBe('Name');
    expect(suggest('Nam', ['Nap', 'Name'])).toBe('Nap');
  });

  test.each([
    ['kitten', 'sitting', 3],
    ['ab', 'ba', 1],
    ['', 'abc', 3],
    ['abc', 'abc', 0],
    ['ca', 'abc', 3],
  ])('editDistance(%s, %s) = %d', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });

  test('editDistance gives up at the limit', () => {
    expect(editDistance('aaaaaaaa', 'bbbbbbbb', 2)).toBe(2);
  });
});

describe('compact format', () => {
  const decoder = new SpecDecoder(['A|B', '1|5']);

  test('property codes: flags then shape', () => {
    expect(decoder.property('P', '!^S#0')).toEqual({
      name: 'P',
      required: true,
      shape: { kind: 'string', allowedValues: ['A', 'B'] },
      causesReplacement: 'yes',
    });
    expect(decoder.property('Q', '?[{I#1')).toEqual({
      name: 'Q',
      required: false,
      shape: { kind: 'list', item: { kind: 'map', item: { kind: 'integer', allowedValues: [1, 5] } } },
      causesReplacement: 'maybe',
    });
    expect(decoder.shape('(S|[@Foo_1|(N|B))')).toEqual({
      kind: 'union',
      options: [
        { kind: 'string' },
        { kind: 'list', item: { kind: 'struct', name: 'Foo_1' } },
        { kind: 'union', options: [{ kind: 'number' }, { kind: 'boolean' }] },
      ],
    });
  });

  test.each(['X', '(S|N', 'S#9', 'S#', '@', '[', 'SS'])('corrupt code %j is an error naming the fix', (code) => {
    expect(() => decoder.shape(code)).toThrow(/corrupt near .*rebuild it with scripts\/build-cfn-spec\.mjs/);
  });

  test('data of another format is refused', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'hoist-spec-')), 'resource-spec.json');
    writeFileSync(file, JSON.stringify({ format: 99, source: {}, enums: [], transforms: {}, resources: {} }));
    expect(() => readResourceSpecData(file)).toThrow(/has format 99, this code reads 1/);
  });
});

describe('the committed data', () => {
  test('records the aws-service-spec release it was built from', () => {
    const installed = createRequire(import.meta.url)('@aws-cdk/aws-service-spec/package.json') as { version: string };
    expect(resourceSpecSource()).toEqual({ package: '@aws-cdk/aws-service-spec', version: installed.version });
  });

  test('is what a fresh, deterministic build writes (and --check notices a difference)', () => {
    const script = path.join(root, 'scripts', 'build-cfn-spec.mjs');
    const fresh = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    expect(fresh.stderr).toBe('');
    expect(fresh.status).toBe(0);

    const stale = path.join(mkdtempSync(path.join(tmpdir(), 'hoist-spec-')), 'resource-spec.json');
    const committed = readFileSync(path.join(root, 'packages', 'cfn', 'data', 'resource-spec.json'), 'utf8');
    writeFileSync(stale, committed.replace('"AWS::S3::Bucket":"', '"AWS::S3::Bucket":"Extra=S,'));
    const changed = spawnSync(process.execPath, [script, '--check', '--output', stale], { encoding: 'utf8' });
    expect(changed.status).toBe(1);
    expect(changed.stderr).toContain('differs from a fresh build');
  }, 30_000);

  test('stays compact', () => {
    const bytes = readFileSync(path.join(root, 'packages', 'cfn', 'data', 'resource-spec.json')).length;
    expect(bytes).toBeLessThan(3 * 1024 * 1024);
  });
});
