import { describe, test, expect } from '@jest/globals';
import {
  buildIndex,
  imageLifecyclePolicy,
  parseEcrHost,
  planTags,
  sha256Digest,
  validatePlatforms,
  validateRepository,
  validateTag,
} from '../src/index.js';

const SHA = 'a'.repeat(40);

describe('tags, names and platforms', () => {
  test.each([
    ['refs/heads/main', 'main', [], [SHA, 'latest']],
    ['refs/heads/feature', 'main', ['head'], [SHA, 'head']],
    ['refs/tags/v1.2.3', 'main', ['worker'], [SHA, '1.2.3', '1.2', '1', 'worker']],
    ['refs/tags/v1.2.3-rc.1', 'main', [], [SHA, '1.2.3-rc.1']],
    ['refs/tags/release-7', 'main', [], [SHA]],
    ['refs/heads/main', undefined, ['latest'], [SHA, 'latest']],
  ])('%s (default %s, extras %j) → %j', (ref, defaultBranch, extras, expected) => {
    const tags = planTags({ sha: SHA, ref, extras, ...(defaultBranch ? { defaultBranch } : {}) });
    expect(tags.map((t) => t.tag)).toEqual(expected);
    expect(tags.filter((t) => !t.moving).map((t) => t.tag)).toEqual(
      expected.filter((t) => t === SHA || /^\d+\.\d+\.\d+/.test(t)),
    );
  });

  test('platform, repository and tag errors name the input, the value and the valid values', () => {
    expect(validatePlatforms('platforms', ['linux/amd64', 'linux/arm64']).map((p) => p.architecture)).toEqual([
      'amd64',
      'arm64',
    ]);
    expect(() => validatePlatforms('platforms', ['linux/amd65'])).toThrow(
      /Input 'platforms' is 'linux\/amd65'.*linux\/amd64, linux\/arm64/,
    );
    expect(() => validatePlatforms('platforms', ['linux/amd64', 'linux/amd64'])).toThrow(/each platform once/);
    expect(validateRepository('repository', 'team/worker')).toBe('team/worker');
    for (const bad of ['Team/worker', 'a', '-x', 'team//worker', 'team/worker/'])
      expect(() => validateRepository('repository', bad)).toThrow(/Input 'repository'/);
    expect(validateTag('tags', 'v1.2_3-x')).toBe('v1.2_3-x');
    for (const bad of ['has space', '.dot', '-dash', 'a/b', 'x'.repeat(129)])
      expect(() => validateTag('tags', bad)).toThrow(/Input 'tags'/);
  });

  test('an ECR host keeps ECR features; anything else is a plain registry', () => {
    expect(parseEcrHost('123456789012.dkr.ecr.eu-west-1.amazonaws.com')).toEqual({
      accountId: '123456789012',
      region: 'eu-west-1',
    });
    expect(parseEcrHost('123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn')?.region).toBe('cn-north-1');
    expect(parseEcrHost('127.0.0.1:5000')).toBeUndefined();
    expect(parseEcrHost('ghcr.io')).toBeUndefined();
  });

  test('an index is hashed over the exact bytes it is PUT with', () => {
    const index = buildIndex([
      {
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        digest: `sha256:${'1'.repeat(64)}`,
        size: 10,
        platform: { os: 'linux', architecture: 'arm64' },
      },
    ]);
    expect(index.digest).toBe(sha256Digest(index.bytes));
    expect(JSON.parse(index.bytes.toString()).manifests[0].platform).toEqual({ architecture: 'arm64', os: 'linux' });
  });

  test('the lifecycle policy expires only untagged images in the image repository', () => {
    const rules = JSON.parse(imageLifecyclePolicy()).rules as { selection: { tagStatus: string } }[];
    expect(rules.map((r) => r.selection.tagStatus)).toEqual(['untagged']);
  });
});
