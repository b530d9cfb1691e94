import { describe, test, expect } from '@jest/globals';
import { BuildahBuilder, BuildxBuilder, quietDeps, type BuildRequest } from './builder-deps.js';

describe('builder commands', () => {
  const base: BuildRequest = {
    context: '/ctx',
    platforms: [
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm64' },
    ],
    buildArgs: [],
    secrets: ['NPM_TOKEN'],
    labels: { 'org.opencontainers.image.revision': 'abc' },
    registry: '123456789012.dkr.ecr.us-east-1.amazonaws.com',
    repository: 'team/worker',
    tags: ['abc', 'latest'],
    push: true,
    insecure: false,
    cache: { type: 'registry', ref: '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/worker-cache:buildcache' },
  };

  test('buildx on a TLS registry pushes with --push, provenance off, ECR-compatible registry cache', () => {
    const args = new BuildxBuilder(quietDeps).buildArgs(base, '/tmp/meta.json');
    expect(args).toEqual([
      'buildx',
      'build',
      '--platform',
      'linux/amd64,linux/arm64',
      '--provenance=false',
      '--tag',
      '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/worker:abc',
      '--tag',
      '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/worker:latest',
      '--label',
      'org.opencontainers.image.revision=abc',
      '--secret',
      'id=NPM_TOKEN,env=NPM_TOKEN',
      '--cache-from',
      'type=registry,ref=123456789012.dkr.ecr.us-east-1.amazonaws.com/team/worker-cache:buildcache',
      '--cache-to',
      'type=registry,ref=123456789012.dkr.ecr.us-east-1.amazonaws.com/team/worker-cache:buildcache,mode=max,image-manifest=true,oci-mediatypes=true',
      '--push',
      '--metadata-file',
      '/tmp/meta.json',
      '/ctx',
    ]);
  });

  test('buildah builds a manifest list without a layer cache; one platform builds one image', () => {
    const multi = new BuildahBuilder(quietDeps).buildArgs({ ...base, target: 'runtime', buildArgs: ['A=1'] });
    expect(multi.slice(0, 3)).toEqual(['build', '--platform', 'linux/amd64,linux/arm64']);
    expect(multi).toContain('--manifest');
    expect(multi).not.toContain('--layers');
    expect(multi.join(' ')).toContain(
      '--target runtime --label org.opencontainers.image.revision=abc --build-arg A=1 --secret id=NPM_TOKEN,env=NPM_TOKEN /ctx',
    );
    const single = new BuildahBuilder(quietDeps).buildArgs({
      ...base,
      platforms: [{ os: 'linux', architecture: 'arm64' }],
      insecure: true,
    });
    expect(single).toContain('--tag');
    expect(single).toContain('--tls-verify=false');
  });
});
