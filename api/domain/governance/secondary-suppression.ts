// Secondary suppression: withholding a small count is not enough when the figures published beside
// it let a reader work it out. A count is recomputable from a rate and its base (completed = set ×
// completion rate), from a total less the other parts of its breakdown, or as the same number
// shown in another breakdown (a total with one part). Every such relation is listed here, and cells
// are withheld until each relation leaves either nothing or at least two things unknown.
import type { Cell } from './suppression';

/** total = the sum of parts (a breakdown with its total, or the same number shown twice). */
export interface SumRelation {
  kind: 'sum';
  label: string;
  total: Cell;
  parts: Cell[];
}

/** rate = part / base, rounded to three places. */
export interface RateRelation {
  kind: 'rate';
  label: string;
  rate: Cell;
  part: Cell;
  base: Cell;
}

export type Relation = SumRelation | RateRelation;

const withhold = (cell: Cell) => {
  cell.value = null;
  cell.suppressed = true;
  cell.secondary = true;
};

/**
 * Withholds cells (in place) until no relation gives away a withheld one. The complement withheld
 * in a breakdown is its smallest published non-zero part, else the total: the least information lost.
 */
export function suppressDerivable(relations: readonly Relation[]): void {
  for (let changed = true; changed;) {
    changed = false;
    for (const relation of relations) {
      if (relation.kind === 'rate') {
        // Any two of rate, part and base give the third; a withheld part or base takes the rate with it.
        if (!relation.rate.suppressed && relation.rate.value !== null && (relation.part.suppressed || relation.base.suppressed)) {
          withhold(relation.rate);
          changed = true;
        }
        continue;
      }
      const cells = [relation.total, ...relation.parts];
      if (cells.filter((cell) => cell.suppressed).length !== 1) continue;
      const complement =
        [...relation.parts]
          .filter((cell) => !cell.suppressed && cell.value !== null && cell.value > 0)
          .sort((a, b) => a.value! - b.value!)[0] ??
        (!relation.total.suppressed && relation.total.value !== null && relation.total.value > 0 ? relation.total : undefined);
      if (complement) {
        withhold(complement);
        changed = true;
      }
    }
  }
}
