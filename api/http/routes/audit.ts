// The audit trail for auditors: search, export and the hash-chain check.
import { z } from 'zod';
import { defineRoute, type RouteSpec } from '../route-spec';
import { checkAuditTrail, exportAuditTrail, searchAuditTrail } from '../../services/audit-trail';
import type { ApiDependencies } from './index';
import * as answers from '../responses/audit';

const DATE = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Give a date as YYYY-MM-DD.');

const filterFields = {
  entityType: z.string().trim().min(1).max(60).optional(),
  entityId: z.string().trim().min(1).max(100).optional(),
  actorId: z.guid('Give the member id as a uuid.').optional(),
  event: z.string().trim().min(1).max(100).optional(),
  from: DATE.optional(),
  to: DATE.optional(),
};

const searchQuery = z.strictObject({
  ...filterFields,
  cursor: z
    .string()
    .regex(/^\d{1,18}$/, 'Pass back the nextCursor of the previous page.')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const exportQuery = z.strictObject({ ...filterFields, format: z.enum(['csv', 'jsonl']).default('csv') });

export function auditRoutes(_deps: ApiDependencies): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/audit',
      summary: 'Search the audit trail by entity, member, event and dates, newest first.',
      tag: 'Audit',
      capability: 'audit.read',
      query: searchQuery,
      response: answers.searchAuditTrailAnswer,
      async handle({ query, ctx }) {
        return { json: await searchAuditTrail(ctx, query) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/audit/export',
      summary: 'Export the audit trail as CSV or JSON lines.',
      tag: 'Audit',
      capability: 'audit.read',
      query: exportQuery,
      produces: 'text/csv',
      async handle({ query, ctx }) {
        const { format, ...filter } = query;
        const file = await exportAuditTrail(ctx, filter, format);
        return { file: { contentType: file.contentType, filename: file.filename, data: file.data } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/audit/verify',
      summary: 'Check that no audit row was changed or removed (the hash chain).',
      tag: 'Audit',
      capability: 'audit.read',
      response: answers.checkAuditTrailAnswer,
      async handle({ ctx }) {
        return { json: await checkAuditTrail(ctx) };
      },
    }),
  ];
}
