// The last step: what is happening in the referrer's words, and professional judgement, which may
// raise the risk above the score (with a reason) but never lower it.
import { Field, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { BAND_LABELS, type ReferralDraft, type RiskBand } from './referral-types';

const useStyles = makeStyles({
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '40rem' },
});

export interface ConcernsStepProps {
  draft: ReferralDraft;
  errors: Record<string, string>;
  onChange(change: Partial<ReferralDraft>): void;
}

export function ConcernsStep({ draft, errors, onChange }: ConcernsStepProps) {
  const styles = useStyles();
  const judgement = draft.judgement ?? {};
  return (
    <div className={styles.fields}>
      <Field
        label="What is happening, and why are you referring?"
        required
        validationMessage={errors.concerns}
        validationState={errors.concerns ? 'error' : 'none'}
      >
        <Textarea resize="vertical" rows={5} value={draft.concerns ?? ''} onChange={(_, data) => onChange({ concerns: data.value })} />
      </Field>
      <Field
        label="Professional judgement (optional)"
        hint="If you believe the risk is higher than the answers show, choose the band. It can raise the risk, never lower it."
        validationMessage={errors['judgement.band']}
        validationState={errors['judgement.band'] ? 'error' : 'none'}
      >
        <Select
          value={judgement.band ?? ''}
          onChange={(_, data) => onChange({ judgement: data.value === '' ? undefined : { ...judgement, band: data.value as RiskBand } })}
        >
          <option value="">Use the score</option>
          {(Object.keys(BAND_LABELS) as RiskBand[]).map((band) => (
            <option key={band} value={band}>
              {BAND_LABELS[band]}
            </option>
          ))}
        </Select>
      </Field>
      {judgement.band && (
        <Field
          label="Why is the risk higher than the score?"
          required
          validationMessage={errors['judgement.reason']}
          validationState={errors['judgement.reason'] ? 'error' : 'none'}
        >
          <Textarea
            resize="vertical"
            value={judgement.reason ?? ''}
            onChange={(_, data) => onChange({ judgement: { ...judgement, reason: data.value } })}
          />
        </Field>
      )}
    </div>
  );
}
