// Small-number suppression for the partnership's governance figures. A count of 1 to 4 about a
// place, an agency or a risk band can identify the people behind it, so it is withheld ("<5") from
// members who may not open the underlying cases.
//
// Who sees exact figures: panel chairs (they hear the cases), auditors (they audit every read and
// change) and partnership administrators (they own the partnership's returns to the CSP board).
// Everyone else with governance.read (panel members from partner agencies) sees suppressed figures:
// their need-to-know covers their own agency's and panels' cases, not the whole partnership's.
import type { Actor, Role } from '../access/policy';

/** Counts below this (and above zero) are withheld; the ONS and NHS Digital convention for small cells. */
export const SMALL_NUMBER_THRESHOLD = 5;

const SEES_EXACT_FIGURES: readonly Role[] = ['PANEL_CHAIR', 'AUDITOR', 'PARTNERSHIP_ADMIN'];

export function suppressionApplies(actor: Pick<Actor, 'roles'>): boolean {
  return !actor.roles.some((role) => SEES_EXACT_FIGURES.includes(role));
}

/** A count, or null with suppressed set when it is small enough to identify someone. */
export interface Cell {
  value: number | null;
  suppressed: boolean;
  /** Withheld not for being small but because published figures would give away one that is. */
  secondary?: true;
}

export function isSmall(n: number): boolean {
  return n > 0 && n < SMALL_NUMBER_THRESHOLD;
}

export function countCell(n: number, suppress: boolean): Cell {
  return suppress && isSmall(n) ? { value: null, suppressed: true } : { value: n, suppressed: false };
}

/**
 * A proportion (0 to 1, rounded to 3 places) of `of`. Withheld when its base is small, because a
 * rate of 1 in 3 discloses as much as the counts; null when there is nothing to divide.
 */
export function rateCell(part: number, of: number, suppress: boolean): Cell {
  if (of === 0) return { value: null, suppressed: false };
  if (suppress && isSmall(of)) return { value: null, suppressed: true };
  return { value: Math.round((part / of) * 1000) / 1000, suppressed: false };
}

/** The median of `values`, withheld like a rate when it rests on fewer than five. */
export function medianCell(values: readonly number[], suppress: boolean): Cell {
  if (values.length === 0) return { value: null, suppressed: false };
  if (suppress && isSmall(values.length)) return { value: null, suppressed: true };
  return { value: median(values), suppressed: false };
}

/** How many of a number were seen: a histogram row, as the database counts them. */
export interface Tally {
  value: number;
  count: number;
}

/** `medianCell` of the values a tally stands for, without spelling them out one by one. */
export function tallyMedianCell(tally: readonly Tally[], suppress: boolean): Cell {
  const n = tally.reduce((sum, row) => sum + row.count, 0);
  if (n === 0) return { value: null, suppressed: false };
  if (suppress && isSmall(n)) return { value: null, suppressed: true };
  const sorted = tally.filter((row) => row.count > 0).sort((a, b) => a.value - b.value);
  /** The value at 0-based position `index` of the sorted values. */
  const at = (index: number): number => {
    let seen = 0;
    for (const row of sorted) {
      seen += row.count;
      if (index < seen) return row.value;
    }
    throw new RangeError(`No value at position ${index} of ${n}.`);
  };
  const middle = Math.floor(n / 2);
  return { value: n % 2 === 1 ? at(middle) : (at(middle - 1) + at(middle)) / 2, suppressed: false };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** How a cell reads in a table or a CSV: "<5" when small, "withheld" when derivable, "" when there is no value. */
export function cellText(cell: Cell): string {
  if (cell.secondary) return 'withheld';
  if (cell.suppressed) return `<${SMALL_NUMBER_THRESHOLD}`;
  return cell.value === null ? '' : String(cell.value);
}
