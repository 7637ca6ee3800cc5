// The answers of GET /api/actions and /api/actions/mine (api/services/action-list.ts) and of chasing.
// The statuses and their two meanings come from the domain, so the tab cannot drift from the API.
import type { ActionStatus } from '../../../api/domain/actions/lifecycle';
export { ACTION_STATUSES, OPEN_ACTION_STATUSES, type ActionStatus } from '../../../api/domain/actions/lifecycle';
export type RiskBand = 'LOW' | 'MEDIUM' | 'HIGH';

export interface ListedAction {
  id: string;
  title: string;
  status: ActionStatus;
  priority: string;
  dueDate: string;
  overdue: boolean;
  daysOverdue: number;
  case: { id: string; reference: string; riskBand: RiskBand | null };
  panel: { id: string; name: string } | null;
  ownerAgency: { id: string; name: string };
  ownerMember: { id: string; displayName: string } | null;
}

export interface Choice {
  id: string;
  name: string;
}

export interface ActionList {
  today: string;
  actions: ListedAction[];
  truncated: boolean;
  choices: { panels: Choice[]; agencies: Choice[]; officers: Choice[] };
  mayChase: boolean;
}

export interface ChaseResult {
  actionId: string;
  deliveries: { memberId: string; status: 'SENT' | 'FAILED' | 'UNREACHABLE' | 'RETRYING'; error: string | null }[];
}
