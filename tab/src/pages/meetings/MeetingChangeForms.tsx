// The chair's two changes to a scheduled meeting: move it (date and start time, checked here for the
// obvious slips and again by the server) and cancel it with a reason, after a confirmation.
import { useId, useState, type FormEvent } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Subtitle2,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ApiError } from '../../api/api-error';
import { LONDON_WHEN, type MeetingRow } from './meetings-view';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'end',
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingVerticalM,
    marginBottom: tokens.spacingVerticalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  heading: { flexBasis: '100%', margin: 0 },
});

const LONDON_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
const LONDON_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' });

/** The slips a person makes, said before the server is asked; the server's own checks still apply. */
export function rescheduleProblems(date: string, time: string, today: string): Record<'date' | 'startTime', string | undefined> {
  return {
    date: !/^\d{4}-\d{2}-\d{2}$/.test(date) ? 'Give the new date.' : date <= today ? 'Choose a day after today.' : undefined,
    startTime: !/^\d{2}:\d{2}$/.test(time)
      ? 'Give the start time.'
      : time < '07:00' || time > '19:59'
        ? 'Start between 07:00 and 19:59.'
        : undefined,
  };
}

export interface RescheduleFormProps {
  meeting: MeetingRow;
  onSave: (date: string, startTime: string) => Promise<ApiError | null>;
  onClose: () => void;
}

export function RescheduleForm({ meeting, onSave, onClose }: RescheduleFormProps) {
  const styles = useStyles();
  const headingId = useId();
  const starts = new Date(meeting.startsAt);
  const [date, setDate] = useState(LONDON_DATE.format(starts));
  const [time, setTime] = useState(LONDON_TIME.format(starts));
  const [shown, setShown] = useState<Record<string, string | undefined>>({});
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = rescheduleProblems(date, time, LONDON_DATE.format(new Date()));
    setShown(problems);
    if (problems.date || problems.startTime) return;
    setBusy(true);
    const refusal = await onSave(date, time);
    setBusy(false);
    if (refusal) setShown(refusal.fields);
  };
  return (
    <form className={styles.form} aria-labelledby={headingId} onSubmit={(event) => void submit(event)} noValidate>
      <Subtitle2 as="h4" id={headingId} className={styles.heading}>
        Reschedule the meeting of {LONDON_WHEN.format(starts)}
      </Subtitle2>
      <Field label="New date" required validationMessage={shown.date}>
        <Input type="date" value={date} onChange={(_event, data) => setDate(data.value)} />
      </Field>
      <Field label="Start time (London)" required validationMessage={shown.startTime}>
        <Input type="time" value={time} onChange={(_event, data) => setTime(data.value)} />
      </Field>
      <Button appearance="primary" type="submit" disabled={busy}>
        Move the meeting
      </Button>
      <Button type="button" onClick={onClose}>
        Keep it as it is
      </Button>
    </form>
  );
}

export interface CancelMeetingDialogProps {
  open: boolean;
  meeting: MeetingRow;
  onConfirm: (reason: string) => Promise<ApiError | null>;
  onClose: () => void;
}

export function CancelMeetingDialog({ open, meeting, onConfirm, onClose }: CancelMeetingDialogProps) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    if (reason.trim().length < 3) {
      setProblem('Say why, in a few words.');
      return;
    }
    setBusy(true);
    const refusal = await onConfirm(reason.trim());
    setBusy(false);
    if (refusal) setProblem(refusal.fields.reason ?? refusal.message);
  };
  return (
    <Dialog open={open} onOpenChange={(_event, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Cancel the meeting of {LONDON_WHEN.format(new Date(meeting.startsAt))}?</DialogTitle>
          <DialogContent>
            <p>Its cases wait for the next meeting, and Teams sends the cancellation to everyone invited.</p>
            <Field label="Why is it cancelled?" required validationMessage={problem}>
              <Textarea value={reason} onChange={(_event, data) => setReason(data.value)} />
            </Field>
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onClose}>
              Keep the meeting
            </Button>
            <Button appearance="primary" disabled={busy} onClick={() => void confirm()}>
              Cancel the meeting
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
