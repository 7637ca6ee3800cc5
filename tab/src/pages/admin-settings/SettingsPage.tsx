// The partnership's local rules for its administrator: referral windows, review intervals, ASB case
// review timescales, the confidentiality statement, reminders and chasing. The API checks every value
// against the domain's bounds and names each field it refuses; nothing is saved unless all pass.
import { useState, type FormEvent, type ReactNode } from 'react';
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { asApiError } from '../../api/api-error';
import { answerOf } from '../../api/client';
import type { Answer, RequestBody } from '../../api/answers';
import { useApiQuery } from '../../api/use-api-query';
import { PageHeader } from '../../components/PageHeader';
import { QueryView } from '../../components/QueryView';
import { useApi } from '../../session/session';

type Settings = Answer<'/api/partnership/settings'>;
type Weekday = Settings['reminders']['digestWeekday'];
const WEEKDAYS: Weekday[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const dayName = (day: Weekday) => day.charAt(0) + day.slice(1).toLowerCase();

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXL, display: 'grid', gap: tokens.spacingVerticalS, maxWidth: '44rem' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'end' },
  number: { width: '9rem' },
  notice: { marginBottom: tokens.spacingVerticalM },
});

export default function SettingsPage() {
  const settings = useApiQuery('/api/partnership/settings');
  return (
    <>
      <PageHeader
        title="Partnership settings"
        description="The partnership's own rules. A change applies from now on: referrals already decided keep the rules recorded on them."
      />
      <QueryView query={settings} loadingLabel="Loading the settings" errorTitle="Could not load the settings">
        {(current) => <SettingsForm current={current} />}
      </QueryView>
    </>
  );
}

