// Step 1: who or what is referred, with existing records offered so nobody is keyed twice.
import { useState } from 'react';
import { Body1, Button, Field, Input, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { asApiError } from '../../api/api-error';
import { answerOf } from '../../api/client';
import { useApi } from '../../session/session';
import { DateOfBirthInput, dateOf, partsOf, type DateParts } from './DateOfBirthInput';
import { fieldId } from './field-ids';
import { SUBJECT_LABELS, type DraftSubject, type MatchCandidate, type ReferralDraft, type SubjectType } from './referral-types';

const useStyles = makeStyles({
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '32rem' },
  candidates: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalM },
  home: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    border: 'none',
    margin: 0,
    padding: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0, marginBottom: tokens.spacingVerticalS },
});

const NEW_RECORD = 'new';

export interface SubjectStepProps {
  subjectType: SubjectType | null;
  draft: ReferralDraft;
  errors: Record<string, string>;
  candidates: CandidateSearch | null;
  onCandidates(candidates: CandidateSearch | null): void;
  /** Known places like the person's home, once looked for. */
  homeCandidates: MatchCandidate[] | null;
  onHomeCandidates(candidates: MatchCandidate[] | null): void;
  onSubjectType(type: SubjectType): void;
  onChange(change: Partial<ReferralDraft>): void;
}

function describeCandidate(c: MatchCandidate): string {
  if ('address' in c) return `${c.address}, ${c.town ?? ''} ${c.postcode ?? ''}`.replace(/\s+/g, ' ').trim();
  return `${c.givenName ?? ''} ${c.familyName ?? ''}${c.dateOfBirth ? `, born ${c.dateOfBirth}` : ''}`.trim();
}

/**
 * What a search for existing records found: the records the member may see, and advice when a
 * possible match sits on a case they may not (the API names nobody then, and the referral must be
 * confirmed as new).
 */
export interface CandidateSearch {
  found: MatchCandidate[];
  advice: string | null;
}

/** The member must pick a record or confirm a new one before going on. */
export const needsChoice = (search: CandidateSearch | null): boolean =>
  search !== null && (search.found.length > 0 || search.advice !== null);

/**
 * Looks up known places like a victim's or perpetrator's home; null when no address was typed. A
 * home on a case the member may not see is left out by the API; the app then links the typed
 * address to it only on a confident match, telling the member nothing.
 */
export async function findHomeCandidates(api: ReturnType<typeof useApi>, subject: DraftSubject): Promise<MatchCandidate[] | null> {
  if (!subject.address || subject.address.trim().length < 3) return null;
  const query = { address: subject.address.trim(), ...(subject.postcode?.trim() ? { postcode: subject.postcode.trim() } : {}) };
  return (await answerOf(api.GET('/api/locations', { params: { query } }))).candidates;
}

/** Looks up people or places like the one typed; null when there is not enough to search on. */
export async function findCandidates(
  api: ReturnType<typeof useApi>,
  subjectType: SubjectType,
  subject: DraftSubject,
): Promise<CandidateSearch | null> {
  if (subjectType === 'LOCATION') {
    if (!subject.address || subject.address.trim().length < 3) return null;
    const query = { address: subject.address.trim(), ...(subject.postcode?.trim() ? { postcode: subject.postcode.trim() } : {}) };
    const places = await answerOf(api.GET('/api/locations', { params: { query } }));
    return { found: places.candidates, advice: places.advice ?? null };
  }
  if (!subject.givenName?.trim() || !subject.familyName?.trim()) return null;
  const query = {
    givenName: subject.givenName.trim(),
    familyName: subject.familyName.trim(),
    ...(subject.dateOfBirth ? { dateOfBirth: subject.dateOfBirth } : {}),
  };
  const people = await answerOf(api.GET('/api/people', { params: { query } }));
  return { found: people.candidates, advice: people.advice ?? null };
}

