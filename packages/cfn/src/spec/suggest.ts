/**
 * "Did you mean": the candidate closest to `name`, or undefined when none is close enough.
 * A case-insensitive exact match wins; otherwise the smallest Damerau-Levenshtein distance (case-insensitive,
 * ties to the earlier candidate) within a cutoff that grows with the length of the last `::` segment of `name`
 * (`AWS::EC2::Instanse` is judged on `Instanse`, so a shared `AWS::EC2::` prefix does not make anything close).
 */
export function suggest(name: string, candidates: Iterable<string>): string | undefined {
  const wanted = name.toLowerCase();
  const separator = name.lastIndexOf('::');
  const segment = separator < 0 ? name : name.slice(separator + 2);
  const cutoff = Math.max(1, Math.floor(segment.length / 3));
  let best: string | undefined;
  let bestDistance = cutoff + 1;
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    if (lower === wanted) return candidate;
    if (Math.abs(lower.length - wanted.length) >= bestDistance) continue;
    const distance = editDistance(wanted, lower, bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Optimal-string-alignment distance (insertions, deletions, substitutions, adjacent transpositions), giving up
 * with `limit` as soon as every alignment of the prefix costs at least that much.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  const width = b.length + 1;
  let beforePrevious = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, j) => j);
  let current = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (beforePrevious[j - 2] as number) + 1);
      }
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum >= limit) return limit;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return previous[b.length] as number;
}
