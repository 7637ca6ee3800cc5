// The concerns step: what is happening in the referrer's words, and professional judgement, which may
// raise the risk above the score (with a reason) but never lower it. Long answers show how many
// characters are left.
import { Field, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { REFERRAL_TEXT_LIMITS } from '../../../../api/domain/referrals/referral-form';
import { CharacterCount } from './CharacterCount';
import { fieldId } from './field-ids';
import { BAND_LABELS, type ReferralDraft, type RiskBand } from './referral-types';

const useStyles = makeStyles({
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '40rem' },
  long: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

export interface ConcernsStepProps {
  draft: ReferralDraft;
  errors: Record<string, string>;
  onChange(change: Partial<ReferralDraft>): void;
}

export function ConcernsStep({ draft, errors, onChange }: ConcernsStepProps) {
  const styles = useStyles();
  const judgement = draft.judgement ?? {};
  const concerns = draft.concerns ?? '';
  const reason = judgement.reason ?? '';
  return (
    <div className={styles.fields}>
      <div className={styles.long}>
        <Field
          id={fieldId('concerns')}
          label="What is happening, and why are you referring?"
          required
          validationMessage={errors.concerns}
          validationState={errors.concerns ? 'error' : 'none'}
        >
          <Textarea
            resize="vertical"
            rows={5}
            value={concerns}
            aria-describedby={`${fieldId('concerns')}-count`}
            onChange={(_, data) => onChange({ concerns: data.value })}
          />
        </Field>
        <CharacterCount id={`${fieldId('concerns')}-count`} length={concerns.length} max={REFERRAL_TEXT_LIMITS.concerns} />
      </div>
      <Field
        id={fieldId('judgement.band')}
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
        <div className={styles.long}>
          <Field
            id={fieldId('judgement.reason')}
            label="Why is the risk higher than the score?"
            required
            validationMessage={errors['judgement.reason']}
            validationState={errors['judgement.reason'] ? 'error' : 'none'}
          >
            <Textarea
              resize="vertical"
              value={reason}
              aria-describedby={`${fieldId('judgement.reason')}-count`}
              onChange={(_, data) => onChange({ judgement: { ...judgement, reason: data.value } })}
            />
          </Field>
          <CharacterCount id={`${fieldId('judgement.reason')}-count`} length={reason.length} max={REFERRAL_TEXT_LIMITS.judgementReason} />
        </div>
      )}
    </div>
  );
}
