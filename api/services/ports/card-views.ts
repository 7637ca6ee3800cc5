// What the use cases want shown on a card, as plain data: the bot decides how each view looks in
// Teams (bot/cards). A view holds facts and the buttons allowed, never layout.
import type { ActionStatus, CannotCompleteReason } from '../../domain/actions/lifecycle';
import type { CalendarDate } from '../../domain/agenda/calendar-date';
import type { ActionPriority } from '../../store/generated/client';

/** The commands an owner can give from the action card; the chair's (cancel, reassign, re-date) live in the tab. */
export type CardCommand = 'ACCEPT' | 'UPDATE_PROGRESS' | 'COMPLETE' | 'CANNOT_COMPLETE';

export interface ActionCardView {
  actionId: string;
  /** The version the card is drawn from; every button sends it back so a stale click is recognised. */
  version: number;
  title: string;
  caseReference: string;
  ownerAgencyName: string;
  ownerOfficerName: string | null;
  dueDate: CalendarDate;
  priority: ActionPriority;
  status: ActionStatus;
  overdue: boolean;
  latestNote?: string | null;
  notDoneReason?: CannotCompleteReason | null;
  /** e.g. "Fernbrook CMARAC, 12 November 2026", when the action came from a panel meeting. */
  madeAt?: string | null;
  /** The buttons to show; empty for the read-only view. Use `cardCommandsFor` to fill it. */
  commands: readonly CardCommand[];
  /** Teams user ids ("29:...") who get their own view on refresh: the owner, when known. */
  refreshUserIds: readonly string[];
  /** A line above the card, e.g. after a stale click: "Someone changed this action...". */
  notice?: CardNotice | null;
}

export interface CardNotice {
  tone: 'good' | 'warning' | 'attention';
  text: string;
}

export type ReminderKind = 'BEFORE_DUE' | 'DUE_TODAY' | 'OVERDUE' | 'ESCALATION' | 'CHASE';

export interface ReminderView {
  kind: ReminderKind;
  actionId: string;
  title: string;
  caseReference: string;
  dueDate: CalendarDate;
  status: ActionStatus;
  /** "Sam Patel (Fernbrook Homes)": shown to the chair on an escalation, and to the owner as a check. */
  ownerLabel: string;
  today: CalendarDate;
}

export interface DigestView {
  /** "Week 47, 2026" or similar, worked out by the caller from the ISO week. */
  weekLabel: string;
  actions: readonly {
    actionId: string;
    title: string;
    caseReference: string;
    dueDate: CalendarDate;
    status: ActionStatus;
    overdue: boolean;
  }[];
}

export type AgendaItemStatus = 'PLANNED' | 'CURRENT' | 'DISCUSSED' | 'DEFERRED' | 'SPILLED_OVER';

export interface AgendaCardItem {
  id: string;
  position: number;
  caseReference: string;
  reasonText: string;
  minutes: number;
  status: AgendaItemStatus;
}

export interface AgendaCardView {
  meetingId: string;
  /** The meeting's version, so "Next item" from an old card cannot skip an item twice. */
  version: number;
  panelName: string;
  /** e.g. "Thursday 12 November 2026, 10:00 to 12:00". */
  whenLabel: string;
  items: readonly AgendaCardItem[];
  currentItemId: string | null;
  /** Show the chair's button; false for the read-only view. */
  chairView: boolean;
  /** Teams user ids of the chairs, who get the chair's view on refresh. */
  chairUserIds: readonly string[];
}

/** A decision a chair can make from the triage card. */
export type TriageCommand = 'ACCEPT' | 'DECLINE' | 'REDIRECT';

export interface TriageCardView {
  referralId: string;
  /** The version the card is drawn from; every button sends it back so a stale click is recognised. */
  version: number;
  /** The case the referral opened or joined, e.g. "ASB-2026-0042"; the card names nobody. */
  caseReference: string | null;
  subjectType: 'VICTIM' | 'PERPETRATOR' | 'LOCATION';
  panelName: string | null;
  referrerAgencyName: string;
  finalBand: 'LOW' | 'MEDIUM' | 'HIGH' | null;
  submittedAt: Date | null;
  status: 'DRAFT' | 'SUBMITTED' | 'ACCEPTED' | 'DECLINED' | 'WITHDRAWN';
  /** "Accepted by Jo Bloggs", "Sent to the Offender Panel: ...": what happened, once decided. */
  outcome: string | null;
  /** What the completeness check found missing; empty when complete. */
  missing: readonly string[];
  /** The decision buttons; empty for the read-only view (anyone but a chair of the panel, or once decided). */
  commands: readonly TriageCommand[];
  /** Panels the referral can be redirected to. */
  redirectPanels: readonly { id: string; name: string }[];
  /** Teams user ids ("29:...") of the panel's chairs, who get their own view on refresh. */
  refreshUserIds: readonly string[];
  notice?: CardNotice | null;
}

/** Every card the app sends on its own initiative. */
export type CardView =
  | { kind: 'TRIAGE'; view: TriageCardView }
  | { kind: 'ACTION'; view: ActionCardView }
  | { kind: 'REMINDER'; view: ReminderView }
  | { kind: 'DIGEST'; view: DigestView }
  | { kind: 'AGENDA'; view: AgendaCardView };
