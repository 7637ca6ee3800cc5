// What the chair records while a case is heard, in the side panel and on the agenda page: the outcome
// (decisions, risk re-rated, kept on or closed with a reason) and actions assigned inline. The same
// routes the assign card uses: PUT …/items/:itemId/outcome and POST /api/actions.
import { useState, type FormEvent } from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { asApiError, type ApiError } from '../../api/api-error';
import { answerOf } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { ErrorState } from '../ErrorState';
import { NoteField } from '../NoteField';
import { RISK_WORDS, formatLongDate, londonToday } from '../words';
import { useApi } from '../../session/session';

/** The API's limit on decisions and reasons (routes/minutes.ts). */
const OUTCOME_MAX = 2000;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, marginBottom: tokens.spacingVerticalXL, minWidth: 0 },
  // A long agency name must not widen the side panel: the box keeps to the panel and the text is cut.
  select: { minWidth: 0, maxWidth: '100%' },
  selectBox: { width: '100%', minWidth: 0, textOverflow: 'ellipsis' },
});

const CASE_DECISIONS = [
  ['KEEP_ON', 'Keep on the panel'],
  ['CLOSE', 'Close the case'],
  ['LEAD_AGENCY_CASEWORK', 'Back to the lead agency'],
] as const;
type CaseDecision = (typeof CASE_DECISIONS)[number][0];

/** The case being heard, as both the meeting room and the agenda describe it. */
export interface HeardCase {
  id: string;
  reference: string;
  currentRiskBand: 'LOW' | 'MEDIUM' | 'HIGH' | null;
}

interface HearingProps {
  meetingId: string;
  itemId: string;
  kase: HeardCase;
}

function Saved({ title, text }: { title: string; text: string }) {
  return (
    <MessageBar intent="success" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <span>{text}</span>
      </MessageBarBody>
    </MessageBar>
  );
}

/** `onRecorded` lets a page that shows the case's band elsewhere read it again. */
export function ItemOutcomeForm({ meetingId, itemId, kase, onRecorded }: HearingProps & { onRecorded?: () => void }) {
  const styles = useStyles();
  const api = useApi();
  const [decisions, setDecisions] = useState('');
  const [riskBandAfter, setRiskBandAfter] = useState('');
  const [caseDecision, setCaseDecision] = useState<CaseDecision>('KEEP_ON');
  const [closureReason, setClosureReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const current = kase.currentRiskBand ? RISK_WORDS[kase.currentRiskBand].toLowerCase() : 'not assessed';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (decisions.trim().length < 3) missing.decisions = 'Record what the panel decided.';
    if (caseDecision === 'CLOSE' && !closureReason.trim()) missing.closureReason = 'Say why the case is closed.';
    setErrors(missing);
    setFailure(null);
    if (Object.keys(missing).length > 0) return;
    try {
      const answer = await answerOf(
        api.PUT('/api/meetings/{meetingId}/items/{itemId}/outcome', {
          params: { path: { meetingId, itemId } },
          body: {
            decisions,
            caseDecision,
            ...(riskBandAfter ? { riskBandAfter: riskBandAfter as 'LOW' | 'MEDIUM' | 'HIGH' } : {}),
            ...(caseDecision === 'CLOSE' ? { closureReason } : {}),
          },
        }),
      );
      const band = answer.case.currentRiskBand ? RISK_WORDS[answer.case.currentRiskBand].toLowerCase() : 'not assessed';
      const decided = CASE_DECISIONS.find(([value]) => value === answer.caseDecision)![1].toLowerCase();
      setSaved(`Case ${kase.reference}: ${decided}; risk now ${band}.`);
      onRecorded?.();
    } catch (caught) {
      const error = asApiError(caught);
      if (Object.keys(error.fields).length > 0) setErrors(error.fields);
      else setFailure(error);
    }
  };

  return (
    <form noValidate className={styles.form} aria-labelledby={`outcome-heading-${itemId}`} onSubmit={(event) => void submit(event)}>
      <Subtitle2 as="h3" id={`outcome-heading-${itemId}`}>
        Outcome for case {kase.reference}
      </Subtitle2>
      <NoteField label="What the panel decided" value={decisions} onChange={setDecisions} error={errors.decisions} max={OUTCOME_MAX} />
      <Field label="Risk after this hearing" hint={`Now ${current}.`}>
        <Select
          className={styles.select}
          select={{ className: styles.selectBox }}
          value={riskBandAfter}
          onChange={(_event, data) => setRiskBandAfter(data.value)}
        >
          <option value="">{`Unchanged (${current})`}</option>
          <option value="HIGH">High</option>
          <option value="MEDIUM">Medium</option>
          <option value="LOW">Low</option>
        </Select>
      </Field>
      <Field label="The case" required>
        <RadioGroup value={caseDecision} onChange={(_event, data) => setCaseDecision(data.value as CaseDecision)}>
          {CASE_DECISIONS.map(([value, words]) => (
            <Radio key={value} value={value} label={words} />
          ))}
        </RadioGroup>
      </Field>
      {caseDecision === 'CLOSE' && (
        <NoteField
          label="Why the case is closed"
          value={closureReason}
          onChange={setClosureReason}
          error={errors.closureReason}
          max={OUTCOME_MAX}
        />
      )}
      <div aria-live="polite">{saved && <Saved title="Outcome recorded" text={saved} />}</div>
      {failure && <ErrorState title="Could not record the outcome" error={failure} />}
      <div>
        <Button type="submit" appearance="primary">
          Record the outcome
        </Button>
      </div>
    </form>
  );
}

