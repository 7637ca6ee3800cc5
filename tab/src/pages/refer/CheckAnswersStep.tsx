// "Check your answers" before submitting, as GOV.UK services end a form: every answer under its
// step's heading, each with a Change link back to that step.
import { Button, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { CONSENT_LABELS, LAWFUL_BASIS_LABELS } from '../../../../api/domain/referrals/sharing-consent';
import {
  BAND_LABELS,
  SECTION_LABELS,
  SECTIONS,
  SUBJECT_LABELS,
  type ReferralDraft,
  type RiskTemplate,
  type SubjectType,
} from './referral-types';

const useStyles = makeStyles({
  group: { marginBottom: tokens.spacingVerticalL },
  heading: { display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', gap: tokens.spacingHorizontalM, maxWidth: '48rem' },
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(10rem, 1fr) 2fr',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    margin: `${tokens.spacingVerticalS} 0 0`,
    maxWidth: '48rem',
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
  },
  row: { display: 'contents' },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
});

const NOT_GIVEN = 'Not given';

export interface CheckAnswersStepProps {
  subjectType: SubjectType;
  draft: ReferralDraft;
  template: RiskTemplate | null;
  /** Goes back to a step by its key: 'subject', a section, or 'concerns'. */
  onChange(stepKey: string): void;
}

function formatBirthDate(date: string | undefined): string {
  if (!date) return NOT_GIVEN;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

function AnswerGroup({
  title,
  stepKey,
  rows,
  onChange,
}: {
  title: string;
  stepKey: string;
  rows: [string, string][];
  onChange(key: string): void;
}) {
  const styles = useStyles();
  const id = `check-${stepKey.toLowerCase()}`;
  return (
    <section className={styles.group} aria-labelledby={id}>
      <div className={styles.heading}>
        <Subtitle2 as="h3" id={id}>
          {title}
        </Subtitle2>
        <Button appearance="transparent" onClick={() => onChange(stepKey)} aria-label={`Change ${title.toLowerCase()}`}>
          Change
        </Button>
      </div>
      <dl className={styles.list}>
        {rows.map(([term, detail]) => (
          <div key={term} className={styles.row}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.detail}>{detail}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function CheckAnswersStep({ subjectType, draft, template, onChange }: CheckAnswersStepProps) {
  const subject = draft.subject ?? {};
  const matched = draft.match?.personId ?? draft.match?.locationId;
  const who: [string, string][] = [['Referring', SUBJECT_LABELS[subjectType]]];
  if (subjectType === 'LOCATION') {
    who.push(
      ['Address or place', subject.address || NOT_GIVEN],
      ['Town', subject.town || NOT_GIVEN],
      ['Postcode', subject.postcode || NOT_GIVEN],
    );
  } else {
    who.push(
      ['Name', [subject.givenName, subject.familyName].filter(Boolean).join(' ') || NOT_GIVEN],
      ['Date of birth', formatBirthDate(subject.dateOfBirth)],
      ['Home address', [subject.address, subject.town, subject.postcode].filter((part) => part?.trim()).join(', ') || 'Not known'],
    );
  }
  who.push(['Record', matched ? 'An existing record you chose' : 'A new record']);
  const answers = draft.answers ?? {};
  const questions = template?.questions ?? [];
  const judgement = draft.judgement;
  const consent = subjectType === 'LOCATION' ? null : (draft.consent ?? {});
  return (
    <div>
      <AnswerGroup title="Who or what" stepKey="subject" rows={who} onChange={onChange} />
      {consent && (
        <AnswerGroup
          title="Consent to share"
          stepKey="consent"
          onChange={onChange}
          rows={[
            ['Consent', consent.status ? CONSENT_LABELS[consent.status] : NOT_GIVEN],
            ...(consent.status && consent.status !== 'GIVEN'
              ? ([
                  ['Lawful basis', consent.lawfulBasis ? LAWFUL_BASIS_LABELS[consent.lawfulBasis] : NOT_GIVEN],
                  ['Why it is necessary', consent.justification?.trim() || NOT_GIVEN],
                ] as [string, string][])
              : []),
          ]}
        />
      )}
      {SECTIONS.filter((section) => questions.some((q) => q.section === section)).map((section) => (
        <AnswerGroup
          key={section}
          title={SECTION_LABELS[section]}
          stepKey={section}
          onChange={onChange}
          rows={questions
            .filter((q) => q.section === section)
            .map((q) => [q.wording, q.options.find((option) => option.id === answers[q.id])?.label ?? NOT_GIVEN])}
        />
      ))}
      <AnswerGroup
        title="Concerns and judgement"
        stepKey="concerns"
        onChange={onChange}
        rows={[
          ['What is happening', draft.concerns?.trim() || NOT_GIVEN],
          ['Professional judgement', judgement?.band ? `${BAND_LABELS[judgement.band]}: ${judgement.reason ?? ''}` : 'Use the score'],
        ]}
      />
    </div>
  );
}
