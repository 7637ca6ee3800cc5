// The governance figures as one long CSV (section, group, measure, value) that a board paper or a
// spreadsheet pivot takes as it is. Withheld cells read "<5", exactly as the tab shows them.
import type { GovernanceFigures, ActionDelivery } from './figures';
import { cellText, type Cell } from './suppression';

type Row = [section: string, group: string, measure: string, value: string];

const DELIVERY_MEASURES: Array<[keyof ActionDelivery, string]> = [
  ['set', 'actions set'],
  ['completed', 'actions completed'],
  ['completionRate', 'completion rate'],
  ['medianDaysToComplete', 'median days to complete'],
  ['overdue', 'overdue'],
];

export function governanceRows(figures: GovernanceFigures): Row[] {
  const rows: Row[] = [];
  const add = (section: string, group: string, measure: string, cell: Cell) => rows.push([section, group, measure, cellText(cell)]);
  for (const row of figures.actionsByAgency)
    for (const [key, measure] of DELIVERY_MEASURES) add('Actions by agency', row.agency.name, measure, row[key]);
  for (const [key, measure] of DELIVERY_MEASURES) add('Actions by agency', 'All agencies', measure, figures.actionTotals[key]);
  for (const row of figures.casesByRiskBand) add('Cases by risk band', row.band, 'cases', row.cases);
  for (const [measure, cell] of Object.entries(figures.riskChange))
    add('Risk change from referral to closure', 'Closed cases', measure, cell);
  for (const row of figures.toolsAndPowers) add('Tools and powers used', row.name, 'used', row.used);
  for (const row of figures.referralsBySourceAgency) add('Referrals by source agency', row.agency.name, 'referrals', row.referrals);
  for (const [measure, cell] of Object.entries(figures.repeatReferrals)) add('Repeat referrals', 'All referrals', measure, cell);
  return rows;
}

/** RFC 4180: fields quoted when they hold a comma, quote or line break; CRLF line ends. */
export function governanceCsv(figures: GovernanceFigures): string {
  const lines = [['section', 'group', 'measure', 'value'], ...governanceRows(figures)].map((fields) => fields.map(csvField).join(','));
  return lines.join('\r\n') + '\r\n';
}

export function csvField(value: string): string {
  // A leading =, +, - or @ would run as a formula in a spreadsheet (CSV injection): agency names are user-entered.
  const safe = /^[=+\-@]/.test(value) && Number.isNaN(Number(value)) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
