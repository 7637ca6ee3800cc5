// The review of actions set at earlier meetings, for the chair in the side panel and on the agenda
// page (issue 15, items 4 and 8): each attending agency's scorecard for the panel, then per action the outcome the panel
// heard (done, in progress, or not done and why) through POST …/action-review. A review drawn from
// a stale list is refused (409) and the list reloads as it stands now. An action the agency did not
// do drafts a note to that agency's lead, which the chair edits and sends from here.
import { useState, type FormEvent } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Subtitle2,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { asApiError, type ApiError } from '../../api/api-error';
import type { Answer } from '../../api/answers';
import { answerOf } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { ErrorState } from '../ErrorState';
import { Loading } from '../Loading';
import { NoteField } from '../NoteField';
import { STATUS_WORDS, formatDateTime, formatLongDate } from '../words';
import { useApi } from '../../session/session';

type ReviewList = Answer<'/api/meetings/{meetingId}/action-review'>;
type ActionToReview = ReviewList['actions'][number];
type Review = NonNullable<ActionToReview['review']>;
type Outcome = Review['outcome'];
type Reason = NonNullable<Review['notDoneReason']>;
type AgencyNoteView = NonNullable<Review['agencyNote']>;
type Delivery = Answer<'/api/meetings/{meetingId}/action-review/{actionId}/agency-note', 'post'>['delivery'];

const DELIVERY_WORDS: Record<Delivery, string> = {
  SENT: 'It has reached them in Teams.',
  RETRYING: 'Teams is busy; the app keeps trying.',
  NOT_REACHED: 'Teams could not reach them: see the members the app cannot reach on your home page.',
};

/** The API's limit on a review note (routes/minutes.ts). */
const NOTE_MAX = 2000;

const OUTCOMES: ReadonlyArray<readonly [Outcome, string]> = [
  ['DONE', 'Done'],
  ['IN_PROGRESS', 'In progress'],
  ['NOT_DONE', 'Not done'],
];
const REASONS: ReadonlyArray<readonly [Reason, string]> = [
  ['CIRCUMSTANCES_CHANGED', 'Circumstances changed'],
  ['AGENCY_DID_NOT_DO_IT', 'The agency did not do it'],
];

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalXL, minWidth: 0 },
  list: { listStyleType: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  box: {
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  note: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', ...typographyStyles.body1 },
});

function outcomeWords(review: Review): string {
  const outcome = OUTCOMES.find(([value]) => value === review.outcome)![1];
  const reason = REASONS.find(([value]) => value === review.notDoneReason)?.[1];
  return reason ? `${outcome}: ${reason.toLowerCase()}` : outcome;
}

