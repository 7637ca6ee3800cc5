// Consent to share a person's information, asked in every victim and perpetrator referral and recorded
// later on the case. Consent is sought but not required: without it the lawful basis and why it applies are.
import { Field, Radio, RadioGroup, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import {
  BASES_WITHOUT_CONSENT,
  CONSENT_LABELS,
  JUSTIFICATION_LIMIT,
  LAWFUL_BASIS_LABELS,
  type BasisWithoutConsent,
  type ConsentStatus,
} from '../../../../api/domain/referrals/sharing-consent';
import { CharacterCount } from './CharacterCount';
import { fieldId } from './field-ids';

const useStyles = makeStyles({
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '40rem' },
  long: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

/** An answer as typed: any part may still be missing. */
export interface ConsentDraft<Status extends ConsentStatus = ConsentStatus> {
  status?: Status;
  lawfulBasis?: BasisWithoutConsent;
  justification?: string;
}

export interface ConsentFieldsProps<Status extends ConsentStatus> {
  /** Field names go under this prefix ('consent'), so the API's field errors land beside them. */
  prefix: string;
  who: string;
  answer: ConsentDraft<Status>;
  statuses: readonly Status[];
  errors: Record<string, string>;
  onChange(answer: ConsentDraft<Status>): void;
  /** Element ids for the fields; the referral form's own by default. */
  idOf?: (field: string) => string;
}

/** The consent question and, without consent, the lawful basis and its reason: shared by the form and the case page. */
export function ConsentFields<Status extends ConsentStatus>({
  prefix,
  who,
  answer,
  statuses,
  errors,
  onChange,
  idOf = fieldId,
}: ConsentFieldsProps<Status>) {
  const styles = useStyles();
  const error = (field: string) => errors[`${prefix}.${field}`];
  const justification = answer.justification ?? '';
  const withoutConsent = answer.status !== undefined && answer.status !== 'GIVEN';
  return (
    <div className={styles.fields}>
      <Field
        id={idOf(`${prefix}.status`)}
        label={`Has the ${who} consented to their information being shared with the partnership?`}
        hint="Consent is sought but not required: information may be shared without it on a lawful basis."
        required
        validationMessage={error('status')}
        validationState={error('status') ? 'error' : 'none'}
      >
        <RadioGroup value={answer.status ?? ''} onChange={(_, data) => onChange({ ...answer, status: data.value as Status })}>
          {statuses.map((status) => (
            <Radio key={status} value={status} label={CONSENT_LABELS[status]} />
          ))}
        </RadioGroup>
      </Field>
      {withoutConsent && (
        <>
          <Field
            id={idOf(`${prefix}.lawfulBasis`)}
            label="What is the lawful basis for sharing without consent?"
            required
            validationMessage={error('lawfulBasis')}
            validationState={error('lawfulBasis') ? 'error' : 'none'}
          >
            <RadioGroup
              value={answer.lawfulBasis ?? ''}
              onChange={(_, data) => onChange({ ...answer, lawfulBasis: data.value as BasisWithoutConsent })}
            >
              {BASES_WITHOUT_CONSENT.map((basis) => (
                <Radio key={basis} value={basis} label={LAWFUL_BASIS_LABELS[basis]} />
              ))}
            </RadioGroup>
          </Field>
          <div className={styles.long}>
            <Field
              id={idOf(`${prefix}.justification`)}
              label="Why is sharing without consent necessary and proportionate?"
              required
              validationMessage={error('justification')}
              validationState={error('justification') ? 'error' : 'none'}
            >
              <Textarea
                resize="vertical"
                value={justification}
                aria-describedby={`${idOf(`${prefix}.justification`)}-count`}
                onChange={(_, data) => onChange({ ...answer, justification: data.value })}
              />
            </Field>
            <CharacterCount id={`${idOf(`${prefix}.justification`)}-count`} length={justification.length} max={JUSTIFICATION_LIMIT} />
          </div>
        </>
      )}
    </div>
  );
}
