import type * as CfnModule from '@hoist/cfn';
import type { Node, Position, Template } from '@hoist/cfn';
import type { Finding } from '@hoist/kit';
import { relativePath } from '../project.js';
import { findingsOf, type Check } from './check.js';

const f = findingsOf('health-check');

/** Protocols whose health checks have no path (network load balancers, Lambda targets). */
const PATHLESS = new Set(['TCP', 'TLS', 'UDP', 'TCP_UDP', 'GENEVE']);

/**
 * The gaps analysis' `/health` vs `/api/v1/health` mismatch: the ALB target groups of the template check the path
 * the service answers on (`health-check-path`), and so do the containers' own health checks.
 */
export const healthCheckCheck: Check = {
  id: 'health-check',
  category: 'Capacity planning',
  needsAws: false,
  async run({ project, inputs }) {
    const template = project.template;
    if (!template?.root) return [f.skip('the template could not be read: see the template check.')];
    const expected = inputs['health-check-path'] ?? '/';
    const cfn = await import('@hoist/cfn');
    const file = relativePath(template.file ?? '');
    const at = (pos: Position) => ({ position: { file, line: pos.line, column: pos.column } });
    const resolve = (node: Node | undefined) => resolveText(cfn, node, project.parameterValues);
    const findings: Finding[] = [];
    let targetGroups = 0;
    for (const r of template.resources.values()) {
      if (r.type !== 'AWS::ElasticLoadBalancingV2::TargetGroup') continue;
      const protocol =
        resolve(cfn.get(r.properties, 'HealthCheckProtocol')) ?? resolve(cfn.get(r.properties, 'Protocol'));
      if (resolve(cfn.get(r.properties, 'TargetType')) === 'lambda' || (protocol && PATHLESS.has(protocol))) continue;
      targetGroups += 1;
      const node = cfn.get(r.properties, 'HealthCheckPath');
      if (!node) {
        findings.push(
          expected === '/'
            ? f.pass(`${r.logicalId} checks / (the default), as health-check-path says.`, at(r.pos))
            : f.fail(
                `${r.logicalId} has no HealthCheckPath, so the load balancer checks / — the service answers health checks on ${expected}.`,
                `add \`HealthCheckPath: ${expected}\` to ${r.logicalId}.`,
                at(r.pos),
              ),
        );
        continue;
      }
      const actual = resolve(node);
      if (actual === undefined) {
        findings.push(
          f.warn(
            `${r.logicalId}'s HealthCheckPath cannot be worked out before deploy (an intrinsic function hoist does not resolve).`,
            `make sure it resolves to ${expected}.`,
            at(node.pos),
          ),
        );
      } else if (actual === expected) {
        findings.push(f.pass(`${r.logicalId} checks ${actual}, as health-check-path says.`, at(node.pos)));
      } else {
        findings.push(
          f.fail(
            `${r.logicalId} checks ${actual}, but the service answers health checks on ${expected}: targets will be marked unhealthy and replaced in a loop.`,
            `set HealthCheckPath to ${expected} (or correct health-check-path).`,
            at(node.pos),
          ),
        );
      }
    }
    findings.push(...containerHealthChecks(cfn, template, expected, at));
    if (targetGroups === 0 && findings.length === 0)
      return [f.skip('the template has no load balancer target group or container health check to compare.')];
    return findings;
  },
};

type Cfn = typeof CfnModule;

/** The text a node will have at deploy: a literal, a Ref to a parameter, or a Sub of parameters. */
function resolveText(cfn: Cfn, node: Node | undefined, values: Readonly<Record<string, string>>): string | undefined {
  if (!node) return undefined;
  const literal = cfn.text(node);
  if (literal !== undefined) return literal;
  const fn = cfn.intrinsic(node);
  if (fn?.name === 'Ref') {
    const name = cfn.text(fn.arg);
    return name !== undefined && Object.hasOwn(values, name) ? values[name] : undefined;
  }
  if (fn?.name === 'Fn::Sub') {
    const body = cfn.text(fn.arg);
    if (body === undefined) return undefined;
    let unresolved = false;
    const out = body.replace(/\$\{([^}!]*)\}/g, (_, name: string) => {
      const v = values[name.trim()];
      if (v === undefined) unresolved = true;
      return v ?? '';
    });
    return unresolved ? undefined : out;
  }
  return undefined;
}

/** ECS containers whose own health check calls a URL on another path. */
function containerHealthChecks(
  cfn: Cfn,
  template: Template,
  expected: string,
  at: (pos: Position) => Partial<Finding>,
): Finding[] {
  const findings: Finding[] = [];
  for (const r of template.resources.values()) {
    if (r.type !== 'AWS::ECS::TaskDefinition') continue;
    const containers = cfn.get(r.properties, 'ContainerDefinitions');
    if (containers?.kind !== 'seq') continue;
    for (const container of containers.items) {
      const name = cfn.text(cfn.get(container, 'Name')) ?? 'a container';
      const command = cfn.get(cfn.get(container, 'HealthCheck'), 'Command');
      const parts = command?.kind === 'seq' ? command.items.map((i) => cfn.text(i) ?? '') : [];
      const url = /https?:\/\/[^/\s'"]+(\/[^\s'"|;&)]*)?/.exec(parts.join(' '));
      if (!url || !command) continue;
      const path = (url[1] ?? '/').replace(/\?.*$/, '');
      findings.push(
        path === expected
          ? f.pass(`${r.logicalId}/${name}: the container health check calls ${path}.`, at(command.pos))
          : f.warn(
              `${r.logicalId}/${name}: the container health check calls ${path}, but the service answers on ${expected}: ECS will replace healthy tasks.`,
              `call ${expected} in the HealthCheck Command.`,
              at(command.pos),
            ),
      );
    }
  }
  return findings;
}