function SettingsForm({ current }: { current: Settings }) {
  const styles = useStyles();
  const api = useApi();
  const [draft, setDraft] = useState<Settings>(current);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const saved = await answerOf(
        api.PUT('/api/partnership/settings', { body: draft as RequestBody<'/api/partnership/settings', 'put'> }),
      );
      setDraft(saved);
      setErrors({});
      setMessage({ intent: 'success', text: 'Settings saved. They apply to referrals, reviews and reminders from now on.' });
    } catch (error) {
      const problem = asApiError(error);
      setErrors(problem.fields);
      setMessage({ intent: 'error', text: problem.message });
    } finally {
      setBusy(false);
    }
  };

  /** A whole-number box bound to one setting; its refusal, if any, shows beneath it. */
  const number = (field: string, label: string, value: number, set: (n: number) => void, hint?: string): ReactNode => (
    <Field label={label} hint={hint} validationMessage={errors[field]} validationState={errors[field] ? 'error' : 'none'}>
      <Input
        className={styles.number}
        type="number"
        name={field}
        value={Number.isNaN(value) ? '' : String(value)}
        onChange={(_event, data) => set(data.value === '' ? Number.NaN : Number(data.value))}
      />
    </Field>
  );
  const patch = (change: Partial<Settings>) => setDraft((d) => ({ ...d, ...change }));

  return (
    <form onSubmit={(event) => void save(event)} noValidate>
      {message && (
        <MessageBar className={styles.notice} intent={message.intent} role={message.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      <section className={styles.section} aria-labelledby="criteria-heading">
        <Subtitle2 as="h2" id="criteria-heading">
          Referral criteria
        </Subtitle2>
        <div className={styles.row}>
          {number('escalation.incidents', 'Potential escalation: incidents', draft.escalation.incidents, (n) =>
            patch({ escalation: { ...draft.escalation, incidents: n } }),
          )}
          {number('escalation.withinDays', 'within days', draft.escalation.withinDays, (n) =>
            patch({ escalation: { ...draft.escalation, withinDays: n } }),
          )}
        </div>
        {draft.repeatVictimisationRules.map((rule, index) => (
          <div className={styles.row} key={index}>
            {number(
              `repeatVictimisationRules.${index}.incidents`,
              `Repeat victim rule ${index + 1}: similar incidents`,
              rule.incidents,
              (n) =>
                patch({
                  repeatVictimisationRules: draft.repeatVictimisationRules.map((r, i) => (i === index ? { ...r, incidents: n } : r)),
                }),
            )}
            {number(`repeatVictimisationRules.${index}.withinDays`, 'within days', rule.withinDays, (n) =>
              patch({
                repeatVictimisationRules: draft.repeatVictimisationRules.map((r, i) => (i === index ? { ...r, withinDays: n } : r)),
              }),
            )}
            {draft.repeatVictimisationRules.length > 1 && (
              <Button
                onClick={() => patch({ repeatVictimisationRules: draft.repeatVictimisationRules.filter((_r, i) => i !== index) })}
                aria-label={`Remove repeat victim rule ${index + 1}`}
              >
                Remove
              </Button>
            )}
          </div>
        ))}
        {errors.repeatVictimisationRules && (
          <MessageBar intent="error">
            <MessageBarBody>{errors.repeatVictimisationRules}</MessageBarBody>
          </MessageBar>
        )}
        <div>
          <Button
            onClick={() => patch({ repeatVictimisationRules: [...draft.repeatVictimisationRules, { incidents: 2, withinDays: 14 }] })}
          >
            Add a repeat victim rule
          </Button>
        </div>
        {number(
          'repeatReferralWithinDays',
          'Repeat referral window (days)',
          draft.repeatReferralWithinDays,
          (n) => patch({ repeatReferralWithinDays: n }),
          'A new referral this many days after the case was last heard is a repeat referral.',
        )}
      </section>

      <section className={styles.section} aria-labelledby="review-heading">
        <Subtitle2 as="h2" id="review-heading">
          Review intervals
        </Subtitle2>
        <div className={styles.row}>
          {number('review.highRiskReviewDays', 'High risk: review every (days)', draft.review.highRiskReviewDays, (n) =>
            patch({ review: { ...draft.review, highRiskReviewDays: n } }),
          )}
          {number('review.mediumRiskReviewDays', 'Medium risk: review every (days)', draft.review.mediumRiskReviewDays, (n) =>
            patch({ review: { ...draft.review, mediumRiskReviewDays: n } }),
          )}
        </div>
      </section>

      <section className={styles.section} aria-labelledby="case-review-heading">
        <Subtitle2 as="h2" id="case-review-heading">
          ASB case review
        </Subtitle2>
        <div className={styles.row}>
          {number(
            'caseReview.qualifyingComplaints',
            'Qualifying complaints',
            draft.caseReview.qualifyingComplaints,
            (n) => patch({ caseReview: { ...draft.caseReview, qualifyingComplaints: n } }),
            'The law allows 3 or fewer.',
          )}
          {number(
            'caseReview.acknowledgeWithinWorkingDays',
            'Acknowledge within (working days)',
            draft.caseReview.acknowledgeWithinWorkingDays,
            (n) => patch({ caseReview: { ...draft.caseReview, acknowledgeWithinWorkingDays: n } }),
          )}
          {number(
            'caseReview.decideThresholdWithinWorkingDays',
            'Decide the threshold within (working days)',
            draft.caseReview.decideThresholdWithinWorkingDays,
            (n) => patch({ caseReview: { ...draft.caseReview, decideThresholdWithinWorkingDays: n } }),
          )}
          {number('caseReview.holdReviewWithinDays', 'Hold the review within (days)', draft.caseReview.holdReviewWithinDays, (n) =>
            patch({ caseReview: { ...draft.caseReview, holdReviewWithinDays: n } }),
          )}
        </div>
      </section>

      <section className={styles.section} aria-labelledby="meeting-heading">
        <Subtitle2 as="h2" id="meeting-heading">
          Panel meetings
        </Subtitle2>
        <Field
          label="Confidentiality statement"
          hint="Every attendee accepts this before any case is discussed."
          validationMessage={errors.confidentialityStatement}
          validationState={errors.confidentialityStatement ? 'error' : 'none'}
        >
          <Textarea
            name="confidentialityStatement"
            rows={4}
            value={draft.confidentialityStatement}
            onChange={(_event, data) => patch({ confidentialityStatement: data.value })}
          />
        </Field>
      </section>

      <section className={styles.section} aria-labelledby="reminders-heading">
        <Subtitle2 as="h2" id="reminders-heading">
          Reminders and chasing
        </Subtitle2>
        <div className={styles.row}>
          {number('reminders.daysBeforeDue', 'Remind this many days before the due date', draft.reminders.daysBeforeDue, (n) =>
            patch({ reminders: { ...draft.reminders, daysBeforeDue: n } }),
          )}
          {number('reminders.overdueEveryDays', 'Once overdue, remind every (days)', draft.reminders.overdueEveryDays, (n) =>
            patch({ reminders: { ...draft.reminders, overdueEveryDays: n } }),
          )}
          {number(
            'reminders.escalateAfterDaysOverdue',
            'Tell the chair after (days overdue)',
            draft.reminders.escalateAfterDaysOverdue,
            (n) => patch({ reminders: { ...draft.reminders, escalateAfterDaysOverdue: n } }),
          )}
        </div>
        <Checkbox
          label="Remind on the due date"
          checked={draft.reminders.onDueDay}
          onChange={(_event, data) => patch({ reminders: { ...draft.reminders, onDueDay: data.checked === true } })}
        />
        <Field label="Weekly digest on">
          <Select
            className={styles.number}
            value={draft.reminders.digestWeekday}
            onChange={(_event, data) => patch({ reminders: { ...draft.reminders, digestWeekday: data.value as Weekday } })}
          >
            {WEEKDAYS.map((day) => (
              <option key={day} value={day}>
                {dayName(day)}
              </option>
            ))}
          </Select>
        </Field>
        {number('chaseCooldownHours', 'Wait between chases of one action (hours)', draft.chaseCooldownHours, (n) =>
          patch({ chaseCooldownHours: n }),
        )}
      </section>
      <Button type="submit" appearance="primary" disabled={busy}>
        Save settings
      </Button>
    </form>
  );
}
