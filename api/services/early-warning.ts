// Early warning on home: open cases one step short of a threshold (api/domain/referrals/early-warning.ts),
// for the chair of the panels that hear them and for the agency that leads them. Case references
// and rules only: names stay on the case page.
import { mayUse } from '../domain/access/policy';
import { findNearMisses, type NearMiss } from '../domain/referrals/early-warning';
import type { AsbComplaint } from '../domain/referrals/community-trigger';
import type { Incident } from '../domain/referrals/criteria';
import type { Prisma } from '../store/generated/client';
import { visibleCaseWhere } from './case-access';
import type { ServiceContext, Tx } from './context';
import { conflict } from './errors';
import { partnershipPolicies } from './referrals/policy-settings';

/** Home lists the warnings whose window closes soonest; the rest wait for those to be dealt with. */
const MOST_URGENT = 20;
/** A case review looks back six months from the application, and a report may come a month after the incident. */
const CASE_REVIEW_LOOK_BACK_DAYS = 7 * 31;
const DAY_MS = 86_400_000;

const incidentSelect = {
  id: true,
  sourceReference: true,
  occurredAt: true,
  reportedAt: true,
  category: true,
  reportedToAgencyId: true,
  locationId: true,
  people: { select: { personId: true } },
} satisfies Prisma.IncidentSelect;
type LoadedIncident = Prisma.IncidentGetPayload<{ select: typeof incidentSelect }>;

export interface CaseNearThreshold extends NearMiss {
  case: { id: string; reference: string; kind: 'VICTIM' | 'PERPETRATOR' | 'LOCATION'; riskBand: 'LOW' | 'MEDIUM' | 'HIGH' | null };
}

/** Open cases the member's panels hear or their agency leads, that are one step short of a threshold. */
export async function casesNearThreshold(tx: Tx, ctx: ServiceContext): Promise<CaseNearThreshold[]> {
  const { actor } = ctx;
  const theirs: Prisma.CaseWhereInput[] = [{ leadAgencyId: actor.agencyId }];
  if (mayUse(actor, 'panel.chair')) {
    const chaired = { chairs: { some: { memberId: actor.memberId } } };
    theirs.push({ referrals: { some: { panel: chaired } } }, { agendaItems: { some: { meeting: { panel: chaired } } } });
  }
  const cases = await tx.case.findMany({
    where: { AND: [visibleCaseWhere(actor), { partnershipId: actor.partnershipId, status: 'OPEN', anonymisedAt: null, OR: theirs }] },
    select: {
      id: true,
      reference: true,
      kind: true,
      currentRiskBand: true,
      subjects: { select: { personId: true, role: true } },
      locations: { select: { locationId: true } },
    },
  });
  if (cases.length === 0) return [];

  const policies = await partnershipPolicies(tx, actor.partnershipId);
  const { referral } = policies;
  const lookBackDays = Math.max(
    CASE_REVIEW_LOOK_BACK_DAYS,
    referral.escalation.withinDays,
    ...referral.repeatVictimRules.map((r) => r.withinDays),
  );
  const today = ctx.now();
  // The subject each case is about: its victim or perpetrator, or its places.
  const subjectsOf = (kase: (typeof cases)[number]): { personIds: string[]; locationIds: string[] } =>
    kase.kind === 'LOCATION'
      ? { personIds: [], locationIds: kase.locations.map((l) => l.locationId) }
      : { personIds: kase.subjects.filter((s) => s.role === kase.kind).map((s) => s.personId), locationIds: [] };
  const personIds = [...new Set(cases.flatMap((kase) => subjectsOf(kase).personIds))];
  const locationIds = [...new Set(cases.flatMap((kase) => subjectsOf(kase).locationIds))];
  const incidents = await tx.incident.findMany({
    where: {
      partnershipId: actor.partnershipId,
      occurredAt: { gte: new Date(today.getTime() - (lookBackDays + 1) * DAY_MS) },
      OR: [{ people: { some: { personId: { in: personIds } } } }, { locationId: { in: locationIds } }],
    },
    select: incidentSelect,
  });

  const warnings: CaseNearThreshold[] = [];
  for (const kase of cases) {
    const { personIds: people, locationIds: places } = subjectsOf(kase);
    const about = (incident: LoadedIncident) =>
      incident.people.some((p) => people.includes(p.personId)) || (incident.locationId !== null && places.includes(incident.locationId));
    const own = incidents.filter(about);
    if (own.length === 0) continue;
    const found = findNearMisses({
      subjectType: kase.kind,
      incidents: own.map(asIncident),
      // A perpetrator has no right to a case review; victims and places do.
      complaints: kase.kind === 'PERPETRATOR' ? [] : own.map((incident) => asComplaint(incident, kase.id)),
      today,
      referral,
      caseReview: policies.caseReview,
    });
    if (!found.ok) throw conflict(`The partnership's threshold settings cannot be used: ${found.error.message}`);
    for (const miss of found.value) {
      warnings.push({ ...miss, case: { id: kase.id, reference: kase.reference, kind: kase.kind, riskBand: kase.currentRiskBand } });
    }
  }
  return warnings
    .sort((a, b) => a.windowClosesOn.localeCompare(b.windowClosesOn) || a.case.reference.localeCompare(b.case.reference))
    .slice(0, MOST_URGENT);
}

function asIncident(incident: LoadedIncident): Incident {
  return { occurredAt: incident.occurredAt, category: incident.category };
}

function asComplaint(incident: LoadedIncident, concerning: string): AsbComplaint {
  return {
    // One incident reported to several agencies shares its source reference and counts once.
    incidentId: incident.sourceReference ?? incident.id,
    incidentAt: incident.occurredAt,
    reportedAt: incident.reportedAt,
    complainant: incident.people[0]?.personId ?? 'not recorded',
    reportedTo: incident.reportedToAgencyId ?? 'not recorded',
    concerning,
  };
}
