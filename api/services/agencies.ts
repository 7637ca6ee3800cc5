// The partnership's agencies as its admin manages them: list, add, edit (type, name, the tenant its
// people sign in from) and deactivate. An agency that still owns unfinished actions keeps them: it
// cannot be deactivated until the chair has reassigned them, and the refusal lists them.
import { UNFINISHED_ACTION_STATUSES } from '../domain/actions/lifecycle';
import { mayUse } from '../domain/access/policy';
import type { AgencyType } from '../store/generated/client';
import { audit } from './audit';
import { inTransaction, type ServiceContext, type Tx } from './context';
import { conflict, forbidden, notFound, ServiceError } from './errors';

export interface AgencySettings {
  name: string;
  type: AgencyType;
  /** The Entra tenant its people sign in from when it is not the host organisation; null for the host's own. */
  guestTenantId: string | null;
}

export interface AgencyView extends AgencySettings {
  id: string;
  isActive: boolean;
  activeMembers: number;
  createdAt: Date;
}

const AGENCY_SELECT = {
  id: true,
  name: true,
  type: true,
  guestTenantId: true,
  isActive: true,
  createdAt: true,
  _count: { select: { members: { where: { isActive: true } } } },
} as const;

type AgencyRow = {
  id: string;
  name: string;
  type: AgencyType;
  guestTenantId: string | null;
  isActive: boolean;
  createdAt: Date;
  _count: { members: number };
};

function toView(row: AgencyRow): AgencyView {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    guestTenantId: row.guestTenantId,
    isActive: row.isActive,
    activeMembers: row._count.members,
    createdAt: row.createdAt,
  };
}

const settingsOf = (row: AgencyRow): AgencySettings & { isActive: boolean } => ({
  name: row.name,
  type: row.type,
  guestTenantId: row.guestTenantId,
  isActive: row.isActive,
});

function mayManage(ctx: ServiceContext): void {
  if (!mayUse(ctx.actor, 'agency.manage')) throw forbidden("manage the partnership's agencies");
}

async function ownAgency(tx: Tx, ctx: ServiceContext, agencyId: string): Promise<AgencyRow> {
  const row = await tx.agency.findFirst({ where: { id: agencyId, partnershipId: ctx.actor.partnershipId }, select: AGENCY_SELECT });
  if (!row) throw notFound('agency');
  return row;
}

async function nameIsFree(tx: Tx, ctx: ServiceContext, name: string, exceptId?: string): Promise<void> {
  const holder = await tx.agency.findFirst({
    where: {
      partnershipId: ctx.actor.partnershipId,
      name: { equals: name, mode: 'insensitive' },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { id: true },
  });
  if (holder) throw conflict(`There is already an agency called ${name} in this partnership.`);
}

export async function listAgencies(ctx: ServiceContext): Promise<AgencyView[]> {
  mayManage(ctx);
  const rows = await ctx.db.prisma.agency.findMany({
    where: { partnershipId: ctx.actor.partnershipId },
    select: AGENCY_SELECT,
    orderBy: [{ isActive: 'desc' }, { name: 'asc' }],
  });
  return rows.map(toView);
}

export async function addAgency(ctx: ServiceContext, settings: AgencySettings): Promise<AgencyView> {
  mayManage(ctx);
  return inTransaction(ctx, async (tx) => {
    await nameIsFree(tx, ctx, settings.name);
    const row = await tx.agency.create({
      data: { partnershipId: ctx.actor.partnershipId, ...settings, createdAt: ctx.now() },
      select: AGENCY_SELECT,
    });
    await audit(tx, ctx, { event: 'agency.add', entityType: 'Agency', entityId: row.id, before: null, after: settingsOf(row) });
    return toView(row);
  });
}

export async function editAgency(ctx: ServiceContext, agencyId: string, changes: Partial<AgencySettings>): Promise<AgencyView> {
  mayManage(ctx);
  return inTransaction(ctx, async (tx) => {
    const before = await ownAgency(tx, ctx, agencyId);
    if (changes.name !== undefined) await nameIsFree(tx, ctx, changes.name, agencyId);
    const row = await tx.agency.update({ where: { id: agencyId }, data: changes, select: AGENCY_SELECT });
    await audit(tx, ctx, {
      event: 'agency.edit',
      entityType: 'Agency',
      entityId: agencyId,
      before: settingsOf(before),
      after: settingsOf(row),
    });
    return toView(row);
  });
}

/**
 * Deactivates an agency: its members lose access at once (members.ts refuses closed agencies). Refused
 * while it owns unfinished actions, listing them by case reference and due date (no titles: the admin
 * does not see case content), and for the admin's own agency, which would lock them out.
 */
export async function deactivateAgency(ctx: ServiceContext, agencyId: string): Promise<AgencyView> {
  mayManage(ctx);
  return inTransaction(ctx, async (tx) => {
    const before = await ownAgency(tx, ctx, agencyId);
    if (!before.isActive) return toView(before);
    if (agencyId === ctx.actor.agencyId) throw conflict('This is your own agency: deactivating it would sign you out for good.');
    const open = await tx.action.findMany({
      where: { ownerAgencyId: agencyId, status: { in: [...UNFINISHED_ACTION_STATUSES] } },
      select: { id: true, dueDate: true, status: true, case: { select: { reference: true } } },
      orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
    });
    if (open.length > 0) {
      throw new ServiceError(
        'CONFLICT',
        `${before.name} still owns ${open.length} unfinished action${open.length === 1 ? '' : 's'}. Ask the chair to reassign ${open.length === 1 ? 'it' : 'them'}, then deactivate the agency.`,
        open.map((action) => ({
          field: `actions.${action.id}`,
          message: `Case ${action.case.reference}, due ${action.dueDate.toISOString().slice(0, 10)}, ${action.status.toLowerCase().replace('_', ' ')}`,
        })),
      );
    }
    const row = await tx.agency.update({ where: { id: agencyId }, data: { isActive: false }, select: AGENCY_SELECT });
    await audit(tx, ctx, {
      event: 'agency.deactivate',
      entityType: 'Agency',
      entityId: agencyId,
      before: settingsOf(before),
      after: settingsOf(row),
    });
    return toView(row);
  });
}
