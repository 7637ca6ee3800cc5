// The audit trail as auditors see it: search with filters and a cursor, export as CSV or JSON lines,
// and a check of the hash chain. Reading the trail is itself personal-data access, so each of these
// is audited in the transaction that reads (the row lands after the rows it read).
import { addDays, londonDateOf, startOfLondonDay, type CalendarDate } from '../domain/agenda/calendar-date';
import { mayUse } from '../domain/access/policy';
import { csvField } from '../domain/governance/csv';
import type { Prisma } from '../store/generated/client';
import { audit, canonicalJson, verifyAuditChain, type AuditChainCheck } from './audit';
import { inTransaction, type ServiceContext } from './context';
import { forbidden, validationFailed } from './errors';

export interface AuditTrailFilter {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  /** An exact event ("case.read") or a family ending in a dot ("case."). */
  event?: string | undefined;
  from?: CalendarDate | undefined;
  to?: CalendarDate | undefined;
}

export interface AuditTrailPage {
  events: AuditTrailRow[];
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

export interface AuditTrailRow {
  seq: string;
  at: string;
  actorKind: 'MEMBER' | 'SYSTEM';
  actor: { id: string; displayName: string } | null;
  event: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  hash: string;
}

/** An export larger than this is refused: ask for a shorter period instead of holding the lock for long. */
export const AUDIT_EXPORT_LIMIT = 50_000;

function requireAuditor(ctx: ServiceContext, doing: string): void {
  if (!mayUse(ctx.actor, 'audit.read')) throw forbidden(doing);
}

function checkedRange(filter: AuditTrailFilter): { gte?: Date; lt?: Date } {
  if (filter.from && filter.to && filter.from > filter.to) {
    throw validationFailed([{ field: 'from', message: 'The start of the period must not be after its end.' }]);
  }
  return {
    ...(filter.from ? { gte: startOfLondonDay(filter.from) } : {}),
    ...(filter.to ? { lt: startOfLondonDay(addDays(filter.to, 1)) } : {}),
  };
}

/**
 * The partnership's own rows and the app's (system rows carry no partnership). A family filter
 * ("case.") matches every event that starts with it.
 */
function whereFor(ctx: ServiceContext, filter: AuditTrailFilter): Prisma.AuditEventWhereInput {
  const at = checkedRange(filter);
  return {
    OR: [{ partnershipId: ctx.actor.partnershipId }, { partnershipId: null }],
    ...(filter.entityType ? { entityType: filter.entityType } : {}),
    ...(filter.entityId ? { entityId: filter.entityId } : {}),
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(filter.event ? { event: filter.event.endsWith('.') ? { startsWith: filter.event } : filter.event } : {}),
    ...(Object.keys(at).length > 0 ? { at } : {}),
  };
}

const ROW_SELECT = {
  seq: true,
  at: true,
  actorKind: true,
  event: true,
  entityType: true,
  entityId: true,
  before: true,
  after: true,
  requestId: true,
  hash: true,
  actor: { select: { id: true, displayName: true } },
} as const;

type SelectedRow = Prisma.AuditEventGetPayload<{ select: typeof ROW_SELECT }>;

function toRow(row: SelectedRow): AuditTrailRow {
  return {
    seq: row.seq.toString(),
    at: row.at.toISOString(),
    actorKind: row.actorKind,
    actor: row.actor,
    event: row.event,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before ?? null,
    after: row.after ?? null,
    requestId: row.requestId,
    hash: row.hash,
  };
}

/** Newest first, `limit` rows older than `cursor` (a seq from the previous page). */
export async function searchAuditTrail(
  ctx: ServiceContext,
  filter: AuditTrailFilter & { cursor?: string | undefined; limit: number },
): Promise<AuditTrailPage> {
  requireAuditor(ctx, 'read the audit trail');
  const where = whereFor(ctx, filter);
  return inTransaction(ctx, async (tx) => {
    const rows = await tx.auditEvent.findMany({
      where: filter.cursor ? { AND: [where, { seq: { lt: BigInt(filter.cursor) } }] } : where,
      orderBy: { seq: 'desc' },
      take: filter.limit + 1,
      select: ROW_SELECT,
    });
    const page = rows.slice(0, filter.limit);
    await audit(tx, ctx, {
      event: 'audit.search',
      entityType: 'AuditEvent',
      after: { filter: plainFilter(filter), cursor: filter.cursor ?? null, returned: page.length },
    });
    return { events: page.map(toRow), nextCursor: rows.length > filter.limit ? page[page.length - 1]!.seq.toString() : null };
  });
}

export type AuditExportFormat = 'csv' | 'jsonl';

const CSV_COLUMNS = [
  'seq',
  'at',
  'actorKind',
  'actorId',
  'actorName',
  'event',
  'entityType',
  'entityId',
  'before',
  'after',
  'requestId',
  'hash',
] as const;

/** The filtered trail oldest first, as CSV (before/after as JSON text) or one JSON object per line. */
export async function exportAuditTrail(
  ctx: ServiceContext,
  filter: AuditTrailFilter,
  format: AuditExportFormat,
): Promise<{ filename: string; contentType: string; data: string }> {
  requireAuditor(ctx, 'export the audit trail');
  const where = whereFor(ctx, filter);
  return inTransaction(ctx, async (tx) => {
    const count = await tx.auditEvent.count({ where });
    if (count > AUDIT_EXPORT_LIMIT) {
      throw validationFailed([
        { field: 'from', message: `The export would hold ${count} rows; choose a shorter period (at most ${AUDIT_EXPORT_LIMIT} rows).` },
      ]);
    }
    const rows = (await tx.auditEvent.findMany({ where, orderBy: { seq: 'asc' }, select: ROW_SELECT })).map(toRow);
    await audit(tx, ctx, {
      event: 'audit.export',
      entityType: 'AuditEvent',
      after: { filter: plainFilter(filter), format, rows: rows.length },
    });
    const stamp = londonDateOf(ctx.now());
    if (format === 'jsonl') {
      return {
        filename: `audit-trail-${stamp}.jsonl`,
        contentType: 'application/x-ndjson; charset=utf-8',
        data: rows.map((row) => JSON.stringify(row) + '\n').join(''),
      };
    }
    const lines = [CSV_COLUMNS.join(','), ...rows.map((row) => csvLine(row))];
    return { filename: `audit-trail-${stamp}.csv`, contentType: 'text/csv; charset=utf-8', data: lines.join('\r\n') + '\r\n' };
  });
}

function csvLine(row: AuditTrailRow): string {
  const json = (value: unknown) => (value === null ? '' : canonicalJson(value));
  const fields = [
    row.seq,
    row.at,
    row.actorKind,
    row.actor?.id ?? '',
    row.actor?.displayName ?? '',
    row.event,
    row.entityType,
    row.entityId ?? '',
    json(row.before),
    json(row.after),
    row.requestId ?? '',
    row.hash,
  ];
  return fields.map(csvField).join(',');
}

/** Recomputes every hash from the first row; the first row that does not match is reported. */
export async function checkAuditTrail(ctx: ServiceContext): Promise<AuditChainCheck> {
  requireAuditor(ctx, 'check the audit trail');
  // Outside a transaction: the table only grows, and a long chain must not outlast the transaction
  // timeout (PGlite checks about 12,000 rows a second) or hold the chain's lock while it is read.
  const check = await verifyAuditChain(ctx.db.prisma);
  await inTransaction(ctx, (tx) => audit(tx, ctx, { event: 'audit.verify', entityType: 'AuditEvent', after: check }));
  return check;
}

function plainFilter(filter: AuditTrailFilter): AuditTrailFilter {
  const { entityType, entityId, actorId, event, from, to } = filter;
  return Object.fromEntries(Object.entries({ entityType, entityId, actorId, event, from, to }).filter(([, value]) => value !== undefined));
}
