import { createHash } from 'node:crypto';
import { describe, expect, test } from '@jest/globals';
import { actionsFor } from '@hoist/aws';
import { principalOf } from '../src/checks/permissions.js';
import { PROBE_ACTIONS } from '../src/checks/probes.js';
import { isBinary, looksLikePlaceholder, scanText } from '../src/secret-scan.js';

/** Key-shaped, random-looking values made at run time, so no key-shaped literal sits in the repository. */
function randomLooking(seed: string, length: number, alphabet = 'base64url'): string {
  let out = '';
  for (let i = 0; out.length < length; i++) {
    out += createHash('sha256')
      .update(`${seed}${i}`)
      .digest(alphabet === 'hex' ? 'hex' : 'base64url');
  }
  const value = out.replace(/[^A-Za-z0-9]/g, '').slice(0, length);
  return `${value.slice(0, -3)}Q7z`;
}

const openai = `sk-proj-${randomLooking('openai', 64)}`;
const legacyOpenai = `sk-${randomLooking('legacy', 48)}`;
const github = `ghp_${randomLooking('github', 36)}`;
const pinecone = `pcsk_${randomLooking('pinecone', 40)}`;
const awsId = `AKIA${'QWERTYUIOPASDFGH'}`;
const awsSecret = `${randomLooking('aws', 37)}/+a`;

describe('scanText', () => {
  test.each([
    ['OpenAI project key in a .env line', `OPENAI_API_KEY=${openai}`, 'OpenAI API key (sk-…)'],
    ['legacy OpenAI key, quoted', `api_key = "${legacyOpenai}"`, 'OpenAI API key (sk-…)'],
    ['GitHub classic token', `token: ${github}`, 'GitHub token (ghp_/gho_/ghu_/ghs_/ghr_…)'],
    ['Pinecone pcsk_ key', `PINECONE_API_KEY=${pinecone}`, 'Pinecone API key (pcsk_…)'],
    [
      'Pinecone UUID key assigned to PINECONE_API_KEY',
      // Assembled at run time, so this file holds no line that preflight's own scan of the repository would flag.
      ['PINECONE', '_API_KEY="3f9a1c2e-7b4d-4e8f-9a0b-5c6d7e8f9a1b"'].join(''),
      'Pinecone API key (PINECONE_API_KEY)',
    ],
  ])('finds a %s', (_, text, kind) => {
    expect(scanText(`# config\n${text}\n`)).toEqual([{ kind, line: 2 }]);
  });

  test('an AWS access key id counts only with a secret key near it', () => {
    expect(scanText(`aws_access_key_id = ${awsId}\n`)).toEqual([]);
    expect(scanText(`aws_access_key_id = ${awsId}\naws_secret_access_key = ${awsSecret}\n`)).toEqual([
      { kind: 'AWS access key pair (AKIA… with its secret key)', line: 1 },
    ]);
  });

  test('a private key block with a body, not a mention of one', () => {
    const body = randomLooking('pem', 64);
    expect(scanText(`-----BEGIN RSA PRIVATE KEY-----\n${body}\n-----END RSA PRIVATE KEY-----\n`)).toEqual([
      { kind: 'private key (BEGIN RSA PRIVATE KEY)', line: 1 },
    ]);
    expect(scanText('Paste it here:\n-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n')).toEqual([]);
  });

  test.each([
    'OPENAI_API_KEY=sk-your-openai-key-goes-right-here-123',
    'OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    'OPENAI_API_KEY=sk-proj-EXAMPLEexample1234567890EXAMPLEexample',
    'AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nAWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    `GITHUB_TOKEN=ghp_${'a'.repeat(36)}`,
    'classes: sk-learn-preprocessing-pipeline-helpers-module',
  ])('passes over a placeholder or a word: %s', (text) => {
    expect(scanText(text)).toEqual([]);
  });

  test('placeholders', () => {
    expect(looksLikePlaceholder('your-key-here')).toBe(true);
    expect(looksLikePlaceholder(openai)).toBe(false);
  });

  test('binary files are told by a NUL byte', () => {
    expect(isBinary(Buffer.from([0x89, 0x50, 0x00, 0x47]))).toBe(true);
    expect(isBinary(Buffer.from('plain text'))).toBe(false);
  });
});

describe('principalOf', () => {
  test.each([
    [
      'arn:aws:sts::111122223333:assumed-role/deploy/gh-run-42',
      { kind: 'role', arn: 'arn:aws:iam::111122223333:role/deploy', roleName: 'deploy' },
    ],
    ['arn:aws:iam::111122223333:user/ci', { kind: 'user', arn: 'arn:aws:iam::111122223333:user/ci' }],
    ['arn:aws:sts::123456789012:user/moto', { kind: 'user', arn: 'arn:aws:iam::123456789012:user/moto' }],
    ['arn:aws:iam::111122223333:root', { kind: 'root', arn: 'arn:aws:iam::111122223333:root' }],
    [
      'arn:aws:sts::111122223333:federated-user/bob',
      { kind: 'other', arn: 'arn:aws:sts::111122223333:federated-user/bob' },
    ],
  ])('%s', (arn, principal) => {
    expect(principalOf(arn)).toEqual(principal);
  });
});

test('every read-only probe is in preflight’s IAM manifest', () => {
  const declared = new Set(actionsFor('preflight'));
  expect(PROBE_ACTIONS.filter((a) => !declared.has(a))).toEqual([]);
});
