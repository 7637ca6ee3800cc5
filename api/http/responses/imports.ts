// The answers of the routes in routes/imports.ts as they go on the wire; see route-spec.ts.
import { z } from 'zod';

const importStatus = z.enum(['UPLOADED', 'RUNNING', 'DONE', 'FAILED']);

/** POST /api/imports */
export const uploadImportFileAnswer = z.strictObject({
  id: z.string(),
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
  rowCount: z.number(),
  casesToImport: z.number(),
  alreadyImported: z.number(),
  newPeople: z.number(),
  newLocations: z.number(),
  problemCount: z.number(),
  problems: z.array(z.strictObject({ row: z.number(), column: z.string(), message: z.string() })),
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
      linkedToExisting: z.number(),
      alreadyImported: z.number(),
    })
    .nullable(),
  error: z.string().nullable(),
});
