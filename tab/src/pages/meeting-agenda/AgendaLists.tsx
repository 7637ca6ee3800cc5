// The running order, what spills over and what is deferred; for the chair, each case moves up or
// down a place (buttons, so the keyboard works as well as the mouse) or is deferred with a reason.
import { useEffect, useState, type FormEvent } from 'react';
import { Badge, Body1, Button, Caption1, Field, Subtitle2, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { ApiError } from '../../api/api-error';
import { ErrorState } from '../../components/ErrorState';
import { RiskBadge } from '../../components/RiskBadge';
import { pageAddress } from '../../router/addresses';
import { RouteLink } from '../../router/RouteLink';
import { moved, runningOrder, type AgendaEdits, type AgendaItemView, type AgendaPage } from './agenda-view';
import { ItemHearing } from './ItemHearing';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalXL },
  list: { listStyleType: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  text: { margin: 0, overflowWrap: 'anywhere' },
  controls: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  heading: { ':focus': { outline: 'none' } },
});

const TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' });
const HEARD: Partial<Record<AgendaItemView['status'], string>> = { CURRENT: 'Being heard', DISCUSSED: 'Heard' };

interface AgendaListsProps {
  agenda: AgendaPage;
  mayEdit: boolean;
  edits: AgendaEdits;
  /** The chair may record the outcome of a case being heard or heard; `onHeard` reads the agenda again. */
  mayHear: boolean;
  onHeard: () => void;
}

