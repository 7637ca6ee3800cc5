// What committing an import run would do, worked out without writing: each row checked, rows already
// imported found by their source keys, and people and addresses that may already be known matched
// with the same matcher referrals use. The dry run shows it; the commit carries it out.
import { londonDateOf } from '../../domain/agenda/calendar-date';
import { mayMatchPerson, personMatchKeys } from '../../domain/matching/blocking';
import { findPossibleLocations, findPossiblePeople } from '../../domain/matching/candidates';
import {
  readCaseRows,
  type ImportedCase,
  type ImportedLocation,
  type ImportedPerson,
  type RowProblem,
} from '../../domain/import/case-rows';
import type { ImportedAction, SkippedRow } from '../../domain/import/action-rows';
import {
  FIELDS_OF,
  missingRequiredFields,
  unknownFields,
  unknownMappedHeaders,
  type ColumnMapping,
  type ImportKind,
} from '../../domain/import/fields';
import type { ImportedIncident } from '../../domain/import/incident-rows';
import { importedCaseReference, importKey } from '../../domain/import/keys';
import { calendarDateOrNull } from '../../store/calendar-dates';
import type { ServiceContext } from '../context';
import { validationFailed } from '../errors';

export interface ImportRunFile {
  id: string;
  kind: ImportKind;
  fileName: string;
  sourceSystem: string;
  headers: string[];
  rows: string[][];
}

export interface MatchCandidateView {
  id: string;
  label: string;
  score: number;
  reason: string;
}

/** A person or address in the file that may already be known: the admin decides which it is. */
export interface PossibleDuplicate {
  /** The import key, e.g. "Person:V-1042": the commit's decisions are keyed by it. */
  key: string;
  kind: 'PERSON' | 'LOCATION';
  row: number;
  label: string;
  candidates: MatchCandidateView[];
}

export interface ImportPlan {
  kind: ImportKind;
  /** Cases, incidents or actions to create (by the run's kind), in file order. */
  cases: ImportedCase[];
  incidents: ImportedIncident[];
  actions: ImportedAction[];
  /** Rows read but deliberately left out (finished actions). */
  skipped: SkippedRow[];
  alreadyImported: number;
  problems: RowProblem[];
  /** Import key → the existing record it resolves to without asking (imported before). */
  known: Map<string, string>;
  /** People and addresses new to this source, by import key, first row's version. */
  newPeople: Map<string, ImportedPerson>;
  newLocations: Map<string, ImportedLocation>;
  duplicates: PossibleDuplicate[];
}

const personLabel = (p: { givenName: string; familyName: string; dateOfBirth: string | null }) =>
  `${p.givenName} ${p.familyName}${p.dateOfBirth ? `, born ${p.dateOfBirth}` : ''}`;
const locationLabel = (l: { address: string; town: string; postcode: string }) => `${l.address}, ${l.town} ${l.postcode}`;

/** Refuses a mapping that cannot be read: a required field without a column, or a column the file lacks. */
export function checkMapping(run: ImportRunFile, mapping: ColumnMapping): void {
  const fields = FIELDS_OF[run.kind];
  const missing = missingRequiredFields(mapping, fields);
  const unknown = unknownMappedHeaders(mapping, run.headers);
  const strange = unknownFields(mapping, fields);
  if (missing.length === 0 && unknown.length === 0 && strange.length === 0) return;
  throw validationFailed(
    [
      ...strange.map((key) => ({ field: `mapping.${key}`, message: `A ${run.kind.toLowerCase()} file has no field "${key}".` })),
      ...missing.map((field) => ({ field: `mapping.${field.key}`, message: `Choose the column that holds ${field.label.toLowerCase()}.` })),
      ...unknown.map((header) => ({ field: 'mapping', message: `The file has no column "${header}".` })),
    ],
    missing.length > 0
      ? `The file needs a column for: ${missing.map((field) => field.label).join(', ')}.`
      : strange.length > 0
        ? `The mapping is for another kind of file than this ${run.kind.toLowerCase()} file.`
        : 'The mapping names columns the file does not have.',
  );
}

