// The guided referral form: who or what, then each group of risk questions, then the concerns and
// professional judgement. Progress is shown throughout, the draft is saved as it is typed, and
// submitting shows the score, band, reasons and route, or each problem with a way back to it.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Body1, Button, ProgressBar, Field, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { asApiError } from '../../api/api-error';
import { answerOf } from '../../api/client';
import { useApi } from '../../session/session';
import { CheckAnswersStep } from './CheckAnswersStep';
import { ConcernsStep } from './ConcernsStep';
import { ErrorSummary } from './ErrorSummary';
import { focusField } from './field-ids';
import { problemsOfConcernsStep, problemsOfConsentStep, problemsOfQuestionsStep, problemsOfSubjectStep } from './step-checks';
import { ConsentFields } from './ConsentFields';
import { REFERRAL_CONSENT_STATUSES } from '../../../../api/domain/referrals/sharing-consent';
import { QuestionsStep } from './QuestionsStep';
import { ReferralResult } from './ReferralResult';
import { findCandidates, findHomeCandidates, needsChoice, SubjectStep, type CandidateSearch } from './SubjectStep';
import {
  SECTION_LABELS,
  SECTIONS,
  type Referral,
  type MatchCandidate,
  type ReferralDraft,
  type RiskTemplate,
  type SubmitResult,
  type SubjectType,
} from './referral-types';
import { useReferralDraft, type DraftState, type SaveStatus } from './use-referral-draft';
import { WithdrawDraft } from './WithdrawDraft';
import { WithdrawnReferral } from './WithdrawnReferral';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, maxWidth: '40rem' },
  heading: { ...typographyStyles.subtitle1, margin: 0, ':focus': { outline: 'none' } },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** Today in London, as the API reads dates of birth: '2026-12-07'. */
const londonToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());

interface Step {
  key: string;
  title: string;
}

function stepsFor(template: RiskTemplate | null, subjectType: SubjectType | null): Step[] {
  const sections = template ? SECTIONS.filter((s) => (template.questions ?? []).some((q) => q.section === s)) : [];
  return [
    { key: 'subject', title: 'Who or what' },
    // A person's consent to sharing, or the lawful basis without it: a place has no consent to give.
    ...(subjectType && subjectType !== 'LOCATION' ? [{ key: 'consent', title: 'Consent to share' }] : []),
    ...sections.map((s) => ({ key: s, title: SECTION_LABELS[s] })),
    { key: 'concerns', title: 'Concerns and judgement' },
    { key: 'check', title: 'Check your answers' },
  ];
}

function stepOfField(field: string, steps: Step[], template: RiskTemplate | null): number {
  if (field === 'match' || field === 'homeMatch' || field === 'subjectType' || field.startsWith('subject.')) return 0;
  if (field.startsWith('consent.'))
    return Math.max(
      0,
      steps.findIndex((s) => s.key === 'consent'),
    );
  if (field.startsWith('answers.')) {
    const section = template?.questions?.find((q) => `answers.${q.id}` === field)?.section;
    const index = steps.findIndex((s) => s.key === section);
    if (index >= 0) return index;
  }
  return steps.findIndex((s) => s.key === 'concerns');
}

function saveMessage(save: SaveStatus): string {
  if (save.status === 'saving') return 'Saving draft…';
  if (save.status === 'saved') return `Draft saved at ${save.at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}`;
  if (save.status === 'failed') return `The draft could not be saved: ${save.message}`;
  return 'Your answers are saved as a draft as you go.';
}

export interface ReferralFormProps {
  initial: DraftState;
  templates: RiskTemplate[];
  /** Starts a new, empty referral after this one is submitted. */
  onReferAnother(): void;
}

