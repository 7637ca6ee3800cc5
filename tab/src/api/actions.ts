// The answers of GET /api/actions and /api/actions/mine (api/services/action-list.ts) and of chasing.
export type ActionStatus = 'PROPOSED' | 'ACCEPTED' | 'IN_PROGRESS' | 'COMPLETED' | 'BLOCKED' | 'CANCELLED';
export type RiskBand = 'LOW' | 'MEDIUM' | 'HIGH';

export const ACTION_STATUSES: readonly ActionStatus[] = ['PROPOSED', 'ACCEPTED', 'IN_PROGRESS', 'BLOCKED', 'COMPLETED', 'CANCELLED'];

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