export async function planCaseImport(ctx: ServiceContext, run: ImportRunFile, mapping: ColumnMapping): Promise<ImportPlan> {
  const partnershipId = ctx.actor.partnershipId;
  const prisma = ctx.db.prisma;
  const agencies = await prisma.agency.findMany({ where: { partnershipId }, select: { id: true, name: true } });
  const { cases, problems } = readCaseRows(run.headers, run.rows, mapping, { agencies, today: londonDateOf(ctx.now()) });

  const keys = await prisma.importKey.findMany({
    where: { partnershipId, sourceSystem: run.sourceSystem },
    select: { entityType: true, sourceId: true, entityId: true },
  });
  const known = new Map(keys.map((k) => [`${k.entityType}:${k.sourceId}`, k.entityId]));
  const fresh = cases.filter((kase) => !known.has(importKey('Case', kase.sourceId)));

  // A case reference taken by a case this source did not import (keyed re-imports are skipped above).
  const references = fresh.map((kase) => importedCaseReference(run.sourceSystem, kase.sourceId));
  const taken = new Set(
    (await prisma.case.findMany({ where: { partnershipId, reference: { in: references } }, select: { reference: true } })).map(
      (c) => c.reference,
    ),
  );
  const toCreate: ImportedCase[] = [];
  for (const kase of fresh) {
    const reference = importedCaseReference(run.sourceSystem, kase.sourceId);
    if (taken.has(reference)) {
      problems.push({ row: kase.row, column: mapping.caseId!, message: `A case with reference ${reference} already exists.` });
    } else toCreate.push(kase);
  }
  problems.sort((a, b) => a.row - b.row);

  const newPeople = new Map<string, ImportedPerson>();
  const newLocations = new Map<string, ImportedLocation>();
  const firstRow = new Map<string, number>();
  for (const kase of toCreate) {
    for (const person of [kase.victim, kase.perpetrator]) {
      const key = person && importKey('Person', person.sourceId);
      if (person && key && !known.has(key) && !newPeople.has(key)) {
        newPeople.set(key, person);
        firstRow.set(key, kase.row);
      }
    }
    const key = kase.location && importKey('Location', kase.location.sourceId);
    if (kase.location && key && !known.has(key) && !newLocations.has(key)) {
      newLocations.set(key, kase.location);
      firstRow.set(key, kase.row);
    }
  }

  return {
    kind: 'CASES',
    cases: toCreate,
    incidents: [],
    actions: [],
    skipped: [],
    alreadyImported: cases.length - fresh.length,
    problems,
    known,
    newPeople,
    newLocations,
    duplicates: await possibleDuplicates(ctx, newPeople, newLocations, firstRow),
  };
}

async function possibleDuplicates(
  ctx: ServiceContext,
  people: Map<string, ImportedPerson>,
  locations: Map<string, ImportedLocation>,
  firstRow: Map<string, number>,
): Promise<PossibleDuplicate[]> {
  const partnershipId = ctx.actor.partnershipId;
  const duplicates: PossibleDuplicate[] = [];
  if (people.size > 0) {
    // Anonymised records are kept for the figures but must never be offered as a match.
    const existing = (
      await ctx.db.prisma.person.findMany({
        where: { partnershipId, anonymisedAt: null },
        select: { id: true, givenName: true, familyName: true, dateOfBirth: true, matchLength: true, matchBag: true, matchExtra: true },
      })
    ).map((p) => ({
      id: p.id,
      givenNames: p.givenName,
      familyName: p.familyName,
      dateOfBirth: calendarDateOrNull(p.dateOfBirth),
      matchLength: p.matchLength,
      matchBag: p.matchBag,
      matchExtra: p.matchExtra,
    }));
    for (const [key, person] of people) {
      // Only those passing the blocking test (it never drops a match; see domain/matching/blocking.ts)
      // reach the matcher, instead of every pair of imported and existing people.
      const probe = { ...personMatchKeys(person.givenName, person.familyName), dateOfBirth: person.dateOfBirth };
      const candidates = findPossiblePeople(
        { givenNames: person.givenName, familyName: person.familyName, dateOfBirth: person.dateOfBirth },
        existing.filter((record) => mayMatchPerson(probe, record)),
      );
      if (candidates.length === 0) continue;
      duplicates.push({
        key,
        kind: 'PERSON',
        row: firstRow.get(key)!,
        label: personLabel(person),
        candidates: candidates.map((c) => ({
          id: c.record.id,
          label: personLabel({ givenName: c.record.givenNames, familyName: c.record.familyName, dateOfBirth: c.record.dateOfBirth }),
          score: c.score,
          reason: c.reason,
        })),
      });
    }
  }
  if (locations.size > 0) {
    const existing = await ctx.db.prisma.location.findMany({
      where: { partnershipId, anonymisedAt: null },
      select: { id: true, addressLine1: true, town: true, postcode: true },
    });
    const byId = new Map(existing.map((l) => [l.id, l]));
    const records = existing.map((l) => ({ id: l.id, address: l.addressLine1, postcode: l.postcode }));
    for (const [key, location] of locations) {
      const candidates = findPossibleLocations({ address: location.address, postcode: location.postcode }, records);
      if (candidates.length === 0) continue;
      duplicates.push({
        key,
        kind: 'LOCATION',
        row: firstRow.get(key)!,
        label: locationLabel(location),
        candidates: candidates.map((c) => {
          const l = byId.get(c.record.id)!;
          return {
            id: l.id,
            label: locationLabel({ address: l.addressLine1, town: l.town, postcode: l.postcode }),
            score: c.score,
            reason: c.reason,
          };
        }),
      });
    }
  }
  return duplicates.sort((a, b) => a.row - b.row || a.key.localeCompare(b.key));
}
