import { NodeHttpHandler } from '@smithy/node-http-handler';
import { AdaptiveRetryStrategy } from '@smithy/util-retry';
import { HOIST_VERSION } from '@hoist/kit';

/** What every client of one action shares. */
export interface AwsContext {
  region: string;
  /** The action's name, for the user agent (`hoist/<version> <action>`). */
  action: string;
}

/** The SDK's `customUserAgent` as name/version pairs. */
type UserAgent = [name: string, version?: string][];

/** The settings decided once for every AWS client hoist makes. */
export interface ClientSettings {
  region: string;
  customUserAgent: UserAgent;
  retryStrategy: AdaptiveRetryStrategy;
  requestHandler: NodeHttpHandler;
  forcePathStyle?: boolean;
}

const DEFAULT_MAX_ATTEMPTS = 5;
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
const CONNECT_TIMEOUT_MS = 5_000;

function positiveIntFromEnv(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/**
 * Region, retries (adaptive, bounded: HOIST_AWS_MAX_ATTEMPTS, default 5), timeouts (HOIST_AWS_REQUEST_TIMEOUT_MS)
 * and user agent, in one place. Endpoints come from AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_<SERVICE>, which the SDK
 * reads itself; credentials from the SDK's default chain. Against a custom endpoint S3 needs path-style addressing.
 */
export function clientSettings(context: AwsContext): ClientSettings {
  const maxAttempts = positiveIntFromEnv('HOIST_AWS_MAX_ATTEMPTS', DEFAULT_MAX_ATTEMPTS);
  return {
    region: context.region,
    // Two pairs, so the header reads `hoist/<version> <action>` (a single string would be escaped into one token).
    customUserAgent: [['hoist', HOIST_VERSION], [context.action]],
    retryStrategy: new AdaptiveRetryStrategy(async () => maxAttempts),
    requestHandler: new NodeHttpHandler({
      connectionTimeout: CONNECT_TIMEOUT_MS,
      requestTimeout: positiveIntFromEnv('HOIST_AWS_REQUEST_TIMEOUT_MS', DEFAULT_REQUEST_TIMEOUT_MS),
      // Without this the handler only logs a warning when the timeout passes and keeps waiting for the answer.
      throwOnRequestTimeout: true,
    }),
    ...(process.env['AWS_ENDPOINT_URL'] || process.env['AWS_ENDPOINT_URL_S3'] ? { forcePathStyle: true } : {}),
  };
}

/** `createClient(STSClient, context)`: every SDK client of hoist is made here. */
export function createClient<C>(Client: new (config: ClientSettings) => C, context: AwsContext): C {
  return new Client(clientSettings(context));
}