export function InlineAssignForm({ meetingId, itemId, kase }: HearingProps) {
  const styles = useStyles();
  const api = useApi();
  const today = londonToday();
  const [title, setTitle] = useState('');
  const [agencyId, setAgencyId] = useState('');
  const [memberId, setMemberId] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const path = { caseId: kase.id };
  const where = { meetingId };
  const agencies = useApiQuery('/api/cases/{caseId}/assignment-choices', { params: { path, query: where } });
  const officers = useApiQuery('/api/cases/{caseId}/assignment-choices', {
    params: { path, query: { ...where, agencyId } },
    skip: !agencyId,
  });
  const officerChoices = agencyId && officers.status === 'ready' ? officers.data.officers : [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!title.trim()) missing.title = 'Say what will be done.';
    if (!agencyId) missing.ownerAgencyId = 'Choose the agency that owns this action.';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dueDate)) missing.dueDate = 'Give the due date.';
    else if (dueDate < today) missing.dueDate = 'The due date cannot be in the past.';
    setErrors(missing);
    setFailure(null);
    if (Object.keys(missing).length > 0) return;
    try {
      const answer = await answerOf(
        api.POST('/api/actions', {
          body: {
            caseId: kase.id,
            meetingId,
            agendaItemId: itemId,
            title,
            ownerAgencyId: agencyId,
            ownerMemberId: memberId || null,
            dueDate,
            priority: 'NORMAL',
          },
        }),
      );
      const owner = answer.action.ownerMember?.displayName ?? answer.action.ownerAgency.name;
      setSaved(
        `"${answer.action.title}" assigned to ${owner}, due ${formatLongDate(answer.action.dueDate)}. They have been sent it in Teams.`,
      );
      setTitle('');
      setDueDate('');
    } catch (caught) {
      const error = asApiError(caught);
      if (Object.keys(error.fields).length > 0) setErrors(error.fields);
      else setFailure(error);
    }
  };

  const loadError = agencies.status === 'error' ? agencies.error.message : undefined;
  return (
    <form noValidate className={styles.form} aria-labelledby={`assign-heading-${itemId}`} onSubmit={(event) => void submit(event)}>
      <Subtitle2 as="h3" id={`assign-heading-${itemId}`}>
        Assign an action on case {kase.reference}
      </Subtitle2>
      <Field label="What will be done" required validationMessage={errors.title} validationState={errors.title ? 'error' : 'none'}>
        <Input value={title} maxLength={500} onChange={(_event, data) => setTitle(data.value)} />
      </Field>
      <Field
        label="Agency"
        required
        validationMessage={errors.ownerAgencyId ?? loadError}
        validationState={errors.ownerAgencyId || loadError ? 'error' : 'none'}
      >
        <Select
          className={styles.select}
          select={{ className: styles.selectBox }}
          value={agencyId}
          onChange={(_event, data) => {
            setAgencyId(data.value);
            setMemberId('');
          }}
        >
          <option value="">Choose an agency</option>
          {(agencies.status === 'ready' ? agencies.data.agencies : []).map((agency) => (
            <option key={agency.id} value={agency.id}>
              {agency.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Officer" validationMessage={errors.ownerMemberId} validationState={errors.ownerMemberId ? 'error' : 'none'}>
        <Select
          className={styles.select}
          select={{ className: styles.selectBox }}
          value={memberId}
          onChange={(_event, data) => setMemberId(data.value)}
          disabled={!agencyId}
        >
          <option value="">No officer named: anyone at the agency</option>
          {officerChoices.map((officer) => (
            <option key={officer.id} value={officer.id}>
              {officer.jobTitle ? `${officer.name}, ${officer.jobTitle}` : officer.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label="Due"
        required
        hint="Today or later."
        validationMessage={errors.dueDate}
        validationState={errors.dueDate ? 'error' : 'none'}
      >
        <Input type="date" value={dueDate} min={today} onChange={(_event, data) => setDueDate(data.value)} />
      </Field>
      <div aria-live="polite">{saved && <Saved title="Action assigned" text={saved} />}</div>
      {failure && <ErrorState title="Could not assign the action" error={failure} />}
      <div>
        <Button type="submit" appearance="primary">
          Assign the action
        </Button>
      </div>
    </form>
  );
}
