import { describe, expect, test } from '@jest/globals';
import { parseTemplate, parseText, toPlain, type MapNode } from '../src/index.js';

const lines = (...l: string[]) => l.join('\n') + '\n';

describe('parseText: short-form tags', () => {
  test('scalar, sequence and mapping forms become the long form, each keeping its own position', () => {
    const parsed = parseText(
      lines(
        'A: !Ref Bucket', // 1
        'B: !GetAtt Db.Endpoint.Address', // 2
        'C: !Join', // 3
        "  - ''", // 4
        '  - [a, !Ref B]', // 5
        'D: !Sub', // 6
        '  - ${X}-y', // 7
        '  - X: !GetAtt [Res, Arn]', // 8
        'E: !If [Cond, !Ref AWS::NoValue, !Base64 {"Fn::Sub": "x"}]', // 9
      ),
    );
    expect(parsed.problems).toEqual([]);
    expect(toPlain(parsed.root)).toEqual({
      A: { Ref: 'Bucket' },
      B: { 'Fn::GetAtt': ['Db', 'Endpoint.Address'] },
      C: { 'Fn::Join': ['', ['a', { Ref: 'B' }]] },
      D: { 'Fn::Sub': ['${X}-y', { X: { 'Fn::GetAtt': ['Res', 'Arn'] } }] },
      E: { 'Fn::If': ['Cond', { Ref: 'AWS::NoValue' }, { 'Fn::Base64': { 'Fn::Sub': 'x' } }] },
    });
    const root = parsed.root as MapNode;
    const b = root.byKey.get('B')?.value as MapNode;
    expect(b.pos).toEqual({ line: 2, column: 4 });
    const getAtt = b.byKey.get('Fn::GetAtt')?.value;
    expect(getAtt?.kind === 'seq' && getAtt.items.map((i) => i.pos)).toEqual([
      { line: 2, column: 12 },
      { line: 2, column: 15 },
    ]);
    const join = root.byKey.get('C')?.value as MapNode;
    expect(join.entries[0]?.keyPos).toEqual({ line: 3, column: 4 });
    const nestedRef = (join.byKey.get('Fn::Join')?.value as { items: { items: MapNode[] }[] }).items[1]?.items[1];
    expect(nestedRef?.pos).toEqual({ line: 5, column: 9 });
  });

  test('an unknown tag is a problem, not a crash', () => {
    const parsed = parseText(lines('Resources:', '  A: !Rain::Embed file.txt'));
    expect(parsed.problems).toEqual([
      { code: 'unknown-tag', message: "Unknown YAML tag '!Rain::Embed'", pos: { line: 2, column: 6 } },
    ]);
  });
});

describe('parseText: errors and positions', () => {
  test('YAML syntax error at its line', () => {
    const parsed = parseText(lines('Resources:', '  A:', '\tType: X'));
    expect(parsed.root).toBeUndefined();
    expect(parsed.problems[0]).toMatchObject({ code: 'syntax', pos: { line: 3 } });
  });

  test('duplicate keys in YAML and JSON, reported on the second key', () => {
    expect(parseText(lines('a: 1', 'b: 2', 'a: 3')).problems).toEqual([
      { code: 'duplicate-key', message: "Duplicate key 'a' (first at line 1)", pos: { line: 3, column: 1 } },
    ]);
    expect(parseText('{\n  "a": 1,\n  "a": 2\n}').problems).toEqual([
      { code: 'duplicate-key', message: "Duplicate key 'a' (first at line 2)", pos: { line: 3, column: 3 } },
    ]);
  });

  test('JSON keeps positions and reports a syntax error at its place', () => {
    const parsed = parseText('{\n  "Resources": {\n    "A": [1, true, null, "x\\"y"]\n  }\n}');
    expect(toPlain(parsed.root)).toEqual({ Resources: { A: [1, true, null, 'x"y'] } });
    const resources = (parsed.root as MapNode).byKey.get('Resources');
    expect(resources?.keyPos).toEqual({ line: 2, column: 3 });
    const bad = parseText('{\n  "a": 1\n  "b": 2\n}');
    expect(bad.problems[0]).toMatchObject({ code: 'syntax', pos: { line: 3, column: 3 } });
  });

  test('an alias bomb fails fast with a clear error', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const started = Date.now();
    const parsed = parseText(levels.join('\n'));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(parsed.root).toBeUndefined();
    expect(parsed.problems[0]?.code).toBe('alias-limit');
    expect(parsed.problems[0]?.message).toMatch(/maxAliasCount/);
  });

  test('a 10 MB template parses without hanging (YAML and JSON)', () => {
    const resource = (i: number) =>
      `  Queue${i}:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Sub \${AWS::StackName}-queue-${i}\n      DelaySeconds: 5\n`;
    let yaml = 'Resources:\n';
    for (let i = 0; yaml.length < 10_000_000; i++) yaml += resource(i);
    let started = Date.now();
    const t = parseTemplate(yaml);
    expect(t.resources.size).toBeGreaterThan(50_000);
    expect(Date.now() - started).toBeLessThan(30_000);
    const json = JSON.stringify(
      {
        Resources: Object.fromEntries(
          [...Array(80_000).keys()].map((i) => [
            `Q${i}`,
            { Type: 'AWS::SQS::Queue', Properties: { QueueName: `q-${i}`, Tags: [{ Key: 'a', Value: 'b' }] } },
          ]),
        ),
      },
      null,
      2,
    );
    expect(json.length).toBeGreaterThan(10_000_000);
    started = Date.now();
    expect(parseTemplate(json).resources.size).toBe(80_000);
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 60_000);
});

describe('parseTemplate: the model', () => {
  test('parameters, resources with DependsOn and Condition, outputs, transform, bytes', () => {
    const t = parseTemplate(
      lines(
        'Transform: AWS::Serverless-2016-10-31',
        'Parameters:',
        '  Env: {Type: String, Default: dev, AllowedValues: [dev, prod]}',
        'Conditions:',
        '  IsProd: !Equals [!Ref Env, prod]',
        'Resources:',
        '  Bucket:',
        '    Type: AWS::S3::Bucket',
        '    Condition: IsProd',
        '    DependsOn: [Other]',
        'Outputs:',
        '  Name: {Value: !Ref Bucket}',
      ),
    );
    expect(t.parameters.get('Env')).toMatchObject({
      type: 'String',
      default: 'dev',
      allowedValues: ['dev', 'prod'],
      pos: { line: 3, column: 3 },
    });
    expect(t.resources.get('Bucket')).toMatchObject({
      type: 'AWS::S3::Bucket',
      condition: { name: 'IsProd' },
      dependsOn: [{ name: 'Other', pos: { line: 10, column: 17 } }],
    });
    expect(t.outputs.get('Name')?.pos).toEqual({ line: 12, column: 3 });
    expect(t.transforms.map((x) => x.name)).toEqual(['AWS::Serverless-2016-10-31']);
    expect(t.bytes).toBe(Buffer.byteLength(t.text));
  });
});

describe('broken files give short messages', () => {
  test('binary data is named as such, not parsed', () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    const parsed = parseText(bytes.toString('utf8'));
    expect(parsed.root).toBeUndefined();
    expect(parsed.problems.map((p) => p.message)).toEqual([
      'not a text file: it holds binary data (NUL bytes or bytes that are not UTF-8), not YAML or JSON',
    ]);
  });
});
