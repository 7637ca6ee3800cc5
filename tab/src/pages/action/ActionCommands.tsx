// What the signed-in member may do to this action, as the API names it (allowedCommands): accept and
// chase at once, the rest through a form opened under the buttons. Each change carries the version
// the page shows; a 409 reloads the action as it now stands and says why nothing was saved.
import { useRef, useState } from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { ActionDetails, ChaseResult } from '../../api/actions';
import { asApiError, type ApiError } from '../../api/api-error';
import { answerOf } from '../../api/client';
import { useApi } from '../../session/session';
import { describeChase } from '../../components/chase-words';
import { CannotCompleteForm, DueDateForm, NoteForm, ReassignForm, type Submit } from './ActionForms';

type AllowedCommand = ActionDetails['allowedCommands'][number];
type FormCommand = Exclude<AllowedCommand, 'ACCEPT' | 'CHASE'>;

const BUTTON_WORDS: Record<AllowedCommand, string> = {
  ACCEPT: 'Accept',
  UPDATE_PROGRESS: 'Update progress',
  COMPLETE: 'Complete',
  CANNOT_COMPLETE: "Can't complete",
  CHANGE_DUE_DATE: 'Change due date',
  REASSIGN: 'Reassign',
  CANCEL: 'Cancel action',
  CHASE: 'Chase now',
};

const DONE_WORDS: Record<Exclude<AllowedCommand, 'CHASE'>, string> = {
  ACCEPT: 'Action accepted',
  UPDATE_PROGRESS: 'Progress saved',
  COMPLETE: 'Action completed',
  CANNOT_COMPLETE: "Recorded that it can't be completed",
  CHANGE_DUE_DATE: 'Due date changed',
  REASSIGN: 'Action reassigned',
  CANCEL: 'Action cancelled',
};

/** The route each command posts to, under /api/actions/{actionId}/. */
const VERB = {
  ACCEPT: '/api/actions/{actionId}/accept',
  UPDATE_PROGRESS: '/api/actions/{actionId}/progress',
  COMPLETE: '/api/actions/{actionId}/complete',
  CANNOT_COMPLETE: '/api/actions/{actionId}/cannot-complete',
  CHANGE_DUE_DATE: '/api/actions/{actionId}/due-date',
  REASSIGN: '/api/actions/{actionId}/reassign',
  CANCEL: '/api/actions/{actionId}/cancel',
} as const;

type Notice = { intent: 'success' | 'warning' | 'error'; title: string; text: string };

const useStyles = makeStyles({
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalM },
  notice: { marginBottom: tokens.spacingVerticalM, outlineOffset: '2px' },
});

export interface ActionCommandsProps {
  action: ActionDetails;
  /** The action as a change left it. */
  onChanged: (action: ActionDetails) => void;
  /** Load the action again: it changed under the page (a 409), or a chase changed when it was last chased. */
  onReload: () => void;
}

