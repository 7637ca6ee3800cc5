// Consent to share each victim's and perpetrator's information, or the lawful basis for sharing
// without it: the record in force for each person, and, for the agencies working the case, a form to
// record it (or a change, such as consent withdrawn). Every record is kept; the latest is in force.
import { useState } from 'react';
import { Body1, Button, Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import {
  CONSENT_LABELS,
  CONSENT_STATUSES,
  LAWFUL_BASIS_LABELS,
  SHARING_REGIME_LABELS,
  consentProblems,
} from '../../../../api/domain/referrals/sharing-consent';
import { asApiError } from '../../api/api-error';
import { answerOf } from '../../api/client';
import type { CaseOverview } from '../../api/cases';
import { FactList, type Fact } from '../../components/FactList';
import { Section } from '../../components/Section';
import { formatDateTime } from '../../components/words';
import { useApi } from '../../session/session';
import { ConsentFields, type ConsentDraft } from '../refer/ConsentFields';
import { ErrorSummary } from '../refer/ErrorSummary';
import { focusField } from '../refer/field-ids';

const useStyles = makeStyles({
  person: { marginBottom: tokens.spacingVerticalL, maxWidth: '48rem' },
  heading: { display: 'block', margin: `0 0 ${tokens.spacingVerticalS}` },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

type Subject = CaseOverview['subjects'][number];
type Consent = CaseOverview['consent'][number];

function consentFacts(consent: Consent): Fact[] {
  const facts: Fact[] = [
    ['Consent', CONSENT_LABELS[consent.consent as keyof typeof CONSENT_LABELS] ?? consent.consent],
    ['Lawful basis', LAWFUL_BASIS_LABELS[consent.lawfulBasis]],
    ['Law that applies', SHARING_REGIME_LABELS[consent.regime]],
  ];
  if (consent.justification) facts.push(['Why sharing without consent is necessary', consent.justification]);
  facts.push(['Recorded', `${formatDateTime(consent.recordedAt)} by ${consent.recordedBy}`]);
  return facts;
}

function RecordConsentForm({
  caseId,
  subject,
  onSaved,
  onCancel,
}: {
  caseId: string;
  subject: Subject;
  onSaved(): void;
  onCancel(): void;
}) {
  const styles = useStyles();
  const api = useApi();
  const [answer, setAnswer] = useState<ConsentDraft>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [shownAt, setShownAt] = useState(0);
  const [busy, setBusy] = useState(false);
  const show = (fields: Record<string, string>, message: string | null) => {
    setErrors(fields);
    setGeneral(message);
    setShownAt((n) => n + 1);
  };
  const save = async () => {
    const problems = consentProblems(answer, 'consent', CONSENT_STATUSES);
    if (problems.length > 0) return show(Object.fromEntries(problems.map((p) => [p.field, p.message])), null);
    setBusy(true);
    try {
      const { status, lawfulBasis, justification } = answer;
      await answerOf(
        api.POST('/api/cases/{caseId}/consent', {
          params: { path: { caseId } },
          body: {
            personId: subject.person.id,
            status: status!,
            ...(status !== 'GIVEN' ? { lawfulBasis, justification } : {}),
          },
        }),
      );
      onSaved();
    } catch (error) {
      const apiError = asApiError(error);
      show(apiError.fields, Object.keys(apiError.fields).length > 0 ? null : apiError.message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className={styles.form}
      aria-label={`Record consent for ${subject.person.name}`}
      onSubmit={(event) => event.preventDefault()}
      noValidate
    >
      <ErrorSummary problems={Object.entries(errors)} general={general} shownAt={shownAt} onFollow={focusField} />
      <ConsentFields
        prefix="consent"
        who={subject.role === 'VICTIM' ? 'victim' : 'perpetrator'}
        answer={answer}
        statuses={CONSENT_STATUSES}
        errors={errors}
        onChange={setAnswer}
      />
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={() => void save()} disabled={busy}>
          {busy ? 'Saving…' : 'Save consent'}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

export function CaseConsent({ overview, onChanged }: { overview: CaseOverview; onChanged(): void }) {
  const styles = useStyles();
  // One form at a time: its fields keep the referral form's ids, so the error summary can link to them.
  const [recording, setRecording] = useState<string | null>(null);
  const people = overview.subjects.filter((s) => s.role === 'VICTIM' || s.role === 'PERPETRATOR');
  return (
    <Section id="consent" title="Consent and lawful basis for sharing">
      {people.length === 0 && <Body1>No victim or perpetrator is recorded on this case.</Body1>}
      {people.map((subject) => {
        const consent = overview.consent.find((c) => c.personId === subject.person.id);
        const headingId = `consent-${subject.person.id}`;
        return (
          <section key={subject.person.id} className={styles.person} aria-labelledby={headingId}>
            <Subtitle2 as="h3" id={headingId} className={styles.heading}>
              {`${subject.person.name} (${subject.role === 'VICTIM' ? 'victim' : 'perpetrator'})`}
            </Subtitle2>
            {consent ? (
              <FactList facts={consentFacts(consent)} />
            ) : (
              <Caption1 as="p">No consent or lawful basis is recorded for sharing their information.</Caption1>
            )}
            {overview.access.mayRecordConsent &&
              (recording === subject.person.id ? (
                <RecordConsentForm
                  caseId={overview.case.id}
                  subject={subject}
                  onCancel={() => setRecording(null)}
                  onSaved={() => {
                    setRecording(null);
                    onChanged();
                  }}
                />
              ) : (
                <Button
                  onClick={() => setRecording(subject.person.id)}
                  aria-label={`${consent ? 'Record a change' : 'Record consent'} for ${subject.person.name}`}
                >
                  {consent ? 'Record a change' : 'Record consent'}
                </Button>
              ))}
          </section>
        );
      })}
    </Section>
  );
}
