import type { Finding } from '@hoist/kit';
import type { SecretRef } from '../inputs.js';
import { findingsOf, type Check } from './check.js';

const f = findingsOf('secrets');

/**
 * Check 6 of the prerequisites guide without its writes: each expected secret exists in Secrets Manager and is not
 * scheduled for deletion. DescribeSecret only — a value is never read.
 */
export const secretsCheck: Check = {
  id: 'secrets',
  category: 'Resource provisioning',
  needsAws: true,
  async run({ inputs, aws, signal }) {
    const sdk = await import('@aws-sdk/client-secrets-manager');
    const { createClient, classifyAwsError, describeAwsError } = await import('@hoist/aws');
    const client = createClient(sdk.SecretsManagerClient, aws);
    const deferred = new Set(inputs['deferred-parameters']);
    return Promise.all(
      inputs.secrets.map(async (secret): Promise<Finding> => {
        try {
          const answer = await client.send(new sdk.DescribeSecretCommand({ SecretId: secret.name }), {
            abortSignal: signal,
          });
          if (answer.DeletedDate) {
            return f.fail(
              `${secret.name} is scheduled for deletion on ${answer.DeletedDate.toISOString().slice(0, 10)}: a deploy that reads it would fail.`,
              `restore it: \`aws secretsmanager restore-secret --secret-id ${secret.name} --region ${aws.region}\`.`,
            );
          }
          const changed = answer.LastChangedDate
            ? `, last changed ${answer.LastChangedDate.toISOString().slice(0, 10)}`
            : '';
          return f.pass(`${secret.name} exists${changed}.`);
        } catch (error) {
          if (signal.aborted) throw error;
          const kind = classifyAwsError(error).kind;
          if (kind === 'not-found') return missing(secret, deferred);
          return f.fail(
            `${secret.name} could not be looked up (${describeAwsError(error)}).`,
            kind === 'permission'
              ? 'allow secretsmanager:DescribeSecret on the secret to the deploying identity.'
              : 'check network access to Secrets Manager and retry.',
          );
        }
      }),
    );
  },
};

function missing(secret: SecretRef, deferred: ReadonlySet<string>): Finding {
  if (secret.parameter && deferred.has(secret.parameter)) {
    return f.warn(
      `${secret.name} does not exist yet: it will be created by secrets-sync, which supplies ${secret.parameter} (in deferred-parameters).`,
    );
  }
  const variable = secret.name
    .replace(/^.*\//, '')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
  return f.fail(
    `${secret.name} does not exist in Secrets Manager.`,
    `run secrets-sync before the deploy to create it: \`uses: hoist-dev/hoist/actions/secrets-sync@v1\` with \`secrets: "${secret.name}: ${variable}"\` and \`env: { ${variable}: \${{ secrets.${variable} }} }\`.`,
  );
}
