// The answers of GET /api/actions, /api/actions/mine, the list's filter choices, one action, out-of-reach and chasing, named from the API's schema.
// The statuses and their two meanings come from the domain, so the tab cannot drift from the API.
import type { Answer } from './answers';
export { ACTION_STATUSES, OPEN_ACTION_STATUSES, type ActionStatus } from '../../../api/domain/actions/lifecycle';

export type ActionList = Answer<'/api/actions'>;
export type ListedAction = ActionList['actions'][number];
export type RiskBand = NonNullable<ListedAction['case']['riskBand']>;
export type ActionChoices = Answer<'/api/actions/choices'>;
export type Choice = ActionChoices['panels'][number];
export type ChaseResult = Answer<'/api/actions/{actionId}/chase', 'post'>;
export type ActionDetails = Answer<'/api/actions/{actionId}'>;
/** Whether the action's card and reminders reach its owner in Teams; null for all but chairs. */
export type OwnerDelivery = ListedAction['delivery'];
export type OutOfReach = Answer<'/api/actions/out-of-reach'>;
