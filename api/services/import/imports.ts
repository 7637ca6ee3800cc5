// Importing existing cases, as an admin does it: upload a file, confirm the column mapping, dry-run,
// decide on possible duplicates, commit. The commit runs as a job in this process, all in one
// transaction, while the tab polls its progress. Partnership admins only; every step is audited.
import { createHash } from 'node:crypto';
import { mayUse } from '../../domain/access/policy';
import { CASE_FIELDS, missingRequiredFields, suggestMapping, type ColumnMapping } from '../../domain/import/fields';
import { normaliseSourceSystem } from '../../domain/import/keys';
import { Prisma } from '../../store/generated/client';
import { audit } from '../audit';
import { inTransaction, type ServiceContext } from '../context';
import { conflict, forbidden, notFound, validationFailed } from '../errors';
import { planImport, type ImportRunFile } from './import-plan';
import { readImportFile } from './read-file';
import { writeImport, type ImportCounts } from './write-import';

/** Per possible duplicate (by its import key): "NEW", or the id of the existing record it is. */
export type DuplicateDecisions = Record<string, string>;

/** At most this many row problems are listed; the count says how many there are in all. */
const PROBLEMS_LISTED = 500;

function requireImporter(ctx: ServiceContext, doing: string): void {
  if (!mayUse(ctx.actor, 'import.run')) throw forbidden(doing);
}

export async function uploadImportFile(ctx: ServiceContext, upload: { fileName: string; sourceSystem: string; content: Buffer }) {
  requireImporter(ctx, 'import cases');
  const sourceSystem = normaliseSourceSystem(upload.sourceSystem);
  if (!sourceSystem) throw validationFailed([{ field: 'sourceSystem', message: 'Name the system the file was exported from.' }]);
  const file = await readImportFile(upload.fileName, upload.content);
  const fileHash = createHash('sha256').update(upload.content).digest('hex');
  return inTransaction(ctx, async (tx) => {
    const run = await tx.importRun.create({
      data: {
        partnershipId: ctx.actor.partnershipId,
        createdById: ctx.actor.memberId,
        sourceSystem,
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
      after: { sourceSystem, fileHash, rows: file.rows.length, columns: file.headers.length },
    });
    const suggestedMapping = suggestMapping(file.headers);
    return {
      id: run.id,
      fileName: upload.fileName,
      sourceSystem,
      rowCount: file.rows.length,
      headers: file.headers,
      fields: CASE_FIELDS.map(({ key, label, required }) => ({ key, label, required })),
      suggestedMapping,
      missingFields: missingRequiredFields(suggestedMapping).map((field) => field.label),
    };
  });
}

async function findRun(ctx: ServiceContext, importId: string) {
  const run = await ctx.db.prisma.importRun.findFirst({ where: { id: importId, partnershipId: ctx.actor.partnershipId } });
  if (!run) throw notFound('import');
  return run;
}

async function uploadedFile(ctx: ServiceContext, importId: string): Promise<ImportRunFile> {
  const run = await findRun(ctx, importId);
  if (run.status === 'RUNNING') throw conflict('This import is being committed; wait for it to finish.');
  if (run.status === 'DONE') throw conflict('This import has been committed. Upload the file again to import it once more.');
  return { id: run.id, fileName: run.fileName, sourceSystem: run.sourceSystem, headers: run.headers, rows: run.rows as string[][] };
}

export async function dryRunImport(ctx: ServiceContext, importId: string, mapping: ColumnMapping) {
  requireImporter(ctx, 'import cases');
  const run = await uploadedFile(ctx, importId);
  const plan = await planImport(ctx, run, mapping);
  const report = {
    id: run.id,
    rowCount: run.rows.length,
    casesToImport: plan.problems.length === 0 ? plan.cases.length : 0,
    alreadyImported: plan.alreadyImported,
    newPeople: plan.newPeople.size,
    newLocations: plan.newLocations.size,
    problemCount: plan.problems.length,
    problems: plan.problems.slice(0, PROBLEMS_LISTED),
    duplicates: plan.duplicates,
  };
  await inTransaction(ctx, (tx) =>
    audit(tx, ctx, {
      event: 'import.dryRun',
      entityType: 'ImportRun',
      entityId: run.id,
      after: {
        mapping,
        casesToImport: report.casesToImport,
        alreadyImported: report.alreadyImported,
        problems: report.problemCount,
        possibleDuplicates: plan.duplicates.length,
      },
    }),
  );
  return report;
}

/** Progress of commits running in this process; the database holds it once they finish. */
const runningCommits = new Map<string, { processed: number; total: number }>();

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

  void writeImport(ctx, run, plan, resolved, progress)
    .catch(async (error: unknown) => {
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
  const result = (run.result ?? {}) as { created?: ImportCounts; error?: string };
  const live = run.status === 'RUNNING' ? progress : undefined;
  return {
    id: run.id,
    fileName: run.fileName,
    sourceSystem: run.sourceSystem,
    status: run.status,
    processed: live?.processed ?? run.processed,
    total: live?.total ?? run.total,
    created: result.created ?? null,
    error: result.error ?? null,
  };
}
