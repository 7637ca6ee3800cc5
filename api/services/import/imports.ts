// Importing existing cases, incidents and open actions, as an admin does it: upload a file, confirm
// the column mapping, dry-run, decide on possible duplicates (cases), commit. The commit runs as a job in this process, all in one
// transaction, while the tab polls its progress. Partnership admins only; every step is audited.
import { createHash } from 'node:crypto';
import { mayUse } from '../../domain/access/policy';
import {
  FIELDS_OF,
  missingRequiredFields,
  recogniseImportKind,
  suggestMapping,
  type ColumnMapping,
  type ImportKind,
} from '../../domain/import/fields';
import { normaliseSourceSystem } from '../../domain/import/keys';
import { Prisma } from '../../store/generated/client';
import { audit } from '../audit';
import { inTransaction, type ServiceContext } from '../context';
import { conflict, forbidden, notFound, validationFailed } from '../errors';
import type { ImportRunFile } from './import-plan';
import { readImportFile } from './read-file';
import { planImport } from './record-plan';
import { IMPORT_TRANSACTION, ImportAbandoned, writeImport, type ImportCounts } from './write-import';
import { writeRecords } from './write-records';

/** Per possible duplicate (by its import key): "NEW", or the id of the existing record it is. */
export type DuplicateDecisions = Record<string, string>;

/** At most this many row problems are listed; the count says how many there are in all. */
const PROBLEMS_LISTED = 500;

function requireImporter(ctx: ServiceContext, doing: string): void {
  if (!mayUse(ctx.actor, 'import.run')) throw forbidden(doing);
}

export async function uploadImportFile(
  ctx: ServiceContext,
  upload: { fileName: string; sourceSystem: string; content: Buffer; kind?: ImportKind | undefined },
) {
  requireImporter(ctx, 'import cases');
  const sourceSystem = normaliseSourceSystem(upload.sourceSystem);
  if (!sourceSystem) throw validationFailed([{ field: 'sourceSystem', message: 'Name the system the file was exported from.' }]);
  const file = await readImportFile(upload.fileName, upload.content);
  // The admin's choice, or what the headers say the file holds.
  const kind = upload.kind ?? recogniseImportKind(file.headers);
  const fields = FIELDS_OF[kind];
  const fileHash = createHash('sha256').update(upload.content).digest('hex');
  return inTransaction(ctx, async (tx) => {
    const run = await tx.importRun.create({
      data: {
        partnershipId: ctx.actor.partnershipId,
        createdById: ctx.actor.memberId,
        sourceSystem,
        kind,
        fileName: upload.fileName,
        fileHash,
        headers: file.headers,
        rows: file.rows,
        total: file.rows.length,
      },
      select: { id: true },
    });
    await audit(tx, ctx, {
      event: 'import.upload',
      entityType: 'ImportRun',
      entityId: run.id,
      after: { sourceSystem, kind, fileHash, rows: file.rows.length, columns: file.headers.length },
    });
    const suggestedMapping = suggestMapping(file.headers, fields);
    return {
      id: run.id,
      kind,
      fileName: upload.fileName,
      sourceSystem,
      rowCount: file.rows.length,
      headers: file.headers,
      fields: fields.map(({ key, label, required }) => ({ key, label, required })),
      suggestedMapping,
      missingFields: missingRequiredFields(suggestedMapping, fields).map((field) => field.label),
    };
  });
}

/** Progress of commits running in this process; the database holds it once they finish. */
const runningCommits = new Map<string, { processed: number; total: number }>();

/** Why a run left RUNNING by a crash or restart was given up; its transaction never committed. */
export const ABANDONED_IMPORT = 'The server stopped while this import was being written, so nothing from it was written. Commit it again.';

/**
 * Runs left RUNNING whose commit cannot still be going: at start-up every one (one process serves
 * everything, so none of its commits survive a restart), and otherwise those not running in this
 * process and older than the commit's transaction may live. Their transaction never committed (the
 * commit is one transaction whose last step marks the run DONE), so they become FAILED and can be
 * committed again.
 */
