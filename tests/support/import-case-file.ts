// Fictional case files in the shape existing systems export (one row per case with its victim,
// perpetrator and address), for the import tests, the import bench and examples/import/. Names are
// built from the demo's made-up parts; postcodes are in the ZX area, which does not exist.

export const ECINS_HEADERS = [
  'Case Ref',
  'Case Type',
  'Status',
  'Date Opened',
  'Lead Agency',
  'Risk Level',
  'Summary',
  'Victim Ref',
  'Victim Forename',
  'Victim Surname',
  'Victim DOB',
  'Perpetrator Ref',
  'Perpetrator Forename',
  'Perpetrator Surname',
  'Perpetrator DOB',
  'Address Id',
  'Address Line 1',
  'Town',
  'Postcode',
  'Ward',
] as const;

const GIVEN = ['Alys', 'Bram', 'Cerys', 'Dafydd', 'Elin', 'Ffion', 'Gethin', 'Heledd', 'Iolo', 'Jory', 'Kenow', 'Lowenna'];
const FAMILY = ['Brackenby', 'Corvell', 'Dunmore', 'Elsworthy', 'Fenwright', 'Gorsley', 'Hollinby', 'Ivesdale', 'Jessop-Vane'];
const STREETS = ['Tanner Row', 'Kiln Lane', 'Weaver Close', 'Mill Race', 'Chapel Yard', 'Orchard Rise', 'Ferry Walk'];
const WARDS = ['Fernbrook Central', 'Fernbrook North', 'Riverside', 'Old Town'];
const KINDS = ['Victim', 'Victim', 'Perpetrator', 'Location'];
const RISKS = ['High', 'Medium', 'Low'];

function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length]!;
}

function isoDate(base: number, offsetDays: number): string {
  return new Date(base - offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/**
 * `count` cases, each with distinct people and an address, all ids derived from the row number so the
 * same count always gives the same file. `agencies` are the lead agencies' names, used in turn.
 */
export function exampleCaseRows(count: number, agencies: readonly string[], today = '2026-11-02'): string[][] {
  const base = Date.parse(`${today}T00:00:00Z`);
  const rows: string[][] = [];
  for (let i = 1; i <= count; i++) {
    const kind = pick(KINDS, i);
    const n = String(i).padStart(5, '0');
    const person = (prefix: string, salt: number) => [
      `${prefix}-${n}`,
      pick(GIVEN, i * 7 + salt),
      `${pick(FAMILY, i * 5 + salt)}${Math.floor(i / 60) || ''}`,
      isoDate(base, 6000 + ((i * 37 + salt * 11) % 15000)),
    ];
    const none = ['', '', '', ''];
    const victim = kind === 'Victim' ? person('V', 1) : none;
    const perpetrator = kind === 'Perpetrator' || i % 3 === 0 ? person('P', 2) : none;
    rows.push([
      `C-${n}`,
      kind,
      i % 10 === 0 ? 'Lead agency casework' : 'Open',
      isoDate(base, 1 + (i % 700)),
      pick(agencies, i),
      pick(RISKS, i),
      `${kind === 'Location' ? 'Repeated nuisance at the address' : 'Reported harassment and noise'} (example ${i})`,
      ...victim,
      ...perpetrator,
      `L-${n}`,
      `${(i % 180) + 1} ${pick(STREETS, Math.floor(i / 180))}`,
      'Fernbrook',
      `ZX${(i % 9) + 1} ${(i % 9) + 1}${pick(['AB', 'DE', 'FG', 'HJ'], i)}`,
      pick(WARDS, i),
    ]);
  }
  return rows;
}

/** Quotes a cell as RFC 4180 asks when it holds a comma, quote or line break. */
function csvCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function toCsv(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return [headers, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