export function ReferralForm({ initial, templates, onReferAnother }: ReferralFormProps) {
  const styles = useStyles();
  const api = useApi();
  const { state, save, update, saveNow, stopSaving } = useReferralDraft(initial);
  const { subjectType, draft } = state;
  const template = templates.find((t) => t.subjectType === subjectType) ?? null;
  // Until the subject is chosen, count the steps of the first template: they all share the four groups.
  const steps = useMemo(() => stepsFor(template ?? templates[0] ?? null, subjectType), [template, templates, subjectType]);
  const [step, setStep] = useState(() =>
    Math.max(
      0,
      steps.findIndex((s) => s.key === initial.draft.step),
    ),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  // When the summary was last shown: each showing takes focus again.
  const [summaryShownAt, setSummaryShownAt] = useState(0);
  // A field the error summary sent the referrer to, focused once its step is on screen.
  const pendingFocus = useRef<string | null>(null);
  const [candidates, setCandidates] = useState<CandidateSearch | null>(null);
  const [homeCandidates, setHomeCandidates] = useState<MatchCandidate[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<SubmitResult | null>(null);
  const [withdrawn, setWithdrawn] = useState<Referral | null>(null);
  const headingRef = useRef<HTMLHeadingElement | null>(null);
  const moved = useRef(false);

  useEffect(() => {
    // Each new step starts at its heading, so keyboard and screen reader users begin at the top,
    // unless the error summary sent them to a field on it.
    if (pendingFocus.current) focusField(pendingFocus.current);
    else if (moved.current) headingRef.current?.focus();
    pendingFocus.current = null;
    moved.current = true;
  }, [step]);

  const showProblems = (fields: Record<string, string>, general: string | null) => {
    setErrors(fields);
    setProblem(general);
    setSummaryShownAt((shown) => shown + 1);
  };
  const follow = (field: string) => {
    const target = stepOfField(field, steps, template);
    if (target === step) focusField(field);
    else {
      pendingFocus.current = field;
      goTo(target);
    }
  };

  const change = (patch: Partial<ReferralDraft>) => update((current) => ({ ...current, draft: { ...current.draft, ...patch } }));
  const goTo = (index: number) => {
    setStep(index);
    change({ step: steps[index]?.key });
  };
  const answers = draft.answers ?? {};
  const questions = template?.questions ?? [];
  const answered = questions.filter((q) => answers[q.id] !== undefined).length;

  const next = async () => {
    const current = steps[step];
    let mustChooseMatch = false;
    if (step === 0 && subjectType && !draft.match) {
      let search = candidates;
      if (search === null) {
        setBusy(true);
        try {
          search = await findCandidates(api, subjectType, draft.subject ?? {});
          setCandidates(search);
        } catch (error) {
          showProblems({}, asApiError(error).message);
          return;
        } finally {
          setBusy(false);
        }
      }
      mustChooseMatch = needsChoice(search);
    }
    // A victim's or perpetrator's home is looked up too, so a known address is linked, not keyed again.
    let mustChooseHome = false;
    if (step === 0 && subjectType && subjectType !== 'LOCATION' && !draft.homeMatch) {
      let found = homeCandidates;
      if (found === null) {
        setBusy(true);
        try {
          found = await findHomeCandidates(api, draft.subject ?? {});
          setHomeCandidates(found);
        } catch (error) {
          showProblems({}, asApiError(error).message);
          return;
        } finally {
          setBusy(false);
        }
      }
      mustChooseHome = (found ?? []).length > 0;
    }
    const input = {
      subjectType,
      draft,
      questions: questions.filter((q) => q.section === current?.key),
      mustChooseMatch,
      mustChooseHome,
      today: londonToday(),
    };
    const problems =
      current?.key === 'subject'
        ? problemsOfSubjectStep(input)
        : current?.key === 'consent'
          ? problemsOfConsentStep(input)
          : current?.key === 'concerns'
            ? problemsOfConcernsStep(input)
            : problemsOfQuestionsStep(input);
    if (problems.length > 0) {
      showProblems(Object.fromEntries(problems.map((p) => [p.field, p.message])), null);
      return;
    }
    setErrors({});
    setProblem(null);
    goTo(step + 1);
  };

  const submit = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const id = await saveNow();
      if (!id) throw new Error('The draft could not be saved, so it cannot be submitted yet.');
      const answer = await answerOf(api.POST('/api/referrals/{referralId}/submit', { params: { path: { referralId: id } } }));
      setResult(answer.result);
    } catch (error) {
      const apiError = asApiError(error);
      // Field by field when the API names fields, under the summary's own title; otherwise its message.
      showProblems(apiError.fields, Object.keys(apiError.fields).length > 0 ? null : apiError.message);
    } finally {
      setBusy(false);
    }
  };

  if (result) return <ReferralResult result={result} onReferAnother={onReferAnother} />;
  if (withdrawn) return <WithdrawnReferral referral={withdrawn} />;

  const current = steps[step] ?? steps[0]!;
  const section = SECTIONS.find((s) => s === current.key);
  const problems = Object.entries(errors);
  return (
    <form className={styles.form} aria-labelledby="referral-step-heading" onSubmit={(event) => event.preventDefault()} noValidate>
      <div className={styles.progress}>
        <h2 id="referral-step-heading" className={styles.heading} tabIndex={-1} ref={headingRef}>
          {`Step ${step + 1} of ${steps.length}: ${current.title}`}
        </h2>
        {template && (
          <Field validationMessage={`${answered} of ${questions.length} questions answered`} validationState="none">
            <ProgressBar value={questions.length === 0 ? 0 : answered / questions.length} aria-label="Questions answered" />
          </Field>
        )}
        <Body1 role="status" aria-live="polite">
          {saveMessage(save)}
        </Body1>
      </div>

      <ErrorSummary problems={problems} general={problem} shownAt={summaryShownAt} onFollow={follow} />

      {current.key === 'subject' && (
        <SubjectStep
          subjectType={subjectType}
          draft={draft}
          errors={errors}
          candidates={candidates}
          onCandidates={setCandidates}
          homeCandidates={homeCandidates}
          onHomeCandidates={setHomeCandidates}
          onSubjectType={(type: SubjectType) => {
            setCandidates(null);
            // Answers belong to one template: a different subject starts its questions afresh.
            update((s) => ({
              ...s,
              subjectType: type,
              draft: { ...s.draft, answers: type === s.subjectType ? s.draft.answers : {}, match: undefined },
            }));
          }}
          onChange={change}
        />
      )}
      {current.key === 'consent' && subjectType && (
        <ConsentFields
          prefix="consent"
          who={subjectType === 'VICTIM' ? 'victim' : 'perpetrator'}
          answer={draft.consent ?? {}}
          statuses={REFERRAL_CONSENT_STATUSES}
          errors={errors}
          onChange={(consent) => change({ consent })}
        />
      )}
      {section && (
        <QuestionsStep
          questions={questions.filter((q) => q.section === section)}
          answers={answers}
          errors={errors}
          onAnswer={(questionId, optionId) => change({ answers: { ...answers, [questionId]: optionId } })}
        />
      )}
      {current.key === 'concerns' && <ConcernsStep draft={draft} errors={errors} onChange={change} />}
      {current.key === 'check' && subjectType && (
        <CheckAnswersStep
          subjectType={subjectType}
          draft={draft}
          template={template}
          onChange={(key) =>
            goTo(
              Math.max(
                0,
                steps.findIndex((s) => s.key === key),
              ),
            )
          }
        />
      )}

      <div className={styles.buttons}>
        {step > 0 && (
          <Button onClick={() => goTo(step - 1)} disabled={busy}>
            Back
          </Button>
        )}
        {step < steps.length - 1 ? (
          <Button appearance="primary" onClick={() => void next()} disabled={busy}>
            Next
          </Button>
        ) : (
          <Button appearance="primary" onClick={() => void submit()} disabled={busy}>
            {busy ? 'Submitting…' : 'Submit referral'}
          </Button>
        )}
      </div>
      {state.id && <WithdrawDraft referralId={state.id} beforeWithdrawing={stopSaving} onWithdrawn={setWithdrawn} />}
    </form>
  );
}
