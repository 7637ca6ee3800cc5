// One referral opened from the triage queue: its facts, what the completeness check found missing,
// and, for a chair of its panel while it awaits a decision, the form to accept, decline or redirect it.
// A stale form (someone decided or redirected it meanwhile) is told so and shown the referral as it is now.
import { useState, type FormEvent } from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { asApiError } from '../../api/api-error';
import type { Answer, RequestBody } from '../../api/answers';
import { answerOf } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { FactList } from '../../components/FactList';
import { QueryView } from '../../components/QueryView';
import { RiskBadge } from '../../components/RiskBadge';
import { Section } from '../../components/Section';
import { formatDate, formatDateTime, sentenceCase } from '../../components/words';
import { useApi } from '../../session/session';

type Triage = Answer<'/api/referrals/{referralId}/triage'>;
type Decision = RequestBody<'/api/referrals/{referralId}/decision', 'post'>;
type Choice = 'ACCEPT' | 'DECLINE' | 'REDIRECT';

/** The redirect target for the lead agency's casework; a panel is chosen by its id. */
const CASEWORK = 'LEAD_AGENCY_CASEWORK';

const STATUS_WORDS: Record<Triage['referral']['status'], string> = {
  DRAFT: 'Draft',
  SUBMITTED: 'Awaiting a decision',
  ACCEPTED: 'Accepted',
  DECLINED: 'Declined',
  WITHDRAWN: 'Withdrawn',
};

const useStyles = makeStyles({
  // Apart from the queue above it, which ends in a table row of the same weight.
  detail: { marginTop: tokens.spacingVerticalXXL },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '40rem' },
  notice: { marginBottom: tokens.spacingVerticalM },
  gaps: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL },
});

export interface TriageDecisionProps {
  referralId: string;
  onDecided: (message: string) => void;
  /** The referral changed under the form: the page reloads its queue and shows this with the referral as it is now. */
  onStale: (message: string) => void;
  staleNotice: string | null;
}

export function TriageDecision({ referralId, onDecided, onStale, staleNotice }: TriageDecisionProps) {
  const styles = useStyles();
  const triage = useApiQuery('/api/referrals/{referralId}/triage', { params: { path: { referralId } } });
  return (
    <div className={styles.detail}>
      <Section id="triage" title="Referral">
        {staleNotice && (
          <MessageBar className={styles.notice} intent="warning" role="alert">
            <MessageBarBody>{staleNotice} It is shown below as it stands now.</MessageBarBody>
          </MessageBar>
        )}
        <QueryView query={triage} loadingLabel="Loading the referral" errorTitle="Could not load the referral">
          {(data) => <TriageDetail data={data} onDecided={onDecided} onStale={onStale} />}
        </QueryView>
      </Section>
    </div>
  );
}

function outcomeOf(referral: Triage['referral']): string | null {
  if (referral.redirect === 'LEAD_AGENCY_CASEWORK')
    return `Sent to the lead agency's casework${referral.case?.nextReviewDue ? `, review by ${formatDate(referral.case.nextReviewDue)}` : ''}: ${referral.redirectReason ?? ''}`;
  if (referral.status === 'DECLINED') return `Declined: ${referral.declineReason ?? ''}`;
  if (referral.status === 'WITHDRAWN') return `Withdrawn: ${referral.withdrawalReason ?? ''}`;
  if (referral.redirect === 'PANEL' && referral.redirectedFrom)
    return `Redirected from ${referral.redirectedFrom.name}: ${referral.redirectReason ?? ''}`;
  return null;
}

/**
 * The partnership's rules as they stood when the referral was sent: a later change in the settings
 * does not rewrite how this one was routed, and the chair can see which rules decided it.
 */
function rulesAppliedWords(rules: Triage['referral']['rulesApplied']): string {
  if (!rules) return 'Not recorded: sent before the app kept the rules with each referral.';
  const inDays = (rule: { incidents: number; withinDays: number }) => `${rule.incidents} incidents in ${rule.withinDays} days`;
  return [
    `Escalation at ${inDays(rules.escalation)}`,
    rules.repeatVictimisationRules.length > 0 ? `repeat victimisation at ${rules.repeatVictimisationRules.map(inDays).join(' or ')}` : null,
    `a repeat referral within ${rules.repeatReferralWithinDays} days`,
    `reviews every ${rules.review.highRiskReviewDays} days at high risk and ${rules.review.mediumRiskReviewDays} at medium`,
  ]
    .filter(Boolean)
    .join('; ')
    .concat(' (the partnership’s settings when it was sent).');
}

