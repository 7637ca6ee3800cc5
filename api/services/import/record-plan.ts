// What committing an incidents or open actions file would do, worked out without writing: each row
// checked against the cases, people and addresses imported earlier from the same system, and rows
// imported before (by their source keys) left as they are.
import { readActionRows } from '../../domain/import/action-rows';
import type { ColumnMapping } from '../../domain/import/fields';
import { readIncidentRows } from '../../domain/import/incident-rows';
import { importKey } from '../../domain/import/keys';
import type { ServiceContext } from '../context';
import { checkMapping, planCaseImport, type ImportPlan, type ImportRunFile } from './import-plan';

export async function planImport(ctx: ServiceContext, run: ImportRunFile, mapping: ColumnMapping): Promise<ImportPlan> {
  checkMapping(run, mapping);
  if (run.kind === 'CASES') return planCaseImport(ctx, run, mapping);
  const partnershipId = ctx.actor.partnershipId;
  const prisma = ctx.db.prisma;
  const keys = await prisma.importKey.findMany({
    where: { partnershipId, sourceSystem: run.sourceSystem },
    select: { entityType: true, sourceId: true, entityId: true },
  });
  const known = new Map(keys.map((k) => [`${k.entityType}:${k.sourceId}`, k.entityId]));
  const context = { keys: known, sourceSystem: run.sourceSystem, now: ctx.now() };
  const empty = {
    cases: [],
    incidents: [],
    actions: [],
    skipped: [],
    known,
    newPeople: new Map(),
    newLocations: new Map(),
    duplicates: [],
  };

  if (run.kind === 'INCIDENTS') {
    const { incidents, problems } = readIncidentRows(run.headers, run.rows, mapping, context);
    const fresh = incidents.filter((incident) => !known.has(importKey('Incident', incident.sourceId)));
    return { ...empty, kind: 'INCIDENTS', incidents: fresh, alreadyImported: incidents.length - fresh.length, problems };
  }
  const [agencies, members] = await Promise.all([
    prisma.agency.findMany({ where: { partnershipId }, select: { id: true, name: true, isActive: true } }),
    prisma.member.findMany({
      where: { partnershipId, email: { not: null } },
      select: { id: true, email: true, agencyId: true, isActive: true },
    }),
  ]);
  const { actions, skipped, problems } = readActionRows(run.headers, run.rows, mapping, { ...context, agencies, members });
  const fresh = actions.filter((action) => !known.has(importKey('Action', action.sourceId)));
  return { ...empty, kind: 'ACTIONS', actions: fresh, skipped, alreadyImported: actions.length - fresh.length, problems };
}
