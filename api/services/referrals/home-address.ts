// The whole VOL: a victim's or perpetrator's home, typed into a referral, becomes a place on their
// case. The known place the referrer chose is used; otherwise a confident match with a known address
// is reused (so one address is one place), and anything less makes a new dwelling rather than guessing.
import { normaliseAddress, normalisePostcode } from '../../domain/matching/addresses';
import { confidentMatch, findPossibleLocations } from '../../domain/matching/candidates';
import type { SubjectType } from '../../domain/risk/template';
import { audit } from '../audit';
import type { ServiceContext, Tx } from '../context';
import { validationFailed } from '../errors';

export interface HomeAddress {
  address: string;
  town: string;
  postcode: string | null;
}

/** What the referrer said when known addresses were offered: this one, or a new one. */
export interface HomeChoice {
  locationId?: string | undefined;
  confirmedNew?: boolean | undefined;
}

async function findOrCreateHome(
  tx: Tx,
  ctx: ServiceContext,
  home: HomeAddress,
  chosen: HomeChoice | undefined,
): Promise<{ id: string; reused: boolean }> {
  const partnershipId = ctx.actor.partnershipId;
  if (chosen?.locationId) {
    const found = await tx.location.findFirst({
      where: { id: chosen.locationId, partnershipId, anonymisedAt: null },
      select: { id: true },
    });
    if (!found)
      throw validationFailed([
        { field: 'homeMatch', message: 'The address you chose is no longer on record; check for existing records again.' },
      ]);
    return { id: found.id, reused: true };
  }
  if (!chosen?.confirmedNew) {
    const reused = await confidentlyKnown(tx, partnershipId, home);
    if (reused) return { id: reused, reused: true };
  }
  return createHome(tx, ctx, home);
}

async function confidentlyKnown(tx: Tx, partnershipId: string, home: HomeAddress): Promise<string | null> {
  const known = await tx.location.findMany({
    where: { partnershipId, anonymisedAt: null },
    select: { id: true, addressLine1: true, postcode: true },
  });
  const match = confidentMatch(
    findPossibleLocations(
      { address: home.address, postcode: home.postcode },
      known.map((l) => ({ id: l.id, address: l.addressLine1, postcode: l.postcode })),
    ),
  );
  return match?.record.id ?? null;
}

async function createHome(tx: Tx, ctx: ServiceContext, home: HomeAddress): Promise<{ id: string; reused: boolean }> {
  const partnershipId = ctx.actor.partnershipId;
  const postcode = home.postcode ? normalisePostcode(home.postcode) : null;
  const location = await tx.location.create({
    data: {
      partnershipId,
      kind: 'DWELLING',
      addressLine1: home.address,
      town: home.town,
      postcode: home.postcode ?? '',
      postcodeKey: postcode?.ok ? postcode.value : (home.postcode?.toUpperCase() ?? ''),
      addressKey: normaliseAddress(home.address),
      // As for referred places: the town stands in for an unknown ward so the figures still group it.
      ward: home.town,
    },
    select: { id: true },
  });
  await audit(tx, ctx, {
    event: 'location.create',
    entityType: 'Location',
    entityId: location.id,
    after: { address: home.address, town: home.town, postcode: home.postcode, kind: 'DWELLING' },
  });
  return { id: location.id, reused: false };
}

/** Links the person's home to the case as where the victim or perpetrator lives; returns the place's id. */
export async function linkHomeAddress(
  tx: Tx,
  ctx: ServiceContext,
  target: { caseId: string; personId: string; subjectType: Exclude<SubjectType, 'LOCATION'> },
  home: HomeAddress,
  chosen?: HomeChoice,
): Promise<string> {
  const location = await findOrCreateHome(tx, ctx, home, chosen);
  const key = { caseId: target.caseId, locationId: location.id };
  const existing = await tx.caseLocation.findUnique({ where: { caseId_locationId: key }, select: { caseId: true } });
  // A place already on the case (reported, or someone's home) keeps how it was first linked.
  if (existing) return location.id;
  const role = target.subjectType === 'VICTIM' ? 'VICTIM_HOME' : 'PERPETRATOR_HOME';
  await tx.caseLocation.create({ data: { ...key, role, personId: target.personId, addedAt: ctx.now() } });
  await audit(tx, ctx, {
    event: 'case.link-location',
    entityType: 'Case',
    entityId: target.caseId,
    before: null,
    after: { locationId: location.id, role, personId: target.personId, reusedLocation: location.reused },
  });
  return location.id;
}
