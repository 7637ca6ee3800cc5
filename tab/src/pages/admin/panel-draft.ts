// The panel form's draft: what the admin is typing, read from a panel and turned into the bodies of
// the panels routes. Only what changed is sent, so the audit trail records real changes alone.
import type { Answer, RequestBody } from '../../api/answers';
import type { PanelType } from './admin-words';

export type Panel = Answer<'/api/panels'>[number];
type Cadence = Panel['cadence'];
export type Weekday = Extract<Cadence, { kind: 'MONTHLY' }>['weekday'];
export type WeekOfMonth = Extract<Cadence, { kind: 'MONTHLY' }>['week'];
export type Seat = 'CORE' | 'FLEXIBLE' | '';

export const WEEKDAYS: readonly Weekday[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
export const WEEKS_OF_MONTH: readonly { week: WeekOfMonth; label: string }[] = [
  { week: 1, label: 'First' },
  { week: 2, label: 'Second' },
  { week: 3, label: 'Third' },
  { week: 4, label: 'Fourth' },
  { week: 'LAST', label: 'Last' },
];

export interface PanelDraft {
  type: PanelType | '';
  name: string;
  cadenceKind: Cadence['kind'];
  week: WeekOfMonth;
  weekday: Weekday;
  everyWeeks: string;
  anchor: string;
  referralCutoffDays: string;
  meetingMinutes: string;
  defaultItemMinutes: string;
  /** Agency id → its seat; an agency not in the map has none. */
  seats: Record<string, Seat>;
  chairIds: string[];
}

export const EMPTY_DRAFT: PanelDraft = {
  type: '',
  name: '',
  cadenceKind: 'MONTHLY',
  week: 1,
  weekday: 'TUESDAY',
  everyWeeks: '4',
  anchor: '',
  referralCutoffDays: '10',
  meetingMinutes: '120',
  defaultItemMinutes: '10',
  seats: {},
  chairIds: [],
};

export function draftOf(panel: Panel): PanelDraft {
  const { cadence } = panel;
  return {
    ...EMPTY_DRAFT,
    type: panel.type,
    name: panel.name,
    cadenceKind: cadence.kind,
    ...(cadence.kind === 'MONTHLY'
      ? { week: cadence.week, weekday: cadence.weekday }
      : { everyWeeks: String(cadence.everyWeeks), anchor: cadence.anchor }),
    referralCutoffDays: String(panel.referralCutoffDays),
    meetingMinutes: String(panel.meetingMinutes),
    defaultItemMinutes: String(panel.defaultItemMinutes),
    seats: Object.fromEntries(panel.agencies.map((agency) => [agency.id, agency.membership])),
    chairIds: panel.chairs.map((chair) => chair.id),
  };
}

/** A number field as typed; an empty one is left out, so the server names it as missing. */
const whole = (typed: string) => (typed.trim() === '' ? (undefined as unknown as number) : Number(typed));

type Settings = Omit<RequestBody<'/api/panels', 'post'>, 'type'>;

export function settingsOf(draft: PanelDraft): Settings {
  return {
    name: draft.name,
    cadence:
      draft.cadenceKind === 'MONTHLY'
        ? { kind: 'MONTHLY', week: draft.week, weekday: draft.weekday }
        : { kind: 'EVERY_N_WEEKS', everyWeeks: whole(draft.everyWeeks), anchor: draft.anchor },
    referralCutoffDays: whole(draft.referralCutoffDays),
    meetingMinutes: whole(draft.meetingMinutes),
    defaultItemMinutes: whole(draft.defaultItemMinutes),
  };
}

/** The settings that differ from the saved panel's, for PATCH. */
export function changedSettings(draft: PanelDraft, saved: Panel): Partial<Settings> {
  const settings = settingsOf(draft);
  const before: Settings = {
    name: saved.name,
    cadence: saved.cadence,
    referralCutoffDays: saved.referralCutoffDays,
    meetingMinutes: saved.meetingMinutes,
    defaultItemMinutes: saved.defaultItemMinutes,
  };
  return Object.fromEntries(
    Object.entries(settings).filter(([key, value]) => canonical(value) !== canonical(before[key as keyof Settings])),
  );
}

/** JSON with sorted keys: the database hands a cadence back with its keys in its own order. */
function canonical(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  const entries = Object.entries(value).sort(([a], [b]) => a.localeCompare(b));
  return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonical(inner)}`).join(',')}}`;
}

export function seatsOf(draft: PanelDraft): { agencyId: string; membership: 'CORE' | 'FLEXIBLE' }[] {
  return Object.entries(draft.seats).flatMap(([agencyId, membership]) => (membership ? [{ agencyId, membership }] : []));
}

export function seatsChanged(draft: PanelDraft, saved: Panel): boolean {
  const before = new Map(saved.agencies.map((agency) => [agency.id, agency.membership]));
  const after = seatsOf(draft);
  return after.length !== before.size || after.some((seat) => before.get(seat.agencyId) !== seat.membership);
}

export function chairsChanged(draft: PanelDraft, saved: Panel): boolean {
  const before = new Set(saved.chairs.map((chair) => chair.id));
  return draft.chairIds.length !== before.size || draft.chairIds.some((id) => !before.has(id));
}

/** The first server message about a list field or any of its entries (`agencies`, `agencies.2.agencyId`). */
export function listFieldMessage(fields: Record<string, string>, field: string): string | undefined {
  return fields[field] ?? Object.entries(fields).find(([key]) => key.startsWith(`${field}.`))?.[1];
}
