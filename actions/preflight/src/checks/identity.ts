import type { Finding } from '@hoist/kit';
import type { AwsContext } from '@hoist/aws';
import type { CallerIdentity, Check } from './check.js';

const CONFIGURE_FIX =
  'add aws-actions/configure-aws-credentials (OIDC: role-to-assume, with `permissions: id-token: write`) before this step; in a terminal, `aws configure` or AWS_PROFILE.';

/** Check 2 of the prerequisites guide: who are we, and may this workflow deploy to that account? */
export const identityCheck: Check = {
  id: 'identity',
  category: 'AWS authentication',
  needsAws: true,
  async run({ callerIdentity, facts, inputs, signal }) {
    const { classifyAwsError } = await import('@hoist/aws');
    let identity;
    try {
      identity = await callerIdentity();
    } catch (error) {
      // A cancel or the check's timeout is not a credentials problem: the runner reports those.
      if (signal.aborted) throw error;
      return [credentialFailure(classifyAwsError(error))];
    }
    const accountId = identity.account;
    facts.accountId = accountId;
    if (identity.arn) facts.callerArn = identity.arn;
    const allowed = inputs['allowed-account-ids'];
    if (allowed.length > 0 && !allowed.includes(accountId)) {
      return [
        {
          check: 'identity',
          status: 'fail',
          message: `The credentials belong to account ${accountId}, which is not in allowed-account-ids (${allowed.join(', ')}).`,
          fix: 'assume a role in one of the allowed accounts, or add this account to allowed-account-ids.',
        },
      ];
    }
    return [
      { check: 'identity', status: 'pass', message: `${identity.arn || 'unknown caller'} in account ${accountId}` },
    ];
  },
};

function credentialFailure(error: { kind: string; name: string; message: string }): Finding {
  const base = { check: 'identity', status: 'fail' as const };
  if (
    error.name === 'CredentialsProviderError' ||
    (/Could not load credentials|credential/i.test(error.message) && error.kind !== 'auth')
  ) {
    return { ...base, message: 'No AWS credentials were found.', fix: CONFIGURE_FIX };
  }
  if (/Expired/i.test(error.name) || /expired/i.test(error.message)) {
    return {
      ...base,
      message: `The AWS credentials have expired (${error.name}).`,
      fix: 'refresh them: re-run configure-aws-credentials (raise role-duration-seconds for long jobs) or `aws sso login`.',
    };
  }
  if (error.kind === 'auth') {
    return {
      ...base,
      message: `AWS rejected the credentials (${error.name}): ${error.message}`,
      fix: `check the access key or role; ${CONFIGURE_FIX}`,
    };
  }
  if (error.kind === 'permission') {
    return {
      ...base,
      message: `${error.name}: ${error.message}`,
      fix: 'allow sts:GetCallerIdentity (it is allowed by default unless an SCP denies it).',
    };
  }
  return {
    ...base,
    message: `Could not ask AWS who the caller is (${error.name}): ${error.message}`,
    fix: 'check network access to AWS STS and retry.',
  };
}

/** sts:GetCallerIdentity: who the credentials belong to. */
export async function fetchCallerIdentity(aws: AwsContext, signal: AbortSignal): Promise<CallerIdentity> {
  const { STSClient, GetCallerIdentityCommand } = await import('@aws-sdk/client-sts');
  const { createClient } = await import('@hoist/aws');
  const answer = await createClient(STSClient, aws).send(new GetCallerIdentityCommand({}), { abortSignal: signal });
  return { account: answer.Account ?? '', arn: answer.Arn ?? '' };
}
