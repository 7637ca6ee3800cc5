// The answers of the routes in routes/actions.ts as they go on the wire; see route-spec.ts.
import { z } from 'zod';
import { isoDateTime, ownerDelivery } from './wire';

/** GET /api/actions/:actionId */
export const readActionAnswer = z.strictObject({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  status: z.enum(['IN_PROGRESS', 'CANCELLED', 'PROPOSED', 'ACCEPTED', 'COMPLETED', 'BLOCKED']),
  partnershipId: z.string(),
  caseId: z.string(),
  priority: z.enum(['LOW', 'HIGH', 'NORMAL', 'URGENT']),
  dueDate: z.string(),
  completedAt: isoDateTime.nullable(),
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
  version: z.number(),
  meetingId: z.string().nullable(),
  agendaItemId: z.string().nullable(),
  progressNote: z.string().nullable(),
  notDoneReason: z.enum(['CIRCUMSTANCES_CHANGED', 'AGENCY_DID_NOT_DO_IT']).nullable(),
  createdBy: z.strictObject({
    id: z.string(),
    displayName: z.string(),
  }),
  caseReference: z.string(),
  madeAt: z.string().nullable(),
  history: z.array(
    z.strictObject({
      kind: z.string(),
      fromStatus: z.enum(['IN_PROGRESS', 'CANCELLED', 'PROPOSED', 'ACCEPTED', 'COMPLETED', 'BLOCKED']).nullable(),
      toStatus: z.enum(['IN_PROGRESS', 'CANCELLED', 'PROPOSED', 'ACCEPTED', 'COMPLETED', 'BLOCKED']),
      note: z.string().nullable(),
      actor: z.strictObject({
        id: z.string(),
        displayName: z.string(),
      }),
      at: isoDateTime,
    }),
  ),
  lastChasedAt: isoDateTime.nullable(),
  overdue: z.boolean(),
  delivery: ownerDelivery,
  allowedCommands: z.array(
    z.enum(['ACCEPT', 'UPDATE_PROGRESS', 'COMPLETE', 'CANNOT_COMPLETE', 'CANCEL', 'REASSIGN', 'CHANGE_DUE_DATE', 'CHASE']),
  ),
});

/** POST /api/actions and every change to an action: the action as it now stands (as GET answers it). */
export const postActionsAnswer = z.strictObject({
  action: readActionAnswer,
  outcome: z.enum(['APPLIED', 'ALREADY_APPLIED']),
  deliveries: z.array(
    z.strictObject({
      memberId: z.string(),
      displayName: z.string(),
      status: z.enum(['PENDING', 'FAILED', 'SENT', 'UNREACHABLE', 'RETRYING']),
      problem: z.string().nullable(),
    }),
  ),
});

/** GET /api/cases/:caseId/assignment-choices */
export const assignmentChoicesAnswer = z.strictObject({
  caseReference: z.string(),
  whereLabel: z.string().nullable(),
  agencies: z.array(z.strictObject({ id: z.string(), name: z.string() })),
  officers: z.array(z.strictObject({ id: z.string(), name: z.string(), jobTitle: z.string().nullable() })),
});
