// The governance facts as rows, loaded whole with their instants made London days in Node, as the
// service loaded them before the database counted them: what the counting in SQL is held to.
import { periodInstants } from '../../api/services/governance';
import type { Tx } from '../../api/services/context';
import type { GovernanceFacts, Period } from '../../api/domain/governance/figures';
import { addMonths, londonDateOf, startOfLondonDay } from '../../api/domain/agenda/calendar-date';
import { calendarDateOfColumn, dateColumnOf } from '../../api/store/calendar-dates';

/** Every row the figures rest on, whole, with instants made London days in Node: the former loader. */
export async function rowFacts(p: Tx, partnershipId: string, period: Period): Promise<GovernanceFacts> {
  const { gte, lt } = periodInstants(period);
  const agencies = await p.agency.findMany({ where: { partnershipId }, select: { id: true, name: true } });
  const actions = await p.action.findMany({
    where: { partnershipId, createdAt: { lt } },
    select: { ownerAgencyId: true, status: true, createdAt: true, dueDate: true, completedAt: true },
  });
  const cases = await p.case.findMany({
    where: { partnershipId, openedAt: { lt }, OR: [{ closedAt: null }, { closedAt: { gte } }] },
    select: {
      openedAt: true,
      closedAt: true,
      currentRiskBand: true,
      assessments: { orderBy: { assessedAt: 'asc' }, take: 1, select: { finalBand: true } },
    },
  });
  const referrals = await p.referral.findMany({
    where: { partnershipId, submittedAt: { gte: startOfLondonDay(addMonths(period.from, -12)), lt } },
    select: { id: true, caseId: true, personId: true, locationId: true, referrerAgencyId: true, submittedAt: true, criteriaMet: true },
  });
  const interventions = await p.intervention.findMany({
    where: { case: { partnershipId }, issuedOn: { gte: dateColumnOf(period.from), lte: dateColumnOf(period.to) } },
    select: { type: true, status: true, issuedOn: true },
  });
  return {
    agencies,
    actions: actions.map((action) => ({
      ownerAgencyId: action.ownerAgencyId,
      status: action.status,
      createdOn: londonDateOf(action.createdAt),
      dueDate: calendarDateOfColumn(action.dueDate),
      completedOn: action.completedAt ? londonDateOf(action.completedAt) : null,
    })),
    cases: cases.map((kase) => ({
      openedOn: londonDateOf(kase.openedAt),
      closedOn: kase.closedAt ? londonDateOf(kase.closedAt) : null,
      currentBand: kase.currentRiskBand,
      referralBand: kase.assessments[0]?.finalBand ?? null,
    })),
    referrals: referrals.map((referral) => ({
      subjectKey: referral.caseId ?? referral.personId ?? referral.locationId ?? referral.id,
      referrerAgencyId: referral.referrerAgencyId,
      submittedAt: referral.submittedAt!,
      criteria: referral.criteriaMet,
    })),
    interventions: interventions.map((item) => ({
      type: item.type,
      status: item.status,
      issuedOn: item.issuedOn ? calendarDateOfColumn(item.issuedOn) : null,
    })),
  };
}
