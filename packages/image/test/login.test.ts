import { describe, test, expect } from '@jest/globals';
import path from 'node:path';
import { TerminalReporter, UserError, exec } from '@hoist/kit';
import { fakeTool, type FakeTool } from '../../../test/support/buildah.js';
import { BuildahBuilder, BuildxBuilder, type BuilderDeps } from '../src/index.js';
import { LOGIN_ATTEMPTS } from '../src/builders/run-tool.js';

const PASSWORD = 'eyJwYXlsb2FkIjoi-login-test-password';
const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com';

/** A fake tool whose `login` fails with `message` on the first `failures` calls, then succeeds. */
function flakyLogin(name: string, failures: number, message: string): FakeTool {
  return fakeTool(
    name,
    `n=$(wc -l < "$(dirname "$0")/calls.jsonl")
if [ "$1" = login ] && [ "$n" -le ${failures} ]; then echo '${message}' >&2; exit 1; fi
echo 'Login Succeeded'`,
  );
}

/** Builder dependencies running the fake tool for real, with a log to read and a sleep that records and returns. */
function depsFor(tool: FakeTool): { deps: BuilderDeps; log: string[]; sleeps: number[] } {
  const log: string[] = [];
  const sleeps: number[] = [];
  const deps: BuilderDeps = {
    exec,
    reporter: new TerminalReporter({ write: (text) => log.push(text), color: false }),
    signal: new AbortController().signal,
    tempDir: tool.dir,
    env: { ...process.env, PATH: `${tool.dir}${path.delimiter}${process.env['PATH'] ?? ''}` },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  };
  return { deps, log, sleeps };
}

const logins = (tool: FakeTool) => tool.calls().filter((c) => c[0] === 'login');

describe('registry login retries with backoff', () => {
  test('docker: a 502 on the first login is retried once, after 1 s, and the second login succeeds', async () => {
    const docker = flakyLogin(
      'docker',
      1,
      'Error response from daemon: received unexpected HTTP status: 502 Bad Gateway',
    );
    const { deps, log, sleeps } = depsFor(docker);
    await new BuildxBuilder(deps).login(REGISTRY, { username: 'AWS', password: PASSWORD });
    expect(logins(docker)).toHaveLength(2);
    expect(sleeps).toEqual([1000]);
    // The password went on standard input both times, never on a command line or into the log.
    expect(docker.inputs().filter(Boolean)).toEqual([`${PASSWORD}\n`, `${PASSWORD}\n`]);
    expect(docker.calls().flat()).not.toContain(PASSWORD);
    const text = log.join('');
    expect(text).toContain(`docker login to ${REGISTRY}: the registry did not answer properly on attempt 1 of 3`);
    expect(text).not.toContain(PASSWORD);
  });

  test('docker: a password that is always refused stops after 3 attempts and says so, without the password', async () => {
    const docker = flakyLogin(
      'docker',
      99,
      'Error response from daemon: Get "https://registry/v2/": unauthorized: incorrect username or password',
    );
    const { deps, log, sleeps } = depsFor(docker);
    const failure = await new BuildxBuilder(deps).login(REGISTRY, { username: 'AWS', password: PASSWORD }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(UserError);
    const error = failure as UserError;
    expect(error.code).toBe('registry-auth');
    expect(error.message).toBe(
      `docker login to ${REGISTRY} was refused 3 times: the registry does not accept this user name and password (Error response from daemon: Get "https://registry/v2/": unauthorized: incorrect username or password).`,
    );
    expect(error.fix).toContain('username and password inputs');
    expect(logins(docker)).toHaveLength(LOGIN_ATTEMPTS);
    expect(sleeps).toEqual([1000, 2000]);
    expect(`${error.message} ${error.fix} ${log.join('')}`).not.toContain(PASSWORD);
  });

  test('buildah: a registry that keeps answering 503 is given up on after 3 attempts, named as unavailable', async () => {
    const buildah = flakyLogin(
      'buildah',
      99,
      'Error: authenticating creds for "127.0.0.1:5000": received unexpected HTTP status: 503 Service Unavailable',
    );
    const { deps } = depsFor(buildah);
    const failure = await new BuildahBuilder(deps)
      .login('127.0.0.1:5000', { username: 'ci', password: PASSWORD }, true)
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect((failure as UserError).code).toBe('registry-unavailable');
    expect((failure as UserError).message).toMatch(
      /^buildah login to 127\.0\.0\.1:5000 failed 3 times; the registry or the connection to it kept failing \(.*503 Service Unavailable\)\.$/,
    );
    expect(logins(buildah)).toHaveLength(3);
    expect(logins(buildah)[0]).toEqual([
      'login',
      '--authfile',
      expect.stringContaining('hoist-buildah-auth-'),
      '--username',
      'ci',
      '--password-stdin',
      '--tls-verify=false',
      '127.0.0.1:5000',
    ]);
  });

  test('a failure that another try cannot fix (an unknown flag) is not retried', async () => {
    const docker = flakyLogin('docker', 99, 'unknown flag: --password-stdin');
    const { deps, sleeps } = depsFor(docker);
    const failure = await new BuildxBuilder(deps).login(REGISTRY, { username: 'AWS', password: PASSWORD }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect((failure as UserError).message).toContain('unknown flag: --password-stdin');
    expect(logins(docker)).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });
});
