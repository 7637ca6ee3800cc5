// The audit trail: every read of personal data, every search and every change, written in the
// transaction that does the work. Rows are append-only (a database trigger refuses UPDATE and
// DELETE) and hash-chained, so a row changed behind the trigger's back breaks the chain.
import { createHash } from 'node:crypto';
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
  await auditAll(tx, ctx, [entry]);
}

/** Several rows in this order, taking the chain's lock once. */
export async function auditAll(tx: Tx, ctx: AnyContext, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  // One writer at a time extends the chain; the lock is released when the transaction ends. Each
  // row links to the last one and hashes itself in one statement (its content does not depend on
  // the previous hash: hashOf), so the lock is held for those statements and the commit only. They
  // start after the lock is granted, so they see every row committed before.
  await tx.$queryRawUnsafe(`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})::text AS locked`);
  for (const entry of entries) await appendToChain(tx, ctx, entry);
}

async function appendToChain(tx: Tx, ctx: AnyContext, entry: AuditEntry): Promise<void> {
  const member = isMemberContext(ctx) ? ctx.actor : null;
  const fields: Omit<ChainedFields, 'prevHash'> = {
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
  };
  const json = (value: unknown) => (value === null ? null : JSON.stringify(value));
  await tx.$executeRaw`
    INSERT INTO "AuditEvent" ("at", "actorKind", "actorId", "partnershipId", "event", "entityType", "entityId",
                              "before", "after", "requestId", "prevHash", "hash")
    SELECT (${fields.at.toISOString()}::timestamptz AT TIME ZONE 'UTC'), ${fields.actorKind}::"ActorKind", ${fields.actorId}::uuid,
           ${fields.partnershipId}::uuid, ${fields.event}, ${fields.entityType}, ${fields.entityId},
           ${json(fields.before)}::jsonb, ${json(fields.after)}::jsonb, ${fields.requestId},
           last.hash, encode(sha256(convert_to(last.hash || E'\n' || ${hashedContent(fields)}, 'UTF8')), 'hex')
      FROM (SELECT coalesce((SELECT a.hash FROM "AuditEvent" a ORDER BY a.seq DESC LIMIT 1), ${GENESIS_HASH}) AS hash) AS last`;
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
  return createHash('sha256').update(fields.prevHash).update('\n').update(hashedContent(fields)).digest('hex');
}

/** What a row's hash covers besides the previous hash: every field, as canonical JSON. */
function hashedContent(fields: Omit<ChainedFields, 'prevHash'>): string {
  return canonicalJson({
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
