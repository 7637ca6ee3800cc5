// What the minutes say, in the order the panel met. In a draft the chair corrects a case's decisions
// here; the server redraws the minutes from the record and refuses an edit drawn from an older draft.
import { useState, type FormEvent } from 'react';
import { Body1, Body1Strong, Button, Field, Subtitle2, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { ApiError } from '../../api/api-error';
import { ErrorState } from '../../components/ErrorState';
import type { Minutes, MinutesSteps } from './minutes-view';

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXL },
  list: { margin: `${tokens.spacingVerticalXS} 0 ${tokens.spacingVerticalM}` },
  case: {
    padding: tokens.spacingVerticalM,
    marginBottom: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  line: { display: 'block', margin: `${tokens.spacingVerticalXS} 0` },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '40rem' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
});

function Lines({ heading, id, lines, none }: { heading: string; id: string; lines: readonly string[]; none: string }) {
  const styles = useStyles();
  return (
    <section aria-labelledby={id} className={styles.section}>
      <Subtitle2 as="h2" id={id}>
        {heading}
      </Subtitle2>
      {lines.length === 0 ? (
        <Body1 className={styles.line}>{none}</Body1>
      ) : (
        <ul className={styles.list}>
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function MinutesBody({ minutes, steps }: { minutes: Minutes; steps: MinutesSteps }) {
  const styles = useStyles();
  const { content } = minutes;
  const editable = minutes.me.mayRun && minutes.status === 'DRAFT';
  return (
    <>
      <Lines id="present-heading" heading="Present" lines={content.present} none="No attendance recorded." />
      <Lines id="apologies-heading" heading="Apologies" lines={content.apologies} none="None." />
      {content.absent.length > 0 && <Lines id="absent-heading" heading="Absent" lines={content.absent} none="None." />}
      <Lines
        id="review-heading"
        heading="Review of actions from previous meetings"
        lines={content.actionReview}
        none="No actions were due for review."
      />
      <section aria-labelledby="cases-heading" className={styles.section}>
        <Subtitle2 as="h2" id="cases-heading">
          Cases heard
        </Subtitle2>
        {content.cases.length === 0 && <Body1 className={styles.line}>No case was heard.</Body1>}
        {content.cases.map((item) => {
          const record = minutes.decisions.find((row) => item.heading.endsWith(`Case ${row.caseReference}`));
          return (
            <article key={item.heading} className={styles.case} aria-label={item.heading}>
              <Body1Strong as="h3">{item.heading}</Body1Strong>
              <Body1 className={styles.line}>Why on the agenda: {item.why}</Body1>
              {editable && record ? (
                <DecisionsEditor
                  key={`${record.itemId}:${minutes.version}`}
                  caseReference={record.caseReference}
                  current={record.decisions ?? ''}
                  onSave={(text) => steps.editDecisions(record.itemId, text, minutes.version)}
                />
              ) : (
                <Body1 className={styles.line}>Decisions: {item.decisions}</Body1>
              )}
              <Body1 className={styles.line}>Outcome: {item.outcome}</Body1>
              <Body1Strong className={styles.line}>Actions agreed</Body1Strong>
              {item.actions.length === 0 ? (
                <Body1 className={styles.line}>None.</Body1>
              ) : (
                <ul className={styles.list}>
                  {item.actions.map((action) => (
                    <li key={action}>{action}</li>
                  ))}
                </ul>
              )}
            </article>
          );
        })}
      </section>
      {content.notHeard.length > 0 && (
        <Lines id="not-heard-heading" heading="Not heard at this meeting" lines={content.notHeard} none="None." />
      )}
    </>
  );
}

interface DecisionsEditorProps {
  caseReference: string;
  current: string;
  onSave: (text: string) => Promise<ApiError | null>;
}

function DecisionsEditor({ caseReference, current, onSave }: DecisionsEditorProps) {
  const styles = useStyles();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(current);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const problem = text.trim().length < 3 ? 'Record what the panel decided.' : undefined;
  const [shownProblem, setShownProblem] = useState<string | undefined>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setShownProblem(problem);
    if (problem) return;
    setBusy(true);
    const refusal = await onSave(text.trim());
    setBusy(false);
    setError(refusal);
    if (!refusal) setEditing(false);
  };
  if (!editing)
    return (
      <div className={styles.line}>
        <Body1>Decisions: {current || 'No decision recorded.'}</Body1>{' '}
        <Button size="small" onClick={() => setEditing(true)} aria-label={`Edit the decisions for case ${caseReference}`}>
          Edit decisions
        </Button>
      </div>
    );
  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
      <Field label={`Decisions for case ${caseReference}`} required validationMessage={shownProblem ?? error?.fields.decisions}>
        <Textarea value={text} onChange={(_event, data) => setText(data.value)} resize="vertical" />
      </Field>
      <div className={styles.buttons}>
        <Button appearance="primary" type="submit" disabled={busy}>
          Save decisions
        </Button>
        <Button type="button" onClick={() => setEditing(false)}>
          Keep as it was
        </Button>
      </div>
      {error && !error.fields.decisions && <ErrorState title="The decisions were not saved" error={error} />}
    </form>
  );
}
