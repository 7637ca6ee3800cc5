// For every Action.Execute verb in bot/handlers/index.ts CARD_ACTIONS: the capability its handler
// checks and a valid card submission, with ids asked for by name (resolved by tests/support/access-world).
// The access matrix fails for a verb missing here, so a new card action cannot go untested: add one entry.
import type { Capability } from '../../api/domain/access/policy';
import type { IdFor } from './sample-input';

export interface CardVerbSample {
  capability: Capability | null;
  /** The card's data as Teams sends it back; `version` numbers may be stale, which answers as a conflict, not a denial. */
  data(idFor: IdFor): Promise<Record<string, unknown>>;
}

export const CARD_VERB_SAMPLES: Record<string, CardVerbSample> = {};
