// Realistic, obviously fictional demo data: one partnership with its panels, cases, meetings and
// actions, written in one transaction so a failure leaves nothing half-written.
import { addMonths, londonDateOf } from '../../domain/agenda/calendar-date';
import type { PrismaClient } from '../generated/client';
import { reviewActions, settleActions } from './actions';
import { addIncidents, planCases, type DemoCase } from './cases';
import { addConsent, addInterventions } from './interventions';
import { holdMeetings, planNextMeetings } from './meetings';
import { addPartnership, agencyByKey, DEMO_PANELS, DEMO_PARTNERSHIP_ID, demoAgencyLeads } from './partnership';
import { createDirectory } from './people-places';
import { idMakerFor, randomFor } from './random';
import { addRiskAndReferrals } from './risk';
import { emptyRows, type DemoDataSummary, type DemoRows } from './rows';
import { panelSchedule, type ScheduledMeeting } from './schedule';
import { demoClock, type DemoClock } from './time';
import { dateColumnOf } from '../calendar-dates';

export {
  DEMO_AGENCIES,
  DEMO_GUEST_TENANT_ID,
  DEMO_MEMBERS,
  DEMO_PANELS,
  DEMO_PARTNERSHIP_ID,
  DEMO_PARTNERSHIP_NAME,
  DEMO_TENANT_ID,
} from './partnership';
export type { DemoAgency, DemoMember, DemoPanel } from './partnership';
export type { DemoDataSummary } from './rows';

export const DEFAULT_DEMO_SEED = 1;
const TRANSACTION_TIMEOUT_MS = 120_000;

export interface DemoDataOptions {
  /** Every date in the data is relative to this day (London). */
  today: Date;
  seed?: number;
}

/** Builds every row in memory; pure apart from hashing, so the same seed and day give the same rows. */
export function buildDemoRows(options: DemoDataOptions): DemoRows {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const clock = demoClock(options.today);
  const id = idMakerFor(seed);
  const rows = emptyRows();
  addPartnership(rows, clock);
  const schedules = new Map<string, ScheduledMeeting[]>(DEMO_PANELS.map((p) => [p.key, panelSchedule(p, clock, id)]));
  const directory = createDirectory(randomFor(seed, 'people'), id, clock);
  const plan = planCases(randomFor(seed, 'cases'), id, clock, directory, schedules);
  addIncidents(rows, randomFor(seed, 'incidents'), id, clock, plan, directory);
  addRiskAndReferrals(rows, randomFor(seed, 'risk'), id, clock, plan, schedules);
  const { actions, deferred } = holdMeetings(rows, randomFor(seed, 'meetings'), id, plan.cases, schedules);
  settleActions(rows, randomFor(seed, 'actions'), id, clock, actions);
  for (const meetings of schedules.values()) {
    const held = meetings.filter((m) => m.held);
    held.slice(1).forEach((m, i) =>
      reviewActions(
        rows,
        id,
        actions.filter((a) => a.meeting === held[i]),
        m,
      ),
    );
  }
  planNextMeetings(rows, id, clock, plan.cases, schedules, actions, deferred);
  addInterventions(rows, randomFor(seed, 'interventions'), id, clock, plan.cases);
  addConsent(rows, randomFor(seed, 'consent'), id, plan.cases);
  directory.finish(rows);
  for (const c of plan.cases) addCase(rows, c, clock, schedules);
  unlinkIncidentsAfterClosure(rows, plan.cases);
  return rows;
}

