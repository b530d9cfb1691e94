import type { QuotaScope } from './catalog.js';
import type { NeedSource } from './needs.js';

/** The figures of a per-zone or per-cluster quota for its row: the zone or cluster that ends up fullest. */
export interface ScopedFigures {
  usage: number;
  need: number;
  /** Which zone or cluster the figures are of, e.g. `us-east-1a`, `cluster app`. */
  scope?: string;
  /** Said in the finding when some of the need could not be placed: it is counted in every zone or cluster. */
  note?: string;
}

const NOUN: Record<Exclude<QuotaScope, 'region'>, string> = {
  'availability-zone': 'Availability Zone',
  cluster: 'cluster',
};

/**
 * Compares a per-zone or per-cluster quota zone by zone: each place the template puts something gets that place's
 * usage plus what lands there. What the template does not place (a subnet from a parameter, a cluster known only at
 * deploy time) could land anywhere, so it is added to every place, the fullest included. A `distinct` zone (the
 * n-th of Fn::GetAZs) may be one that the template also names: when both kinds appear, it is treated as unplaced.
 */
export function worstScope(
  scope: Exclude<QuotaScope, 'region'>,
  sources: readonly NeedSource[],
  fullest: number,
  perScope: ReadonlyMap<string, number> | undefined,
): ScopedFigures {
  const named = sources.some((s) => s.scope?.kind === 'named');
  const places = new Map<string, { label: string; usage: number; need: number }>();
  const unplaced: string[] = [];
  let unplacedNeed = 0;
  for (const source of sources) {
    const where = source.scope;
    if (!where || (where.kind === 'distinct' && named)) {
      unplaced.push(source.logicalId);
      unplacedNeed += source.amount;
      continue;
    }
    const usage = where.kind === 'named' ? (perScope?.get(where.id) ?? 0) : where.kind === 'new' ? 0 : fullest;
    const place = places.get(where.id) ?? { label: where.label, usage, need: 0 };
    place.need += source.amount;
    places.set(where.id, place);
  }
  const candidates: ScopedFigures[] = [...places.values()].map((p) => ({
    usage: p.usage,
    need: p.need + unplacedNeed,
    scope: p.label,
  }));
  if (places.size === 0 || unplacedNeed > 0) {
    const label = [...(perScope ?? [])].find(([, n]) => n === fullest)?.[0];
    candidates.push({
      usage: fullest,
      need: unplacedNeed,
      ...(label !== undefined && fullest > 0 ? { scope: `${NOUN[scope]} ${label}, the fullest` } : {}),
    });
  }
  const worst = candidates.reduce((a, b) =>
    b.usage + b.need > a.usage + a.need || (b.usage + b.need === a.usage + a.need && b.need > a.need) ? b : a,
  );
  if (unplaced.length === 0) return worst;
  const what = scope === 'cluster' ? 'the cluster of' : 'the Availability Zone of';
  return {
    ...worst,
    note: `The template does not say ${what} ${unplaced.join(', ')}: counted in every ${NOUN[scope]}, the fullest included.`,
  };
}
