// The import's pure rules: which column holds what, the dates exports write, and each row's problems.
import { parseImportDate, readCaseRows } from '../../api/domain/import/case-rows';
import { missingRequiredFields, suggestMapping } from '../../api/domain/import/fields';
import { importKey, normaliseSourceSystem } from '../../api/domain/import/keys';

describe('suggesting the column mapping from the headers', () => {
  test.each([
    ['ECINS-style', ['Case Ref', 'Case Type', 'Date Opened', 'Lead Agency', 'Victim Forename', 'Postcode'], 'caseId', 'Case Ref'],
    ['Sentinel-style', ['Case Reference', 'Type', 'Opened', 'Agency', 'Victim First Name', 'Post Code'], 'postcode', 'Post Code'],
    [
      'a spreadsheet in camel case',
      ['caseId', 'caseType', 'openedOn', 'leadAgency', 'victimDateOfBirth'],
      'victimDateOfBirth',
      'victimDateOfBirth',
    ],
    ['snake case', ['case_id', 'victim_dob'], 'victimDateOfBirth', 'victim_dob'],
  ])('reads %s headers', (_style, headers, field, header) => {
    expect(suggestMapping(headers)[field as 'caseId']).toBe(header);
  });

  test('names the required fields no header gives', () => {
    expect(missingRequiredFields(suggestMapping(['Case Ref', 'Date Opened'])).map((f) => f.label)).toEqual(['Case type', 'Lead agency']);
  });
});

describe('dates as exports write them', () => {
  test.each([
    ['2026-03-01', '2026-03-01'],
    ['01/03/2026', '2026-03-01'],
    ['1.3.2026', '2026-03-01'],
    ['31/02/2026', null],
    ['03/31/2026', null],
    ['next Tuesday', null],
  ])('%s is %s', (raw, day) => {
    expect(parseImportDate(raw)).toBe(day);
  });
});

describe('source keys', () => {
  test('the same system written differently is one system', () => {
    expect(normaliseSourceSystem(' ecins  live ')).toBe('ECINS LIVE');
    expect(importKey('Person', 'V-1')).toBe('Person:V-1');
  });
});

describe("each row's problems", () => {
  const headers = ['Ref', 'Type', 'Opened', 'Agency', 'Victim', 'First', 'Last', 'Loc', 'Address', 'Town', 'Postcode'];
  const mapping = {
    caseId: 'Ref',
    caseType: 'Type',
    openedOn: 'Opened',
    leadAgency: 'Agency',
    victimId: 'Victim',
    victimGivenName: 'First',
    victimFamilyName: 'Last',
    locationId: 'Loc',
    address: 'Address',
    town: 'Town',
    postcode: 'Postcode',
  };
  const context = { agencies: [{ id: 'a1', name: 'Fernbrook Homes' }], today: '2026-11-02' };
  const good = ['C1', 'victim', '2026-01-05', 'fernbrook homes', 'V1', 'Ann', 'Example', 'L1', '1 Mill Race', 'Fernbrook', 'zx11ab'];
  const rowWith = (changes: Record<number, string>) => good.map((cell, i) => changes[i] ?? cell);

  test('a good row becomes a case with its victim and address', () => {
    const { cases, problems } = readCaseRows(headers, [good], mapping, context);
    expect(problems).toEqual([]);
    expect(cases[0]).toMatchObject({
      row: 2,
      kind: 'VICTIM',
      status: 'OPEN',
      leadAgencyId: 'a1',
      victim: { sourceId: 'V1', givenName: 'Ann', familyName: 'Example', dateOfBirth: null },
      location: { sourceId: 'L1', postcodeKey: 'ZX1 1AB', ward: null },
    });
  });

  test.each([
    ['an opening date in the future', { 2: '2027-01-01' }, 'Opened 2027-01-01 is in the future.'],
    [
      'a victim case whose victim has no id',
      { 4: '', 5: 'Ann', 6: 'Example' },
      'Victim is empty: each victim needs their id in the source system.',
    ],
    ['a victim case with no victim at all', { 4: '', 5: '', 6: '' }, 'Victim is empty: a victim case needs its victim.'],
    ['an address without its town', { 9: '' }, 'Town is empty.'],
  ])('%s is named', (_what, changes, message) => {
    const { cases, problems } = readCaseRows(headers, [rowWith(changes)], mapping, context);
    expect(problems.map((p) => p.message)).toEqual([message]);
    expect(cases).toEqual([]);
  });

  test('a closed case is refused: only open cases are imported', () => {
    const { problems } = readCaseRows([...headers, 'Status'], [[...good, 'Closed']], { ...mapping, status: 'Status' }, context);
    expect(problems).toEqual([{ row: 2, column: 'Status', message: 'Status is closed: only open cases are imported.' }]);
  });
});
