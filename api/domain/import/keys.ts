// How imported records are found again: the source system's name and the record's own id there.
// Importing the same file twice resolves every row to the records the first import created.

export type ImportedEntity = 'Case' | 'Person' | 'Location' | 'Incident' | 'Action';

/** "ecins " and "ECINS" are the same system. */
export function normaliseSourceSystem(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ').toUpperCase();
}

/** One string per imported record within a source system, e.g. "Person:V-1042". */
export function importKey(entity: ImportedEntity, sourceId: string): string {
  return `${entity}:${sourceId}`;
}

/** The case reference shown in meetings: the source system's own, so people recognise it. */
export function importedCaseReference(sourceSystem: string, caseSourceId: string): string {
  return `${sourceSystem}-${caseSourceId}`;
}
