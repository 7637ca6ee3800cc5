// The queries every screen leans on, each shaped to be served by one index in schema.prisma:
// open actions by agency and due date, referrals by panel and status, incidents by person and by
// location over time. tests/integration/hot-queries.test.ts checks results and plans.
import type { PrismaClient } from '../generated/client';
import type { ActionStatus, ReferralStatus } from '../generated/enums';

export const OPEN_ACTION_STATUSES: ActionStatus[] = ['PROPOSED', 'ACCEPTED', 'IN_PROGRESS', 'BLOCKED'];

export interface TimeWindow {
  from: Date;
  to: Date;
}

export function openActionsForAgency(prisma: PrismaClient, agencyId: string, options: { dueOnOrBefore?: Date; take?: number } = {}) {
  return prisma.action.findMany({
    where: {
      ownerAgencyId: agencyId,
      status: { in: OPEN_ACTION_STATUSES },
      ...(options.dueOnOrBefore ? { dueDate: { lte: options.dueOnOrBefore } } : {}),
    },
    orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
    take: options.take ?? 200,
  });
}

export function referralsForPanel(prisma: PrismaClient, panelId: string, statuses: ReferralStatus[]) {
  return prisma.referral.findMany({
    where: { panelId, status: { in: statuses } },
    orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
  });
}

export function incidentsForPerson(prisma: PrismaClient, personId: string, window: TimeWindow) {
  return prisma.incidentPerson.findMany({
    where: { personId, occurredAt: { gte: window.from, lte: window.to } },
    orderBy: { occurredAt: 'asc' },
    select: { role: true, occurredAt: true, incident: { select: { id: true, category: true, locationId: true, caseId: true } } },
  });
}

export function incidentsAtLocation(prisma: PrismaClient, locationId: string, window: TimeWindow) {
  return prisma.incident.findMany({
    where: { locationId, occurredAt: { gte: window.from, lte: window.to } },
    orderBy: { occurredAt: 'asc' },
    select: { id: true, category: true, occurredAt: true, caseId: true },
  });
}
