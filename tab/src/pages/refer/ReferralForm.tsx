// The guided referral form: who or what, then each group of risk questions, then the concerns and
// professional judgement. Progress is shown throughout, the draft is saved as it is typed, and
// submitting shows the score, band, reasons and route, or each problem with a way back to it.
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Field,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { asApiError } from '../../api/api-error';
import { answerOf } from '../../api/client';
import { useApi } from '../../session/session';
import { ConcernsStep } from './ConcernsStep';
import { QuestionsStep } from './QuestionsStep';
import { ReferralResult } from './ReferralResult';
import { findCandidates, needsChoice, SubjectStep, type CandidateSearch } from './SubjectStep';
import {
  SECTION_LABELS,
  SECTIONS,
  type Referral,
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
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

interface Step {
  key: string;
  title: string;
}

function stepsFor(template: RiskTemplate | null): Step[] {
  const sections = template ? SECTIONS.filter((s) => (template.questions ?? []).some((q) => q.section === s)) : [];
  return [
    { key: 'subject', title: 'Who or what' },
    ...sections.map((s) => ({ key: s, title: SECTION_LABELS[s] })),
    { key: 'concerns', title: 'Concerns and judgement' },
  ];
}

function stepOfField(field: string, steps: Step[], template: RiskTemplate | null): number {
  if (field === 'match' || field === 'subjectType' || field.startsWith('subject.')) return 0;
  if (field.startsWith('answers.')) {
    const section = template?.questions?.find((q) => `answers.${q.id}` === field)?.section;
    const index = steps.findIndex((s) => s.key === section);
    if (index >= 0) return index;
  }
  return steps.length - 1;
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
}

export function ReferralForm({ initial, templates }: ReferralFormProps) {
  const styles = useStyles();
  const api = useApi();
  const { state, save, update, saveNow, stopSaving } = useReferralDraft(initial);
  const { subjectType, draft } = state;
  const template = templates.find((t) => t.subjectType === subjectType) ?? null;
  // Until the subject is chosen, count the steps of the first template: they all share the four groups.
  const steps = useMemo(() => stepsFor(template ?? templates[0] ?? null), [template, templates]);
  const [step, setStep] = useState(() =>
    Math.max(
      0,
      steps.findIndex((s) => s.key === initial.draft.step),
    ),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [candidates, setCandidates] = useState<CandidateSearch | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<SubmitResult | null>(null);
  const [withdrawn, setWithdrawn] = useState<Referral | null>(null);
  const headingRef = useRef<HTMLHeadingElement | null>(null);
  const moved = useRef(false);

  useEffect(() => {
    // Each new step starts at its heading, so keyboard and screen reader users begin at the top.
    if (moved.current) headingRef.current?.focus();
    moved.current = true;
  }, [step]);

  const change = (patch: Partial<ReferralDraft>) => update((current) => ({ ...current, draft: { ...current.draft, ...patch } }));
  const goTo = (index: number) => {
    setStep(index);
    change({ step: steps[index]?.key });
  };
  const answers = draft.answers ?? {};
  const questions = template?.questions ?? [];
  const answered = questions.filter((q) => answers[q.id] !== undefined).length;

  const next = async () => {
    if (step === 0) {
      if (!subjectType) {
        setErrors({ subjectType: 'Choose who or what you are referring.' });
        return;
      }
      if (candidates === null && !draft.match) {
        setBusy(true);
        try {
          const found = await findCandidates(api, subjectType, draft.subject ?? {});
          setCandidates(found);
          if (needsChoice(found)) {
            setErrors({ match: 'Choose the matching record, or say it is a new one.' });
            return;
          }
        } catch (error) {
          setProblem(asApiError(error).message);
          return;
        } finally {
          setBusy(false);
        }
      } else if (needsChoice(candidates) && !draft.match) {
        setErrors({ match: 'Choose the matching record, or say it is a new one.' });
        return;
      }
    }
    setErrors({});
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
      setErrors(apiError.fields);
      setProblem(apiError.message);
    } finally {
      setBusy(false);
    }
  };

  if (result) return <ReferralResult result={result} />;
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

      {problem && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{problem}</MessageBarTitle>
            {problems.length > 0 && (
              <ul className={styles.problems}>
                {problems.map(([field, message]) => (
                  <li key={field}>
                    <Button appearance="transparent" size="small" onClick={() => goTo(stepOfField(field, steps, template))}>
                      {message}
                    </Button>
                  </li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}

      {current.key === 'subject' && (
        <SubjectStep
          subjectType={subjectType}
          draft={draft}
          errors={errors}
          candidates={candidates}
          onCandidates={setCandidates}
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
      {section && (
        <QuestionsStep
          questions={questions.filter((q) => q.section === section)}
          answers={answers}
          errors={errors}
          onAnswer={(questionId, optionId) => change({ answers: { ...answers, [questionId]: optionId } })}
        />
      )}
      {current.key === 'concerns' && <ConcernsStep draft={draft} errors={errors} onChange={change} />}

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
