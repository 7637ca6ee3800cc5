// First run in production: an empty deployment is set up by the one person named at deployment
// (BOOTSTRAP_ADMIN_TENANT_ID with BOOTSTRAP_ADMIN_UPN or BOOTSTRAP_ADMIN_OBJECT_ID). Setting up
// creates the partnership with the default risk templates, the admin's own agency and their member
// record as PARTNERSHIP_ADMIN, all audited in one transaction.
import type { BootstrapAdmin } from '../config';
import type { Actor } from '../domain/access/policy';
import { DEFAULT_TEMPLATES } from '../domain/risk/default-templates';
import type { Database } from '../store/database';
import type { AgencyType, BankHolidayRegion } from '../store/generated/client';
import { audit } from './audit';
import { inTransaction, type ServiceContext } from './context';
import { conflict, ServiceError } from './errors';

/** Who is signing in, as their Entra token names them. */
export interface SignedInPerson {
  tenantId: string;
  objectId: string;
  name?: string | undefined;
  upn?: string | undefined;
}

export interface PartnershipSetUp {
  partnershipName: string;
  area: string;
  bankHolidayRegion: BankHolidayRegion;
  agencyName: string;
  agencyType: AgencyType;
}

export type FirstRunState = 'SET_UP' | 'SET_UP_BY_YOU' | 'WAITING_FOR_ADMIN';

/** Any constant works; it makes two set-ups racing each other run one after the other. */
const SET_UP_LOCK = 727_274_017;

/**
 * The tenant must be the deployment's own: partner tenants are allowed to sign in, and any of them
 * could issue a token whose preferred_username copies the admin's. Within that tenant the object id
 * (immutable) decides when it was configured; otherwise the sign-in address does.
 */
export function isBootstrapAdmin(person: SignedInPerson, bootstrapAdmin: BootstrapAdmin | undefined): boolean {
  if (!bootstrapAdmin || person.tenantId.toLowerCase() !== bootstrapAdmin.tenantId.toLowerCase()) return false;
  if (bootstrapAdmin.objectId) return person.objectId.toLowerCase() === bootstrapAdmin.objectId.toLowerCase();
  return Boolean(bootstrapAdmin.upn && person.upn && person.upn.toLowerCase() === bootstrapAdmin.upn.toLowerCase());
}

/** Whether the deployment is set up, and if not, whether this person may set it up. */
export async function firstRunState(
  db: Database,
  person: SignedInPerson,
  bootstrapAdmin: BootstrapAdmin | undefined,
): Promise<FirstRunState> {
  if ((await db.prisma.partnership.count()) > 0) return 'SET_UP';
  return isBootstrapAdmin(person, bootstrapAdmin) ? 'SET_UP_BY_YOU' : 'WAITING_FOR_ADMIN';
}

export const NOT_SET_UP_MESSAGE =
  'ASB Panels has not been set up here yet. The administrator named when it was deployed signs in first and sets it up; try again after that.';
export const ALREADY_SET_UP_MESSAGE = 'ASB Panels is already set up here: partnerships are not created again from the set-up page.';

export async function setUpPartnership(
  db: Database,
  now: () => Date,
  person: SignedInPerson,
  bootstrapAdmin: BootstrapAdmin | undefined,
  input: PartnershipSetUp,
  requestId?: string,
): Promise<{ partnershipId: string; memberId: string }> {
  if (!isBootstrapAdmin(person, bootstrapAdmin)) throw new ServiceError('FORBIDDEN', NOT_SET_UP_MESSAGE);
  return inTransaction({ db, system: 'first-run', now, requestId }, async (tx) => {
    await tx.$queryRawUnsafe(`SELECT pg_advisory_xact_lock(${SET_UP_LOCK})::text AS locked`);
    if ((await tx.partnership.count()) > 0) throw conflict(ALREADY_SET_UP_MESSAGE);
    const at = now();
    const partnership = await tx.partnership.create({
      data: { name: input.partnershipName, area: input.area, bankHolidayRegion: input.bankHolidayRegion, createdAt: at },
    });
    const agency = await tx.agency.create({
      data: { partnershipId: partnership.id, name: input.agencyName, type: input.agencyType, createdAt: at },
    });
    const member = await tx.member.create({
      data: {
        partnershipId: partnership.id,
        agencyId: agency.id,
        tenantId: person.tenantId.toLowerCase(),
        entraObjectId: person.objectId.toLowerCase(),
        displayName: person.name?.trim() || person.upn || 'Partnership admin',
        email: person.upn ?? null,
        roles: ['PARTNERSHIP_ADMIN'],
        createdAt: at,
      },
    });
    const templates = [];
    for (const template of DEFAULT_TEMPLATES) {
      const row = await tx.riskTemplate.create({
        data: {
          partnershipId: partnership.id,
          subjectType: template.subjectType,
          name: template.name,
          version: template.version,
          definition: JSON.parse(JSON.stringify(template)) as object,
          createdAt: at,
        },
        select: { id: true, subjectType: true, name: true, version: true },
      });
      templates.push(row);
    }
    const actor: Actor = {
      memberId: member.id,
      partnershipId: partnership.id,
      agencyId: agency.id,
      agencyType: agency.type,
      roles: ['PARTNERSHIP_ADMIN'],
      displayName: member.displayName,
    };
    const ctx: ServiceContext = { db, actor, requestId, now };
    await audit(tx, ctx, {
      event: 'partnership.setUp',
      entityType: 'Partnership',
      entityId: partnership.id,
      before: null,
      after: {
        partnership: { name: partnership.name, area: partnership.area, bankHolidayRegion: partnership.bankHolidayRegion },
        agency: { id: agency.id, name: agency.name, type: agency.type },
        admin: { memberId: member.id, roles: member.roles },
        riskTemplates: templates,
      },
    });
    return { partnershipId: partnership.id, memberId: member.id };
  });
}
