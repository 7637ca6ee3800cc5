// GET /api/home: the tab's home page, what needs the signed-in member now.
import { defineRoute, type RouteSpec } from '../route-spec';
import { readHome } from '../../services/home';
import * as answers from '../responses/home';

export function homeRoutes(): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/home',
      summary: 'What needs the signed-in member now: referrals to decide, the next meetings, overdue work, their referrals.',
      tag: 'Identity',
      capability: null,
      response: answers.homeAnswer,
      async handle({ ctx }) {
        return { json: await readHome(ctx) };
      },
    }),
  ];
}
