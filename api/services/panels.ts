// Panels of a partnership: what every member may read (name, cadence, seats, chairs) and what the
// partnership admin manages. Panel settings hold no personal data beyond who chairs, but every
// change is audited with before and after, like any change.
import { mayUse } from '../domain/access/policy';
import { describeCadence, nextMeetingDates, type PanelCadence } from '../domain/agenda/cadence';
import { formatLongDate, londonDateOf } from '../domain/agenda/calendar-date';
import type { Prisma } from '../store/generated/client';
import { audit } from './audit';
import { inTransaction, type ServiceContext, type Tx } from './context';
import { conflict, forbidden, notFound, validationFailed } from './errors';

export type PanelType = 'CMARAC' | 'OFFENDER_PANEL' | 'PROBLEM_SOLVING_FORUM';
export type PanelMembership = 'CORE' | 'FLEXIBLE';

export interface PanelSettings {
  name: string;
  type: PanelType;
  cadence: PanelCadence;
  referralCutoffDays: number;
  meetingMinutes: number;
  defaultItemMinutes: number;
}

export interface PanelSeat {
  agencyId: string;
  membership: PanelMembership;
}

const PANEL_SELECT = {
  id: true,
  partnershipId: true,
  type: true,
  name: true,
  cadence: true,
  referralCutoffDays: true,
  meetingMinutes: true,
  defaultItemMinutes: true,
  isActive: true,
  agencies: {
    select: { membership: true, agency: { select: { id: true, name: true, type: true } } },
    orderBy: { agency: { name: 'asc' } },
  },
  chairs: {
    select: { member: { select: { id: true, displayName: true, agency: { select: { name: true } } } } },
    orderBy: { member: { displayName: 'asc' } },
  },
} satisfies Prisma.PanelSelect;

type PanelRow = Prisma.PanelGetPayload<{ select: typeof PANEL_SELECT }>;

function panelView(panel: PanelRow, today: string) {
  const cadence = panel.cadence as unknown as PanelCadence;
  const upcoming = nextMeetingDates(cadence, today, 1);
  return {
    id: panel.id,
    type: panel.type,
    name: panel.name,
    isActive: panel.isActive,
    cadence,
    cadenceText: describeCadence(cadence),
    nextMeetingDate: upcoming.ok ? upcoming.value[0] : null,
    referralCutoffDays: panel.referralCutoffDays,
    meetingMinutes: panel.meetingMinutes,
    defaultItemMinutes: panel.defaultItemMinutes,
    agencies: panel.agencies.map((seat) => ({
      id: seat.agency.id,
      name: seat.agency.name,
      type: seat.agency.type,
      membership: seat.membership,
    })),
    chairs: panel.chairs.map((chair) => ({ id: chair.member.id, displayName: chair.member.displayName, agency: chair.member.agency.name })),
  };
}

export type PanelView = ReturnType<typeof panelView>;

export async function listPanels(ctx: ServiceContext): Promise<PanelView[]> {
  return inTransaction(ctx, async (tx) => {
    const panels = await tx.panel.findMany({
      where: { partnershipId: ctx.actor.partnershipId },
      orderBy: { name: 'asc' },
      select: PANEL_SELECT,
    });
    const today = londonDateOf(ctx.now());
    return panels.map((panel) => panelView(panel, today));
  });
}

async function requirePanel(tx: Tx, ctx: ServiceContext, panelId: string): Promise<PanelRow> {
  const panel = await tx.panel.findUnique({ where: { id: panelId }, select: PANEL_SELECT });
  if (!panel || panel.partnershipId !== ctx.actor.partnershipId) throw notFound('panel');
  return panel;
}

export async function readPanel(ctx: ServiceContext, panelId: string): Promise<PanelView> {
  return inTransaction(ctx, async (tx) => panelView(await requirePanel(tx, ctx, panelId), londonDateOf(ctx.now())));
}

function checkSettings(settings: Pick<PanelSettings, 'cadence' | 'meetingMinutes' | 'defaultItemMinutes'>): void {
  const cadenceCheck = nextMeetingDates(settings.cadence, '2026-01-01', 1);
  if (!cadenceCheck.ok)
    throw validationFailed([{ field: `cadence.${cadenceCheck.error.field ?? 'kind'}`, message: cadenceCheck.error.message }]);
  if (settings.defaultItemMinutes > settings.meetingMinutes) {
    throw validationFailed([{ field: 'defaultItemMinutes', message: 'One case cannot take longer than the whole meeting.' }]);
  }
}

