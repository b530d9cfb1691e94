import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

/**
 * Whether credentials are configured where the SDK's default chain looks without a network probe: environment
 * keys, web identity (OIDC), container credentials, a named profile or shared files. The instance metadata
 * service is never probed here, so `auto` modes decide without delay.
 */
export function hasConfiguredCredentials(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env['AWS_ACCESS_KEY_ID'] && env['AWS_SECRET_ACCESS_KEY']) return true;
  if (env['AWS_WEB_IDENTITY_TOKEN_FILE'] && env['AWS_ROLE_ARN']) return true;
  if (env['AWS_CONTAINER_CREDENTIALS_RELATIVE_URI'] || env['AWS_CONTAINER_CREDENTIALS_FULL_URI']) return true;
  if (env['AWS_PROFILE']) return true;
  const credentials = env['AWS_SHARED_CREDENTIALS_FILE'] || path.join(homedir(), '.aws', 'credentials');
  return existsSync(credentials);
}
