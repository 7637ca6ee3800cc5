// The triage card's verbs: refresh (each viewer's own view) and the chair's accept / decline /
// redirect, through the same use case as the tab. Every answer is the card drawn from the database
// after the click; a stale click, bad input or a refusal comes back on the card.
import type { TriageDecision } from '../../api/domain/referrals/triage';
import { decideReferral } from '../../api/services/referrals/decide';
import { readTriageForCard, triageAfterDecision, triageCardViewOf } from '../../api/services/referrals/triage';
import { ServiceError } from '../../api/services/errors';
import type { CardNotice } from '../../api/services/ports/card-views';
import { buildErrorCard, buildRefusalCard } from '../cards/notice-cards';
import { buildTriageCard, CASEWORK_CHOICE, TRIAGE_INPUT_IDS, TRIAGE_VERBS, triageCardRef, triageSubmissions } from '../cards/triage-card';
import { parseCardData } from '../cards/verbs';
import { auditIfRefused } from './refused-attempts';
import { cardResponse } from './replies';
import type { BotTurn, CardActionHandler } from './turn';

const OUT_OF_DATE = buildErrorCard({
  title: 'This card is out of date',
  message: 'It no longer points at a referral. Open the referrals page in the ASB Panels tab.',
});

async function redraw(turn: BotTurn, referralId: string, attempted: string, notice: CardNotice | null = null) {
  const service = turn.service!;
  try {
    return cardResponse(buildTriageCard(triageCardViewOf(await readTriageForCard(service, referralId), service.actor, notice)));
  } catch (error) {
    if (error instanceof ServiceError && error.code === 'NOT_FOUND')
      return cardResponse(buildRefusalCard({ attempted, reason: error.message }));
    throw error;
  }
}

const refreshTriage: CardActionHandler = async (turn, data) => {
  const ref = parseCardData(triageSubmissions[TRIAGE_VERBS.refresh], data);
  if (!ref.ok) return cardResponse(OUT_OF_DATE);
  return redraw(turn, ref.value.referralId, 'See this referral');
};

/** A card in a personal chat is seen by the clicker alone; the invoke answer replaces it for them. */
function clickedInPersonalChat(turn: BotTurn) {
  const { conversation, replyToId } = turn.context.activity;
  return conversation?.conversationType === 'personal' && replyToId
    ? { conversationId: conversation.id, activityId: replyToId }
    : undefined;
}

interface DecisionVerb {
  verb: keyof typeof triageSubmissions;
  attempted: string;
  done: string;
  decision(data: Record<string, unknown>): TriageDecision;
}

function decideFromCard(verb: DecisionVerb): CardActionHandler {
  return async (turn, data) => {
    const service = turn.service!;
    const ref = triageCardRef.safeParse(data);
    if (!ref.success) return cardResponse(OUT_OF_DATE);
    const parsed = parseCardData(triageSubmissions[verb.verb] as typeof triageCardRef, data);
    if (!parsed.ok)
      return redraw(turn, ref.data.referralId, verb.attempted, {
        tone: 'attention',
        text: parsed.fieldErrors.map((e) => e.message).join(' '),
      });
    try {
      await decideReferral(
        service,
        turn.deps,
        ref.data.referralId,
        { ...verb.decision(data), expectedVersion: ref.data.version },
        { clickedInPersonalChat: clickedInPersonalChat(turn) },
      );
      const record = await triageAfterDecision(service, ref.data.referralId);
      return cardResponse(buildTriageCard(triageCardViewOf(record, service.actor, { tone: 'good', text: verb.done })));
    } catch (error) {
      await auditIfRefused(turn, { attempted: `card ${verb.attempted}`, entityType: 'Referral', entityId: ref.data.referralId }, error);
      if (!(error instanceof ServiceError)) throw error;
      switch (error.code) {
        case 'FORBIDDEN':
        case 'NOT_FOUND':
          return cardResponse(buildRefusalCard({ attempted: verb.attempted, reason: error.message }));
        case 'CONFLICT':
          return redraw(turn, ref.data.referralId, verb.attempted, {
            tone: 'warning',
            text: `${error.message.replace(/ This is how it stands now\.$/, '')} This is how it stands now.`,
          });
        case 'VALIDATION_FAILED':
          return redraw(turn, ref.data.referralId, verb.attempted, {
            tone: 'attention',
            text: error.fieldErrors.map((field) => field.message).join(' ') || error.message,
          });
        default:
          throw error;
      }
    }
  };
}

const stringOf = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

export const TRIAGE_CARD_ACTIONS: Readonly<Record<string, CardActionHandler>> = {
  [TRIAGE_VERBS.refresh]: refreshTriage,
  [TRIAGE_VERBS.accept]: decideFromCard({
    verb: TRIAGE_VERBS.accept,
    attempted: 'Accept this referral',
    done: 'Accepted for the panel.',
    decision: () => ({ decision: 'ACCEPT' }),
  }),
  [TRIAGE_VERBS.decline]: decideFromCard({
    verb: TRIAGE_VERBS.decline,
    attempted: 'Decline this referral',
    done: 'Declined. The referrer has been told why.',
    decision: (data) => ({ decision: 'DECLINE', reason: stringOf(data[TRIAGE_INPUT_IDS.declineReason]) }),
  }),
  [TRIAGE_VERBS.redirect]: decideFromCard({
    verb: TRIAGE_VERBS.redirect,
    attempted: 'Redirect this referral',
    done: 'Redirected. The referrer has been told why.',
    decision: (data) => {
      const reason = stringOf(data[TRIAGE_INPUT_IDS.redirectReason]);
      const to = stringOf(data[TRIAGE_INPUT_IDS.redirectTo]);
      return to === CASEWORK_CHOICE
        ? { decision: 'REDIRECT', to: 'LEAD_AGENCY_CASEWORK', reviewDate: stringOf(data[TRIAGE_INPUT_IDS.reviewDate]), reason }
        : { decision: 'REDIRECT', to: 'PANEL', panelId: to, reason };
    },
  }),
};
