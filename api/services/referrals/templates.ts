// Risk templates per partnership: the default matrices come with a partnership (the demo seed writes
// them) or, for one that has none yet, are seeded by its first assessment; an edit is a new
// version (older versions stay, because assessments point at the version they were scored with),
// and only the newest version of each subject type is used for new assessments.
import { z } from 'zod';
import { mayUse } from '../../domain/access/policy';
import { DEFAULT_TEMPLATES } from '../../domain/risk/default-templates';
import {
  checkTemplate,
  publishingProblems,
  RISK_BANDS,
  RISK_SECTIONS,
  type RiskTemplate,
  type SubjectType,
} from '../../domain/risk/template';
import type { Prisma } from '../../store/generated/client';
import { audit } from '../audit';
import { inTransaction, type ServiceContext, type Tx } from '../context';
import { forbidden, notFound, ServiceError, validationFailed } from '../errors';

const text = (max: number) => z.string().trim().min(1, 'This field is required.').max(max);

/** What a template row's `definition` holds: everything but the row's own id, name and version. */
export const riskTemplateDefinitionSchema = z.strictObject({
  subjectType: z.enum(['VICTIM', 'PERPETRATOR', 'LOCATION']),
  referralThreshold: z.number().int(),
  bands: z
    .array(z.strictObject({ band: z.enum(RISK_BANDS as [string, ...string[]]), from: z.number().int(), to: z.number().int() }))
    .length(3),
  questions: z
    .array(
      z.strictObject({
        id: text(60),
        section: z.enum(RISK_SECTIONS as [string, ...string[]]),
        topic: text(120),
        wording: text(500),
        helpText: z.string().trim().max(1000),
        required: z.boolean(),
        options: z
          .array(z.strictObject({ id: text(60), label: text(200), weight: z.number().int() }))
          .min(2)
          .max(10),
      }),
    )
    .min(1, 'A template needs at least one question.')
    .max(60),
});
export type RiskTemplateDefinition = z.output<typeof riskTemplateDefinitionSchema>;

type TemplateRow = {
  id: string;
  partnershipId: string;
  subjectType: SubjectType;
  name: string;
  version: number;
  definition: Prisma.JsonValue;
  isActive: boolean;
  createdAt: Date;
};

/** The domain template a row holds, or null when its stored definition cannot be used. */
export function templateOfRow(row: TemplateRow): RiskTemplate | null {
  const parsed = riskTemplateDefinitionSchema.safeParse(stripIdentity(row.definition));
  if (!parsed.success) return null;
  return { ...(parsed.data as Omit<RiskTemplate, 'id' | 'name' | 'version'>), id: row.id, name: row.name, version: row.version };
}

/** Stored definitions of the seeded defaults also carry the domain's own id, name and version. */
function stripIdentity(definition: Prisma.JsonValue): unknown {
  if (!definition || typeof definition !== 'object' || Array.isArray(definition)) return definition;
  const { id: _id, name: _name, version: _version, ...rest } = definition as Record<string, unknown>;
  return rest;
}

function definitionOf(template: RiskTemplate): Prisma.InputJsonValue {
  const { id: _id, name: _name, version: _version, ...definition } = template;
  return JSON.parse(JSON.stringify(definition)) as Prisma.InputJsonValue;
}

function templateView(row: TemplateRow, template: RiskTemplate | null) {
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    subjectType: row.subjectType,
    isActive: row.isActive,
    createdAt: row.createdAt,
    usable: template !== null && checkTemplate(template).length === 0,
    ...(template ? { referralThreshold: template.referralThreshold, bands: template.bands, questions: template.questions } : {}),
  };
}

/**
 * A partnership with no template for a subject type gets the shipped default when it first scores an
 * assessment, so referrals never stall. Only write paths call this: reading templates never writes.
 */
