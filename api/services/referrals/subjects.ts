// People and places: duplicate suggestions while a referral is typed (no double keying), and the
// person or place a submitted referral is about, linked when the referrer confirmed a match.
import { mayUse } from '../../domain/access/policy';
import { normaliseAddress, normalisePostcode } from '../../domain/matching/addresses';
import { personMatchKeys, personSearchKeys, requiredShare } from '../../domain/matching/blocking';
import { DEFAULT_MATCH_OPTIONS, findPossibleLocations, findPossiblePeople } from '../../domain/matching/candidates';
import { isCalendarDate } from '../../domain/agenda/calendar-date';
import { audit } from '../audit';
import { visibleCaseWhere } from '../case-access';
import { inTransaction, type ServiceContext, type Tx } from '../context';
import { forbidden, validationFailed } from '../errors';
import type { CompleteSubject, ReferralDraft } from './referral-draft';
import { calendarDateOrNull, dateColumnOrNull } from '../../store/calendar-dates';

/**
 * The live people of the partnership who could match the probe: those passing the blocking test of
 * api/domain/matching/blocking.ts (mayMatchPerson, which explains why it never drops a person the
 * matcher would accept). Anonymised records are kept for the figures but must never be offered.
 * Exported for tests/integration/person-blocking-sql.test.ts, which holds it to mayMatchPerson row for row.
 */
export async function blockedPeople(
  tx: Tx,
  partnershipId: string,
  probe: { givenName: string; familyName: string; dateOfBirth: string | null },
) {
  const keys = personMatchKeys(probe.givenName, probe.familyName);
  // A different date of birth caps the score at 0.5: below the minimum score, so never offered.
  const born =
    DEFAULT_MATCH_OPTIONS.minimumScore > 0.5 && probe.dateOfBirth && isCalendarDate(probe.dateOfBirth) ? probe.dateOfBirth : null;
  return tx.$queryRaw<Array<{ id: string; givenName: string; familyName: string; dateOfBirth: Date | null }>>`
    SELECT "id", "givenName", "familyName", "dateOfBirth"
      FROM "Person"
     WHERE "partnershipId" = ${partnershipId}::uuid AND "anonymisedAt" IS NULL
       AND (${born}::date IS NULL OR "dateOfBirth" IS NULL OR "dateOfBirth" = ${born}::date)
       AND ("matchBag" IS NULL OR "matchLength" IS NULL OR "matchExtra" IS NULL
            OR (bit_count(("matchBag" & ${keys.matchBag}::bigint)::bit(64)) + least("matchExtra", ${keys.matchExtra}::int))::float8
                 * (${keys.matchLength}::int + "matchLength")
               >= ${requiredShare()}::float8 * ${keys.matchLength}::int * "matchLength")`;
}

async function possiblePeople(tx: Tx, partnershipId: string, probe: { givenName: string; familyName: string; dateOfBirth: string | null }) {
  const people = await blockedPeople(tx, partnershipId, probe);
  return findPossiblePeople(
    { givenNames: probe.givenName, familyName: probe.familyName, dateOfBirth: probe.dateOfBirth },
    people.map((p) => ({ id: p.id, givenNames: p.givenName, familyName: p.familyName, dateOfBirth: calendarDateOrNull(p.dateOfBirth) })),
  ).map((c) => ({
    id: c.record.id,
    givenName: c.record.givenNames,
    familyName: c.record.familyName,
    dateOfBirth: c.record.dateOfBirth,
    score: c.score,
    reason: c.reason,
  }));
}

async function possibleLocations(tx: Tx, partnershipId: string, probe: { address: string; postcode: string | null }) {
  const locations = await tx.location.findMany({
    where: { partnershipId, anonymisedAt: null },
    select: { id: true, kind: true, addressLine1: true, town: true, postcode: true, ward: true },
  });
  const byId = new Map(locations.map((l) => [l.id, l]));
  return findPossibleLocations(
    probe,
    locations.map((l) => ({ id: l.id, address: l.addressLine1, postcode: l.postcode })),
  ).map((c) => {
    const l = byId.get(c.record.id)!;
    return {
      id: l.id,
      kind: l.kind,
      address: l.addressLine1,
      town: l.town,
      postcode: l.postcode,
      ward: l.ward,
      score: c.score,
      reason: c.reason,
    };
  });
}

export const UNDISCLOSED_MATCH_ADVICE =
  'A possible match exists on a case you cannot see. Ask the panel chair or coordinator before referring this person as someone new.';

export const UNDISCLOSED_ADDRESS_ADVICE =
  'A possible match for this address is someone’s home on a case you cannot see. Ask the panel chair or coordinator before recording it as a new address.';

export async function searchPeople(ctx: ServiceContext, probe: { givenName: string; familyName: string; dateOfBirth: string | null }) {
  if (!mayUse(ctx.actor, 'person.search')) throw forbidden('search for people');
  return inTransaction(ctx, async (tx) => {
    const found = await possiblePeople(tx, ctx.actor.partnershipId, probe);
    await audit(tx, ctx, { event: 'person.search', entityType: 'Person', after: { query: probe, found: found.map((c) => c.id) } });
    // Duplicate detection needs the searcher to know a record may exist, not whose it is: a person
    // on no case the member may see is not named, only counted into one advisory flag.
    const visible = new Set(
      (
        await tx.caseSubject.findMany({
          where: { personId: { in: found.map((c) => c.id) }, case: visibleCaseWhere(ctx.actor) },
          select: { personId: true },
        })
      ).map((row) => row.personId),
    );
    const candidates = found.filter((c) => visible.has(c.id));
    const undisclosedMatch = candidates.length < found.length;
    return {
      candidates,
      undisclosedMatch,
      ...(undisclosedMatch ? { advice: UNDISCLOSED_MATCH_ADVICE } : {}),
    };
  });
}

