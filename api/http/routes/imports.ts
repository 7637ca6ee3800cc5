// Import of existing cases, incidents and open actions from another system's CSV or Excel export. Partnership admins only. The
// file arrives base64-encoded in JSON under its own, larger body limit (see app.ts).
import { z } from 'zod';
import { IMPORT_KINDS } from '../../domain/import/fields';
import { dryRunImport, readImportStatus, startImportCommit, uploadImportFile } from '../../services/import/imports';
import { MAX_IMPORT_FILE_BYTES } from '../../services/import/read-file';
import { defineRoute, type RouteSpec } from '../route-spec';
import type { ApiDependencies } from './index';
import * as answers from '../responses/imports';

/** The JSON body of an upload: the file's base64 text and a little more. */
export const IMPORT_UPLOAD_BODY_LIMIT = `${Math.ceil((MAX_IMPORT_FILE_BYTES * 4) / 3 / 1024 / 1024) + 1}mb`;
const MAX_BASE64_LENGTH = Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4;
export const IMPORT_FILE_TOO_LARGE = 'The file is larger than 10 MB. Split it into smaller files.';

const upload = z.strictObject({
  fileName: z
    .string({ message: 'Give the file name.' })
    .trim()
    .min(1, 'Give the file name.')
    .max(200, 'The file name is at most 200 characters.')
    .regex(/\.(csv|xlsx|xls|txt)$/i, 'Upload a .csv or .xlsx file.'),
  sourceSystem: z
    .string({ message: 'Name the system the file was exported from.' })
    .trim()
    .min(1, 'Name the system the file was exported from.')
    .max(40, 'The source system name is at most 40 characters.')
    .regex(/^[\p{L}\p{N} ._-]+$/u, 'Use letters, digits, spaces, dots, dashes or underscores in the source system name.'),
  content: z
    .string({ message: 'Attach the file.' })
    .min(1, 'The file is empty.')
    .max(MAX_BASE64_LENGTH, IMPORT_FILE_TOO_LARGE)
    .base64('The file content must be base64-encoded.'),
  kind: z.enum(IMPORT_KINDS, { message: 'Say whether the file holds cases, incidents or actions.' }).optional(),
});

// Which fields there are depends on the run's kind: the service refuses fields its kind lacks.
const mapping = z
  .record(z.string().max(40, 'A field name is at most 40 characters.'), z.string().max(200, 'A column header is at most 200 characters.'))
  .refine((fields) => Object.keys(fields).length <= 40, 'A mapping has at most 40 fields.');

const dryRun = z.strictObject({ mapping });

const commit = z.strictObject({
  mapping,
  decisions: z
    .record(
      z.string().max(200),
      z.union([z.literal('NEW'), z.uuid({ message: 'Each decision is "NEW" or the id of an existing record.' })]),
    )
    .default({}),
});

export function importRoutes(_deps: ApiDependencies): RouteSpec[] {
  return [
    defineRoute({
      method: 'post',
      path: '/imports',
      summary:
        'Upload a CSV or Excel file of existing cases, incidents or open actions (kind given, or recognised from the headers) and get the suggested column mapping.',
      tag: 'Import',
      capability: 'import.run',
      body: upload,
      response: answers.uploadImportFileAnswer,
      async handle({ body, ctx }) {
        const content = Buffer.from(body.content, 'base64');
        return {
          status: 201,
          json: await uploadImportFile(ctx, { fileName: body.fileName, sourceSystem: body.sourceSystem, content, kind: body.kind }),
        };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/imports/:importId/dry-run',
      summary: "Check every row with the confirmed mapping and list each row's problems and possible duplicates, writing nothing.",
      tag: 'Import',
      capability: 'import.run',
      params: { importId: 'import' },
      body: dryRun,
      response: answers.dryRunImportAnswer,
      async handle({ params, body, ctx }) {
        return { status: 200, json: await dryRunImport(ctx, params.importId!, body.mapping) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/imports/:importId/commit',
      summary: 'Import every row in one transaction, as a job whose progress GET /imports/:importId reports.',
      tag: 'Import',
      capability: 'import.run',
      params: { importId: 'import' },
      body: commit,
      response: answers.importStatusAnswer,
      async handle({ params, body, ctx }) {
        return { status: 202, json: await startImportCommit(ctx, params.importId!, body.mapping, body.decisions) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/imports/:importId',
      summary: "An import's status and the progress of its commit.",
      tag: 'Import',
      capability: 'import.run',
      params: { importId: 'import' },
      response: answers.importStatusAnswer,
      async handle({ params, ctx }) {
        return { json: await readImportStatus(ctx, params.importId!) };
      },
    }),
  ];
}
