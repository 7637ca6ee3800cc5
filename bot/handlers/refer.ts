// "refer" opens the first step of a referral in chat; its "Save as a draft" button starts the
// referral through the same service as the tab (api/services/referrals), so nothing is keyed twice.
import { MessageFactory } from 'botbuilder';
import { startReferral } from '../../api/services/referrals/referrals';
import { cardAttachment, cardResponse } from './replies';
import {
  buildDraftSavedCard,
  buildStartReferralCard,
  REFERRAL_VERBS,
  startDraftSubmission,
  type ReferralSubjectType,
} from '../cards/referral-card';
import { referralLink } from '../cards/tab-links';
import { parseCardData } from '../cards/verbs';
import type { BotCommand, CardActionHandler } from './turn';

const SAID_TYPES: Record<string, ReferralSubjectType> = {
  victim: 'VICTIM',
  perpetrator: 'PERPETRATOR',
  location: 'LOCATION',
  place: 'LOCATION',
};

export const referCommand: BotCommand = {
  names: ['refer'],
  reach: 'personal',
  async run(turn, rest) {
    // "refer victim" chooses the subject type in advance.
    const subjectType = SAID_TYPES[rest.split(' ')[0] ?? ''];
    const card = buildStartReferralCard({ values: subjectType ? { subjectType } : {}, fieldErrors: [] });
    await turn.context.sendActivity(MessageFactory.attachment(cardAttachment(card)));
  },
};

const stringsOf = (data: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(Object.entries(data).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));

export const startDraftAction: CardActionHandler = async (turn, data) => {
  const parsed = parseCardData(startDraftSubmission, data);
  if (!parsed.ok) return cardResponse(buildStartReferralCard({ values: stringsOf(data), fieldErrors: parsed.fieldErrors }));
  const input = parsed.value;
  const name = [input.givenName, input.familyName].filter(Boolean).join(' ');
  const isPlace = input.subjectType === 'LOCATION';
  const referral = await startReferral(turn.service!, {
    subjectType: input.subjectType,
    draft: {
      step: 'from-chat',
      subject: isPlace
        ? { address: input.address, postcode: input.postcode }
        : { givenName: input.givenName, familyName: input.familyName, address: input.address, postcode: input.postcode },
      concerns: input.concerns,
    },
  });
  const about = isPlace ? (input.address ?? null) : name || null;
  const savedAt = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' }).format(
    new Date(referral.createdAt),
  );
  const link = turn.deps.tabLinks ? referralLink(turn.deps.tabLinks, referral.id) : null;
  return cardResponse(buildDraftSavedCard({ subjectType: input.subjectType, about, savedAt, link }));
};

export const REFERRAL_CARD_ACTIONS = { [REFERRAL_VERBS.startDraft]: startDraftAction };
