// The answers of GET /api/actions and /api/actions/mine and of chasing, named from the API's schema.
// The statuses and their two meanings come from the domain, so the tab cannot drift from the API.
import type { Answer } from './answers';
export { ACTION_STATUSES, OPEN_ACTION_STATUSES, type ActionStatus } from '../../../api/domain/actions/lifecycle';

export type ActionList = Answer<'/api/actions'>;
export type ListedAction = ActionList['actions'][number];
export type RiskBand = NonNullable<ListedAction['case']['riskBand']>;
export type Choice = ActionList['choices']['panels'][number];
export type ChaseResult = Answer<'/api/actions/{actionId}/chase', 'post'>;
