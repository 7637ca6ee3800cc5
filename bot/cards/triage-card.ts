// The triage card: sent to each chair of the panel a referral is sent to. A chair of that panel gets
// accept / decline / redirect while it awaits a decision; anyone else (and everyone once it is decided)
// sees the same facts read-only. Universal Actions refresh gives each chair their own view.
import { z } from 'zod';
import type { TriageCardView } from '../../api/services/ports/card-views';
import {
  card,
  execute,
  facts,
  heading,
  innerCard,
  text,
  refreshFor,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
} from './adaptive-card';

export const TRIAGE_VERBS = {
  refresh: 'referral.triage.refresh',
  accept: 'referral.accept',
  decline: 'referral.decline',
  redirect: 'referral.redirect',
} as const;

export const TRIAGE_INPUT_IDS = {
  declineReason: 'declineReason',
  redirectTo: 'redirectTo',
  redirectReason: 'redirectReason',
  reviewDate: 'reviewDate',
} as const;

/** The redirect choice for the lead agency's casework; a panel is chosen by its id. */
export const CASEWORK_CHOICE = 'LEAD_AGENCY_CASEWORK';

const id = z.guid({ message: 'This card refers to something that does not exist.' });
const version = z.number().int().min(0);
const given = (value: unknown) => (value === '' || value === null ? undefined : value);
const reason = (message: string) =>
  z.preprocess(
    given,
    z
      .string({ message })
      .trim()
      .min(1, { message })
      .max(2000, { message: 'Keep the reason to 2,000 characters.' })
      .refine((value) => !value.includes('\u0000'), { message: 'Remove the invisible control character from this text.' }),
  );

export const triageCardRef = z.object({ referralId: id, version });

export const triageSubmissions = {
  [TRIAGE_VERBS.refresh]: triageCardRef,
  [TRIAGE_VERBS.accept]: triageCardRef,
  [TRIAGE_VERBS.decline]: triageCardRef.extend({
    [TRIAGE_INPUT_IDS.declineReason]: reason('Say why the panel will not hear this referral; the referrer will read it.'),
  }),
  [TRIAGE_VERBS.redirect]: triageCardRef.extend({
    [TRIAGE_INPUT_IDS.redirectTo]: z.preprocess(
      given,
      z.union([id, z.literal(CASEWORK_CHOICE)], { message: 'Choose where the referral should go.' }),
    ),
    [TRIAGE_INPUT_IDS.reviewDate]: z.preprocess(
      given,
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Choose a review date.' })
        .optional(),
    ),
    [TRIAGE_INPUT_IDS.redirectReason]: reason('Say why the referral goes elsewhere; the referrer will read it.'),
  }),
} as const;

const SUBJECT_LABELS: Record<TriageCardView['subjectType'], string> = {
  VICTIM: 'Victim',
  PERPETRATOR: 'Perpetrator',
  LOCATION: 'Problem location',
};

const STATUS_LABELS: Record<TriageCardView['status'], string> = {
  DRAFT: 'Draft',
  SUBMITTED: 'Awaiting a decision',
  ACCEPTED: 'Accepted',
  DECLINED: 'Declined',
  WITHDRAWN: 'Withdrawn',
};

export function buildTriageCard(view: TriageCardView): AdaptiveCard {
  const ref = { referralId: view.referralId, version: view.version };
  const body: CardElement[] = [];
  if (view.notice) body.push(text(view.notice.text, { color: view.notice.tone, weight: 'bolder' }));
  body.push(heading(view.caseReference ? `Referral for case ${view.caseReference}` : 'Referral'));
  body.push(
    text(STATUS_LABELS[view.status], { weight: 'bolder', spacing: 'small', color: view.status === 'SUBMITTED' ? 'accent' : 'default' }),
  );
  body.push(
    facts([
      ['Referring', SUBJECT_LABELS[view.subjectType]],
      ['Panel', view.panelName],
      ['From', view.referrerAgencyName],
      ['Risk', view.finalBand ? view.finalBand.charAt(0) + view.finalBand.slice(1).toLowerCase() : null],
      [
        'Sent',
        view.submittedAt
          ? new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/London' }).format(view.submittedAt)
          : null,
      ],
    ]),
  );
  if (view.outcome) body.push(text(view.outcome, { spacing: 'small' }));
  body.push(
    view.missing.length === 0
      ? text('Complete: nothing is missing.', { color: 'good', spacing: 'small' })
      : text(`Missing: ${view.missing.join(' ')}`, { color: 'warning', spacing: 'small' }),
  );
  const refresh = refreshFor(execute(TRIAGE_VERBS.refresh, 'Refresh', ref, { associatedInputs: 'none' }), view.refreshUserIds);
  return card(body, {
    actions: view.commands.map((command) => buttonFor(command, view, ref)),
    refresh,
    fallbackText: `Referral${view.caseReference ? ` for case ${view.caseReference}` : ''}: ${STATUS_LABELS[view.status]}.`,
  });
}

function buttonFor(
  command: TriageCardView['commands'][number],
  view: TriageCardView,
  ref: { referralId: string; version: number },
): CardAction {
  switch (command) {
    case 'ACCEPT':
      return execute(TRIAGE_VERBS.accept, 'Accept for panel', ref, { style: 'positive', associatedInputs: 'none' });
    case 'DECLINE':
      return {
        type: 'Action.ShowCard',
        title: 'Decline',
        card: innerCard(
          [
            {
              type: 'Input.Text',
              id: TRIAGE_INPUT_IDS.declineReason,
              label: 'Why will the panel not hear it? (the referrer reads this)',
              isMultiline: true,
              isRequired: true,
              errorMessage: 'Say why.',
              maxLength: 2000,
            },
          ],
          [execute(TRIAGE_VERBS.decline, 'Decline referral', ref, { style: 'destructive' })],
        ),
      };
    case 'REDIRECT':
      return {
        type: 'Action.ShowCard',
        title: 'Redirect',
        card: innerCard(
          [
            {
              type: 'Input.ChoiceSet',
              id: TRIAGE_INPUT_IDS.redirectTo,
              label: 'Send it to',
              isRequired: true,
              errorMessage: 'Choose where it should go.',
              choices: [
                ...view.redirectPanels.map((panel) => ({ title: panel.name, value: panel.id })),
                { title: "The lead agency's casework", value: CASEWORK_CHOICE },
              ],
            },
            { type: 'Input.Date', id: TRIAGE_INPUT_IDS.reviewDate, label: "Review date (for the lead agency's casework)" },
            {
              type: 'Input.Text',
              id: TRIAGE_INPUT_IDS.redirectReason,
              label: 'Why? (the referrer reads this)',
              isMultiline: true,
              isRequired: true,
              errorMessage: 'Say why.',
              maxLength: 2000,
            },
          ],
          [execute(TRIAGE_VERBS.redirect, 'Redirect referral', ref)],
        ),
      };
  }
}
