// The answers of GET /api/cases/:caseId/overview and /viewers, named from the API's schema.
import type { Answer } from './answers';

export type CaseOverview = Answer<'/api/cases/{caseId}/overview'>;
export type CaseViewers = Answer<'/api/cases/{caseId}/viewers'>;