export async function failAbandonedImports(db: ServiceContext['db'], options: { startingUp: true } | { now: Date; ids: string[] }) {
  const stale =
    'startingUp' in options
      ? {}
      : {
          id: { in: options.ids.filter((id) => !runningCommits.has(id)) },
          updatedAt: { lt: new Date(options.now.getTime() - IMPORT_TRANSACTION.timeout - IMPORT_TRANSACTION.maxWait) },
        };
  const failed = await db.prisma.importRun.updateMany({
    where: { status: 'RUNNING', ...stale },
    data: { status: 'FAILED', processed: 0, result: { error: ABANDONED_IMPORT, cause: 'ABANDONED' } },
  });
  return failed.count;
}

async function findRun(ctx: ServiceContext, importId: string) {
  const where = { id: importId, partnershipId: ctx.actor.partnershipId };
  const run = await ctx.db.prisma.importRun.findFirst({ where });
  if (!run) throw notFound('import');
  if (run.status !== 'RUNNING' || runningCommits.has(run.id)) return run;
  const failed = await failAbandonedImports(ctx.db, { now: ctx.now(), ids: [run.id] });
  return failed > 0 ? ctx.db.prisma.importRun.findFirstOrThrow({ where }) : run;
}

async function uploadedFile(ctx: ServiceContext, importId: string): Promise<ImportRunFile> {
  const run = await findRun(ctx, importId);
  if (run.status === 'RUNNING') throw conflict('This import is being committed; wait for it to finish.');
  if (run.status === 'DONE') throw conflict('This import has been committed. Upload the file again to import it once more.');
  return {
    id: run.id,
    kind: run.kind,
    fileName: run.fileName,
    sourceSystem: run.sourceSystem,
    headers: run.headers,
    rows: run.rows as string[][],
  };
}

export async function dryRunImport(ctx: ServiceContext, importId: string, mapping: ColumnMapping) {
  requireImporter(ctx, 'import cases');
  const run = await uploadedFile(ctx, importId);
  const plan = await planImport(ctx, run, mapping);
  const toImport = plan.cases.length + plan.incidents.length + plan.actions.length;
  const report = {
    id: run.id,
    kind: run.kind,
    rowCount: run.rows.length,
    toImport: plan.problems.length === 0 ? toImport : 0,
    casesToImport: plan.problems.length === 0 ? plan.cases.length : 0,
    alreadyImported: plan.alreadyImported,
    newPeople: plan.newPeople.size,
    newLocations: plan.newLocations.size,
    problemCount: plan.problems.length,
    problems: plan.problems.slice(0, PROBLEMS_LISTED),
    skippedCount: plan.skipped.length,
    skipped: plan.skipped.slice(0, PROBLEMS_LISTED),
    duplicates: plan.duplicates,
  };
  await inTransaction(ctx, (tx) =>
    audit(tx, ctx, {
      event: 'import.dryRun',
      entityType: 'ImportRun',
      entityId: run.id,
      after: {
        mapping,
        kind: run.kind,
        toImport: report.toImport,
        skipped: report.skippedCount,
        alreadyImported: report.alreadyImported,
        problems: report.problemCount,
        possibleDuplicates: plan.duplicates.length,
      },
    }),
  );
  return report;
}

/**
 * Checks the run as the dry run does and refuses anything left to fix or decide; then starts the
 * commit and answers at once: readImportStatus follows it to the end.
 */
