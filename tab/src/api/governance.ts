// The answers of GET /api/governance/figures and /api/places (api/domain/governance).

/** A count or rate; `suppressed` when it is 1 to 4 and the member may not see the cases behind it. */
export interface Cell {
  value: number | null;
  suppressed: boolean;
}

export interface Period {
  from: string;
  to: string;
}

export interface ActionDelivery {
  set: Cell;
  completed: Cell;
  completionRate: Cell;
  medianDaysToComplete: Cell;
  overdue: Cell;
}

export interface GovernanceFigures {
  period: Period;
  asOf: string;
  suppressed: boolean;
  actionsByAgency: Array<{ agency: { id: string; name: string } } & ActionDelivery>;
  actionTotals: ActionDelivery;
  casesByRiskBand: Array<{ band: 'HIGH' | 'MEDIUM' | 'LOW' | 'UNASSESSED'; cases: Cell }>;
  riskChange: Record<'closed' | 'reduced' | 'unchanged' | 'increased' | 'unknown', Cell>;
  toolsAndPowers: Array<{ type: string; name: string; used: Cell }>;
  referralsBySourceAgency: Array<{ agency: { id: string; name: string }; referrals: Cell }>;
  repeatReferrals: { referrals: Cell; repeats: Cell; rate: Cell };
}

export interface PlacesHeatTable {
  period: Period;
  suppressed: boolean;
  months: string[];
  areas: Array<{ area: string; incidents: Cell[]; cases: Cell[]; incidentsTotal: Cell; casesTotal: Cell; hotspot: boolean }>;
}
