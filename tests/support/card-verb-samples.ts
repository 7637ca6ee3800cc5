// For every Action.Execute verb in bot/handlers/index.ts CARD_ACTIONS: the capability its handler
// checks and a valid card submission, with ids asked for by name (resolved by tests/support/access-world).
// The access matrix fails for a verb missing here, so a new card action cannot go untested: add one entry.
import type { Capability } from '../../api/domain/access/policy';
import { CARD_VERBS } from '../../bot/cards/verbs';
import { REFERRAL_VERBS } from '../../bot/cards/referral-card';
import { CASEWORK_CHOICE, TRIAGE_VERBS } from '../../bot/cards/triage-card';
import { SAMPLE_DATE, type IdFor } from './sample-input';

export interface CardVerbSample {
  capability: Capability | null;
  /** The card's data as Teams sends it back; `version` numbers may be stale, which answers as a conflict, not a denial. */
  data(idFor: IdFor): Promise<Record<string, unknown>>;
}

const NOTE = 'A note written by the access matrix.';
const actionCard = async (idFor: IdFor) => ({ actionId: await idFor('actionId'), version: 0 });
const triageCard = async (idFor: IdFor) => ({ referralId: await idFor('referralId'), version: 0 });
const agendaCard = async (idFor: IdFor) => ({ meetingId: await idFor('meetingId'), version: 0 });

export const CARD_VERB_SAMPLES: Record<string, CardVerbSample> = {
  [REFERRAL_VERBS.startDraft]: {
    capability: 'referral.create',
    data: async () => ({ subjectType: 'VICTIM', givenName: 'Sam', familyName: 'Sample', concerns: NOTE }),
  },
  [CARD_VERBS.refreshAction]: { capability: 'case.read', data: actionCard },
  [TRIAGE_VERBS.refresh]: { capability: 'case.read', data: triageCard },
  [TRIAGE_VERBS.accept]: { capability: 'referral.decide', data: triageCard },
  [TRIAGE_VERBS.decline]: { capability: 'referral.decide', data: async (idFor) => ({ ...(await triageCard(idFor)), declineReason: NOTE }) },
  [TRIAGE_VERBS.redirect]: {
    capability: 'referral.decide',
    data: async (idFor) => ({ ...(await triageCard(idFor)), redirectTo: CASEWORK_CHOICE, reviewDate: SAMPLE_DATE, redirectReason: NOTE }),
  },
  [CARD_VERBS.showAction]: { capability: 'case.read', data: async (idFor) => ({ actionId: await idFor('actionId') }) },
  [CARD_VERBS.accept]: { capability: 'action.work', data: actionCard },
  [CARD_VERBS.updateProgress]: { capability: 'action.work', data: async (idFor) => ({ ...(await actionCard(idFor)), progressNote: NOTE }) },
  [CARD_VERBS.complete]: { capability: 'action.work', data: async (idFor) => ({ ...(await actionCard(idFor)), completionNote: NOTE }) },
  [CARD_VERBS.cannotComplete]: {
    capability: 'action.work',
    data: async (idFor) => ({ ...(await actionCard(idFor)), cannotCompleteReason: 'CIRCUMSTANCES_CHANGED', cannotCompleteNote: NOTE }),
  },
  [CARD_VERBS.chooseOwnerAgency]: {
    capability: 'action.assign',
    data: async (idFor) => ({ caseId: await idFor('caseId'), ownerAgencyId: await idFor('ownerAgencyId') }),
  },
  [CARD_VERBS.assign]: {
    capability: 'action.assign',
    data: async (idFor) => ({
      caseId: await idFor('caseId'),
      title: NOTE,
      ownerAgencyId: await idFor('ownerAgencyId'),
      dueDate: SAMPLE_DATE,
      priority: 'NORMAL',
    }),
  },
  [CARD_VERBS.myActions]: { capability: 'action.work', data: async () => ({}) },
  [CARD_VERBS.nextAgendaItem]: { capability: 'meeting.run', data: agendaCard },
  [CARD_VERBS.refreshAgenda]: { capability: 'meeting.attend', data: agendaCard },
};