function addCase(rows: DemoRows, c: DemoCase, clock: DemoClock, schedules: Map<string, ScheduledMeeting[]>): void {
  const status = c.route === 'LEAD_AGENCY_CASEWORK' ? 'LEAD_AGENCY_CASEWORK' : c.status;
  const next = (schedules.get(c.panel.key) ?? []).find((m) => !m.held);
  const nextReviewDue =
    status === 'CLOSED'
      ? null
      : status === 'OPEN' && next
        ? next.date
        : addMonths(londonDateOf(c.lastHeardAt ?? c.openedAt), 3) > clock.today
          ? addMonths(londonDateOf(c.lastHeardAt ?? c.openedAt), 3)
          : clock.today;
  rows.cases.push({
    id: c.id,
    partnershipId: DEMO_PARTNERSHIP_ID,
    reference: c.reference,
    kind: c.kind,
    status,
    leadAgencyId: agencyByKey(c.lead).id,
    currentRiskBand: c.currentRiskBand,
    summary: c.summary,
    openedAt: c.openedAt,
    lastHeardAt: c.lastHeardAt,
    nextReviewDue: nextReviewDue ? dateColumnOf(nextReviewDue) : null,
    closedAt: c.closedAt,
    closureReason: c.closureReason,
    retentionReviewDue: c.closedAt ? dateColumnOf(addMonths(londonDateOf(c.closedAt), 24)) : null,
    createdAt: c.openedAt,
    updatedAt: c.closedAt ?? c.lastHeardAt ?? c.openedAt,
  });
  const roles = [
    ...c.victims.map((p) => [p, 'VICTIM'] as const),
    ...c.perpetrators.map((p) => [p, 'PERPETRATOR'] as const),
    ...c.witnesses.map((p) => [p, 'WITNESS'] as const),
  ];
  for (const [person, role] of roles) rows.caseSubjects.push({ caseId: c.id, personId: person.id, role, addedAt: c.openedAt });
  for (const location of c.locations) rows.caseLocations.push({ caseId: c.id, locationId: location.id, addedAt: c.openedAt });
  for (const [agency, since] of [...c.agencies.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    rows.caseAgencies.push({ caseId: c.id, agencyId: agencyByKey(agency).id, since });
  }
}

/** Incidents after a case closed are recorded but belong to no case until someone links them. */
function unlinkIncidentsAfterClosure(rows: DemoRows, cases: DemoCase[]): void {
  for (const c of cases) {
    if (!c.closedAt) continue;
    const closedAt = c.closedAt;
    for (const incident of rows.incidents) {
      if (incident.caseId === c.id && new Date(incident.occurredAt) > closedAt) incident.caseId = null;
    }
  }
}

export async function hasAnyPartnership(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.partnership.findFirst({ select: { id: true } })) !== null;
}

export async function seedDemoData(prisma: PrismaClient, options: DemoDataOptions): Promise<DemoDataSummary> {
  const rows = buildDemoRows(options);
  await prisma.$transaction(
    async (tx) => {
      // Parents before children; re-assessments after the assessments they supersede.
      await tx.partnership.createMany({ data: rows.partnerships });
      await tx.agency.createMany({ data: rows.agencies });
      await tx.member.createMany({ data: rows.members });
      // An agency's lead is one of its members, so it is set once the members exist.
      for (const { agencyId, leadMemberId } of demoAgencyLeads())
        await tx.agency.update({ where: { id: agencyId }, data: { leadMemberId } });
      await tx.panel.createMany({ data: rows.panels });
      await tx.panelAgency.createMany({ data: rows.panelAgencies });
      await tx.panelChair.createMany({ data: rows.panelChairs });
      await tx.person.createMany({ data: rows.people });
      await tx.location.createMany({ data: rows.locations });
      await tx.case.createMany({ data: rows.cases });
      await tx.caseSubject.createMany({ data: rows.caseSubjects });
      await tx.caseLocation.createMany({ data: rows.caseLocations });
      await tx.caseAgency.createMany({ data: rows.caseAgencies });
      await tx.incident.createMany({ data: rows.incidents });
      await tx.incidentPerson.createMany({ data: rows.incidentPeople });
      await tx.riskTemplate.createMany({ data: rows.riskTemplates });
      await tx.referral.createMany({ data: rows.referrals });
      let written = new Set<string | null | undefined>([null, undefined]);
      for (let left = rows.riskAssessments; left.length > 0;) {
        const ready = left.filter((a) => written.has(a.supersedesId));
        if (ready.length === 0) throw new Error('demo re-assessments supersede an assessment that does not exist');
        await tx.riskAssessment.createMany({ data: ready });
        written = new Set([...written, ...ready.map((a) => a.id)]);
        left = left.filter((a) => !written.has(a.id));
      }
      await tx.meeting.createMany({ data: rows.meetings });
      await tx.agendaItem.createMany({ data: rows.agendaItems });
      await tx.attendance.createMany({ data: rows.attendances });
      await tx.meetingMinutes.createMany({ data: rows.meetingMinutes });
      await tx.action.createMany({ data: rows.actions });
      await tx.actionEvent.createMany({ data: rows.actionEvents });
      await tx.actionReview.createMany({ data: rows.actionReviews });
      await tx.intervention.createMany({ data: rows.interventions });
      await tx.consentRecord.createMany({ data: rows.consentRecords });
      await tx.communityTriggerReview.createMany({ data: rows.communityTriggerReviews });
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 10_000 },
  );
  return Object.fromEntries(Object.entries(rows).map(([table, list]) => [table, (list as unknown[]).length])) as DemoDataSummary;
}
