// The order a panel reads its outstanding actions in: the most overdue first, or the riskiest cases
// first with the most overdue of each band at the top. Pure, so the list and any export agree.
import type { CalendarDate } from '../agenda/calendar-date';

export type ActionSort = 'due' | 'risk';

export interface OrderedAction {
  title: string;
  dueDate: CalendarDate;
  /** The case's current band; a case not yet assessed comes after every band. */
  riskBand: 'LOW' | 'MEDIUM' | 'HIGH' | null;
}

const RISK_RANK: Record<'HIGH' | 'MEDIUM' | 'LOW', number> = { HIGH: 0, MEDIUM: 1, LOW: 2 };
const riskRank = (band: OrderedAction['riskBand']) => (band === null ? 3 : RISK_RANK[band]);

/** Due date first (oldest at the top), or highest risk first with the due date breaking ties; then by title. */
export function compareActions(sort: ActionSort) {
  return (a: OrderedAction, b: OrderedAction): number => {
    if (sort === 'risk') {
      const byRisk = riskRank(a.riskBand) - riskRank(b.riskBand);
      if (byRisk !== 0) return byRisk;
    }
    if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
    return a.title.localeCompare(b.title, 'en-GB');
  };
}
