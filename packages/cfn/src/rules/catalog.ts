export type RuleLevel = 'error' | 'warning' | 'info';

export interface RuleInfo {
  level: RuleLevel;
  title: string;
}

/**
 * Every rule of the validator. H1 syntax and structure, H2 references, H3 resource data, H4 parameters and
 * parameter files, H5 limits and capabilities, H6 security and operations, H7 literal values CloudFormation
 * rejects, H9 CloudFormation's own ValidateTemplate. docs/actions/cfn-validate-rules.md lists them.
 */
export const RULES = {
  H1001: { level: 'error', title: 'YAML or JSON syntax error' },
  H1002: { level: 'error', title: 'Duplicate mapping key' },
  H1003: { level: 'error', title: 'Unknown YAML tag (not a CloudFormation intrinsic function)' },
  H1004: { level: 'error', title: 'YAML aliases expand too far (alias bomb) or refer to nothing' },
  H1010: { level: 'error', title: 'The template is not a mapping or has no Resources' },
  H1011: { level: 'error', title: 'Unknown top-level section' },
  H1012: { level: 'error', title: 'A resource without a Type, or not a mapping' },
  H1013: { level: 'error', title: 'Unknown resource attribute (a key beside Type/Properties/…)' },
  H1014: { level: 'error', title: 'Malformed intrinsic function' },
  H1015: { level: 'error', title: 'Invalid logical id' },
  H1016: { level: 'error', title: 'An output without a Value' },
  H1017: { level: 'error', title: 'A section or entry of the wrong shape' },
  H2001: { level: 'error', title: 'Ref to an undefined parameter or resource' },
  H2002: { level: 'error', title: 'GetAtt of an undefined resource' },
  H2003: { level: 'error', title: 'Sub variable naming nothing' },
  H2004: { level: 'error', title: 'DependsOn an undefined resource' },
  H2005: { level: 'error', title: 'Undefined condition' },
  H2006: { level: 'error', title: 'FindInMap of an undefined mapping or key' },
  H2007: { level: 'error', title: 'Circular dependency between resources' },
  H2008: { level: 'warning', title: 'Unused parameter' },
  H2009: { level: 'error', title: 'Ref to a resource inside Conditions' },
  H3001: { level: 'error', title: 'Unknown resource type' },
  H3002: { level: 'error', title: 'Unknown property' },
  H3003: { level: 'error', title: 'Missing required property' },
  H3004: { level: 'error', title: 'Value of the wrong shape' },
  H3005: { level: 'error', title: 'GetAtt of an attribute the resource type does not have' },
  H4001: { level: 'error', title: 'Parameter Default not in AllowedValues' },
  H4002: { level: 'error', title: 'Parameter Default does not match AllowedPattern' },
  H4003: { level: 'error', title: 'Parameter Default outside MinLength/MaxLength' },
  H4004: { level: 'error', title: 'Parameter Default outside MinValue/MaxValue' },
  H4005: { level: 'error', title: 'Unknown parameter Type' },
  H4010: { level: 'error', title: 'Parameters file: a key the template does not declare' },
  H4011: { level: 'error', title: 'Parameters file: no value for a parameter without Default' },
  H4012: { level: 'info', title: 'Deferred parameter: a later step supplies it' },
  H4013: { level: 'error', title: 'Parameters file: placeholder value' },
  H4014: { level: 'error', title: 'Parameters file: value breaks the parameter constraints' },
  H5001: { level: 'warning', title: 'Template body over 51,200 bytes: needs an S3 upload' },
  H5002: { level: 'error', title: 'Template body over 1 MB' },
  H5003: { level: 'error', title: 'More than 500 resources' },
  H5004: { level: 'error', title: 'More than 200 parameters' },
  H5005: { level: 'error', title: 'More than 200 outputs' },
  H5010: { level: 'info', title: 'Capabilities the deploy must acknowledge' },
  H6001: { level: 'warning', title: 'SSH/RDP open to the internet' },
  H6002: { level: 'warning', title: 'IMDSv2 not required' },
  H6003: { level: 'warning', title: 'Unencrypted EBS volume' },
  H6004: { level: 'info', title: 'S3 bucket without an explicit encryption configuration' },
  H6005: { level: 'warning', title: 'S3 bucket open to the public' },
  H6006: { level: 'warning', title: 'IAM policy allows every action on every resource' },
  H7001: { level: 'error', title: 'Invalid S3 bucket name' },
  H7002: { level: 'error', title: 'Value outside the allowed values of the property' },
  H9001: { level: 'error', title: "CloudFormation's ValidateTemplate rejected the template" },
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULES;

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(RULES, id);
}
