import { describe, expect, test } from '@jest/globals';
import { environmentUrl } from '../src/deploy-stack.js';

const outputs = (o: Record<string, string>) => ({ outputs: o });
const none = { 'environment-url': undefined, 'health-check-url': undefined };

describe('environmentUrl: what a GitHub deployment shows', () => {
  test('a URL given is used as it is', () => {
    expect(environmentUrl({ ...none, 'environment-url': 'https://a.example' }, outputs({}))).toBe('https://a.example');
  });
  test('an output name given is looked up, and must hold an http(s) URL', () => {
    const o = outputs({ ApiUrl: 'https://api.example', Bucket: 'my-bucket' });
    expect(environmentUrl({ ...none, 'environment-url': 'ApiUrl' }, o)).toBe('https://api.example');
    expect(environmentUrl({ ...none, 'environment-url': 'Bucket' }, o)).toBeUndefined();
    expect(environmentUrl({ ...none, 'environment-url': 'Missing' }, o)).toBeUndefined();
  });
  test('by default: EnvironmentUrl, ServiceUrl, Url, Endpoint in that order, then the health check', () => {
    expect(environmentUrl(none, outputs({ Url: 'https://u.example', ServiceUrl: 'https://s.example' }))).toBe(
      'https://s.example',
    );
    expect(environmentUrl(none, outputs({ Endpoint: 'db.internal:5432' }))).toBeUndefined();
    expect(environmentUrl({ ...none, 'health-check-url': 'https://h.example/health' }, outputs({}))).toBe(
      'https://h.example/health',
    );
  });
});
