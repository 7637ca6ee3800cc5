// Retention and rights: the review period, cases due for review, anonymising a case, and a person's
// subject-access export. Partnership administrators only.
import { z } from 'zod';
import { RETENTION_MONTHS } from '../../domain/retention/review';
import { anonymiseCase, changeRetentionPeriod, listCasesDueForReview, readRetentionSettings } from '../../services/retention';
import { exportSubjectAccess } from '../../services/subject-access';
import { defineRoute, type RouteSpec } from '../route-spec';
import type { ApiDependencies } from './index';
import * as answers from '../responses/retention';

const retentionSettings = z.strictObject({
  retentionReviewMonths: z
    .number({ message: 'Give the review period as a whole number of months.' })
    .int('Give the review period as a whole number of months.')
    .min(RETENTION_MONTHS.min, `The review period is at least ${RETENTION_MONTHS.min} month.`)
    .max(RETENTION_MONTHS.max, `The review period is at most ${RETENTION_MONTHS.max} months.`),
});

export function retentionRoutes(_deps: ApiDependencies): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/retention/settings',
      summary: 'Read how long after closure a case comes up for retention review.',
      tag: 'Retention',
      capability: 'retention.manage',
      response: answers.readRetentionSettingsAnswer,
      async handle({ ctx }) {
        return { json: await readRetentionSettings(ctx) };
      },
    }),
    defineRoute({
      method: 'put',
      path: '/retention/settings',
      summary: 'Change how long after closure a case comes up for retention review.',
      tag: 'Retention',
      capability: 'retention.manage',
      body: retentionSettings,
      response: answers.changeRetentionPeriodAnswer,
      async handle({ body, ctx }) {
        return { json: await changeRetentionPeriod(ctx, body.retentionReviewMonths) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/retention/due',
      summary: 'List closed cases due for retention review.',
      tag: 'Retention',
      capability: 'retention.manage',
      response: answers.listCasesDueForReviewAnswer,
      async handle({ ctx }) {
        return { json: await listCasesDueForReview(ctx) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/retention/cases/:caseId/anonymise',
      summary: "Anonymise a closed case's people, places and notes, keeping its figures.",
      tag: 'Retention',
      capability: 'retention.manage',
      params: { caseId: 'case' },
      response: answers.anonymiseCaseAnswer,
      async handle({ params, ctx }) {
        return { status: 200, json: await anonymiseCase(ctx, params.caseId!) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/people/:personId/subject-access',
      summary: 'Export everything held about one person, and who has read it.',
      tag: 'Retention',
      capability: 'subjectAccess.export',
      params: { personId: 'person' },
      response: answers.exportSubjectAccessAnswer,
      async handle({ params, ctx }) {
        return { json: await exportSubjectAccess(ctx, params.personId!) };
      },
    }),
  ];
}
