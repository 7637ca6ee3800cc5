// The partnership admin's members: find people in the organisation's directory, add them with an
// agency and roles (partner agencies' guests included), change their roles, and deactivate a leaver.
// A leaver's history stays (their referrals, actions and audit rows keep naming them); their
// unfinished actions appear on their chairs' out-of-reach list for reassignment (notifications.ts).
import { UNFINISHED_ACTION_STATUSES } from '../domain/actions/lifecycle';
import { mayUse, type Role } from '../domain/access/policy';
import type { MemberRole, Prisma } from '../store/generated/client';
import { audit } from './audit';
import { inTransaction, type ServiceContext, type Tx } from './context';
import { conflict, forbidden, notFound, ServiceError, validationFailed } from './errors';
import type { DirectoryPerson, MemberDirectory } from './ports/member-directory';

export interface MemberView {
  id: string;
  displayName: string;
  email: string | null;
  jobTitle: string | null;
  tenantId: string;
  entraObjectId: string;
  agency: { id: string; name: string };
  roles: Role[];
  isActive: boolean;
  unfinishedActions: number;
}

export interface DirectoryMatch extends DirectoryPerson {
  /** Already a member of this partnership: the admin edits them rather than adding them again. */
  memberId: string | null;
}

/**
 * Who the admin chose from the directory, and what they are to be. Only the object id comes from the
 * browser: name, addresses and tenant are read again from the directory, so a forged request cannot
 * make a member who is not the person the directory holds.
 */
export interface NewMember {
  entraObjectId: string;
  agencyId: string;
  roles: Role[];
}

const DIRECTORY_LIMIT = 15;

const MEMBER_SELECT = {
  id: true,
  displayName: true,
  email: true,
  jobTitle: true,
  tenantId: true,
  entraObjectId: true,
  roles: true,
  isActive: true,
  agency: { select: { id: true, name: true } },
  _count: { select: { ownedActions: { where: { status: { in: [...UNFINISHED_ACTION_STATUSES] } } } } },
} satisfies Prisma.MemberSelect;

type MemberRow = {
  id: string;
  displayName: string;
  email: string | null;
  jobTitle: string | null;
  tenantId: string;
  entraObjectId: string;
  roles: MemberRole[];
  isActive: boolean;
  agency: { id: string; name: string };
  _count: { ownedActions: number };
};

function toView(row: MemberRow): MemberView {
  const { _count, roles, ...rest } = row;
  return { ...rest, roles: roles as Role[], unfinishedActions: _count.ownedActions };
}

const audited = (row: MemberRow) => ({ agencyId: row.agency.id, roles: row.roles, isActive: row.isActive });

function mayManage(ctx: ServiceContext): void {
  if (!mayUse(ctx.actor, 'member.manage')) throw forbidden("manage the partnership's members");
}

async function ownMember(tx: Tx, ctx: ServiceContext, memberId: string): Promise<MemberRow> {
  const row = await tx.member.findFirst({ where: { id: memberId, partnershipId: ctx.actor.partnershipId }, select: MEMBER_SELECT });
  if (!row) throw notFound('member');
  return row;
}

export async function listMembers(ctx: ServiceContext): Promise<MemberView[]> {
  mayManage(ctx);
  const rows = await ctx.db.prisma.member.findMany({
    where: { partnershipId: ctx.actor.partnershipId },
    select: MEMBER_SELECT,
    orderBy: [{ isActive: 'desc' }, { displayName: 'asc' }],
  });
  return rows.map(toView);
}

function configured(directory: MemberDirectory | null | undefined): MemberDirectory {
  if (!directory) {
    throw new ServiceError(
      'CONFLICT',
      'The directory cannot be used: Microsoft Graph is not configured for this deployment (see docs/deploy.md).',
    );
  }
  return directory;
}

/** People in the directory whose name, e-mail or sign-in address starts with `text`; the search is audited, its words are not. */
export async function findInDirectory(
  ctx: ServiceContext,
  directory: MemberDirectory | null | undefined,
  text: string,
): Promise<DirectoryMatch[]> {
  mayManage(ctx);
  const people = await configured(directory).findPeople(text, DIRECTORY_LIMIT);
  return inTransaction(ctx, async (tx) => {
    const members = await tx.member.findMany({
      where: { partnershipId: ctx.actor.partnershipId, entraObjectId: { in: people.map((person) => person.entraObjectId) } },
      select: { id: true, tenantId: true, entraObjectId: true },
    });
    const memberIdOf = (person: DirectoryPerson) =>
      members.find((m) => m.entraObjectId.toLowerCase() === person.entraObjectId && m.tenantId.toLowerCase() === person.tenantId)?.id ??
      null;
    await audit(tx, ctx, { event: 'member.directory.search', entityType: 'Member', after: { found: people.length } });
    return people.map((person) => ({ ...person, memberId: memberIdOf(person) }));
  });
}

