// The audit trail: every read of personal data, every search and every change, written in the
// transaction that does the work. Rows are append-only (a database trigger refuses UPDATE and
// DELETE) and hash-chained, so a row changed behind the trigger's back breaks the chain.
import { createHash } from 'node:crypto';
import { Prisma } from '../store/generated/client';
import { isMemberContext, type AnyContext, type Tx } from './context';

export interface AuditEntry {
  /** What happened, e.g. "case.read", "person.search", "action.complete". */
  event: string;
  entityType: string;
  entityId?: string | null | undefined;
  before?: unknown;
  after?: unknown;
}

/** Any constant works; it names the one lock that orders writers of the chain. */
const AUDIT_CHAIN_LOCK = 727_274_001;
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  at: Date;
  actorKind: 'MEMBER' | 'SYSTEM';
  actorId: string | null;
  partnershipId: string | null;
  event: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  prevHash: string;
}

export async function audit(tx: Tx, ctx: AnyContext, entry: AuditEntry): Promise<void> {
  // One writer at a time extends the chain; the lock is released when the transaction ends.
  await tx.$queryRawUnsafe(`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})::text AS locked`);
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: 'desc' }, select: { hash: true } });
  const member = isMemberContext(ctx) ? ctx.actor : null;
  const fields: ChainedFields = {
    at: new Date(ctx.now().getTime()),
    actorKind: member ? 'MEMBER' : 'SYSTEM',
    actorId: member?.memberId ?? null,
    partnershipId: member?.partnershipId ?? null,
    event: entry.event,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: plainJson(entry.before),
    after: plainJson(entry.after ?? (member ? null : { system: (ctx as { system: string }).system })),
    requestId: ctx.requestId ?? null,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await tx.auditEvent.create({
    data: {
      ...fields,
      before: jsonColumn(fields.before),
      after: jsonColumn(fields.after),
      hash: hashOf(fields),
    },
  });
}

export interface AuditChainCheck {
  ok: boolean;
  checked: number;
  /** The first row whose hash or link does not match, when the chain is broken. */
  brokenAt?: { seq: string; reason: 'HASH_MISMATCH' | 'LINK_MISMATCH' };
}

/** Walks the whole chain in order and recomputes every hash. */
export async function verifyAuditChain(prisma: Tx, pageSize = 1000): Promise<AuditChainCheck> {
  let previous = GENESIS_HASH;
  let checked = 0;
  let after: bigint | undefined;
  for (;;) {
    const rows = await prisma.auditEvent.findMany({
      where: after === undefined ? {} : { seq: { gt: after } },
      orderBy: { seq: 'asc' },
      take: pageSize,
    });
    for (const row of rows) {
      if (row.prevHash !== previous) return { ok: false, checked, brokenAt: { seq: row.seq.toString(), reason: 'LINK_MISMATCH' } };
      const recomputed = hashOf({ ...row, actorKind: row.actorKind, before: row.before ?? null, after: row.after ?? null });
      if (recomputed !== row.hash) return { ok: false, checked, brokenAt: { seq: row.seq.toString(), reason: 'HASH_MISMATCH' } };
      previous = row.hash;
      checked += 1;
    }
    if (rows.length < pageSize) return { ok: true, checked };
    after = rows[rows.length - 1]!.seq;
  }
}

export function hashOf(fields: ChainedFields): string {
  const content = canonicalJson({
    at: fields.at.toISOString(),
    actorKind: fields.actorKind,
    actorId: fields.actorId,
    partnershipId: fields.partnershipId,
    event: fields.event,
    entityType: fields.entityType,
    entityId: fields.entityId,
    before: fields.before,
    after: fields.after,
    requestId: fields.requestId,
  });
  return createHash('sha256').update(fields.prevHash).update('\n').update(content).digest('hex');
}

/** JSON with object keys sorted, so that jsonb's own key order cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

/** Dates become ISO strings and undefined disappears, exactly as they will read back from jsonb. */
function plainJson(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item))) as unknown;
}

function jsonColumn(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return value === null ? Prisma.DbNull : (value as Prisma.InputJsonValue);
}
