// The answers of the routes in routes/action-list.ts as they go on the wire; see route-spec.ts.
import { z } from 'zod';
import { isoDateTime, ownerDelivery } from './wire';

/** GET /api/actions */
export const listOutstandingActionsAnswer = z.strictObject({
  today: z.string(),
  actions: z.array(
    z.strictObject({
      id: z.string(),
      title: z.string(),
      status: z.enum(['IN_PROGRESS', 'CANCELLED', 'PROPOSED', 'ACCEPTED', 'COMPLETED', 'BLOCKED']),
      priority: z.string(),
      dueDate: z.string(),
      overdue: z.boolean(),
      daysOverdue: z.number(),
      version: z.number(),
      case: z.strictObject({
        id: z.string(),
        reference: z.string(),
        riskBand: z.enum(['LOW', 'MEDIUM', 'HIGH']).nullable(),
      }),
      panel: z
        .strictObject({
          id: z.string(),
          name: z.string(),
        })
        .nullable(),
      ownerAgency: z.strictObject({
        id: z.string(),
        name: z.string(),
      }),
      ownerMember: z
        .strictObject({
          id: z.string(),
          displayName: z.string(),
        })
        .nullable(),
      delivery: ownerDelivery,
      lastChasedAt: isoDateTime.nullable(),
    }),
  ),
  truncated: z.boolean(),
  nextCursor: z.string().nullable(),
  mayChase: z.boolean(),
});

/** GET /api/actions/choices */
export const listActionChoicesAnswer = z.strictObject({
  panels: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
    }),
  ),
  agencies: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
    }),
  ),
  officers: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
    }),
  ),
});

/** POST /api/actions/:actionId/chase */
export const chaseNowAnswer = z.strictObject({
  actionId: z.string(),
  chasedAt: isoDateTime,
  deliveries: z.array(
    z.strictObject({
      memberId: z.string(),
      status: z.enum(['PENDING', 'FAILED', 'SENT', 'UNREACHABLE', 'RETRYING']),
      error: z.string().nullable(),
    }),
  ),
});

/** GET /api/actions/out-of-reach */
export const listOutOfReachAnswer = z.strictObject({
  actions: z.array(
    z.strictObject({
      actionId: z.string(),
      title: z.string(),
      caseReference: z.string(),
      ownerName: z.string().nullable(),
      ownerAgencyName: z.string(),
      reason: z.string(),
      since: isoDateTime,
    }),
  ),
  members: z.array(
    z.strictObject({
      memberId: z.string(),
      displayName: z.string(),
      agencyName: z.string(),
      reason: z.enum(['NEVER_INSTALLED', 'BLOCKED', 'LEFT_ORGANISATION', 'DEACTIVATED']),
      since: isoDateTime.nullable(),
      outstandingActions: z.number(),
    }),
  ),
});
