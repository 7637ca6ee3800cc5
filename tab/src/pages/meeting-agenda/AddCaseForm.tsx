// The chair adds a case by the reference the panel knows it by, saying why; it goes to the end of
// the running order, from where it can be moved.
import { useState, type FormEvent } from 'react';
import { Button, Field, Input, Subtitle2, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { ApiError } from '../../api/api-error';
import { ErrorState } from '../../components/ErrorState';
import type { AgendaEdits } from './agenda-view';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalXL,
    maxWidth: '40rem',
  },
});

export function AddCaseForm({ version, edits }: { version: number; edits: AgendaEdits }) {
  const styles = useStyles();
  const [caseReference, setCaseReference] = useState('');
  const [reasonText, setReasonText] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const refusal = await edits.addCase({ caseReference: caseReference.trim(), reasonText, expectedVersion: version });
    setBusy(false);
    setError(refusal);
    if (!refusal) {
      setCaseReference('');
      setReasonText('');
    }
  };
  // A reference nobody may see answers "not found" for the whole request; show it on the reference.
  const referenceMessage =
    error?.fields.caseReference ??
    error?.fields.caseId ??
    (error?.code === 'NOT_FOUND' ? 'No case with this reference that you may see.' : undefined);
  const reasonMessage = error?.fields.reasonText;
  return (
    <form noValidate className={styles.form} onSubmit={(event) => void submit(event)} aria-labelledby="add-heading">
      <Subtitle2 as="h2" id="add-heading">
        Add a case
      </Subtitle2>
      <Field
        label="Case reference"
        required
        hint="For example ASB-2026-0012."
        validationMessage={referenceMessage}
        validationState={referenceMessage ? 'error' : 'none'}
      >
        <Input value={caseReference} onChange={(_event, data) => setCaseReference(data.value)} />
      </Field>
      <Field
        label="Why it needs this meeting"
        required
        validationMessage={reasonMessage}
        validationState={reasonMessage ? 'error' : 'none'}
      >
        <Textarea value={reasonText} onChange={(_event, data) => setReasonText(data.value)} resize="vertical" />
      </Field>
      {error && !referenceMessage && !reasonMessage && <ErrorState title="Could not add the case" error={error} />}
      <div>
        <Button type="submit" appearance="primary" disabled={busy}>
          Add to the agenda
        </Button>
      </div>
    </form>
  );
}
