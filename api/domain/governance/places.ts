// Vulnerable localities and hotspots: incidents and new cases by ward and month, the heat table a
// problem-solving forum reads to decide where to look. Pure: the service loads the facts.
import { addMonths, type CalendarDate } from '../agenda/calendar-date';
import { countCell, median, type Cell } from './suppression';
import type { Period } from './figures';

export interface PlaceIncidentFact {
  area: string;
  occurredOn: CalendarDate;
}

export interface PlaceCaseFact {
  /** Every ward the case's locations lie in: a case about two addresses counts in both wards. */
  areas: readonly string[];
  openedOn: CalendarDate;
}

export interface AreaRow {
  area: string;
  incidents: Cell[];
  cases: Cell[];
  incidentsTotal: Cell;
  casesTotal: Cell;
  /** At least twice the incidents of the median area, and at least five: where to look first. */
  hotspot: boolean;
}

export interface PlacesHeatTable {
  period: Period;
  suppressed: boolean;
  /** Calendar months the period touches, as "YYYY-MM". */
  months: string[];
  areas: AreaRow[];
}

/** Longer than two years is not a heat table anyone can read in a side panel or a board paper. */
export const MAX_MONTHS = 24;

export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  for (let day = `${period.from.slice(0, 7)}-01`; day.slice(0, 7) <= period.to.slice(0, 7); day = addMonths(day, 1))
    months.push(day.slice(0, 7));
  return months;
}

export function placesHeatTable(
  incidents: readonly PlaceIncidentFact[],
  cases: readonly PlaceCaseFact[],
  period: Period,
  suppress: boolean,
): PlacesHeatTable {
  const months = monthsOf(period);
  const inPeriod = (day: CalendarDate) => day >= period.from && day <= period.to;
  const grid = new Map<string, { incidents: number[]; cases: number[] }>();
  const rowFor = (area: string) => {
    let row = grid.get(area);
    if (!row) grid.set(area, (row = { incidents: months.map(() => 0), cases: months.map(() => 0) }));
    return row;
  };
  for (const incident of incidents) {
    if (!inPeriod(incident.occurredOn)) continue;
    rowFor(incident.area).incidents[months.indexOf(incident.occurredOn.slice(0, 7))]! += 1;
  }
  for (const kase of cases) {
    if (!inPeriod(kase.openedOn)) continue;
    for (const area of new Set(kase.areas)) rowFor(area).cases[months.indexOf(kase.openedOn.slice(0, 7))]! += 1;
  }
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const totals = [...grid.values()].map((row) => sum(row.incidents));
  const typical = totals.length > 0 ? median(totals) : 0;
  return {
    period,
    suppressed: suppress,
    months,
    areas: [...grid.entries()]
      .map(([area, row]) => ({ area, row, incidents: sum(row.incidents), cases: sum(row.cases) }))
      .sort((a, b) => b.incidents - a.incidents || b.cases - a.cases || a.area.localeCompare(b.area))
      .map(({ area, row, incidents: incidentTotal, cases: caseTotal }) => ({
        area,
        incidents: row.incidents.map((n) => countCell(n, suppress)),
        cases: row.cases.map((n) => countCell(n, suppress)),
        incidentsTotal: countCell(incidentTotal, suppress),
        casesTotal: countCell(caseTotal, suppress),
        hotspot: incidentTotal >= 5 && incidentTotal >= 2 * typical,
      })),
  };
}
