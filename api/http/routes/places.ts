// Vulnerable localities and hotspots: incidents and new cases by ward and month.
import { defineRoute, type RouteSpec } from '../route-spec';
import { readPlaces } from '../../services/places';
import { periodQuery } from './governance';
import type { ApiDependencies } from './index';
import * as answers from '../responses/places';

export function placesRoutes(_deps: ApiDependencies): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/places',
      summary: 'Read incidents and new cases by ward and month over a period.',
      tag: 'Governance',
      capability: 'governance.read',
      query: periodQuery,
      response: answers.readPlacesAnswer,
      async handle({ query, ctx }) {
        return { json: await readPlaces(ctx, query) };
      },
    }),
  ];
}
