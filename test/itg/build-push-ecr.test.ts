import { describe, test, expect, beforeAll, afterAll, beforeEach } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fakeTool, scratchContext, type FakeTool } from '../support/buildah.js';
import { isWriteCall, startMoto, type Moto } from '../support/moto.js';
import { runAction } from '../support/run-action.js';

const SHA = 'fedcba9876543210fedcba9876543210fedcba98';
const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
/** The two platform images of the pushed index, as a real push leaves them: untagged, addressed by digest. */
const CHILDREN = ['amd64', 'arm64'].map((architecture) => {
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: {
      mediaType: 'application/vnd.oci.image.config.v1+json',
      digest: `sha256:${createHash('sha256').update(architecture).digest('hex')}`,
      size: 100,
    },
    layers: [],
  });
  return { architecture, manifest, digest: `sha256:${createHash('sha256').update(manifest).digest('hex')}` };
});
const INDEX = JSON.stringify({
  schemaVersion: 2,
  mediaType: 'application/vnd.oci.image.index.v1+json',
  manifests: CHILDREN.map((child) => ({
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    digest: child.digest,
    size: Buffer.byteLength(child.manifest),
    platform: { os: 'linux', architecture: child.architecture },
  })),
});

/**
 * moto has no registry (v2) API: this fake `docker` "pushes" with ECR's PutImage (awscli) — the platform images
 * untagged, by digest, then the index under every --tag — so the action's ECR path (ensure, lifecycle, token,
 * login, BatchGetImage read-back, PutImage retag) runs for real.
 */
function fakeDocker(moto: Moto): FakeTool {
  const dir = mkdtempSync(path.join(tmpdir(), 'hoist-ecr-index-'));
  writeFileSync(path.join(dir, 'index.json'), INDEX);
  const children = CHILDREN.map((child) => {
    const file = path.join(dir, `${child.architecture}.json`);
    writeFileSync(file, child.manifest);
    return `      aws --endpoint-url "${moto.url}" ecr put-image --repository-name "$repo" --image-digest ${child.digest} \\
        --image-manifest "file://${file}" --image-manifest-media-type application/vnd.oci.image.manifest.v1+json >/dev/null || exit 1`;
  });
  return fakeTool(
    'docker',
    `[ "$1 $2" = "buildx build" ] || exit 0
prev=""; pushed=""
for a in "$@"; do
  if [ "$prev" = "--tag" ]; then
    repo=\${a#*/}; tag=\${repo##*:}; repo=\${repo%:*}
    if [ -z "$pushed" ]; then
${children.join('\n')}
      pushed=1
    fi
    aws --endpoint-url "${moto.url}" ecr put-image --repository-name "$repo" --image-tag "$tag" \\
      --image-manifest "file://${path.join(dir, 'index.json')}" --image-manifest-media-type application/vnd.oci.image.index.v1+json >/dev/null || exit 1
  fi
  prev="$a"
done`,
  );
}

