// The commit of an import run: every record the plan calls for, written in one transaction with its
// source key and the audit of the whole import, or nothing at all. Progress is counted in records
// written, for the tab's progress bar.
import { randomUUID } from 'node:crypto';
import { startOfLondonDay } from '../../domain/agenda/calendar-date';
import { normaliseAddress } from '../../domain/matching/addresses';
import { personSearchKeys } from '../../domain/matching/blocking';
import { importedCaseReference, importKey } from '../../domain/import/keys';
import { dateColumnOrNull } from '../../store/calendar-dates';
import type { Prisma } from '../../store/generated/client';
import { audit } from '../audit';
import type { ServiceContext, Tx } from '../context';
import type { ImportPlan, ImportRunFile } from './import-plan';

export type ImportCounts = {
  cases: number;
  people: number;
  locations: number;
  incidents: number;
  actions: number;
  linkedToExisting: number;
  alreadyImported: number;
  /** Rows read and left out on purpose: finished actions. */
  skipped: number;
};

const CHUNK = 500;
// 5,000 cases take about half a minute on an idle embedded database and a few minutes on one starved
// of CPU; the bound only stops a stuck transaction. The audit chain's lock is taken last, so it is
// held for moments, but on the embedded database (one connection) other requests wait meanwhile.
export const IMPORT_TRANSACTION = { maxWait: 10_000, timeout: 600_000 } as const;

export async function writeImport(
  ctx: ServiceContext,
  run: ImportRunFile,
  plan: ImportPlan,
  resolved: Map<string, string>,
  progress: { processed: number; total: number },
): Promise<void> {
  const partnershipId = ctx.actor.partnershipId;
  const idOf = new Map(resolved);
  const keys: Array<{ entityType: string; sourceId: string; entityId: string }> = [];
  const keep = (entityType: 'Person' | 'Location' | 'Case', sourceId: string, entityId: string) => {
    idOf.set(importKey(entityType, sourceId), entityId);
    keys.push({ entityType, sourceId, entityId });
  };

  const people: Prisma.PersonCreateManyInput[] = [];
  let linkedToExisting = 0;
  for (const [key, person] of plan.newPeople) {
    const existing = resolved.get(key);
    if (existing) {
      keep('Person', person.sourceId, existing);
      linkedToExisting++;
      continue;
    }
    const id = randomUUID();
    keep('Person', person.sourceId, id);
    people.push({
      id,
      partnershipId,
      givenName: person.givenName,
      familyName: person.familyName,
      dateOfBirth: dateColumnOrNull(person.dateOfBirth),
      ...personSearchKeys(person.givenName, person.familyName),
    });
  }
  const locations: Prisma.LocationCreateManyInput[] = [];
  for (const [key, location] of plan.newLocations) {
    const existing = resolved.get(key);
    if (existing) {
      keep('Location', location.sourceId, existing);
      linkedToExisting++;
      continue;
    }
    const id = randomUUID();
    keep('Location', location.sourceId, id);
    locations.push({
      id,
      partnershipId,
      kind: 'OTHER',
      addressLine1: location.address,
      town: location.town,
      postcode: location.postcode,
      postcodeKey: location.postcodeKey,
      addressKey: normaliseAddress(location.address),
      // The ward is often missing from exports; the town stands in so place figures still group it.
      ward: location.ward ?? location.town,
    });
  }
  const cases: Prisma.CaseCreateManyInput[] = [];
  const subjects: Prisma.CaseSubjectCreateManyInput[] = [];
  const caseLocations: Prisma.CaseLocationCreateManyInput[] = [];
  for (const kase of plan.cases) {
    const id = randomUUID();
    keep('Case', kase.sourceId, id);
    cases.push({
      id,
      partnershipId,
      reference: importedCaseReference(run.sourceSystem, kase.sourceId),
      kind: kase.kind,
      status: kase.status,
      leadAgencyId: kase.leadAgencyId,
      currentRiskBand: kase.riskBand,
      summary: kase.summary,
      openedAt: startOfLondonDay(kase.openedOn),
    });
    if (kase.victim) subjects.push({ caseId: id, personId: idOf.get(importKey('Person', kase.victim.sourceId))!, role: 'VICTIM' });
    if (kase.perpetrator) {
      subjects.push({ caseId: id, personId: idOf.get(importKey('Person', kase.perpetrator.sourceId))!, role: 'PERPETRATOR' });
    }
    if (kase.location) caseLocations.push({ caseId: id, locationId: idOf.get(importKey('Location', kase.location.sourceId))! });
  }

  const importKeys = keys.map((k) => ({ ...k, partnershipId, sourceSystem: run.sourceSystem, importRunId: run.id }));
  progress.total = people.length + locations.length + cases.length + subjects.length + caseLocations.length + importKeys.length;
  const counts: ImportCounts = {
    cases: cases.length,
    people: people.length,
    locations: locations.length,
    incidents: 0,
    actions: 0,
    linkedToExisting,
    alreadyImported: plan.alreadyImported,
    skipped: 0,
  };

  await ctx.db.prisma.$transaction(async (tx) => {
    const before = await tx.case.count({ where: { partnershipId } });
    await inChunks(people, progress, (data) => tx.person.createMany({ data }));
    await inChunks(locations, progress, (data) => tx.location.createMany({ data }));
    await inChunks(cases, progress, (data) => tx.case.createMany({ data }));
    await inChunks(subjects, progress, (data) => tx.caseSubject.createMany({ data }));
    await inChunks(caseLocations, progress, (data) => tx.caseLocation.createMany({ data }));
    await inChunks(importKeys, progress, (data) => tx.importKey.createMany({ data }));
    await finishRun(tx, run, progress, counts);
    await audit(tx, ctx, {
      event: 'import.commit',
      entityType: 'ImportRun',
      entityId: run.id,
      before: { cases: before },
      after: { cases: before + cases.length, created: counts, sourceSystem: run.sourceSystem },
    });
  }, IMPORT_TRANSACTION);
}

export async function inChunks<T>(rows: T[], progress: { processed: number }, write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    await write(chunk);
    progress.processed += chunk.length;
  }
}

/**
 * Done, with what was created; the file's cells (personal data) are not kept once imported. A run
 * no longer RUNNING was given up as abandoned meanwhile (imports.ts): then nothing is committed.
 */
export async function finishRun(tx: Tx, run: ImportRunFile, progress: { processed: number; total: number }, created: ImportCounts) {
  const finished = await tx.importRun.updateMany({
    where: { id: run.id, status: 'RUNNING' },
    data: { status: 'DONE', processed: progress.total, total: progress.total, rows: [], result: { created } },
  });
  if (finished.count === 0) throw new ImportAbandoned();
}

export class ImportAbandoned extends Error {
  override name = 'ImportAbandoned';
}
