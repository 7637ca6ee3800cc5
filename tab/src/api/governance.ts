// The answers of GET /api/governance/figures and /api/places, named from the API's schema.
import type { Answer } from './answers';

export type GovernanceFigures = Answer<'/api/governance/figures'>;
export type PlacesHeatTable = Answer<'/api/places'>;
/**
 * A count or rate; `suppressed` when it is 1 to 4 and the member may not see the cases behind it, or
 * (`secondary`) when it would let such a count be worked out from the figures beside it.
 */
export type Cell = GovernanceFigures['actionTotals']['set'];
export type Period = GovernanceFigures['period'];
export type ActionDelivery = GovernanceFigures['actionTotals'];