async function requireActiveAgency(tx: Pick<Tx, 'agency'>, ctx: ServiceContext, agencyId: string): Promise<void> {
  const agency = await tx.agency.findFirst({ where: { id: agencyId, partnershipId: ctx.actor.partnershipId }, select: { isActive: true } });
  if (!agency) throw notFound('agency');
  if (!agency.isActive) throw conflict('That agency is deactivated: choose an active agency.');
}

export async function addMember(
  ctx: ServiceContext,
  directory: MemberDirectory | null | undefined,
  choice: NewMember,
): Promise<MemberView> {
  mayManage(ctx);
  // The agency is checked before Graph is asked, so a refusal never waits on the directory; and again
  // in the transaction, in case it was deactivated meanwhile.
  await requireActiveAgency(ctx.db.prisma, ctx, choice.agencyId);
  const found = await configured(directory).findPerson(choice.entraObjectId);
  if (!found) {
    throw validationFailed(
      [
        {
          field: 'entraObjectId',
          message: 'The directory holds no one with this id: search for the person again and choose them from the results.',
        },
      ],
      'That person is not in the directory, so they cannot be added.',
    );
  }
  const person = {
    tenantId: found.tenantId,
    entraObjectId: found.entraObjectId,
    displayName: found.displayName,
    email: found.email ?? (found.userPrincipalName.includes('#EXT#') || found.userPrincipalName === '' ? null : found.userPrincipalName),
    jobTitle: found.jobTitle,
  };
  return inTransaction(ctx, async (tx) => {
    await requireActiveAgency(tx, ctx, choice.agencyId);
    const holder = await tx.member.findFirst({
      where: {
        OR: [
          {
            tenantId: { equals: person.tenantId, mode: 'insensitive' },
            entraObjectId: { equals: person.entraObjectId, mode: 'insensitive' },
          },
          { otherIdentities: { some: { tenantId: person.tenantId, entraObjectId: person.entraObjectId } } },
        ],
      },
      select: { id: true },
    });
    if (holder) throw conflict('This person is already a member: change their roles instead.');
    const created = await tx.member.create({
      data: {
        ...person,
        agencyId: choice.agencyId,
        partnershipId: ctx.actor.partnershipId,
        roles: [...new Set(choice.roles)],
        createdAt: ctx.now(),
      },
      select: MEMBER_SELECT,
    });
    await audit(tx, ctx, {
      event: 'member.add',
      entityType: 'Member',
      entityId: created.id,
      before: null,
      after: { ...audited(created), tenantId: created.tenantId, entraObjectId: created.entraObjectId },
    });
    return toView(created);
  });
}

export async function changeMemberRoles(ctx: ServiceContext, memberId: string, roles: Role[]): Promise<MemberView> {
  mayManage(ctx);
  return inTransaction(ctx, async (tx) => {
    const before = await ownMember(tx, ctx, memberId);
    if (memberId === ctx.actor.memberId && !roles.includes('PARTNERSHIP_ADMIN')) {
      throw conflict('You cannot take the admin role from yourself: ask another admin to do it.');
    }
    const after = await tx.member.update({ where: { id: memberId }, data: { roles: [...new Set(roles)] }, select: MEMBER_SELECT });
    await audit(tx, ctx, {
      event: 'member.roles',
      entityType: 'Member',
      entityId: memberId,
      before: audited(before),
      after: audited(after),
    });
    return toView(after);
  });
}

/**
 * A leaver loses access at once; everything they did stays, and their chairs see their unfinished
 * actions on the out-of-reach list to reassign them.
 */
export async function deactivateMember(ctx: ServiceContext, memberId: string): Promise<MemberView> {
  mayManage(ctx);
  return inTransaction(ctx, async (tx) => {
    const before = await ownMember(tx, ctx, memberId);
    if (memberId === ctx.actor.memberId) throw conflict('You cannot deactivate yourself: ask another admin to do it.');
    if (!before.isActive) return toView(before);
    const after = await tx.member.update({ where: { id: memberId }, data: { isActive: false }, select: MEMBER_SELECT });
    await audit(tx, ctx, {
      event: 'member.deactivate',
      entityType: 'Member',
      entityId: memberId,
      before: audited(before),
      after: audited(after),
    });
    return toView(after);
  });
}
