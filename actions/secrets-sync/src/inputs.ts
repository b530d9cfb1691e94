import { checkNamePrefix, fullSecretName, parseSecretsSpec, parseTagsInput, type SecretSpec } from '@hoist/aws';
import { readParametersFile, type ParametersFile } from '@hoist/cfn/parameters-file';
import { getBoolean, getEnum, getPath, getString, InputError, type InputSource } from '@hoist/kit';

export const MODES = ['create-only', 'upsert', 'dry-run'] as const;
export type Mode = (typeof MODES)[number];

/** A secret of the mapping with the name it has in AWS. */
export interface SecretEntry extends SecretSpec {
  /** `name-prefix` + name. */
  fullName: string;
}

export interface Inputs {
  secrets: SecretEntry[];
  mode: Mode;
  /** The file as read (checked before any AWS call), and the path as the user wrote it. */
  'parameters-file': { given: string; file: ParametersFile } | undefined;
  'kms-key-id': string | undefined;
  tags: Record<string, string>;
  'name-prefix': string;
  'restore-deleted': boolean;
  region: string | undefined;
}

/** Every input, checked; no value of a secret is read here, only the names of the variables that hold them. */
export function getInputs(source: InputSource): Inputs {
  const mode = getEnum('mode', MODES, { source, default: 'create-only' });
  const prefix = checkNamePrefix(getString('name-prefix', { source }) ?? '');
  const specs = parseSecretsSpec(getString('secrets', { source, required: true }));
  const secrets = specs.map((spec) => ({ ...spec, fullName: fullSecretName(prefix, spec.name) }));
  const parametersPath = getPath('parameters-file', { source, kind: 'file' });
  let parametersFile: Inputs['parameters-file'];
  if (parametersPath !== undefined) {
    const given = getString('parameters-file', { source }) ?? parametersPath;
    if (!secrets.some((s) => s.parameter !== undefined)) {
      throw new InputError(
        'parameters-file',
        given,
        'a file to receive ARNs, but no secret names a `parameter`',
        'add `parameter: <TemplateParameter>` to the secrets whose ARN the template takes, or drop parameters-file.',
      );
    }
    parametersFile = { given, file: readParametersFile(parametersPath) };
  }
  return {
    secrets,
    mode,
    'parameters-file': parametersFile,
    'kms-key-id': getString('kms-key-id', { source }),
    tags: parseTagsInput(getString('tags', { source }) ?? ''),
    'name-prefix': prefix,
    'restore-deleted': getBoolean('restore-deleted', { source, default: false }),
    region: getString('region', { source }),
  };
}