export async function startImportCommit(ctx: ServiceContext, importId: string, mapping: ColumnMapping, decisions: DuplicateDecisions) {
  requireImporter(ctx, 'import cases');
  const run = await uploadedFile(ctx, importId);
  const plan = await planImport(ctx, run, mapping);
  if (plan.problems.length > 0) {
    throw validationFailed(
      plan.problems.slice(0, 20).map((p) => ({ field: `row ${p.row}`, message: p.message })),
      `The file has ${plan.problems.length} problem${plan.problems.length === 1 ? '' : 's'}; nothing was imported. Fix them in the file and upload it again.`,
    );
  }
  const resolved = new Map(plan.known);
  const undecided: string[] = [];
  for (const duplicate of plan.duplicates) {
    const decision = decisions[duplicate.key];
    if (decision === 'NEW') continue;
    if (decision && duplicate.candidates.some((c) => c.id === decision)) resolved.set(duplicate.key, decision);
    else undecided.push(`${duplicate.label} (row ${duplicate.row})`);
  }
  if (undecided.length > 0) {
    throw validationFailed(
      undecided.slice(0, 20).map((what) => ({ field: 'decisions', message: `Decide whether ${what} is an existing record or new.` })),
      `Decide for each possible duplicate whether it is an existing record or a new one (${undecided.length} left).`,
    );
  }

  const claimed = await ctx.db.prisma.importRun.updateMany({
    where: { id: run.id, status: { in: ['UPLOADED', 'FAILED'] } },
    data: { status: 'RUNNING', processed: 0 },
  });
  if (claimed.count === 0) throw conflict('This import is already being committed.');
  const progress = { processed: 0, total: 1 };
  runningCommits.set(run.id, progress);

  const written = plan.kind === 'CASES' ? writeImport(ctx, run, plan, resolved, progress) : writeRecords(ctx, run, plan, progress);
  void written
    .catch(async (error: unknown) => {
      // Given up as abandoned meanwhile: it says so already.
      if (error instanceof ImportAbandoned) return;
      const known = error instanceof Prisma.PrismaClientKnownRequestError ? error.code : null;
      const message =
        known === 'P2002'
          ? 'Another import wrote some of these records at the same time; nothing from this file was imported. Run the dry run again.'
          : 'The import failed and nothing was written. Try again; if it fails again, tell your administrator.';
      // The cause is kept as a code or class name only: driver messages can quote the rows' values.
      const cause = known ?? (error instanceof Error ? error.name : 'unknown');
      await ctx.db.prisma.importRun.update({ where: { id: run.id }, data: { status: 'FAILED', result: { error: message, cause } } });
    })
    .finally(() => runningCommits.delete(run.id));
  const status: ImportStatus = {
    id: run.id,
    kind: run.kind,
    fileName: run.fileName,
    sourceSystem: run.sourceSystem,
    status: 'RUNNING',
    processed: 0,
    total: progress.total,
    created: null,
    error: null,
  };
  return status;
}

export interface ImportStatus {
  id: string;
  kind: ImportKind;
  fileName: string;
  sourceSystem: string;
  status: 'UPLOADED' | 'RUNNING' | 'DONE' | 'FAILED';
  processed: number;
  total: number;
  created: ImportCounts | null;
  error: string | null;
}

export async function readImportStatus(ctx: ServiceContext, importId: string): Promise<ImportStatus> {
  requireImporter(ctx, 'import cases');
  const progress = runningCommits.get(importId);
  const run = await findRun(ctx, importId);
  const result = (run.result ?? {}) as { created?: Partial<ImportCounts>; error?: string };
  const live = run.status === 'RUNNING' ? progress : undefined;
  return {
    id: run.id,
    kind: run.kind,
    fileName: run.fileName,
    sourceSystem: run.sourceSystem,
    status: run.status,
    processed: live?.processed ?? run.processed,
    total: live?.total ?? run.total,
    created: result.created ? { ...NOTHING_CREATED, ...result.created } : null,
    error: result.error ?? null,
  };
}

/** Runs committed before incidents and actions could be imported recorded no counts for them. */
const NOTHING_CREATED: ImportCounts = {
  cases: 0,
  people: 0,
  locations: 0,
  incidents: 0,
  actions: 0,
  linkedToExisting: 0,
  alreadyImported: 0,
  skipped: 0,
};