function TriageDetail({
  data,
  onDecided,
  onStale,
}: {
  data: Triage;
  onDecided: (message: string) => void;
  onStale: (message: string) => void;
}) {
  const styles = useStyles();
  const { referral } = data;
  const caseName = referral.case ? `case ${referral.case.reference}` : 'the referral';
  const subject = referral.person?.name ?? referral.location?.address ?? 'Not named';
  return (
    <>
      <FactList
        facts={[
          ['Case', referral.case?.reference ?? 'No case'],
          ['Referring', `${sentenceCase(referral.subjectType)}: ${subject}`],
          ['Risk', <RiskBadge key="risk" band={referral.assessments.at(-1)?.finalBand ?? null} />],
          ['From', `${referral.referrer.displayName} (${referral.referrerAgency.name})`],
          ['Sent', formatDateTime(referral.submittedAt)],
          ['Panel', referral.panel?.name ?? 'None'],
          ['Status', STATUS_WORDS[referral.status]],
          ...(outcomeOf(referral) ? ([['Outcome', outcomeOf(referral)]] as const) : []),
          ['Concerns', referral.concerns ?? 'None given'],
          ['Routing', referral.routingExplanation ?? '—'],
          ['Rules applied', rulesAppliedWords(referral.rulesApplied)],
        ]}
      />
      {data.completeness.length === 0 ? (
        <MessageBar className={styles.notice} intent="success">
          <MessageBarBody>Complete: nothing is missing from this referral.</MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar className={styles.notice} intent="warning">
          <MessageBarBody>
            Missing from this referral:
            <ul className={styles.gaps}>
              {data.completeness.map((gap) => (
                <li key={gap.item}>{gap.message}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {data.mayDecide ? (
        <DecisionForm data={data} caseName={caseName} onDecided={onDecided} onStale={onStale} />
      ) : (
        referral.status === 'SUBMITTED' && <p>Only a chair of {referral.panel?.name ?? 'its panel'} can decide on this referral.</p>
      )}
    </>
  );
}

function DecisionForm({
  data,
  caseName,
  onDecided,
  onStale,
}: {
  data: Triage;
  caseName: string;
  onDecided: (message: string) => void;
  onStale: (message: string) => void;
}) {
  const styles = useStyles();
  const api = useApi();
  const [choice, setChoice] = useState<Choice>('ACCEPT');
  const [reason, setReason] = useState('');
  const [target, setTarget] = useState('');
  const [reviewDate, setReviewDate] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const bodyOf = (): Decision | null => {
    const problems: Record<string, string> = {};
    if (choice !== 'ACCEPT' && reason.trim() === '')
      problems.reason = choice === 'DECLINE' ? 'Say why the panel will not hear this referral.' : 'Say why the referral goes elsewhere.';
    if (choice === 'REDIRECT' && target === '') problems.panelId = 'Choose where the referral should go.';
    if (choice === 'REDIRECT' && target === CASEWORK && reviewDate === '') problems.reviewDate = 'Choose a review date.';
    setErrors(problems);
    if (Object.keys(problems).length > 0) return null;
    const expectedVersion = data.referral.version;
    if (choice === 'ACCEPT') return { decision: 'ACCEPT', expectedVersion };
    if (choice === 'DECLINE') return { decision: 'DECLINE', reason, expectedVersion };
    return {
      decision: 'REDIRECT',
      reason,
      expectedVersion,
      to: target === CASEWORK ? { kind: 'LEAD_AGENCY_CASEWORK', reviewDate } : { kind: 'PANEL', panelId: target },
    };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const body = bodyOf();
    if (!body) return;
    setBusy(true);
    try {
      const decided = await answerOf(
        api.POST('/api/referrals/{referralId}/decision', { params: { path: { referralId: data.referral.id } }, body }),
      );
      const done =
        choice === 'ACCEPT'
          ? `Accepted ${caseName} for ${decided.panel?.name ?? 'the panel'}.`
          : choice === 'DECLINE'
            ? `Declined ${caseName}. The referrer has been told why.`
            : `Redirected ${caseName}. The referrer has been told why.`;
      onDecided(done);
    } catch (error) {
      const problem = asApiError(error);
      if (problem.status === 409) onStale(problem.message);
      else if (Object.keys(problem.fields).length > 0)
        // The wire nests the redirect target ("to.panelId"); the form shows it by the field's own name.
        setErrors(Object.fromEntries(Object.entries(problem.fields).map(([field, message]) => [field.replace(/^to\./, ''), message])));
      else setFailure(problem.message);
    } finally {
      setBusy(false);
    }
  };

  const fieldState = (name: string) => ({
    validationMessage: errors[name],
    validationState: errors[name] ? ('error' as const) : ('none' as const),
  });

  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} aria-label={`Decide on ${caseName}`} noValidate>
      {failure && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>{failure}</MessageBarBody>
        </MessageBar>
      )}
      <Field label="Decision" required>
        <RadioGroup value={choice} onChange={(_event, picked) => setChoice(picked.value as Choice)}>
          <Radio value="ACCEPT" label="Accept for the panel" />
          <Radio value="DECLINE" label="Decline" />
          <Radio value="REDIRECT" label="Redirect elsewhere" />
        </RadioGroup>
      </Field>
      {choice === 'REDIRECT' && (
        <>
          <Field label="Send it to" required {...fieldState('panelId')}>
            <Select value={target} onChange={(_event, picked) => setTarget(picked.value)}>
              <option value="">Choose…</option>
              {data.redirectPanels.map((panel) => (
                <option key={panel.id} value={panel.id}>
                  {panel.name}
                </option>
              ))}
              <option value={CASEWORK}>The lead agency&apos;s casework</option>
            </Select>
          </Field>
          {target === CASEWORK && (
            <Field label="Review date" required hint="When the lead agency looks at the case again." {...fieldState('reviewDate')}>
              <Input type="date" value={reviewDate} onChange={(_event, typed) => setReviewDate(typed.value)} />
            </Field>
          )}
        </>
      )}
      {choice !== 'ACCEPT' && (
        <Field label="Reason (the referrer reads this)" required {...fieldState('reason')}>
          <Textarea value={reason} maxLength={2000} onChange={(_event, typed) => setReason(typed.value)} />
        </Field>
      )}
      <div>
        <Button type="submit" appearance="primary" disabled={busy}>
          Record decision
        </Button>
      </div>
    </form>
  );
}