async function requireNameFree(tx: Tx, ctx: ServiceContext, name: string, exceptId?: string): Promise<void> {
  const clash = await tx.panel.findFirst({
    where: { partnershipId: ctx.actor.partnershipId, name, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw conflict('Another panel in the partnership already has this name.');
}

export async function createPanel(ctx: ServiceContext, settings: PanelSettings): Promise<PanelView> {
  checkSettings(settings);
  return inTransaction(ctx, async (tx) => {
    await requireNameFree(tx, ctx, settings.name);
    const created = await tx.panel.create({
      data: { partnershipId: ctx.actor.partnershipId, ...settings, cadence: settings.cadence as unknown as Prisma.InputJsonValue },
      select: { id: true },
    });
    const panel = await requirePanel(tx, ctx, created.id);
    await audit(tx, ctx, { event: 'panel.create', entityType: 'Panel', entityId: panel.id, after: settings });
    return panelView(panel, londonDateOf(ctx.now()));
  });
}

export async function updatePanel(ctx: ServiceContext, panelId: string, changes: Partial<Omit<PanelSettings, 'type'>>): Promise<PanelView> {
  return inTransaction(ctx, async (tx) => {
    const before = await requirePanel(tx, ctx, panelId);
    const merged = {
      cadence: changes.cadence ?? (before.cadence as unknown as PanelCadence),
      meetingMinutes: changes.meetingMinutes ?? before.meetingMinutes,
      defaultItemMinutes: changes.defaultItemMinutes ?? before.defaultItemMinutes,
    };
    checkSettings(merged);
    if (changes.name) await requireNameFree(tx, ctx, changes.name, panelId);
    await tx.panel.update({
      where: { id: panelId },
      data: { ...changes, ...(changes.cadence ? { cadence: changes.cadence as unknown as Prisma.InputJsonValue } : {}) },
    });
    const after = await requirePanel(tx, ctx, panelId);
    await audit(tx, ctx, {
      event: 'panel.update',
      entityType: 'Panel',
      entityId: panelId,
      before: settingsOf(before),
      after: settingsOf(after),
    });
    return panelView(after, londonDateOf(ctx.now()));
  });
}

function settingsOf(panel: PanelRow) {
  return {
    name: panel.name,
    cadence: panel.cadence,
    referralCutoffDays: panel.referralCutoffDays,
    meetingMinutes: panel.meetingMinutes,
    defaultItemMinutes: panel.defaultItemMinutes,
    isActive: panel.isActive,
    agencies: panel.agencies.map((seat) => ({ agencyId: seat.agency.id, membership: seat.membership })),
    chairs: panel.chairs.map((chair) => chair.member.id),
  };
}

/** Replaces the panel's seats: core agencies are expected at every meeting, flexible ones when a case needs them. */
export async function setPanelAgencies(ctx: ServiceContext, panelId: string, seats: readonly PanelSeat[]): Promise<PanelView> {
  return inTransaction(ctx, async (tx) => {
    const before = await requirePanel(tx, ctx, panelId);
    const ids = seats.map((seat) => seat.agencyId);
    if (new Set(ids).size !== ids.length) throw validationFailed([{ field: 'agencies', message: 'List each agency once.' }]);
    const known = await tx.agency.findMany({
      where: { id: { in: ids }, partnershipId: ctx.actor.partnershipId, isActive: true },
      select: { id: true },
    });
    const unknown = seats.findIndex((seat) => !known.some((agency) => agency.id === seat.agencyId));
    if (unknown >= 0)
      throw validationFailed([{ field: `agencies.${unknown}.agencyId`, message: 'This is not an active agency of the partnership.' }]);
    if (!seats.some((seat) => seat.membership === 'CORE'))
      throw validationFailed([{ field: 'agencies', message: 'A panel needs at least one core agency.' }]);
    await tx.panelAgency.deleteMany({ where: { panelId } });
    await tx.panelAgency.createMany({ data: seats.map((seat) => ({ panelId, agencyId: seat.agencyId, membership: seat.membership })) });
    const after = await requirePanel(tx, ctx, panelId);
    await audit(tx, ctx, {
      event: 'panel.agencies.set',
      entityType: 'Panel',
      entityId: panelId,
      before: settingsOf(before).agencies,
      after: settingsOf(after).agencies,
    });
    return panelView(after, londonDateOf(ctx.now()));
  });
}

/** Replaces the panel's chairs; each must hold the chair role in the partnership. */
export async function setPanelChairs(ctx: ServiceContext, panelId: string, memberIds: readonly string[]): Promise<PanelView> {
  return inTransaction(ctx, async (tx) => {
    const before = await requirePanel(tx, ctx, panelId);
    if (memberIds.length === 0) throw validationFailed([{ field: 'memberIds', message: 'A panel needs at least one chair.' }]);
    if (new Set(memberIds).size !== memberIds.length) throw validationFailed([{ field: 'memberIds', message: 'List each chair once.' }]);
    // Roles are filtered here, not in SQL: the PGlite adapter cannot bind an enum for an array `has`.
    const chairs = (
      await tx.member.findMany({
        where: { id: { in: [...memberIds] }, partnershipId: ctx.actor.partnershipId, isActive: true },
        select: { id: true, roles: true },
      })
    ).filter((member) => mayUse(member, 'panel.chair'));
    const wrong = memberIds.findIndex((id) => !chairs.some((chair) => chair.id === id));
    if (wrong >= 0)
      throw validationFailed([
        { field: `memberIds.${wrong}`, message: 'This member does not hold the panel chair role in the partnership.' },
      ]);
    await tx.panelChair.deleteMany({ where: { panelId } });
    await tx.panelChair.createMany({ data: memberIds.map((memberId) => ({ panelId, memberId })) });
    const after = await requirePanel(tx, ctx, panelId);
    await audit(tx, ctx, {
      event: 'panel.chairs.set',
      entityType: 'Panel',
      entityId: panelId,
      before: settingsOf(before).chairs,
      after: settingsOf(after).chairs,
    });
    return panelView(after, londonDateOf(ctx.now()));
  });
}

/**
 * Closes a panel the partnership no longer runs: new referrals stop being routed or redirected to it
 * and no meeting can be scheduled, while its cases, meetings and minutes stay. Refused while a
 * meeting is still to come, because closing would strand its agenda and its invitations.
 */
export async function deactivatePanel(ctx: ServiceContext, panelId: string): Promise<PanelView> {
  if (!mayUse(ctx.actor, 'panel.manage')) throw forbidden("close the partnership's panels");
  return inTransaction(ctx, async (tx) => {
    const before = await requirePanel(tx, ctx, panelId);
    if (!before.isActive) return panelView(before, londonDateOf(ctx.now()));
    const coming = await tx.meeting.findMany({
      where: { panelId, status: { in: ['SCHEDULED', 'IN_PROGRESS'] }, endsAt: { gte: ctx.now() } },
      orderBy: { startsAt: 'asc' },
      select: { startsAt: true },
    });
    if (coming.length > 0) {
      const dates = coming.map((meeting) => formatLongDate(londonDateOf(meeting.startsAt)));
      throw conflict(
        `${before.name} still has ${coming.length === 1 ? 'a meeting' : 'meetings'} to come (${dates.join('; ')}): cancel ${coming.length === 1 ? 'it' : 'them'} first, then close the panel.`,
      );
    }
    return setActive(tx, ctx, before, false);
  });
}

/** Opens a closed panel again: it takes referrals and can be scheduled as before. */
export async function reactivatePanel(ctx: ServiceContext, panelId: string): Promise<PanelView> {
  if (!mayUse(ctx.actor, 'panel.manage')) throw forbidden("reopen the partnership's panels");
  return inTransaction(ctx, async (tx) => {
    const before = await requirePanel(tx, ctx, panelId);
    if (before.isActive) return panelView(before, londonDateOf(ctx.now()));
    return setActive(tx, ctx, before, true);
  });
}

async function setActive(tx: Tx, ctx: ServiceContext, before: PanelRow, isActive: boolean): Promise<PanelView> {
  await tx.panel.update({ where: { id: before.id }, data: { isActive } });
  const after = await requirePanel(tx, ctx, before.id);
  await audit(tx, ctx, {
    event: isActive ? 'panel.reactivate' : 'panel.deactivate',
    entityType: 'Panel',
    entityId: before.id,
    before: { isActive: before.isActive },
    after: { isActive: after.isActive },
  });
  return panelView(after, londonDateOf(ctx.now()));
}