export function SubjectStep({
  subjectType,
  draft,
  errors,
  candidates,
  onCandidates,
  homeCandidates,
  onHomeCandidates,
  onSubjectType,
  onChange,
}: SubjectStepProps) {
  const styles = useStyles();
  const api = useApi();
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<string | null>(null);
  const subject = draft.subject ?? {};
  const isPlace = subjectType === 'LOCATION';
  const setSubject = (field: keyof DraftSubject, value: string) => {
    onCandidates(null);
    onChange({ subject: { ...subject, [field]: value }, match: undefined });
  };
  const chosen = draft.match?.personId ?? draft.match?.locationId ?? (draft.match?.confirmedNew ? NEW_RECORD : '');

  const check = async () => {
    if (!subjectType) return;
    setChecking(true);
    setCheckError(null);
    try {
      onCandidates(await findCandidates(api, subjectType, subject));
      if (!isPlace) onHomeCandidates(await findHomeCandidates(api, subject));
    } catch (error) {
      setCheckError(asApiError(error).message);
    } finally {
      setChecking(false);
    }
  };

  // Where a victim or perpetrator lives is not who they are: typing it keeps the person chosen.
  const setHome = (field: keyof DraftSubject, value: string) => {
    onHomeCandidates(null);
    onChange({ subject: { ...subject, [field]: value }, homeMatch: undefined });
  };
  const chosenHome = draft.homeMatch?.locationId ?? (draft.homeMatch?.confirmedNew ? NEW_RECORD : '');
  const text = (field: keyof DraftSubject, label: string, hint?: string, set = setSubject) => (
    <Field
      id={fieldId(`subject.${field}`)}
      label={label}
      hint={hint}
      validationMessage={errors[`subject.${field}`]}
      validationState={errors[`subject.${field}`] ? 'error' : 'none'}
    >
      <Input value={subject[field] ?? ''} onChange={(_, data) => set(field, data.value)} />
    </Field>
  );
  // The boxes as typed are kept in the draft; the date itself only once they make one.
  const dateParts: DateParts = draft.dateOfBirthParts ?? partsOf(subject.dateOfBirth);
  const setDateParts = (parts: DateParts) => {
    onCandidates(null);
    onChange({ dateOfBirthParts: parts, subject: { ...subject, dateOfBirth: dateOf(parts) ?? undefined }, match: undefined });
  };

  return (
    <div className={styles.fields}>
      <Field label="Who or what are you referring?" required validationMessage={errors.subjectType}>
        <RadioGroup id={fieldId('subjectType')} value={subjectType ?? ''} onChange={(_, data) => onSubjectType(data.value as SubjectType)}>
          {(Object.keys(SUBJECT_LABELS) as SubjectType[]).map((type) => (
            <Radio key={type} value={type} label={SUBJECT_LABELS[type]} />
          ))}
        </RadioGroup>
      </Field>
      {subjectType && !isPlace && (
        <>
          {text('givenName', 'First name')}
          {text('familyName', 'Last name')}
          <DateOfBirthInput field="subject.dateOfBirth" parts={dateParts} error={errors['subject.dateOfBirth']} onChange={setDateParts} />
          <fieldset className={styles.home}>
            <legend
              className={styles.legend}
            >{`Where does the ${subjectType === 'VICTIM' ? 'victim' : 'perpetrator'} live? (optional)`}</legend>
            <Body1 id="referral-home-hint">Leave this blank if you do not know. A known address is linked to the same place.</Body1>
            {text('address', 'Address line 1', 'For example "14 Sample Street" or "Flat 2, 9 Mill Lane".', setHome)}
            {text('town', 'Town', undefined, setHome)}
            {text('postcode', 'Postcode', 'Such as ZX1 9AB, if you know it.', setHome)}
            {homeCandidates && homeCandidates.length > 0 && (
              <Field label="This address may already be known. Is it one of these?" required validationMessage={errors.homeMatch}>
                <RadioGroup
                  id={fieldId('homeMatch')}
                  value={chosenHome}
                  onChange={(_, data) =>
                    onChange({ homeMatch: data.value === NEW_RECORD ? { confirmedNew: true } : { locationId: data.value } })
                  }
                >
                  {homeCandidates.map((c) => (
                    <Radio key={c.id} value={c.id} label={`${describeCandidate(c)} (${c.reason})`} />
                  ))}
                  <Radio value={NEW_RECORD} label="None of these: it is a new address" />
                </RadioGroup>
              </Field>
            )}
          </fieldset>
        </>
      )}
      {isPlace && (
        <>
          {text('address', 'Address or place', 'For example "14 Sample Street" or "Sampleton Recreation Ground".')}
          {text('town', 'Town')}
          {text('postcode', 'Postcode', 'The nearest postcode, such as ZX1 9AB.')}
        </>
      )}
      {subjectType && (
        <div>
          <Button onClick={() => void check()} disabled={checking}>
            {checking ? 'Checking…' : 'Check for existing records'}
          </Button>
          {checkError && <Body1 role="alert">{checkError}</Body1>}
          {candidates && !needsChoice(candidates) && (
            <Body1 className={styles.candidates}>No existing record looks like this one; a new one will be made.</Body1>
          )}
          {candidates && needsChoice(candidates) && (
            <Field
              className={styles.candidates}
              label={
                candidates.found.length === 0
                  ? (candidates.advice ?? '')
                  : isPlace
                    ? 'This place may already be known. Is it one of these?'
                    : 'This person may already be known. Is it one of these?'
              }
              required
              validationMessage={errors.match}
            >
              <RadioGroup
                id={fieldId('match')}
                value={chosen}
                onChange={(_, data) =>
                  onChange({
                    match:
                      data.value === NEW_RECORD ? { confirmedNew: true } : isPlace ? { locationId: data.value } : { personId: data.value },
                  })
                }
              >
                {candidates.found.map((c) => (
                  <Radio key={c.id} value={c.id} label={`${describeCandidate(c)} (${c.reason})`} />
                ))}
                <Radio value={NEW_RECORD} label={isPlace ? 'None of these: it is a new place' : 'None of these: it is someone new'} />
              </RadioGroup>
            </Field>
          )}
        </div>
      )}
    </div>
  );
}
