import { CloudFormationClient, ValidateTemplateCommand } from '@aws-sdk/client-cloudformation';
import { classifyAwsError, createClient, resolveRegion } from '@hoist/aws';

export type RemoteResult = { ok: true } | { ok: false; kind: 'rejected' | 'unavailable'; message: string };

/** CloudFormation's own ValidateTemplate, through the one client factory; imported only when it runs. */
export async function createRemoteValidator(
  regionInput: string | undefined,
): Promise<(body: string, signal: AbortSignal) => Promise<RemoteResult>> {
  const { region } = await resolveRegion(regionInput);
  const client = createClient(CloudFormationClient, { region, action: 'cfn-validate' });
  return async (body, signal) => {
    try {
      await client.send(new ValidateTemplateCommand({ TemplateBody: body }), { abortSignal: signal });
      return { ok: true };
    } catch (error) {
      const e = classifyAwsError(error);
      // CloudFormation answers every template problem with ValidationError (whatever the wording).
      if (e.kind === 'validation' || e.name === 'ValidationError')
        return { ok: false, kind: 'rejected', message: e.message };
      return { ok: false, kind: 'unavailable', message: `${e.name}: ${e.message}` };
    }
  };
}
