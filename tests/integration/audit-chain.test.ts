// The audit trail is append-only and hash-chained: a row changed behind the trigger's back is found.
import { audit, verifyAuditChain } from '../../api/services/audit';
import { inTransaction, type ServiceContext, type SystemContext } from '../../api/services/context';
import { DEMO_MEMBERS } from '../../api/store/demo-data';
import { actorForMember } from '../../api/services/members';
import { openDemoDatabase, type TestDatabase } from '../support/test-database';

let test: TestDatabase;
let member: ServiceContext;
let system: SystemContext;

beforeAll(async () => {
  test = await openDemoDatabase({ today: new Date('2026-11-02T09:00:00Z') });
  const actor = await test.db.prisma.$transaction((tx) => actorForMember(tx, DEMO_MEMBERS[0]!.id));
  let tick = Date.parse('2026-11-02T10:00:00Z');
  const now = () => new Date((tick += 1000));
  member = { db: test.db, actor: actor!, requestId: 'req-1', now };
  system = { db: test.db, system: 'reminders', now };
}, 60_000);
afterAll(() => test.dispose());

async function writeSomeEvents(): Promise<void> {
  await inTransaction(member, (tx) => audit(tx, member, { event: 'case.read', entityType: 'Case', entityId: 'c-1' }));
  await inTransaction(member, (tx) =>
    audit(tx, member, {
      event: 'action.update',
      entityType: 'Action',
      entityId: 'a-1',
      before: { status: 'ACCEPTED', dueDate: new Date('2026-11-30T00:00:00Z') },
      after: { status: 'COMPLETED', z: 1, a: [1, { y: 2, b: null }] },
    }),
  );
  await inTransaction(system, (tx) => audit(tx, system, { event: 'reminder.sent', entityType: 'Notification', entityId: 'n-1' }));
}

describe('audit chain', () => {
  it('links every row to the one before and verifies from the first row', async () => {
    await writeSomeEvents();
    const check = await verifyAuditChain(test.db.prisma);
    expect(check).toEqual({ ok: true, checked: 3 });
    const rows = await test.db.prisma.auditEvent.findMany({ orderBy: { seq: 'asc' } });
    expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
    expect(rows[2]).toMatchObject({ actorKind: 'SYSTEM', actorId: null, after: { system: 'reminders' } });
    expect(rows[0]).toMatchObject({ actorKind: 'MEMBER', actorId: DEMO_MEMBERS[0]!.id, requestId: 'req-1' });
  });

  it('keeps no row when the transaction that wrote it fails', async () => {
    const before = await test.db.prisma.auditEvent.count();
    await expect(
      inTransaction(member, async (tx) => {
        await audit(tx, member, { event: 'case.update', entityType: 'Case', entityId: 'c-2' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await test.db.prisma.auditEvent.count()).toBe(before);
  });

  it('refuses to update or delete an audit row', async () => {
    await expect(test.db.sql.query('UPDATE "AuditEvent" SET event = $1', ['case.forged'])).rejects.toThrow(/append-only/);
    await expect(test.db.sql.query('DELETE FROM "AuditEvent"')).rejects.toThrow(/append-only/);
  });

  it('serialises concurrent writers into one unbroken chain', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        inTransaction(member, (tx) => audit(tx, member, { event: 'person.search', entityType: 'Person', after: { n: index } })),
      ),
    );
    const check = await verifyAuditChain(test.db.prisma);
    expect(check.ok).toBe(true);
  });

  it('finds a row tampered with behind the trigger', async () => {
    const rows = await test.db.prisma.auditEvent.findMany({ orderBy: { seq: 'asc' }, take: 2 });
    await test.db.sql.runScriptInTransaction(
      `ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only";
       UPDATE "AuditEvent" SET "after" = '{"status": "CANCELLED"}' WHERE seq = ${rows[1]!.seq.toString()};
       ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only";`,
    );
    const check = await verifyAuditChain(test.db.prisma);
    expect(check).toEqual({ ok: false, checked: 1, brokenAt: { seq: rows[1]!.seq.toString(), reason: 'HASH_MISMATCH' } });
  });
});
