import { describe, test, expect } from '@jest/globals';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RegistryClient, RegistryError, parseChallenge, sha256Digest } from '../src/index.js';

type Handler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void;

async function serve(handler: Handler): Promise<{ host: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handler(req, res, Buffer.concat(chunks)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { host: `127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const noSleep = async () => undefined;
const INDEX = Buffer.from('{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[]}');

describe('RegistryClient', () => {
  test('parses Bearer and Basic challenges', () => {
    expect(
      parseChallenge('Bearer realm="https://auth.example/token",service="registry",scope="repository:a/b:pull"'),
    ).toEqual({
      scheme: 'bearer',
      params: { realm: 'https://auth.example/token', service: 'registry', scope: 'repository:a/b:pull' },
    });
    expect(parseChallenge('Basic realm="x"')?.scheme).toBe('basic');
  });

  test('follows a Bearer challenge: fetches a token with the credentials, then retries with it', async () => {
    const seen: string[] = [];
    const server = await serve((req, res) => {
      seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? '-'}`);
      if (req.url?.startsWith('/token')) {
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ token: 'tok-123' }));
      } else if (req.headers.authorization !== 'Bearer tok-123') {
        res
          .writeHead(401, {
            'WWW-Authenticate': `Bearer realm="http://${req.headers.host}/token",service="reg",scope="repository:a/b:pull"`,
          })
          .end();
      } else {
        res
          .writeHead(200, {
            'Content-Type': 'application/vnd.oci.image.index.v1+json',
            'Docker-Content-Digest': sha256Digest(INDEX),
          })
          .end(INDEX);
      }
    });
    try {
      const client = new RegistryClient({
        registry: server.host,
        insecure: true,
        credentials: { username: 'u', password: 'p' },
        sleep: noSleep,
      });
      const manifest = await client.getManifest('a/b', 'latest');
      expect(manifest?.digest).toBe(sha256Digest(INDEX));
      expect(manifest?.mediaType).toBe('application/vnd.oci.image.index.v1+json');
      const basic = `Basic ${Buffer.from('u:p').toString('base64')}`;
      expect(seen).toEqual([
        'GET /v2/a/b/manifests/latest -',
        `GET /token?service=reg&scope=repository%3Aa%2Fb%3Apull ${basic}`,
        'GET /v2/a/b/manifests/latest Bearer tok-123',
      ]);
    } finally {
      await server.close();
    }
  });

  test('retries 503 and 429 with backoff, then succeeds; gives up after the bounded attempts', async () => {
    let calls = 0;
    const server = await serve((_req, res) => {
      calls += 1;
      if (calls === 1) res.writeHead(503).end();
      else if (calls === 2) res.writeHead(429).end();
      else res.writeHead(201, { 'Docker-Content-Digest': sha256Digest(INDEX) }).end();
    });
    const delays: number[] = [];
    try {
      const client = new RegistryClient({
        registry: server.host,
        insecure: true,
        baseDelayMs: 100,
        sleep: async (ms) => void delays.push(ms),
      });
      expect(await client.putManifest('a/b', 'v1', INDEX, 'application/vnd.oci.image.index.v1+json')).toBe(
        sha256Digest(INDEX),
      );
      expect(calls).toBe(3);
      expect(delays).toEqual([100, 200]);
    } finally {
      await server.close();
    }
    const down = await serve((_req, res) => void res.writeHead(500).end());
    try {
      const client = new RegistryClient({ registry: down.host, insecure: true, attempts: 3, sleep: noSleep });
      await expect(client.getManifest('a/b', 'x')).rejects.toThrow(/HTTP 500/);
    } finally {
      await down.close();
    }
  });

  test('does not retry a 400 (the manifest is wrong, not the registry)', async () => {
    let calls = 0;
    const server = await serve((_req, res) => {
      calls += 1;
      res
        .writeHead(400, { 'Content-Type': 'application/json' })
        .end('{"errors":[{"code":"MANIFEST_INVALID","message":"manifest invalid"}]}');
    });
    try {
      const client = new RegistryClient({ registry: server.host, insecure: true, sleep: noSleep });
      const error = await client
        .putManifest('a/b', 'v1', INDEX, 'application/vnd.oci.image.index.v1+json')
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RegistryError);
      expect((error as Error).message).toContain('MANIFEST_INVALID');
      expect(calls).toBe(1);
    } finally {
      await server.close();
    }
  });

  test('retries a refused connection, and a registry that lies about a digest is caught', async () => {
    const server = await serve(
      (_req, res) => void res.writeHead(200, { 'Docker-Content-Digest': `sha256:${'0'.repeat(64)}` }).end(INDEX),
    );
    try {
      const client = new RegistryClient({ registry: server.host, insecure: true, sleep: noSleep });
      await expect(client.getManifest('a/b', 'v1')).rejects.toThrow(/hash to/);
    } finally {
      await server.close();
    }
    let attempts = 0;
    const client = new RegistryClient({
      registry: '127.0.0.1:1',
      insecure: true,
      attempts: 3,
      sleep: async () => void (attempts += 1),
    });
    await expect(client.getManifest('a/b', 'v1')).rejects.toThrow();
    expect(attempts).toBe(2);
  });
});
