import { findingsOf, type Check } from './check.js';

const f = findingsOf('repository');

/**
 * The ECR repository the image goes to: its settings when it exists (scan on push, tag immutability, lifecycle
 * policy), or what build-push-multiarch will create. Read-only: DescribeRepositories, GetLifecyclePolicy.
 */
export const repositoryCheck: Check = {
  id: 'repository',
  category: 'Resource provisioning',
  needsAws: true,
  async run({ inputs, aws, signal }) {
    const name = inputs.repository ?? '';
    const sdk = await import('@aws-sdk/client-ecr');
    const { createClient, classifyAwsError, describeAwsError } = await import('@hoist/aws');
    const client = createClient(sdk.ECRClient, aws);
    const options = { abortSignal: signal };
    const [repository, lifecycle] = await Promise.allSettled([
      client.send(new sdk.DescribeRepositoriesCommand({ repositoryNames: [name] }), options),
      client.send(new sdk.GetLifecyclePolicyCommand({ repositoryName: name }), options),
    ]);
    if (signal.aborted) throw signal.reason;
    if (repository.status === 'rejected') {
      const e = classifyAwsError(repository.reason);
      if (e.kind === 'not-found') {
        return [
          f.warn(
            `${name} does not exist in ${aws.region}: build-push-multiarch will create it (scan on push on, MUTABLE tags unless tag-mutability says IMMUTABLE, AES256 encryption unless kms-key is given, and a lifecycle policy that expires untagged images).`,
            'nothing to do, unless you want other settings: create it yourself first (`aws ecr create-repository`), or set scan-on-push / tag-mutability / kms-key on build-push-multiarch.',
          ),
        ];
      }
      return [
        f.fail(
          `${name} could not be looked up (${describeAwsError(repository.reason)}).`,
          e.kind === 'permission'
            ? 'allow ecr:DescribeRepositories and ecr:GetLifecyclePolicy to the deploying identity.'
            : 'check network access to ECR and retry.',
        ),
      ];
    }
    const repo = repository.value.repositories?.[0];
    const scan = repo?.imageScanningConfiguration?.scanOnPush ? 'scan on push on' : 'scan on push off';
    const tags = `${repo?.imageTagMutability ?? 'MUTABLE'} tags`;
    let policy: string;
    if (lifecycle.status === 'fulfilled') policy = 'a lifecycle policy';
    // ECR says LifecyclePolicyNotFoundException with a 400.
    else if (/NotFound/.test(classifyAwsError(lifecycle.reason).name))
      policy = 'no lifecycle policy (build-push-multiarch will add one that expires untagged images)';
    else policy = `lifecycle policy unknown (${classifyAwsError(lifecycle.reason).name})`;
    const findings = [f.pass(`${repo?.repositoryUri ?? name}: ${scan}, ${tags}, ${policy}.`)];
    if (!repo?.imageScanningConfiguration?.scanOnPush)
      findings.push(
        f.warn(
          `${name} does not scan images on push: vulnerabilities in pushed images go unreported.`,
          `turn it on: \`aws ecr put-image-scanning-configuration --repository-name ${name} --image-scanning-configuration scanOnPush=true\`, or enable enhanced scanning for the registry.`,
        ),
      );
    return findings;
  },
};
