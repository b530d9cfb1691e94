import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from '@jest/globals';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { HOIST_VERSION } from '@hoist/kit';
import { clientSettings, createClient } from '../src/index.js';

const ENV_KEYS = [
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_S3',
  'AWS_ENDPOINT_URL_STS',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'HOIST_AWS_MAX_ATTEMPTS',
];
const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

describe('clientSettings', () => {
  test('the user agent is hoist/<version> <action>', () => {
    expect(clientSettings({ region: 'eu-west-1', action: 'deploy-stack' })).toMatchObject({
      region: 'eu-west-1',
      customUserAgent: [['hoist', HOIST_VERSION], ['deploy-stack']],
    });
  });

  test('S3 gets path-style addressing only against a custom endpoint', () => {
    for (const k of ['AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_S3']) delete process.env[k];
    expect(clientSettings({ region: 'us-east-1', action: 'x' }).forcePathStyle).toBeUndefined();
    process.env['AWS_ENDPOINT_URL_S3'] = 'http://127.0.0.1:1';
    expect(clientSettings({ region: 'us-east-1', action: 'x' }).forcePathStyle).toBe(true);
  });

  test('HOIST_AWS_MAX_ATTEMPTS bounds the retries; nonsense falls back to 5', async () => {
    process.env['HOIST_AWS_MAX_ATTEMPTS'] = '2';
    expect(await clientSettings({ region: 'us-east-1', action: 'x' }).retryStrategy.maxAttemptsProvider()).toBe(2);
    process.env['HOIST_AWS_MAX_ATTEMPTS'] = 'lots';
    expect(await clientSettings({ region: 'us-east-1', action: 'x' }).retryStrategy.maxAttemptsProvider()).toBe(5);
  });
});

/**
 * hoist's part of the User-Agent header as it goes on the wire. The SDK escapes a string `customUserAgent` as one
 * token, so the space of `hoist/<version> <action>` arrives as `-` (`hoist/0.1.0-preflight`); given as the pairs
 * `[['hoist', version], [action]]` it would arrive as two tokens, `hoist/0.1.0 preflight`. Either form is accepted
 * here; a missing or different hoist token is not.
 */
function wireUserAgent(action: string): RegExp {
  const version = HOIST_VERSION.replace(/\./g, '\\.');
  return new RegExp(`(?:^| )hoist/${version}[ -]${action}(?: |$)`);
}

describe('createClient', () => {
  test('a request carries the user agent and goes to AWS_ENDPOINT_URL_<SERVICE>', async () => {
    const seen: IncomingHttpHeaders[] = [];
    // A loopback stand-in for STS that answers GetCallerIdentity and keeps the request headers.
    const server = createServer((req, res) => {
      seen.push(req.headers);
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'text/xml' });
        res.end(
          '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>' +
            '<Arn>arn:aws:iam::123456789012:user/ua</Arn><UserId>AIDAEXAMPLE</UserId><Account>123456789012</Account>' +
            '</GetCallerIdentityResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>' +
            '</GetCallerIdentityResponse>',
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      delete process.env['AWS_ENDPOINT_URL'];
      process.env['AWS_ENDPOINT_URL_STS'] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      process.env['AWS_ACCESS_KEY_ID'] = 'testing';
      process.env['AWS_SECRET_ACCESS_KEY'] = 'testing';
      delete process.env['AWS_SESSION_TOKEN'];
      const sts = createClient(STSClient, { region: 'us-east-1', action: 'preflight' });
      const answer = await sts.send(new GetCallerIdentityCommand({}));
      sts.destroy();
      expect(answer.Account).toBe('123456789012');
      expect(seen).toHaveLength(1);
      expect(seen[0]?.['user-agent']).toMatch(wireUserAgent('preflight'));
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
