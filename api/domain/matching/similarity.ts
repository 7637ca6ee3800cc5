// Jaro-Winkler string similarity (Winkler 1990), the usual choice for matching personal names:
// it forgives transposed and dropped letters and rewards a shared start, where typing errors are rarest.

const WINKLER_PREFIX_SCALE = 0.1;
const WINKLER_MAX_PREFIX = 4;

/** Jaro similarity from 0 (nothing in common) to 1 (identical). Two empty strings are identical. */
export function jaro(a: string, b: string): number {
  if (a === b) return 1;
  const s = [...a];
  const t = [...b];
  if (s.length === 0 || t.length === 0) return 0;

  const window = Math.max(0, Math.floor(Math.max(s.length, t.length) / 2) - 1);
  const sMatched = new Array<boolean>(s.length).fill(false);
  const tMatched = new Array<boolean>(t.length).fill(false);
  let matches = 0;
  s.forEach((char, i) => {
    const end = Math.min(i + window + 1, t.length);
    for (let j = Math.max(0, i - window); j < end; j += 1) {
      if (!tMatched[j] && t[j] === char) {
        sMatched[i] = true;
        tMatched[j] = true;
        matches += 1;
        return;
      }
    }
  });
  if (matches === 0) return 0;

  // Matched characters taken in order from each string; each pair out of place is half a transposition.
  const sInOrder = s.filter((_, i) => sMatched[i]);
  const tInOrder = t.filter((_, j) => tMatched[j]);
  const halfTranspositions = sInOrder.filter((char, k) => char !== tInOrder[k]).length;
  const transpositions = halfTranspositions / 2;

  return (matches / s.length + matches / t.length + (matches - transpositions) / matches) / 3;
}

export function jaroWinkler(a: string, b: string): number {
  const similarity = jaro(a, b);
  let prefix = 0;
  while (prefix < WINKLER_MAX_PREFIX && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix += 1;
  return similarity + prefix * WINKLER_PREFIX_SCALE * (1 - similarity);
}