export function ActionReviewSection({ meetingId }: { meetingId: string }) {
  const styles = useStyles();
  const query = useApiQuery('/api/meetings/{meetingId}/action-review', { params: { path: { meetingId } } });
  const [stale, setStale] = useState<string | null>(null);
  const onStale = (message: string) => {
    setStale(message);
    query.reload();
  };
  return (
    <section className={styles.section} aria-labelledby="action-review-heading">
      <Subtitle2 as="h2" id="action-review-heading">
        Actions from earlier meetings
      </Subtitle2>
      {stale && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{stale}</MessageBarBody>
        </MessageBar>
      )}
      {query.status === 'loading' && <Loading label="Loading the actions to review" />}
      {query.status === 'error' && <ErrorState title="Could not load the actions to review" error={query.error} onRetry={query.reload} />}
      {query.status === 'ready' && (
        <>
          <Scorecard scores={query.data.scorecard} />
          {query.data.actions.length === 0 ? (
            <Body1>No actions from earlier meetings are due for review.</Body1>
          ) : (
            <ul className={styles.list}>
              {query.data.actions.map((action) => (
                // Keyed by the review's version, so a reload after a conflict starts the form from what is recorded.
                <li key={`${action.id}-${action.review?.version ?? 0}`} className={styles.box}>
                  <ReviewForm meetingId={meetingId} action={action} onStale={onStale} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function Scorecard({ scores }: { scores: ReviewList['scorecard'] }) {
  const styles = useStyles();
  return (
    <>
      <Subtitle2 as="h3" id="scorecard-heading">
        Agency scorecard
      </Subtitle2>
      <Caption1>Actions for this panel, per agency attending.</Caption1>
      {scores.length === 0 ? (
        <Body1>No agency is attending yet.</Body1>
      ) : (
        <ul className={styles.list} aria-labelledby="scorecard-heading">
          {scores.map((score) => (
            <li key={score.agencyId} className={styles.box}>
              <Body1>
                <strong>{score.agency}</strong>: {score.open} open ({score.overdue} overdue), {score.completed} completed
              </Body1>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function ReviewForm({ meetingId, action, onStale }: { meetingId: string; action: ActionToReview; onStale: (message: string) => void }) {
  const styles = useStyles();
  const api = useApi();
  const [review, setReview] = useState<Review | null>(action.review);
  const [outcome, setOutcome] = useState<Outcome | ''>(action.review?.outcome ?? '');
  const [reason, setReason] = useState<Reason | ''>(action.review?.notDoneReason ?? '');
  const [note, setNote] = useState(action.review?.note ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const formId = `review-${action.id}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!outcome) missing.outcome = 'Choose what the panel heard.';
    else if (outcome === 'NOT_DONE' && !reason) missing.notDoneReason = 'Say why the action was not done.';
    setErrors(missing);
    setFailure(null);
    if (!outcome || Object.keys(missing).length > 0) return;
    try {
      const answer = await answerOf(
        api.POST('/api/meetings/{meetingId}/action-review', {
          params: { path: { meetingId } },
          body: {
            actionId: action.id,
            outcome,
            ...(outcome === 'NOT_DONE' && reason ? { notDoneReason: reason } : {}),
            ...(note.trim() ? { note } : {}),
            expectedVersion: review?.version ?? 0,
          },
        }),
      );
      setReview({
        outcome: answer.outcome,
        notDoneReason: answer.notDoneReason,
        note: answer.note,
        version: answer.version,
        agencyNote: answer.agencyNote,
      });
    } catch (caught) {
      const error = asApiError(caught);
      if (error.status === 409) onStale(`${error.message} The actions below are shown as they stand now.`);
      else if (Object.keys(error.fields).length > 0) setErrors(error.fields);
      else setFailure(error);
    }
  };

  return (
    <form noValidate className={styles.form} aria-labelledby={`${formId}-title ${formId}-facts`} onSubmit={(event) => void submit(event)}>
      <Subtitle2 as="h3" id={`${formId}-title`}>
        {action.title}
      </Subtitle2>
      {/* Part of the form's name: the same action title may be set on two cases, and landmarks need names apart. */}
      <Caption1 id={`${formId}-facts`}>
        Case {action.caseReference}. {action.owner}, due {formatLongDate(action.dueDate)}. {STATUS_WORDS[action.status]}.
      </Caption1>
      <Field label="What the panel heard" required validationMessage={errors.outcome} validationState={errors.outcome ? 'error' : 'none'}>
        <RadioGroup value={outcome} onChange={(_event, data) => setOutcome(data.value as Outcome)}>
          {OUTCOMES.map(([value, words]) => (
            <Radio key={value} value={value} label={words} />
          ))}
        </RadioGroup>
      </Field>
      {outcome === 'NOT_DONE' && (
        <Field
          label="Why it was not done"
          required
          validationMessage={errors.notDoneReason}
          validationState={errors.notDoneReason ? 'error' : 'none'}
        >
          <RadioGroup value={reason} onChange={(_event, data) => setReason(data.value as Reason)}>
            {REASONS.map(([value, words]) => (
              <Radio key={value} value={value} label={words} />
            ))}
          </RadioGroup>
        </Field>
      )}
      <NoteField label="Note for the minutes" required={false} value={note} onChange={setNote} error={errors.note} max={NOTE_MAX} />
      <div aria-live="polite">
        {review && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Review recorded</MessageBarTitle>
              <span>{outcomeWords(review)}.</span>
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {review?.agencyNote && (
        <AgencyNote
          meetingId={meetingId}
          actionId={action.id}
          note={review.agencyNote}
          onSent={(agencyNote) => setReview({ ...review, agencyNote })}
        />
      )}
      {failure && <ErrorState title="Could not record the review" error={failure} />}
      <div>
        <Button type="submit" appearance="primary">
          {review ? 'Change the review' : 'Record the review'}
        </Button>
      </div>
    </form>
  );
}

/**
 * The note to the agency's lead: editable and sent from here when the agency has a lead, shown as
 * sent (by whom, when) afterwards; without a lead it can only be copied, and the chair is told why.
 */
function AgencyNote({
  meetingId,
  actionId,
  note,
  onSent,
}: {
  meetingId: string;
  actionId: string;
  note: AgencyNoteView;
  onSent: (note: AgencyNoteView) => void;
}) {
  const styles = useStyles();
  const api = useApi();
  const [text, setText] = useState(note.text);
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [delivery, setDelivery] = useState<Delivery | null>(null);
  const [busy, setBusy] = useState(false);
  const label = `Note to ${note.to}`;

  if (note.sent) {
    return (
      <div className={styles.box} role="group" aria-label={label}>
        <Body1 as="p" className={styles.note}>
          <strong>{note.lead ? `Note to ${note.lead}, lead for ${note.to}` : label}</strong>
        </Body1>
        <p className={styles.note}>{note.text}</p>
        <div aria-live="polite">
          <MessageBar intent={delivery === 'NOT_REACHED' ? 'warning' : 'success'} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Sent</MessageBarTitle>
              <span>
                By {note.sent.by}, {formatDateTime(note.sent.at)}.{delivery ? ` ${DELIVERY_WORDS[delivery]}` : ''}
              </span>
            </MessageBarBody>
          </MessageBar>
        </div>
      </div>
    );
  }
  if (!note.lead) {
    return (
      <div className={styles.box} role="group" aria-label={label}>
        <Body1 as="p" className={styles.note}>
          <strong>{label}</strong>
        </Body1>
        <p className={styles.note}>{note.text}</p>
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            No lead is set for {note.to}; the partnership admin sets one. Until then, copy the note to send it yourself.
          </MessageBarBody>
        </MessageBar>
        <CopyNote text={note.text} />
      </div>
    );
  }

  const send = async () => {
    setFailure(null);
    if (text.trim().length < 3) {
      setError('Write the note to send.');
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      const answer = await answerOf(
        api.POST('/api/meetings/{meetingId}/action-review/{actionId}/agency-note', {
          params: { path: { meetingId, actionId } },
          body: { text },
        }),
      );
      setDelivery(answer.delivery);
      onSent({ ...note, text: answer.text, sent: { at: answer.sentAt, by: answer.sentBy } });
    } catch (caught) {
      const refusal = asApiError(caught);
      if (refusal.fields.text) setError(refusal.fields.text);
      else setFailure(refusal);
    } finally {
      setBusy(false);
    }
  };
  return (
    // A group, not a form: it sits inside the review's own form, and its button sends the note alone.
    <div className={`${styles.box} ${styles.form}`} role="group" aria-label={label}>
      <NoteField label={`Note to ${note.lead}, lead for ${note.to}`} value={text} onChange={setText} error={error} max={NOTE_MAX} />
      <Caption1>Sent to them in Teams from the app, once. Edit it first if you wish.</Caption1>
      {failure && <ErrorState title="Could not send the note" error={failure} />}
      <div>
        <Button type="button" appearance="primary" disabled={busy} onClick={() => void send()}>
          Send to {note.lead}
        </Button>
      </div>
    </div>
  );
}

function CopyNote({ text }: { text: string }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('Copied. Paste it into a Teams chat or an email to the agency.');
    } catch {
      // Teams may not grant the clipboard: the note is on the page to select and copy by hand.
      setCopied('The clipboard is not available here: select the note above and copy it with Ctrl+C.');
    }
  };
  return (
    <>
      <div>
        <Button onClick={() => void copy()}>Copy the note</Button>
      </div>
      <div aria-live="polite">{copied && <Caption1>{copied}</Caption1>}</div>
    </>
  );
}
