import { get, intrinsic, text, type Node } from '../nodes.js';
import { subVariables } from '../template.js';
import type { RuleContext } from '../validate.js';

/**
 * Why a name is not a valid S3 bucket name (general purpose buckets), or undefined when it is valid: 3–63
 * characters; lowercase letters, digits, hyphens and dots; starts and ends with a letter or digit; no `..`; not an
 * IP address; no `xn--`/`sthree-` prefix; no `-s3alias`/`--ol-s3`/`.mrap`/`--x-s3` suffix.
 */
export function bucketNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 63) return `it is ${name.length} characters long (3 to 63 allowed)`;
  if (/[A-Z]/.test(name)) return 'it has uppercase letters (only lowercase allowed)';
  if (name.includes('_')) return "it has an underscore '_' (use hyphens)";
  if (!/^[a-z0-9.-]+$/.test(name)) return 'it has characters other than lowercase letters, digits, hyphens and dots';
  if (!/^[a-z0-9]/.test(name) || !/[a-z0-9]$/.test(name)) return 'it must start and end with a letter or digit';
  if (name.includes('..')) return "it has two adjacent dots '..'";
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) return 'it is formatted as an IP address';
  if (/^(xn--|sthree-|amzn-s3-demo-)/.test(name))
    return 'it starts with a reserved prefix (xn--, sthree-, amzn-s3-demo-)';
  if (/(-s3alias|--ol-s3|\.mrap|--x-s3|--table-s3)$/.test(name))
    return 'it ends with a reserved suffix (-s3alias, --ol-s3, .mrap, --x-s3)';
  return undefined;
}

/** The literal text of a Sub template with its variables removed: what CloudFormation keeps as written. */
function literalParts(body: string): string {
  let out = '';
  let last = 0;
  for (const v of subVariables(body)) {
    out += body.slice(last, v.index);
    last = body.indexOf('}', v.index) + 1;
  }
  return out + body.slice(last);
}

/** H7001: S3 bucket names CloudFormation would reject, literal, partly literal (Sub), or from a parameter value. */
export function checkLiterals(context: RuleContext): void {
  const { template, report, options } = context;
  const fix = 'use 3–63 lowercase letters, digits and hyphens (e.g. my-app-artifacts-prod).';
  for (const r of template.resources.values()) {
    if (r.type !== 'AWS::S3::Bucket') continue;
    const node: Node | undefined = get(r.properties, 'BucketName');
    if (!node) continue;
    const fn = intrinsic(node);
    if (!fn) {
      const name = text(node);
      const problem = name === undefined ? undefined : bucketNameProblem(name);
      if (problem)
        report(
          'H7001',
          node.pos,
          `BucketName '${name}' of ${r.logicalId} is not a valid S3 bucket name: ${problem}.`,
          fix,
        );
      continue;
    }
    if (fn.name === 'Fn::Sub') {
      const body = fn.arg.kind === 'seq' ? text(fn.arg.items[0]) : text(fn.arg);
      const literal = body === undefined ? '' : literalParts(body);
      const bad = /[A-Z_]/.exec(literal);
      if (bad) {
        report(
          'H7001',
          node.pos,
          `BucketName of ${r.logicalId} contains '${bad[0]}' in its literal text (${body}): S3 bucket names are lowercase, without '_'.`,
          fix,
        );
      }
      continue;
    }
    if (fn.name === 'Ref') {
      const parameterName = text(fn.arg) ?? '';
      const parameter = template.parameters.get(parameterName);
      if (!parameter) continue;
      const entry = options.parameters?.entries.find((e) => e.key === parameterName && e.value !== undefined);
      const value = entry?.value ?? parameter.default;
      if (value === undefined || value === '') continue;
      const problem = bucketNameProblem(value);
      if (!problem) continue;
      const message = `Parameter ${parameterName} ('${value}') names bucket ${r.logicalId} but is not a valid S3 bucket name: ${problem}.`;
      if (entry) report('H7001', entry.valuePos, message, fix, options.parameters?.path);
      else report('H7001', parameter.defaultNode?.pos ?? parameter.pos, message, fix);
    }
  }
}
