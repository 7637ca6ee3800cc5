// How a figure from the API is written: withheld small numbers say so in words.
import type { Cell } from '../api/governance';

export const WITHHELD = 'fewer than 5';

export function countText(cell: Cell): string {
  // A secondary withholding is not a small number: it hides a figure that would give one away.
  if (cell.suppressed) return cell.secondary ? 'withheld' : WITHHELD;
  return cell.value === null ? '—' : cell.value.toLocaleString('en-GB');
}

export function rateText(cell: Cell): string {
  if (cell.suppressed) return 'withheld';
  return cell.value === null ? '—' : `${Math.round(cell.value * 1000) / 10}%`;
}

export function daysText(cell: Cell): string {
  if (cell.suppressed) return 'withheld';
  return cell.value === null ? '—' : `${cell.value} ${cell.value === 1 ? 'day' : 'days'}`;
}

/** For sorting and charts: a withheld or missing figure has no value to plot. */
export const plotted = (cell: Cell): number | null => (cell.suppressed ? null : cell.value);
