// The answers of GET /api/actions and /api/actions/mine and of chasing, named from the API's schema.
import type { Answer } from './answers';

export type ActionList = Answer<'/api/actions'>;
export type ListedAction = ActionList['actions'][number];
export type ActionStatus = ListedAction['status'];
export type RiskBand = NonNullable<ListedAction['case']['riskBand']>;
export type Choice = ActionList['choices']['panels'][number];
export type ChaseResult = Answer<'/api/actions/{actionId}/chase', 'post'>;

/** The order the filters offer the statuses in (open first). */
export const ACTION_STATUSES: readonly ActionStatus[] = ['PROPOSED', 'ACCEPTED', 'IN_PROGRESS', 'BLOCKED', 'COMPLETED', 'CANCELLED'];
