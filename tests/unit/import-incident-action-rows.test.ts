// The pure rules of importing incidents and open actions: which file a header row is, the dates and
// times exports write, and which action statuses are work to import and which are history to skip.
import { londonInstant } from '../../api/domain/agenda/calendar-date';
import { readActionRows } from '../../api/domain/import/action-rows';
import { ACTION_FIELDS, recogniseImportKind, suggestMapping } from '../../api/domain/import/fields';
import { parseImportDateTime } from '../../api/domain/import/incident-rows';

describe('what a file holds, told by its headers', () => {
  test.each([
    [['Case Ref', 'Case Type', 'Date Opened', 'Lead Agency', 'Summary'], 'CASES'],
    [['Incident Ref', 'Case Ref', 'Date/Time', 'Category', 'Description', 'Victim Refs'], 'INCIDENTS'],
    [['Action Ref', 'Case Ref', 'Action', 'Owner Agency', 'Due Date', 'Status'], 'ACTIONS'],
    [['Incident Ref', 'Case Ref', 'Date/Time', 'Description', 'Location Ref'], 'INCIDENTS'],
    [['Name', 'Address'], 'CASES'],
  ])('%j is a %s file', (headers, kind) => {
    expect(recogniseImportKind(headers)).toBe(kind);
  });
});

describe('dates and times as exports write them', () => {
  test.each([
    ['2026-10-03 22:40', { date: '2026-10-03', time: '22:40' }],
    ['03/10/2026 09:05', { date: '2026-10-03', time: '09:05' }],
    ['2026-10-03T22:40:15', { date: '2026-10-03', time: '22:40' }],
    ['2026-10-03', { date: '2026-10-03', time: '00:00' }],
    ['2026-10-03 24:00', null],
    ['yesterday evening', null],
  ])('%s', (raw, expected) => {
    expect(parseImportDateTime(raw)).toEqual(expected);
  });

  test.each([
    ['2026-10-12', '23:15', '2026-10-12T22:15:00Z'],
    ['2026-10-12', '00:30', '2026-10-11T23:30:00Z'],
    ['2026-12-12', '23:15', '2026-12-12T23:15:00Z'],
    ['2026-10-25', '23:30', '2026-10-25T23:30:00Z'],
  ])('%s %s in London is %s', (date, time, instant) => {
    expect(londonInstant(date, time)).toEqual(new Date(instant));
  });
});

describe('action statuses', () => {
  const headers = ['Action Ref', 'Case Ref', 'Action', 'Owner Agency', 'Due Date', 'Status'];
  const context = {
    keys: new Map([['Case:C-1', 'case-1']]),
    sourceSystem: 'ECINS',
    now: new Date('2026-11-02T10:00:00Z'),
    agencies: [{ id: 'agency-1', name: 'Fernbrook Homes', isActive: true }],
    members: [],
  };
  test.each([
    ['', 'ACCEPTED'],
    ['Open', 'ACCEPTED'],
    ['Not started', 'ACCEPTED'],
    ['In progress', 'IN_PROGRESS'],
    ['in_progress', 'IN_PROGRESS'],
    ['Done', 'skipped'],
    ['Cancelled', 'skipped'],
    ['Closed', 'skipped'],
  ])('"%s" is %s', (status, expected) => {
    const rows = [['A-1', 'C-1', 'Visit', 'Fernbrook Homes', '2026-10-01', status]];
    const { actions, skipped, problems } = readActionRows(headers, rows, suggestMapping(headers, ACTION_FIELDS), context);
    expect(problems).toEqual([]);
    expect(expected === 'skipped' ? skipped.length : actions[0]?.status).toBe(expected === 'skipped' ? 1 : expected);
  });

  test('an action overdue in the old system arrives overdue, not refused', () => {
    const rows = [['A-1', 'C-1', 'Visit', 'Fernbrook Homes', '01/09/2026', 'Open']];
    const { actions, problems } = readActionRows(headers, rows, suggestMapping(headers, ACTION_FIELDS), context);
    expect(problems).toEqual([]);
    expect(actions[0]).toMatchObject({ dueDate: '2026-09-01', ownerAgencyId: 'agency-1', caseId: 'case-1' });
  });
});
