import { ROUTES, type ShipSettings } from '@hoist/chain';
import { getBoolean, getEnum, getList, getString, InputError, type InputSource } from '@hoist/kit';

/** An image by digest: `<registry>/<repository>@sha256:<64 hex>`. */
const BY_DIGEST = /^[a-z0-9][a-z0-9.-]*(?::[0-9]+)?\/[a-z0-9][a-z0-9._/-]*@sha256:[a-f0-9]{64}$/;
/** A value a CloudFormation stack tag may hold. */
const TAG_VALUE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,256}$/u;
const PARAMETER_NAME = /^[A-Za-z0-9]{1,255}$/;
/** Inputs whose value is masked as soon as ship reads it. */
export const SECRET_INPUTS = new Set(['github-token']);

/** ship's own inputs; the pass-through ones are checked by the steps they go to, before anything runs. */
export function getInputs(source: InputSource): ShipSettings {
  const stackName = getString('stack-name', { source, required: true });
  const template = getString('template', { source, required: true });
  const image = getString('image', { source });
  if (image !== undefined && !BY_DIGEST.test(image)) {
    throw new InputError(
      'image',
      image,
      'an image by digest, `<registry>/<repository>@sha256:<64 hex>`',
      'give the `image-uri` output of an earlier build-push-multiarch, or leave `image` empty to build.',
    );
  }
  const execute = getBoolean('execute', { source, default: true });
  const repository = getString('repository', { source });
  if (repository === undefined && image === undefined && execute) {
    throw new InputError(
      'repository',
      undefined,
      'the ECR repository to push the image to (or `image`, to deploy an image already built)',
      'add `repository: <name>` under the step’s `with:`, e.g. `repository: ray-worker`.',
    );
  }
  const environment = getString('environment', { source });
  if (environment !== undefined && !TAG_VALUE.test(environment)) {
    throw new InputError('environment', environment, 'a short label such as `dev` or `prod` (it becomes a stack tag)');
  }
  const imageParameter = getString('image-parameter', { source, default: 'ImageUri' }) ?? 'ImageUri';
  if (!PARAMETER_NAME.test(imageParameter)) {
    throw new InputError('image-parameter', imageParameter, 'a template parameter name (letters and digits)');
  }
  const deferred = getList('deferred-parameters', { source });
  for (const name of deferred) {
    if (!PARAMETER_NAME.test(name))
      throw new InputError(
        'deferred-parameters',
        name,
        'template parameter names (letters and digits), comma separated',
      );
  }
  const pass: Record<string, string> = {};
  for (const name of Object.keys(ROUTES)) {
    const value = getString(name, { source, secret: SECRET_INPUTS.has(name) });
    if (value !== undefined) pass[name] = value;
  }
  return {
    'stack-name': stackName,
    template,
    parameters: getString('parameters', { source }),
    repository,
    image,
    'image-parameter': imageParameter,
    'deferred-parameters': deferred,
    secrets: getString('secrets', { source }),
    'parameter-overrides': getString('parameter-overrides', { source }),
    environment,
    execute,
    rollback: getEnum('rollback', ['auto', 'never'] as const, { source, default: 'auto' }),
    pass,
  };
}
