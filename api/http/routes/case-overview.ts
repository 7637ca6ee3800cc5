// The case view's read model and, for chairs and auditors, who has read the case.
import { defineRoute, type RouteSpec } from '../route-spec';
import { listCaseViewers, readCaseOverview } from '../../services/case-overview';
import { recordCaseConsent } from '../../services/sharing-consent';
import { caseConsentBody } from './referral-schemas';
import type { ApiDependencies } from './index';
import * as answers from '../responses/case-overview';

export function caseOverviewRoutes(_deps: ApiDependencies): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/cases/:caseId/overview',
      summary: 'Read a case with its people, places, risk history, incidents, agenda history, actions and interventions.',
      tag: 'Cases',
      capability: 'case.read',
      params: { caseId: 'case' },
      response: answers.readCaseOverviewAnswer,
      async handle({ params, ctx }) {
        return { json: await readCaseOverview(ctx, params.caseId!) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/cases/:caseId/consent',
      summary: "Record a person's consent to sharing on a case, or the lawful basis for sharing without it.",
      tag: 'Cases',
      capability: 'case.update',
      params: { caseId: 'case' },
      body: caseConsentBody,
      response: answers.recordCaseConsentAnswer,
      async handle({ params, body, ctx }) {
        const { personId, ...answer } = body;
        return { status: 201, json: await recordCaseConsent(ctx, params.caseId!, personId, answer) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/cases/:caseId/viewers',
      summary: 'See who has read a case and when.',
      tag: 'Cases',
      capability: 'case.viewers',
      params: { caseId: 'case' },
      response: answers.listCaseViewersAnswer,
      async handle({ params, ctx }) {
        return { json: await listCaseViewers(ctx, params.caseId!) };
      },
    }),
  ];
}
