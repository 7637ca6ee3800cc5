// The "refer" card: a short first step in chat (who or what is referred, and why) saved as a draft
// through the same service the tab uses; the risk assessment is then finished in the tab's Refer
// page, where the draft is waiting. A rejected submission comes back with each error by its field.
import { z } from 'zod';
import { card, execute, facts, heading, openUrl, text, type AdaptiveCard, type CardElement, type CardInput } from './adaptive-card';
import type { FieldError } from './verbs';

export const REFERRAL_VERBS = { startDraft: 'referral.startDraft' } as const;

export const REFERRAL_INPUT_IDS = {
  subjectType: 'subjectType',
  givenName: 'givenName',
  familyName: 'familyName',
  address: 'address',
  postcode: 'postcode',
  concerns: 'concerns',
} as const;

export const REFERRAL_SUBJECT_TYPES = ['VICTIM', 'PERPETRATOR', 'LOCATION'] as const;
export type ReferralSubjectType = (typeof REFERRAL_SUBJECT_TYPES)[number];
const SUBJECT_LABELS: Record<ReferralSubjectType, string> = {
  VICTIM: 'A victim',
  PERPETRATOR: 'A perpetrator',
  LOCATION: 'A problem location',
};

// Empty inputs arrive as '' (or not at all); both mean "not given".
const given = (value: unknown) => (value === '' || value === null ? undefined : value);
// PostgreSQL stores no NUL character: refused here with the field rather than failing when saved.
const NO_NUL = [
  (value: string) => !value.includes('\u0000'),
  { message: 'Remove the invisible control character from this text.' },
] as const;
const optional = (max: number) =>
  z.preprocess(
    given,
    z
      .string()
      .trim()
      .max(max, { message: `Keep this under ${max} characters.` })
      .refine(...NO_NUL)
      .optional(),
  );

export const startDraftSubmission = z.object({
  [REFERRAL_INPUT_IDS.subjectType]: z.preprocess(
    given,
    z.enum(REFERRAL_SUBJECT_TYPES, { message: 'Choose who or what you are referring.' }),
  ),
  [REFERRAL_INPUT_IDS.givenName]: optional(100),
  [REFERRAL_INPUT_IDS.familyName]: optional(100),
  [REFERRAL_INPUT_IDS.address]: optional(200),
  [REFERRAL_INPUT_IDS.postcode]: optional(10),
  [REFERRAL_INPUT_IDS.concerns]: z.preprocess(
    given,
    z
      .string({ message: 'Say briefly what is happening.' })
      .trim()
      .min(1, { message: 'Say briefly what is happening.' })
      .max(5000, { message: 'Keep this under 5,000 characters.' })
      .refine(...NO_NUL),
  ),
});
export type StartDraftSubmission = z.infer<typeof startDraftSubmission>;

export interface StartReferralCardView {
  values: Partial<Record<keyof typeof REFERRAL_INPUT_IDS, string>>;
  fieldErrors: readonly FieldError[];
}

export function buildStartReferralCard(view: StartReferralCardView): AdaptiveCard {
  const errorFor = (field: string) => view.fieldErrors.find((error) => error.field === field)?.message;
  const withError = (input: CardInput): CardElement[] => {
    const message = errorFor(input.id);
    return message ? [input, text(message, { color: 'attention', size: 'small', spacing: 'none' })] : [input];
  };
  const textInput = (
    id: keyof typeof REFERRAL_INPUT_IDS,
    label: string,
    maxLength: number,
    extra: Partial<CardInput> = {},
  ): CardElement[] =>
    withError({ type: 'Input.Text', id, label, maxLength, ...(view.values[id] ? { value: view.values[id] } : {}), ...extra } as CardInput);

  const body: CardElement[] = [
    heading('Start a referral'),
    text('Say who or what you are referring and why. It is saved as a draft; you finish the risk assessment in the ASB Panels tab.', {
      isSubtle: true,
      spacing: 'none',
    }),
  ];
  if (view.fieldErrors.length > 0) {
    const count = view.fieldErrors.length;
    body.push(
      text(count === 1 ? 'Please correct the highlighted field.' : `Please correct the ${count} highlighted fields.`, {
        color: 'attention',
        weight: 'bolder',
      }),
    );
  }
  body.push(
    ...withError({
      type: 'Input.ChoiceSet',
      id: REFERRAL_INPUT_IDS.subjectType,
      label: 'Who or what are you referring?',
      isRequired: true,
      errorMessage: 'Choose who or what you are referring.',
      style: 'expanded',
      choices: REFERRAL_SUBJECT_TYPES.map((type) => ({ title: SUBJECT_LABELS[type], value: type })),
      ...(view.values.subjectType ? { value: view.values.subjectType } : {}),
    }),
    ...textInput('givenName', 'First name (victim or perpetrator)', 100),
    ...textInput('familyName', 'Last name (victim or perpetrator)', 100),
    ...textInput('address', 'Address or place', 200),
    ...textInput('postcode', 'Postcode', 10),
    ...textInput('concerns', 'What is happening?', 5000, {
      isMultiline: true,
      isRequired: true,
      errorMessage: 'Say briefly what is happening.',
    }),
  );
  return card(body, {
    actions: [execute(REFERRAL_VERBS.startDraft, 'Save as a draft', {}, { style: 'positive' })],
    fallbackText: 'Start a referral in the ASB Panels tab.',
  });
}

export interface DraftSavedCardView {
  subjectType: ReferralSubjectType;
  /** The person's name or the address, as typed. */
  about: string | null;
  savedAt: string;
  /** Opens the draft in the tab (bot/cards/tab-links.ts); null when the app's addresses are not configured. */
  link: string | null;
}

export function buildDraftSavedCard(view: DraftSavedCardView): AdaptiveCard {
  return card(
    [
      heading('Referral saved as a draft'),
      facts([
        ['Referring', SUBJECT_LABELS[view.subjectType]],
        ['About', view.about],
        ['Saved', view.savedAt],
      ]),
      text(
        view.link
          ? 'Finish the risk assessment in the ASB Panels tab. Nothing is sent to a panel until you submit it.'
          : 'To finish it, open the ASB Panels tab and choose **Refer**: your draft is listed there with the risk assessment still to do. Nothing is sent to a panel until you submit it.',
      ),
    ],
    {
      ...(view.link ? { actions: [openUrl('Finish in the tab', view.link)] } : {}),
      fallbackText: 'Referral saved as a draft. Finish it in the ASB Panels tab.',
    },
  );
}
