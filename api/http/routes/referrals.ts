// Referrals (draft, submit, decide) and the partnership's risk templates.
import { z } from 'zod';
import { defineRoute, type RouteSpec } from '../route-spec';
import { decideReferral, type ReferralDecision } from '../../services/referrals/decide';
import { listTriageQueue, readReferralTriage, TRIAGE_STATUSES } from '../../services/referrals/triage';
import { listReferrals, readReferral, saveReferralDraft, startReferral } from '../../services/referrals/referrals';
import { submitReferral } from '../../services/referrals/submit';
import { withdrawReferral } from '../../services/referrals/withdraw';
import {
  listRiskTemplates,
  publishRiskTemplateVersion,
  readRiskTemplate,
  riskTemplateDefinitionSchema,
} from '../../services/referrals/templates';
import { decisionBody, refusingNul, saveDraftBody, startReferralBody, withdrawalBody } from './referral-schemas';
import type { ApiDependencies } from './index';
import * as answers from '../responses/referrals';

const STATUSES = ['DRAFT', 'SUBMITTED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN'] as const;

/** The wire's nested redirect target, flattened as the use case takes it. */
function decisionOf(body: z.output<typeof decisionBody>): ReferralDecision {
  if (body.decision !== 'REDIRECT') return body;
  const { to, ...rest } = body;
  return to.kind === 'PANEL'
    ? { ...rest, to: 'PANEL', panelId: to.panelId }
    : { ...rest, to: 'LEAD_AGENCY_CASEWORK', reviewDate: to.reviewDate };
}

export function referralRoutes(deps: ApiDependencies): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/referrals',
      summary: 'List your referrals and, for a chair, those sent to your panels.',
      tag: 'Referrals',
      capability: 'case.read',
      query: z.strictObject({ status: z.enum(STATUSES).optional() }),
      response: answers.listReferralsAnswer,
      async handle({ query, ctx }) {
        return { json: await listReferrals(ctx, query) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/referrals',
      summary: 'Start a referral; it is kept as a draft until submitted.',
      tag: 'Referrals',
      capability: 'referral.create',
      body: startReferralBody,
      response: answers.referralAnswer,
      async handle({ body, ctx }) {
        return { status: 201, json: await startReferral(ctx, body) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/referrals/:referralId',
      summary: 'Read a referral with its assessment and routing.',
      tag: 'Referrals',
      capability: 'case.read',
      params: { referralId: 'referral' },
      response: answers.referralAnswer,
      async handle({ params, ctx }) {
        return { json: await readReferral(ctx, params.referralId!) };
      },
    }),
    defineRoute({
      method: 'put',
      path: '/referrals/:referralId/draft',
      summary: 'Save a referral draft as it stands.',
      tag: 'Referrals',
      capability: 'referral.create',
      params: { referralId: 'referral' },
      body: saveDraftBody,
      response: answers.referralAnswer,
      async handle({ params, body, ctx }) {
        return { json: await saveReferralDraft(ctx, params.referralId!, body) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/referrals/:referralId/submit',
      summary: 'Submit a referral: score, apply the criteria, route and open or link the case.',
      tag: 'Referrals',
      capability: 'referral.create',
      params: { referralId: 'referral' },
      response: answers.submitReferralAnswer,
      async handle({ params, ctx }) {
        return { json: await submitReferral(ctx, deps, params.referralId!) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/referrals/:referralId/decision',
      summary: 'Accept, decline or redirect a referral for a panel you chair (with the version it was decided from).',
      tag: 'Referrals',
      capability: 'referral.decide',
      params: { referralId: 'referral' },
      body: decisionBody,
      response: answers.referralAnswer,
      async handle({ params, body, ctx }) {
        return { json: await decideReferral(ctx, deps, params.referralId!, decisionOf(body)) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/referrals/:referralId/triage',
      summary: 'Read a referral for triage: what is missing from it, whether you may decide, and where it could be redirected.',
      tag: 'Referrals',
      capability: 'referral.decide',
      params: { referralId: 'referral' },
      response: answers.referralTriageAnswer,
      async handle({ params, ctx }) {
        return { json: await readReferralTriage(ctx, params.referralId!) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/referral-triage',
      summary: 'The triage queue of the panels you chair: counts per status, and one panel’s referrals in one status.',
      tag: 'Referrals',
      capability: 'referral.decide',
      query: z.strictObject({ panelId: z.guid('Give a valid panel id.').optional(), status: z.enum(TRIAGE_STATUSES).optional() }),
      response: answers.triageQueueAnswer,
      async handle({ query, ctx }) {
        return { json: await listTriageQueue(ctx, query) };
      },
    }),
    defineRoute({
      // Open to every signed-in member: the use case lets through the referrer and the chair of its panel only.
      method: 'post',
      path: '/referrals/:referralId/withdrawal',
      summary: 'Withdraw a draft or submitted referral, with the reason (its referrer, or the chair of its panel).',
      tag: 'Referrals',
      capability: 'referral.create',
      params: { referralId: 'referral' },
      body: withdrawalBody,
      response: answers.referralAnswer,
      async handle({ params, body, ctx }) {
        return { json: await withdrawReferral(ctx, deps.sender, params.referralId!, body) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/risk-templates',
      summary: 'List the risk templates in use (and, if asked, retired versions).',
      tag: 'Risk templates',
      capability: null,
      query: z.strictObject({ includeRetired: z.enum(['true', 'false']).optional() }),
      response: answers.listRiskTemplatesAnswer,
      async handle({ query, ctx }) {
        return { json: await listRiskTemplates(ctx, { includeRetired: query.includeRetired === 'true' }) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/risk-templates/:templateId',
      summary: 'Read one version of a risk template.',
      tag: 'Risk templates',
      capability: null,
      params: { templateId: 'risk template' },
      response: answers.readRiskTemplateAnswer,
      async handle({ params, ctx }) {
        return { json: await readRiskTemplate(ctx, params.templateId!) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/risk-templates/:templateId/versions',
      summary: 'Publish an edited risk template as its next version.',
      tag: 'Risk templates',
      capability: 'riskTemplate.manage',
      params: { templateId: 'risk template' },
      body: refusingNul(z.strictObject({ name: z.string().trim().min(1).max(200).optional(), definition: riskTemplateDefinitionSchema })),
      response: answers.readRiskTemplateAnswer,
      async handle({ params, body, ctx }) {
        return { status: 201, json: await publishRiskTemplateVersion(ctx, params.templateId!, body) };
      },
    }),
  ];
}