export function ActionCommands({ action, onChanged, onReload }: ActionCommandsProps) {
  const styles = useStyles();
  const api = useApi();
  const [open, setOpen] = useState<FormCommand | null>(null);
  const [busy, setBusy] = useState<AllowedCommand | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const owner = action.ownerMember?.displayName ?? `${action.ownerAgency.name}'s panel members`;

  const show = (next: Notice) => {
    setNotice(next);
    // Keyboard users land on what happened, and Tab goes on to what they may do next.
    requestAnimationFrame(() => noticeRef.current?.focus());
  };

  /** A refusal the form cannot show on a field: a 409 reloads the action as it stands now. */
  const refused = (error: ApiError, title: string) => {
    if (error.status === 409) {
      onReload();
      show({ intent: 'warning', title, text: `${error.message} The action below is shown as it stands now.` });
    } else show({ intent: 'error', title, text: error.message });
  };

  const change = async (command: Exclude<AllowedCommand, 'CHASE'>, body: Record<string, unknown>): Promise<ApiError | null> => {
    // One call for seven routes whose bodies the forms build; each route's schema checks its body.
    const post = api.POST as unknown as (
      path: string,
      init: { params: { path: { actionId: string } }; body: unknown },
    ) => Promise<{ data?: { action: ActionDetails }; error?: unknown; response: Response }>;
    setNotice(null);
    try {
      const answer = await answerOf(
        post(VERB[command], { params: { path: { actionId: action.id } }, body: { ...body, expectedVersion: action.version } }),
      );
      setOpen(null);
      onChanged(answer.action);
      show({
        intent: 'success',
        title: DONE_WORDS[command],
        text: `"${action.title}" is now ${answer.action.status.toLowerCase().replace('_', ' ')}.`,
      });
      return null;
    } catch (caught) {
      const error = asApiError(caught);
      if (error.code === 'VALIDATION_FAILED' && Object.keys(error.fields).length > 0) return error;
      refused(error, 'Your change was not saved');
      return error;
    }
  };

  const now = async (command: 'ACCEPT' | 'CHASE') => {
    setBusy(command);
    try {
      if (command === 'ACCEPT') await change('ACCEPT', {});
      else {
        setNotice(null);
        const result: ChaseResult = await answerOf(
          api.POST('/api/actions/{actionId}/chase', { params: { path: { actionId: action.id } } }),
        );
        show(describeChase(owner, action.title, result));
        onReload();
      }
    } catch (caught) {
      const error = asApiError(caught);
      show({ intent: 'error', title: 'Not chased', text: error.message });
    } finally {
      setBusy(null);
    }
  };

  const submit =
    (command: FormCommand): Submit =>
    (body) =>
      change(command, body);
  const close = () => setOpen(null);
  // A form for a command the action no longer allows (it changed under the page) is not offered.
  const form = open && action.allowedCommands.includes(open) ? open : null;

  return (
    <>
      <div ref={noticeRef} tabIndex={-1} aria-live="polite" className={styles.notice}>
        {notice && (
          <MessageBar intent={notice.intent} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{notice.title}</MessageBarTitle>
              <span>{notice.text}</span>
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {action.allowedCommands.length === 0 && <p>There is nothing more for you to do on this action.</p>}
      <div className={styles.buttons} role="group" aria-label="What you can do">
        {action.allowedCommands.map((command) =>
          command === 'ACCEPT' || command === 'CHASE' ? (
            <Button
              key={command}
              appearance={command === 'ACCEPT' ? 'primary' : 'secondary'}
              disabledFocusable={busy === command}
              onClick={() => void now(command)}
            >
              {busy === command ? (command === 'ACCEPT' ? 'Accepting…' : 'Chasing…') : BUTTON_WORDS[command]}
            </Button>
          ) : (
            <Button
              key={command}
              aria-expanded={form === command}
              aria-controls="action-command-form"
              appearance={form === command ? 'primary' : 'secondary'}
              onClick={() => setOpen(form === command ? null : command)}
            >
              {BUTTON_WORDS[command]}
            </Button>
          ),
        )}
      </div>
      <div id="action-command-form">
        {form === 'UPDATE_PROGRESS' && (
          <NoteForm
            label="Update progress"
            noteLabel="What has been done so far"
            submitLabel="Save progress"
            field="note"
            submit={submit(form)}
            onClose={close}
          />
        )}
        {form === 'COMPLETE' && (
          <NoteForm
            label="Complete this action"
            noteLabel="What was done, for the minutes"
            submitLabel="Mark complete"
            field="note"
            submit={submit(form)}
            onClose={close}
          />
        )}
        {form === 'CANCEL' && (
          <NoteForm
            label="Cancel this action"
            noteLabel="Why it is being cancelled"
            submitLabel="Cancel the action"
            field="reason"
            submit={submit(form)}
            onClose={close}
          />
        )}
        {form === 'CANNOT_COMPLETE' && <CannotCompleteForm submit={submit(form)} onClose={close} />}
        {form === 'REASSIGN' && <ReassignForm action={action} submit={submit(form)} onClose={close} />}
        {form === 'CHANGE_DUE_DATE' && <DueDateForm action={action} submit={submit(form)} onClose={close} />}
      </div>
    </>
  );
}
