// The commit of an incidents or open actions file: every record with its source key, each action
// with the history line the app gives a new action and its owner agency involved in the case, and the
// audit of the whole import, in one transaction or not at all.
import { randomUUID } from 'node:crypto';
import { dateColumnOf } from '../../store/calendar-dates';
import type { Prisma } from '../../store/generated/client';
import { audit } from '../audit';
import type { ServiceContext } from '../context';
import type { ImportPlan, ImportRunFile } from './import-plan';
import { finishRun, IMPORT_TRANSACTION, inChunks, type ImportCounts } from './write-import';

export async function writeRecords(
  ctx: ServiceContext,
  run: ImportRunFile,
  plan: ImportPlan,
  progress: { processed: number; total: number },
): Promise<void> {
  const partnershipId = ctx.actor.partnershipId;
  const now = ctx.now();
  const keys: Prisma.ImportKeyCreateManyInput[] = [];
  const keep = (entityType: 'Incident' | 'Action', sourceId: string, entityId: string) =>
    keys.push({ partnershipId, sourceSystem: run.sourceSystem, entityType, sourceId, entityId, importRunId: run.id });

  const incidents: Prisma.IncidentCreateManyInput[] = [];
  const incidentPeople: Prisma.IncidentPersonCreateManyInput[] = [];
  for (const incident of plan.incidents) {
    const id = randomUUID();
    keep('Incident', incident.sourceId, id);
    incidents.push({
      id,
      partnershipId,
      caseId: incident.caseId,
      locationId: incident.locationId,
      occurredAt: incident.occurredAt,
      // Exports carry when it happened; when it was first reported is not in them.
      reportedAt: incident.occurredAt,
      category: incident.category,
      description: incident.description,
      sourceReference: incident.sourceId,
    });
    for (const person of incident.people) incidentPeople.push({ incidentId: id, ...person, occurredAt: incident.occurredAt });
  }

  const actions: Prisma.ActionCreateManyInput[] = [];
  const events: Prisma.ActionEventCreateManyInput[] = [];
  for (const action of plan.actions) {
    const id = randomUUID();
    keep('Action', action.sourceId, id);
    const saved = {
      id,
      partnershipId,
      caseId: action.caseId,
      title: action.title,
      description: action.description,
      ownerAgencyId: action.ownerAgencyId,
      ownerMemberId: action.ownerMemberId,
      createdById: ctx.actor.memberId,
      dueDate: dateColumnOf(action.dueDate),
      status: action.status,
      version: 1,
      createdAt: now,
    };
    actions.push(saved);
    const after = { status: action.status, version: 1, title: action.title, caseId: action.caseId, ownerAgencyId: action.ownerAgencyId };
    events.push({
      actionId: id,
      kind: 'CREATED',
      toStatus: action.status,
      actorId: ctx.actor.memberId,
      note: `Imported from ${run.sourceSystem} (action ${action.sourceId}).`,
      changes: { version: 1, command: { kind: 'CREATE' }, before: null, after: { ...after, dueDate: action.dueDate } },
      at: now,
    });
  }
  // An agency that owns an action on a case must see the case, as when an action is assigned in the app.
  const leads = new Map(
    (
      await ctx.db.prisma.case.findMany({
        where: { id: { in: [...new Set(plan.actions.map((a) => a.caseId))] } },
        select: { id: true, leadAgencyId: true },
      })
    ).map((c) => [c.id, c.leadAgencyId]),
  );
  const involved = plan.actions
    .filter((a) => leads.get(a.caseId) !== a.ownerAgencyId)
    .map((a) => ({ caseId: a.caseId, agencyId: a.ownerAgencyId, since: now }));

  progress.total = incidents.length + incidentPeople.length + actions.length + events.length + involved.length + keys.length;
  const counts: ImportCounts = {
    cases: 0,
    people: 0,
    locations: 0,
    incidents: incidents.length,
    actions: actions.length,
    linkedToExisting: 0,
    alreadyImported: plan.alreadyImported,
    skipped: plan.skipped.length,
  };

  await ctx.db.prisma.$transaction(async (tx) => {
    await inChunks(incidents, progress, (data) => tx.incident.createMany({ data }));
    await inChunks(incidentPeople, progress, (data) => tx.incidentPerson.createMany({ data, skipDuplicates: true }));
    await inChunks(actions, progress, (data) => tx.action.createMany({ data }));
    await inChunks(events, progress, (data) => tx.actionEvent.createMany({ data }));
    await inChunks(involved, progress, (data) => tx.caseAgency.createMany({ data, skipDuplicates: true }));
    await inChunks(keys, progress, (data) => tx.importKey.createMany({ data }));
    await finishRun(tx, run, progress, counts);
    await audit(tx, ctx, {
      event: 'import.commit',
      entityType: 'ImportRun',
      entityId: run.id,
      after: { kind: run.kind, created: counts, sourceSystem: run.sourceSystem },
    });
  }, IMPORT_TRANSACTION);
}
