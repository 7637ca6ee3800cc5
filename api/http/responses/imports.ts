// The answers of the routes in routes/imports.ts as they go on the wire; see route-spec.ts.
import { z } from 'zod';

const importStatus = z.enum(['UPLOADED', 'RUNNING', 'DONE', 'FAILED']);
const importKind = z.enum(['CASES', 'INCIDENTS', 'ACTIONS']);

/** POST /api/imports */
export const uploadImportFileAnswer = z.strictObject({
  id: z.string(),
  kind: importKind,
  fileName: z.string(),
  sourceSystem: z.string(),
  rowCount: z.number(),
  headers: z.array(z.string()),
  fields: z.array(z.strictObject({ key: z.string(), label: z.string(), required: z.boolean() })),
  suggestedMapping: z.record(z.string(), z.string()),
  missingFields: z.array(z.string()),
});

/** POST /api/imports/:importId/dry-run */
export const dryRunImportAnswer = z.strictObject({
  id: z.string(),
  kind: importKind,
  rowCount: z.number(),
  /** Cases, incidents or actions, by the run's kind. */
  toImport: z.number(),
  casesToImport: z.number(),
  alreadyImported: z.number(),
  newPeople: z.number(),
  newLocations: z.number(),
  problemCount: z.number(),
  problems: z.array(z.strictObject({ row: z.number(), column: z.string(), message: z.string() })),
  /** Rows left out on purpose (done or cancelled actions), not problems. */
  skippedCount: z.number(),
  skipped: z.array(z.strictObject({ row: z.number(), message: z.string() })),
  duplicates: z.array(
    z.strictObject({
      key: z.string(),
      kind: z.enum(['PERSON', 'LOCATION']),
      row: z.number(),
      label: z.string(),
      candidates: z.array(z.strictObject({ id: z.string(), label: z.string(), score: z.number(), reason: z.string() })),
    }),
  ),
});

/** GET /api/imports/:importId and POST /api/imports/:importId/commit */
export const importStatusAnswer = z.strictObject({
  id: z.string(),
  kind: importKind,
  fileName: z.string(),
  sourceSystem: z.string(),
  status: importStatus,
  processed: z.number(),
  total: z.number(),
  created: z
    .strictObject({
      cases: z.number(),
      people: z.number(),
      locations: z.number(),
      incidents: z.number(),
      actions: z.number(),
      linkedToExisting: z.number(),
      alreadyImported: z.number(),
      skipped: z.number(),
    })
    .nullable(),
  error: z.string().nullable(),
});
