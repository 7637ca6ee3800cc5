// Withdrawing a draft that is no longer needed, with the reason (kept on the referral and in the
// audit trail). The reason is asked for in place, so the keyboard never leaves the form.
import { useState } from 'react';
import { Button, Field, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { asApiError } from '../../api/api-error';
import { answerOf } from '../../api/client';
import { useApi } from '../../session/session';
import type { Referral } from './referral-types';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '40rem' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

interface WithdrawDraftProps {
  referralId: string;
  /** Settles the draft's pending saves first, so none lands after the withdrawal. */
  beforeWithdrawing: () => Promise<unknown>;
  onWithdrawn: (referral: Referral) => void;
}

export function WithdrawDraft({ referralId, beforeWithdrawing, onWithdrawn }: WithdrawDraftProps) {
  const styles = useStyles();
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!open) {
    return <Button onClick={() => setOpen(true)}>Withdraw draft</Button>;
  }

  const withdraw = async () => {
    setBusy(true);
    setError(null);
    try {
      await beforeWithdrawing();
      onWithdrawn(
        await answerOf(api.POST('/api/referrals/{referralId}/withdrawal', { params: { path: { referralId } }, body: { reason } })),
      );
    } catch (failure) {
      const apiError = asApiError(failure);
      setError(apiError.fields.reason ?? apiError.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.panel} role="group" aria-label="Withdraw this draft">
      <Field
        label="Why are you withdrawing this referral?"
        hint="The reason is kept with the referral."
        required
        validationMessage={error}
        validationState={error ? 'error' : 'none'}
      >
        <Textarea autoFocus resize="vertical" value={reason} onChange={(_, data) => setReason(data.value)} />
      </Field>
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={() => void withdraw()} disabled={busy}>
          {busy ? 'Withdrawing…' : 'Withdraw referral'}
        </Button>
        <Button onClick={() => setOpen(false)} disabled={busy}>
          Keep the draft
        </Button>
      </div>
    </div>
  );
}