export function AgendaLists({ agenda, mayEdit, edits, mayHear, onHeard }: AgendaListsProps) {
  const styles = useStyles();
  const order = runningOrder(agenda.items);
  const fitting = order.filter((item) => item.status !== 'SPILLED_OVER');
  const spilt = order.filter((item) => item.status === 'SPILLED_OVER');
  const deferred = agenda.items.filter((item) => item.status === 'DEFERRED');
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [focusAfter, setFocusAfter] = useState<{ caseId: string; by: -1 | 1 } | null>(null);
  const [deferring, setDeferring] = useState<string | null>(null);

  // A moved case may change list (spill-over to running order), so its button is found again by id.
  useEffect(() => {
    if (!focusAfter) return;
    const button = (by: number) => document.getElementById(`move-${by === -1 ? 'up' : 'down'}-${focusAfter.caseId}`);
    const wanted = button(focusAfter.by);
    (wanted?.getAttribute('aria-disabled') === 'true' ? button(-focusAfter.by) : wanted)?.focus();
    setFocusAfter(null);
  }, [focusAfter, agenda]);

  const move = async (item: AgendaItemView, by: -1 | 1) => {
    const next = moved(
      order.map((entry) => entry.case.id),
      item.case.id,
      by,
    );
    if (!next) return;
    const refusal = await edits.reorder({ caseIds: next, expectedVersion: agenda.meeting.version });
    setError(refusal);
    if (refusal) return;
    const place = next.indexOf(item.case.id) + 1;
    setAnnouncement(`Case ${item.case.reference} moved to place ${place} of ${next.length}.`);
    setFocusAfter({ caseId: item.case.id, by });
  };

  const controls = (item: AgendaItemView, index: number) =>
    mayEdit && (
      <div className={styles.controls}>
        <Button
          id={`move-up-${item.case.id}`}
          size="small"
          disabledFocusable={index === 0}
          aria-label={`Move up case ${item.case.reference}`}
          onClick={() => void move(item, -1)}
        >
          Move up
        </Button>
        <Button
          id={`move-down-${item.case.id}`}
          size="small"
          disabledFocusable={index === order.length - 1}
          aria-label={`Move down case ${item.case.reference}`}
          onClick={() => void move(item, 1)}
        >
          Move down
        </Button>
        {!HEARD[item.status] && (
          <Button
            size="small"
            aria-label={`Defer case ${item.case.reference}`}
            aria-expanded={deferring === item.case.id}
            onClick={() => setDeferring(deferring === item.case.id ? null : item.case.id)}
          >
            Defer
          </Button>
        )}
      </div>
    );

  const row = (item: AgendaItemView, index: number) => (
    <li key={item.id} className={styles.item} aria-label={`${index + 1}. Case ${item.case.reference}`}>
      <div className={styles.line}>
        <Body1>
          <strong>{index + 1}.</strong>{' '}
          <RouteLink to={pageAddress(`cases/${encodeURIComponent(item.case.id)}`)}>Case {item.case.reference}</RouteLink>
        </Body1>
        <RiskBadge band={item.case.currentRiskBand} />
        <Badge appearance="outline">{item.minutes} min</Badge>
        {item.expectedAt && <Caption1>about {TIME.format(new Date(item.expectedAt))}</Caption1>}
        {HEARD[item.status] && <Badge appearance="filled">{HEARD[item.status]}</Badge>}
      </div>
      <Body1 as="p" className={styles.text}>
        {item.why}
      </Body1>
      <Caption1 as="p" className={styles.text}>
        Agencies needed: {item.agencies.length > 0 ? item.agencies.map((agency) => agency.name).join(', ') : 'none named'}
      </Caption1>
      {controls(item, index)}
      {mayHear && HEARD[item.status] && <ItemHearing meetingId={agenda.meeting.id} item={item} onRecorded={onHeard} />}
      {deferring === item.case.id && (
        <DeferForm
          item={item}
          onCancel={() => setDeferring(null)}
          onDefer={async (reasonText) => {
            const refusal = await edits.defer({
              caseId: item.case.id,
              reasonText,
              expectedVersion: agenda.meeting.version,
            });
            if (!refusal) {
              setDeferring(null);
              setAnnouncement(`Case ${item.case.reference} deferred to the next meeting.`);
              document.getElementById('deferred-heading')?.focus();
            }
            return refusal;
          }}
        />
      )}
    </li>
  );

  return (
    <>
      <div role="status" aria-live="polite" data-testid="agenda-announcement">
        {announcement}
      </div>
      {error && <ErrorState title="Could not change the agenda" error={error} />}
      <section className={styles.section} aria-labelledby="order-heading">
        <Subtitle2 as="h2" id="order-heading">
          Running order
        </Subtitle2>
        <Caption1>After the {agenda.actionsReviewMinutes}-minute review of last meeting's actions.</Caption1>
        {fitting.length === 0 ? (
          <Body1>No case is on the agenda yet.</Body1>
        ) : (
          <ol className={styles.list}>{fitting.map((item, index) => row(item, index))}</ol>
        )}
      </section>
      {spilt.length > 0 && (
        <section className={styles.section} aria-labelledby="spill-heading">
          <Subtitle2 as="h2" id="spill-heading">
            Spill-over
          </Subtitle2>
          <Caption1>These do not fit in the meeting. Move one up to hear it; otherwise they go to the next meeting.</Caption1>
          <ol className={styles.list}>{spilt.map((item, index) => row(item, fitting.length + index))}</ol>
          {agenda.spillOverTotal > spilt.length && (
            <Body1>
              {agenda.spillOverTotal - spilt.length} more {agenda.spillOverTotal - spilt.length === 1 ? 'case does' : 'cases do'} not fit;
              they go to the next meeting in this order.
            </Body1>
          )}
        </section>
      )}
      <section className={styles.section} aria-labelledby="deferred-heading">
        <Subtitle2 as="h2" id="deferred-heading" tabIndex={-1} className={styles.heading}>
          Deferred to the next meeting
        </Subtitle2>
        {deferred.length === 0 ? (
          <Body1>No case is deferred.</Body1>
        ) : (
          <ul className={styles.list}>
            {deferred.map((item) => (
              <li key={item.id} className={styles.item}>
                <Body1>Case {item.case.reference}</Body1>
                <Caption1 as="p" className={styles.text}>
                  {item.deferralReason}
                </Caption1>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function DeferForm({
  item,
  onDefer,
  onCancel,
}: {
  item: AgendaItemView;
  onDefer: (reasonText: string) => Promise<ApiError | null>;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(await onDefer(reason));
    setBusy(false);
  };
  const fieldMessage = error?.fields.reasonText;
  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-label={`Defer case ${item.case.reference}`}>
      <Field
        label={`Why defer case ${item.case.reference}?`}
        required
        validationMessage={fieldMessage}
        validationState={fieldMessage ? 'error' : 'none'}
      >
        <Textarea value={reason} onChange={(_event, data) => setReason(data.value)} autoFocus resize="vertical" />
      </Field>
      {error && !fieldMessage && <ErrorState title="Could not defer the case" error={error} />}
      <div className={styles.controls} style={{ marginTop: tokens.spacingVerticalS }}>
        <Button type="submit" appearance="primary" disabled={busy}>
          Defer to the next meeting
        </Button>
        <Button type="button" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