export async function searchLocations(ctx: ServiceContext, probe: { address: string; postcode: string | null }) {
  if (!mayUse(ctx.actor, 'person.search')) throw forbidden('search for addresses');
  return inTransaction(ctx, async (tx) => {
    const found = await possibleLocations(tx, ctx.actor.partnershipId, probe);
    await audit(tx, ctx, { event: 'location.search', entityType: 'Location', after: { query: probe, found: found.map((c) => c.id) } });
    // A home says where a victim or perpetrator lives: it is offered only from a case the member may
    // see (or when it is on no case), as people are. Parks, shops and streets are offered to anyone.
    const homes = found.filter((c) => c.kind === 'DWELLING').map((c) => c.id);
    const onCases = await tx.caseLocation.findMany({ where: { locationId: { in: homes } }, select: { locationId: true } });
    const onVisibleCases = await tx.caseLocation.findMany({
      where: { locationId: { in: homes }, case: visibleCaseWhere(ctx.actor) },
      select: { locationId: true },
    });
    const hidden = new Set(onCases.map((row) => row.locationId));
    for (const row of onVisibleCases) hidden.delete(row.locationId);
    const candidates = found.filter((c) => !hidden.has(c.id)).map(({ kind: _kind, ...candidate }) => candidate);
    const undisclosedMatch = candidates.length < found.length;
    return {
      candidates,
      undisclosedMatch,
      ...(undisclosedMatch ? { advice: UNDISCLOSED_ADDRESS_ADVICE } : {}),
    };
  });
}

export type ResolvedSubject = { personId: string; locationId: null } | { personId: null; locationId: string };

/**
 * The record the referral is about. A confirmed match is linked; a new subject is created only
 * when nothing similar is known or the referrer has said it is someone (or somewhere) new.
 */
export async function resolveSubject(
  tx: Tx,
  ctx: ServiceContext,
  draft: ReferralDraft,
  subject: CompleteSubject | null,
): Promise<ResolvedSubject> {
  const partnershipId = ctx.actor.partnershipId;
  if (draft.match?.personId && !subject) {
    const found = await tx.person.findFirst({
      where: { id: draft.match.personId, partnershipId, anonymisedAt: null },
      select: { id: true },
    });
    if (!found)
      throw validationFailed([{ field: 'match.personId', message: 'The person you linked to is no longer on record; search again.' }]);
    return { personId: found.id, locationId: null };
  }
  if (draft.match?.locationId && !subject) {
    const found = await tx.location.findFirst({
      where: { id: draft.match.locationId, partnershipId, anonymisedAt: null },
      select: { id: true },
    });
    if (!found)
      throw validationFailed([{ field: 'match.locationId', message: 'The place you linked to is no longer on record; search again.' }]);
    return { personId: null, locationId: found.id };
  }
  if (!subject) throw validationFailed([{ field: 'subject', message: 'Say who or where the referral is about.' }]);
  if (subject.kind === 'PERSON') {
    if (!draft.match?.confirmedNew && (await possiblePeople(tx, partnershipId, subject)).length > 0) {
      throw validationFailed([
        { field: 'match', message: 'This person may already be known. Choose the matching record, or confirm they are someone new.' },
      ]);
    }
    const person = await tx.person.create({
      data: {
        partnershipId,
        givenName: subject.givenName,
        familyName: subject.familyName,
        dateOfBirth: dateColumnOrNull(subject.dateOfBirth),
        ...personSearchKeys(subject.givenName, subject.familyName),
      },
      select: { id: true },
    });
    await audit(tx, ctx, {
      event: 'person.create',
      entityType: 'Person',
      entityId: person.id,
      after: { givenName: subject.givenName, familyName: subject.familyName, dateOfBirth: subject.dateOfBirth },
    });
    return { personId: person.id, locationId: null };
  }
  if (!draft.match?.confirmedNew && (await possibleLocations(tx, partnershipId, subject)).length > 0) {
    throw validationFailed([
      { field: 'match', message: 'This address may already be known. Choose the matching place, or confirm it is a new one.' },
    ]);
  }
  const postcode = normalisePostcode(subject.postcode);
  const location = await tx.location.create({
    data: {
      partnershipId,
      addressLine1: subject.address,
      town: subject.town,
      postcode: subject.postcode,
      postcodeKey: postcode.ok ? postcode.value : subject.postcode.toUpperCase(),
      addressKey: normaliseAddress(subject.address),
      // The ward is often unknown to a referrer; the town stands in so place figures still group it.
      ward: subject.ward ?? subject.town,
      kind: 'OTHER',
    },
    select: { id: true },
  });
  await audit(tx, ctx, {
    event: 'location.create',
    entityType: 'Location',
    entityId: location.id,
    after: { address: subject.address, town: subject.town, postcode: subject.postcode },
  });
  return { personId: null, locationId: location.id };
}