describe('build-push-multiarch against ECR (moto)', () => {
  let moto: Moto;
  const context = scratchContext();
  beforeAll(async () => {
    moto = await startMoto();
  }, 30_000);
  afterAll(async () => {
    await moto?.stop();
  });
  beforeEach(async () => {
    await moto.reset();
  });

  const run = (docker: FakeTool, inputs: Record<string, string>, env: Record<string, string> = {}) =>
    runAction(
      'build-push-multiarch',
      { repository: 'team/worker', builder: 'buildx', context, 'default-branch': 'main', ...inputs },
      {
        env: {
          ...moto.env,
          GITHUB_SHA: SHA,
          GITHUB_REF: 'refs/heads/main',
          PATH: `${docker.dir}${path.delimiter}${process.env['PATH'] ?? ''}`,
          ...env,
        },
      },
    );

  const ecr = async (target: string, body: Record<string, unknown>) => {
    const response = await fetch(moto.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': `AmazonEC2ContainerRegistry_V20150921.${target}`,
        Authorization:
          'AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/ecr/aws4_request, SignedHeaders=host, Signature=x',
      },
      body: JSON.stringify(body),
    });
    return (await response.json()) as Record<string, unknown>;
  };

  test('ensures the repository, its cache repository and lifecycle policies, logs in with the masked token, verifies by BatchGetImage', async () => {
    const docker = fakeDocker(moto);
    const parameters = path.join(mkdtempSync(path.join(tmpdir(), 'hoist-params-')), 'prod.json');
    writeFileSync(parameters, JSON.stringify({ Parameters: { ImageUri: 'old', WorkerCount: '2' } }, null, 2));
    const result = await run(docker, { tags: 'head', 'kms-key': 'alias/hoist', 'parameters-file': parameters });
    expect(result.log).not.toMatch(/::error/);
    expect(result.exitCode).toBe(0);
    const repos = (await ecr('DescribeRepositories', {})) as {
      repositories: {
        repositoryName: string;
        imageScanningConfiguration: { scanOnPush: boolean };
        imageTagMutability: string;
        encryptionConfiguration?: { encryptionType: string };
      }[];
    };
    const byName = Object.fromEntries(repos.repositories.map((r) => [r.repositoryName, r]));
    expect(byName['team/worker']?.imageScanningConfiguration.scanOnPush).toBe(true);
    expect(byName['team/worker']?.imageTagMutability).toBe('MUTABLE');
    expect(byName['team/worker']?.encryptionConfiguration?.encryptionType).toBe('KMS');
    expect(byName['team/worker-cache']?.imageTagMutability).toBe('MUTABLE');
    const policy = (await ecr('GetLifecyclePolicy', { repositoryName: 'team/worker' })) as {
      lifecyclePolicyText: string;
    };
    expect(JSON.parse(policy.lifecyclePolicyText).rules[0].selection).toEqual({
      tagStatus: 'untagged',
      countType: 'sinceImagePushed',
      countUnit: 'days',
      countNumber: 14,
    });
    // docker login got the token on standard input, and the token was masked.
    const login = docker.calls().findIndex((c) => c[0] === 'login');
    expect(docker.calls()[login]).toEqual(['login', '--username', 'AWS', '--password-stdin', REGISTRY]);
    const password = (docker.inputs()[login] ?? '').trim();
    expect(password.length).toBeGreaterThan(3);
    expect(result.masked).toContain(password);
    expect(result.outputs['image-uri']).toBe(`${REGISTRY}/team/worker@${result.outputs['digest']}`);
    expect(result.outputs['tags']).toBe(`${SHA},latest,head`);
    expect(result.outputs['platforms']).toBe('linux/amd64,linux/arm64');
    // Each platform image of the index carries its own tag, so the untagged rule of the lifecycle policy spares it.
    const images = (await ecr('DescribeImages', { repositoryName: 'team/worker' })) as {
      imageDetails: { imageDigest: string; imageTags?: string[] }[];
    };
    for (const child of CHILDREN) {
      const detail = images.imageDetails.find((d) => d.imageDigest === child.digest);
      expect(detail?.imageTags).toEqual([`${SHA}-linux-${child.architecture}`]);
    }
    expect(result.log).toContain(
      `Tagged the platform images of ${result.outputs['digest']} for the lifecycle policy: ${SHA}-linux-amd64, ${SHA}-linux-arm64.`,
    );
    expect(JSON.parse(readFileSync(parameters, 'utf8'))).toEqual({
      Parameters: { ImageUri: result.outputs['image-uri'], WorkerCount: '2' },
    });
  }, 60_000);

  test('skip-rebuild: the commit exists, so the only AWS write is PutImage of the missing tag', async () => {
    await run(fakeDocker(moto), {});
    const docker = fakeDocker(moto);
    await moto.startRecording();
    const result = await run(docker, { tags: 'worker' });
    const writes = (await moto.recorded()).filter(isWriteCall).map((c) => c.operation);
    expect(result.log).not.toMatch(/::error/);
    expect(result.exitCode).toBe(0);
    expect(docker.calls().some((c) => c[1] === 'build')).toBe(false);
    expect(result.outputs['built']).toBe('false');
    expect(writes).toEqual(['PutImage']);
    const images = (await ecr('DescribeImages', { repositoryName: 'team/worker' })) as {
      imageDetails: { imageTags?: string[] }[];
    };
    // The platform images were tagged by the first run; this one reads their tags and writes nothing for them.
    expect(images.imageDetails.flatMap((d) => d.imageTags ?? []).sort()).toEqual(
      [SHA, 'latest', 'worker', `${SHA}-linux-amd64`, `${SHA}-linux-arm64`].sort(),
    );
  }, 60_000);

  test('an index whose platform images are untagged (pushed without hoist) gets them tagged, with no build', async () => {
    await ecr('CreateRepository', { repositoryName: 'team/worker' });
    for (const child of CHILDREN) {
      await ecr('PutImage', {
        repositoryName: 'team/worker',
        imageManifest: child.manifest,
        imageManifestMediaType: 'application/vnd.oci.image.manifest.v1+json',
        imageDigest: child.digest,
      });
    }
    for (const tag of [SHA, 'latest']) {
      await ecr('PutImage', {
        repositoryName: 'team/worker',
        imageManifest: INDEX,
        imageManifestMediaType: 'application/vnd.oci.image.index.v1+json',
        imageTag: tag,
      });
    }
    const docker = fakeDocker(moto);
    await moto.startRecording();
    const result = await run(docker, { cache: 'none' });
    expect(result.log).not.toMatch(/::error/);
    expect(result.exitCode).toBe(0);
    expect(docker.calls().some((c) => c[1] === 'build')).toBe(false);
    const puts = (await moto.recorded()).filter((c) => c.operation.endsWith('PutImage'));
    expect(puts).toHaveLength(2);
    const images = (await ecr('DescribeImages', { repositoryName: 'team/worker' })) as {
      imageDetails: { imageDigest: string; imageTags?: string[] }[];
    };
    for (const child of CHILDREN) {
      expect(images.imageDetails.find((d) => d.imageDigest === child.digest)?.imageTags).toEqual([
        `${SHA}-linux-${child.architecture}`,
      ]);
    }
  }, 60_000);

  test('an IMMUTABLE repository gets only the immutable tags, and says once which setting prevents the rest', async () => {
    const result = await run(
      fakeDocker(moto),
      { 'tag-mutability': 'IMMUTABLE', tags: 'head,worker' },
      { GITHUB_REF: 'refs/tags/v2.3.4' },
    );
    expect(result.exitCode).toBe(0);
    expect(result.outputs['tags']).toBe(`${SHA},2.3.4`);
    const warnings = result.annotations.filter(
      (a) => a.level === 'warning' && a.message.includes('imageTagMutability=IMMUTABLE'),
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toContain('2.3, 2, head, worker');
  }, 60_000);

  test.each([
    [{ platforms: 'linux/amd64,linux/amd65' }, "Input 'platforms' is 'linux/amd65'", 'linux/amd64, linux/arm64'],
    [{ repository: 'Team/Worker' }, "Input 'repository' is 'Team/Worker'", "use 'team/worker'"],
    [{ tags: 'head,has space' }, "Input 'tags' is 'has space'", 'no spaces'],
    [{ builder: 'kaniko' }, "Input 'builder' is 'kaniko'", 'buildx, buildah'],
  ])(
    'bad input %j fails with the input named and zero AWS calls',
    async (inputs, named, expected) => {
      await moto.startRecording();
      const docker = fakeTool('docker');
      const result = await run(docker, inputs);
      expect(result.exitCode).toBe(1);
      expect(result.log).toContain(named);
      expect(result.log).toContain(expected);
      expect(await moto.recorded()).toEqual([]);
      expect(docker.calls()).toEqual([]);
    },
    30_000,
  );
});