export async function ensureDefaultTemplates(tx: Tx, ctx: ServiceContext): Promise<void> {
  const partnershipId = ctx.actor.partnershipId;
  const presentTypes = async () =>
    new Set((await tx.riskTemplate.findMany({ where: { partnershipId }, select: { subjectType: true } })).map((row) => row.subjectType));
  if ((await presentTypes()).size === DEFAULT_TEMPLATES.length) return;
  // Two first assessments at once must not both seed: the second waits, then finds the templates there.
  // Callers reach here before writing any audit row, so this lock is always taken before the audit chain's.
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`risk-templates:${partnershipId}`}))::text AS locked`;
  const present = await presentTypes();
  for (const template of DEFAULT_TEMPLATES.filter((t) => !present.has(t.subjectType))) {
    const row = await tx.riskTemplate.create({
      data: {
        partnershipId,
        subjectType: template.subjectType,
        name: template.name,
        version: template.version,
        definition: definitionOf(template),
      },
    });
    await audit(tx, ctx, {
      event: 'riskTemplate.create',
      entityType: 'RiskTemplate',
      entityId: row.id,
      after: { name: row.name, version: row.version, default: true },
    });
  }
}

/** The version new assessments of this subject type are scored with. */
export async function activeTemplate(
  tx: Tx,
  ctx: ServiceContext,
  subjectType: SubjectType,
): Promise<{ row: TemplateRow; template: RiskTemplate }> {
  await ensureDefaultTemplates(tx, ctx);
  const row = await tx.riskTemplate.findFirst({
    where: { partnershipId: ctx.actor.partnershipId, subjectType, isActive: true },
    orderBy: [{ createdAt: 'desc' }, { version: 'desc' }],
  });
  const template = row ? templateOfRow(row) : null;
  if (!row || !template || checkTemplate(template).length > 0) {
    throw new ServiceError(
      'CONFLICT',
      `The partnership's ${subjectType.toLowerCase()} risk template cannot be used. Ask a partnership administrator to publish a new version.`,
    );
  }
  return { row, template };
}

export async function listRiskTemplates(ctx: ServiceContext, options: { includeRetired: boolean }) {
  return inTransaction(ctx, async (tx) => {
    const rows = await tx.riskTemplate.findMany({
      where: { partnershipId: ctx.actor.partnershipId, ...(options.includeRetired ? {} : { isActive: true }) },
      orderBy: [{ subjectType: 'asc' }, { name: 'asc' }, { version: 'desc' }],
    });
    return { templates: rows.map((row) => templateView(row, templateOfRow(row))) };
  });
}

export async function readRiskTemplate(ctx: ServiceContext, templateId: string) {
  return inTransaction(ctx, async (tx) => {
    const row = await tx.riskTemplate.findFirst({ where: { id: templateId, partnershipId: ctx.actor.partnershipId } });
    if (!row) throw notFound('risk template');
    return templateView(row, templateOfRow(row));
  });
}

/**
 * Publishes an edited template as the next version of the same name. Older versions stay readable;
 * they are retired so new assessments use the new one.
 */
export async function publishRiskTemplateVersion(
  ctx: ServiceContext,
  templateId: string,
  edit: { name?: string | undefined; definition: RiskTemplateDefinition },
) {
  if (!mayUse(ctx.actor, 'riskTemplate.manage')) throw forbidden('edit risk templates');
  return inTransaction(ctx, async (tx) => {
    const current = await tx.riskTemplate.findFirst({ where: { id: templateId, partnershipId: ctx.actor.partnershipId } });
    if (!current) throw notFound('risk template');
    if (edit.definition.subjectType !== current.subjectType) {
      throw validationFailed([
        {
          field: 'definition.subjectType',
          message: `A new version must assess the same subject (${current.subjectType.toLowerCase()}); start a separate template for another.`,
        },
      ]);
    }
    const name = edit.name ?? current.name;
    const latest = await tx.riskTemplate.findFirst({
      where: { partnershipId: current.partnershipId, name },
      orderBy: { version: 'desc' },
      select: { version: true },
    });
    const version = (latest?.version ?? 0) + 1;
    const template = { ...(edit.definition as Omit<RiskTemplate, 'id' | 'name' | 'version'>), id: templateId, name, version };
    const problems = publishingProblems(template);
    if (problems.length > 0) {
      throw validationFailed(
        problems.map((p) => ({ field: `definition.${p.field ?? 'questions'}`, message: p.message })),
        'The template cannot be published as it stands.',
      );
    }
    await tx.riskTemplate.updateMany({
      where: { partnershipId: current.partnershipId, subjectType: current.subjectType, isActive: true },
      data: { isActive: false },
    });
    const row = await tx.riskTemplate.create({
      data: { partnershipId: current.partnershipId, subjectType: current.subjectType, name, version, definition: definitionOf(template) },
    });
    await audit(tx, ctx, {
      event: 'riskTemplate.publish',
      entityType: 'RiskTemplate',
      entityId: row.id,
      before: { id: current.id, name: current.name, version: current.version },
      after: { name, version, definition: edit.definition },
    });
    return templateView(row, templateOfRow(row));
  });
}
