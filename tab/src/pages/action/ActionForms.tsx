// The forms behind the action's commands: a note (progress, complete), can't complete with its
// reason, reassign to an agency and officer, a new due date, and cancel. Each hands its body to
// `submit`, which calls the API with the version the page was drawn from; a refused field is shown
// on the field, anything else by the page.
import { useState, type FormEvent, type ReactNode } from 'react';
import { Button, Field, Input, Radio, RadioGroup, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { ApiError } from '../../api/api-error';
import type { ActionDetails } from '../../api/actions';
import { useApiQuery } from '../../api/use-api-query';
import { NoteField } from '../../components/NoteField';
import { londonToday } from '../../components/words';

/** Sends the form's body; resolves to the refusal (null when saved). */
export type Submit = (body: Record<string, unknown>) => Promise<ApiError | null>;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '40rem' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** The frame every command form shares: submit with Enter on the button, close without saving. */
function CommandForm({
  label,
  submitLabel,
  onSubmit,
  onClose,
  children,
}: {
  label: string;
  submitLabel: string;
  onSubmit: () => Promise<void>;
  onClose: () => void;
  children: ReactNode;
}) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const send = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await onSubmit();
    } finally {
      setBusy(false);
    }
  };
  return (
    <form noValidate aria-label={label} className={styles.form} onSubmit={(event) => void send(event)}>
      {children}
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabledFocusable={busy}>
          {busy ? 'Saving…' : submitLabel}
        </Button>
        <Button type="button" onClick={onClose}>
          Close without saving
        </Button>
      </div>
    </form>
  );
}

interface FormProps {
  submit: Submit;
  onClose: () => void;
}

/** Progress, complete and cancel: one required text. */
export function NoteForm({
  label,
  noteLabel,
  submitLabel,
  field,
  submit,
  onClose,
}: FormProps & { label: string; noteLabel: string; submitLabel: string; field: 'note' | 'reason' }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <CommandForm
      label={label}
      submitLabel={submitLabel}
      onClose={onClose}
      onSubmit={async () => {
        if (!note.trim()) return setError('Write something here first.');
        setError((await submit({ [field]: note }))?.fields[field]);
      }}
    >
      <NoteField label={noteLabel} value={note} onChange={setNote} error={error} autoFocus />
    </CommandForm>
  );
}

const NOT_DONE_REASONS = [
  ['CIRCUMSTANCES_CHANGED', 'Circumstances changed', 'The action is no longer needed or no longer possible.'],
  ['AGENCY_DID_NOT_DO_IT', 'The agency did not do it', 'It was needed, but the owning agency could not or did not do it.'],
] as const;

export function CannotCompleteForm({ submit, onClose }: FormProps) {
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <CommandForm
      label="Can't complete this action"
      submitLabel="Record that it can't be completed"
      onClose={onClose}
      onSubmit={async () => {
        const missing: Record<string, string> = {};
        if (!reason) missing.reason = 'Choose why it cannot be completed.';
        if (!note.trim()) missing.note = 'Explain why the action cannot be completed.';
        if (Object.keys(missing).length > 0) return setErrors(missing);
        setErrors((await submit({ reason, note }))?.fields ?? {});
      }}
    >
      <Field
        label="Why it can't be completed"
        required
        validationMessage={errors.reason}
        validationState={errors.reason ? 'error' : 'none'}
      >
        <RadioGroup value={reason} onChange={(_event, data) => setReason(data.value)}>
          {NOT_DONE_REASONS.map(([value, words, hint]) => (
            <Radio key={value} value={value} label={`${words}: ${hint}`} />
          ))}
        </RadioGroup>
      </Field>
      <NoteField label="What happened" value={note} onChange={setNote} error={errors.note} />
    </CommandForm>
  );
}

export function ReassignForm({ action, submit, onClose }: FormProps & { action: ActionDetails }) {
  const [agencyId, setAgencyId] = useState(action.ownerAgency.id);
  const [memberId, setMemberId] = useState(action.ownerMember?.id ?? '');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const path = { caseId: action.caseId };
  const agencies = useApiQuery('/api/cases/{caseId}/assignment-choices', { params: { path } });
  const officers = useApiQuery('/api/cases/{caseId}/assignment-choices', { params: { path, query: { agencyId } } });
  const agencyChoices = agencies.status === 'ready' ? agencies.data.agencies : [action.ownerAgency];
  const officerChoices = officers.status === 'ready' ? officers.data.officers : [];
  const agencyName = agencyChoices.find((agency) => agency.id === agencyId)?.name ?? 'the agency';
  const loadError = agencies.status === 'error' ? agencies.error.message : officers.status === 'error' ? officers.error.message : undefined;
  return (
    <CommandForm
      label="Reassign this action"
      submitLabel="Reassign"
      onClose={onClose}
      onSubmit={async () => {
        if (!reason.trim()) return setErrors({ reason: 'Give a reason for reassigning the action.' });
        setErrors((await submit({ agencyId, memberId: memberId || null, reason }))?.fields ?? {});
      }}
    >
      <Field
        label="Agency"
        required
        validationMessage={errors.agencyId ?? loadError}
        validationState={errors.agencyId || loadError ? 'error' : 'none'}
      >
        <Select
          value={agencyId}
          onChange={(_event, data) => {
            setAgencyId(data.value);
            setMemberId('');
          }}
        >
          {agencyChoices.map((agency) => (
            <option key={agency.id} value={agency.id}>
              {agency.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Officer" validationMessage={errors.memberId} validationState={errors.memberId ? 'error' : 'none'}>
        <Select value={memberId} onChange={(_event, data) => setMemberId(data.value)} disabled={officers.status === 'loading'}>
          <option value="">{`No officer named: anyone at ${agencyName}`}</option>
          {officerChoices.map((officer) => (
            <option key={officer.id} value={officer.id}>
              {officer.jobTitle ? `${officer.name}, ${officer.jobTitle}` : officer.name}
            </option>
          ))}
        </Select>
      </Field>
      <NoteField label="Why it is being reassigned" value={reason} onChange={setReason} error={errors.reason} />
    </CommandForm>
  );
}

export function DueDateForm({ action, submit, onClose }: FormProps & { action: ActionDetails }) {
  const today = londonToday();
  const [dueDate, setDueDate] = useState(action.dueDate);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <CommandForm
      label="Change the due date"
      submitLabel="Change the due date"
      onClose={onClose}
      onSubmit={async () => {
        const missing: Record<string, string> = {};
        if (!/^\d{4}-\d{2}-\d{2}$/.test(dueDate)) missing.dueDate = 'Give the new due date.';
        else if (dueDate < today) missing.dueDate = 'The due date cannot be in the past.';
        if (!reason.trim()) missing.reason = 'Give a reason for changing the due date.';
        if (Object.keys(missing).length > 0) return setErrors(missing);
        setErrors((await submit({ dueDate, reason }))?.fields ?? {});
      }}
    >
      <Field
        label="New due date"
        required
        hint="Today or later."
        validationMessage={errors.dueDate}
        validationState={errors.dueDate ? 'error' : 'none'}
      >
        <Input type="date" value={dueDate} min={today} onChange={(_event, data) => setDueDate(data.value)} />
      </Field>
      <NoteField label="Why the date is changing" value={reason} onChange={setReason} error={errors.reason} />
    </CommandForm>
  );
}
