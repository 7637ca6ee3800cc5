// Who may do what, and who may see which case: the one policy every REST route, bot command and
// card action asks. Pure: the facts about a case are loaded by api/services/case-access.ts.

// A minute-taker (often the partnership's ASB coordinator) sits in the meeting and records the
// actions the panel agrees; deciding referrals, approving minutes and overseeing actions stay the chair's.
export const ROLES = ['PARTNERSHIP_ADMIN', 'PANEL_CHAIR', 'PANEL_MEMBER', 'REFERRER', 'AUDITOR', 'MINUTE_TAKER'] as const;
export type Role = (typeof ROLES)[number];

/** The signed-in member a request or card click acts for. */
export interface Actor {
  memberId: string;
  partnershipId: string;
  agencyId: string;
  /** The agency's type (POLICE, COUNCIL_ASB...): police intelligence is shown to police officers. */
  agencyType: string;
  roles: readonly Role[];
  displayName: string;
}

/** What a role allows anywhere in the partnership, before need-to-know narrows it per case. */
const CAPABILITIES = {
  /** Refer a victim, perpetrator or location, and save drafts. */
  'referral.create': ['REFERRER', 'PANEL_MEMBER', 'PANEL_CHAIR'],
  /** Accept or decline a submitted referral for a panel. */
  'referral.decide': ['PANEL_CHAIR'],
  /** Open a case, its people, places and incidents (need-to-know still applies per case). */
  'case.read': ['REFERRER', 'PANEL_MEMBER', 'PANEL_CHAIR', 'MINUTE_TAKER'],
  /** Search people and addresses to avoid double keying. */
  'person.search': ['REFERRER', 'PANEL_MEMBER', 'PANEL_CHAIR'],
  /** Record incidents and consent on a case the member can see. */
  'case.update': ['REFERRER', 'PANEL_MEMBER', 'PANEL_CHAIR'],
  /** Assign an action, during an agenda item or on a case at any time. */
  'action.assign': ['PANEL_CHAIR', 'MINUTE_TAKER'],
  /** Reassign, re-date and cancel actions, chase owners and see whose reminders aren't getting through. */
  'action.oversee': ['PANEL_CHAIR'],
  /** Be reminded of an agency's action that names no officer: the agency's panel members took it on. */
  'action.agencyReminders': ['PANEL_MEMBER', 'PANEL_CHAIR'],
  /** Accept, update and complete an action one owns (ownership is checked per action). */
  'action.work': ['REFERRER', 'PANEL_MEMBER', 'PANEL_CHAIR', 'MINUTE_TAKER'],
  /** Create panels, set their cadence, agencies and chairs. */
  'panel.manage': ['PARTNERSHIP_ADMIN'],
  /** Add, edit and deactivate the partnership's agencies. */
  'agency.manage': ['PARTNERSHIP_ADMIN'],
  /** Find people in the directory, add them as members, change their roles, deactivate leavers, record their other identities. */
  'member.manage': ['PARTNERSHIP_ADMIN'],
  /** Be named a panel's chair; a named chair sees and decides what is sent to that panel. */
  'panel.chair': ['PANEL_CHAIR'],
  /** Schedule meetings, edit the agenda, move between items, record outcomes, approve minutes. */
  'meeting.run': ['PANEL_CHAIR'],
  /** Join a panel meeting: attendance, confidentiality statement, the side panel. */
  'meeting.attend': ['PANEL_MEMBER', 'PANEL_CHAIR', 'MINUTE_TAKER'],
  /** Governance figures for the partnership (small numbers suppressed for those without case access). */
  'governance.read': ['PARTNERSHIP_ADMIN', 'PANEL_CHAIR', 'PANEL_MEMBER', 'AUDITOR'],
  /** Who viewed a case: chairs and auditors only. */
  'case.viewers': ['PANEL_CHAIR', 'AUDITOR'],
  /** Read and export the audit trail. */
  'audit.read': ['AUDITOR'],
  /** Review closed cases past their retention date; anonymise or erase. */
  'retention.manage': ['PARTNERSHIP_ADMIN'],
  /** Export everything held about one person (UK GDPR article 15). */
  'subjectAccess.export': ['PARTNERSHIP_ADMIN'],
  /** Set the partnership's local rules: windows, review intervals, case review timescales, reminders. */
  'partnership.configure': ['PARTNERSHIP_ADMIN'],
  /** Edit risk templates (a new version each time). */
  'riskTemplate.manage': ['PARTNERSHIP_ADMIN'],
  /** Import people, places and open cases from another system's export. */
  'import.run': ['PARTNERSHIP_ADMIN'],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof CAPABILITIES;
export const CAPABILITY_NAMES = Object.keys(CAPABILITIES) as Capability[];

export function rolesAllowed(capability: Capability): readonly Role[] {
  return CAPABILITIES[capability];
}

export function mayUse(actor: Pick<Actor, 'roles'>, capability: Capability): boolean {
  const allowed: readonly Role[] = CAPABILITIES[capability];
  return actor.roles.some((role) => allowed.includes(role));
}

/** A panel that hears (or is asked to hear) the case: its seated agencies and its chairs. */
export interface HearingPanel {
  panelId: string;
  agencyIds: readonly string[];
  chairMemberIds: readonly string[];
}

/** What the policy needs to know about a case. */
export interface CaseAccessFacts {
  partnershipId: string;
  leadAgencyId: string;
  involvedAgencyIds: readonly string[];
  hearingPanels: readonly HearingPanel[];
}

export type CaseAccessGround = 'LEAD_AGENCY' | 'INVOLVED_AGENCY' | 'PANEL_SEAT' | 'PANEL_CHAIR';

/**
 * Need-to-know: a member sees a case only when their agency leads or is involved in it, or sits on
 * (or chairs) a panel hearing it; a seat is for those who attend its meetings. Roles without
 * case.read (admins, auditors) never see case content.
 */
export function caseAccessGround(actor: Actor, facts: CaseAccessFacts): CaseAccessGround | null {
  if (actor.partnershipId !== facts.partnershipId || !mayUse(actor, 'case.read')) return null;
  if (facts.leadAgencyId === actor.agencyId) return 'LEAD_AGENCY';
  if (facts.involvedAgencyIds.includes(actor.agencyId)) return 'INVOLVED_AGENCY';
  if (facts.hearingPanels.some((panel) => panel.chairMemberIds.includes(actor.memberId))) return 'PANEL_CHAIR';
  if (mayUse(actor, 'meeting.attend') && facts.hearingPanels.some((panel) => panel.agencyIds.includes(actor.agencyId))) {
    return 'PANEL_SEAT';
  }
  return null;
}

export function maySeeCase(actor: Actor, facts: CaseAccessFacts): boolean {
  return caseAccessGround(actor, facts) !== null;
}

export interface RestrictedFieldAccess {
  healthNotes: boolean;
  safeguardingNotes: boolean;
  intelligenceNotes: boolean;
}

export const NO_RESTRICTED_FIELDS: RestrictedFieldAccess = { healthNotes: false, safeguardingNotes: false, intelligenceNotes: false };

/**
 * Health and safeguarding notes are for panel members and chairs of a case they can see, not for
 * referrers or minute-takers (the minutes record decisions, not clinical detail); police intelligence
 * is for chairs and for panel members from the police.
 */
export function restrictedFieldsVisible(actor: Actor, facts: CaseAccessFacts): RestrictedFieldAccess {
  if (!maySeeCase(actor, facts)) return NO_RESTRICTED_FIELDS;
  const chair = actor.roles.includes('PANEL_CHAIR');
  const panelMember = actor.roles.includes('PANEL_MEMBER');
  return {
    healthNotes: chair || panelMember,
    safeguardingNotes: chair || panelMember,
    intelligenceNotes: chair || (panelMember && actor.agencyType === 'POLICE'),
  };
}
