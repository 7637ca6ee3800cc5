// The partnership's governance figures, as JSON for the tab's dashboard and as CSV for board papers.
import { z } from 'zod';
import { defineRoute, type RouteSpec } from '../route-spec';
import { exportGovernanceCsv, readGovernanceFigures } from '../../services/governance';
import type { ApiDependencies } from './index';
import * as answers from '../responses/governance';

const DATE = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Give a date as YYYY-MM-DD.');

/** Shared with the places route: an optional period, defaulting to the twelve months to today. */
export const periodQuery = z.strictObject({ from: DATE.optional(), to: DATE.optional() });

export function governanceRoutes(_deps: ApiDependencies): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/governance/figures',
      summary: 'Read the governance figures for the partnership over a period.',
      tag: 'Governance',
      capability: 'governance.read',
      query: periodQuery,
      response: answers.readGovernanceFiguresAnswer,
      async handle({ query, ctx }) {
        return { json: await readGovernanceFigures(ctx, query) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/governance/figures.csv',
      summary: 'Export the governance figures for the partnership as CSV.',
      tag: 'Governance',
      capability: 'governance.read',
      query: periodQuery,
      produces: 'text/csv',
      async handle({ query, ctx }) {
        const { filename, csv } = await exportGovernanceCsv(ctx, query);
        return { file: { contentType: 'text/csv; charset=utf-8', filename, data: csv } };
      },
    }),
  ];
}
