import { useState } from 'react';
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { asApiError, type ApiError } from '../../api/api-error';
import { succeeded } from '../../api/client';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { pageAddress } from '../../router/addresses';
import { RiskBadge } from '../../components/RiskBadge';
import { RouteLink } from '../../router/RouteLink';
import { useApi } from '../../session/session';
import type { PageProps } from '../../router/pages';
import { ActionReviewSection } from '../../components/hearing/ActionReview';
import { InlineAssignForm, ItemOutcomeForm } from '../../components/hearing/HearingForms';
import { useMeetingRoom, type CaseSummary, type MeetingRoom, type RoomItem } from './meeting-room';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalXL },
  agenda: { listStyleType: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  current: { border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    margin: 0,
  },
  // The current item's brand background leaves too little contrast for a brand-coloured link in dark themes.
  caseLink: { color: tokens.colorNeutralForeground1, textDecorationLine: 'underline' },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0, overflowWrap: 'anywhere' },
});

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
});
const STATUS_LABELS: Record<RoomItem['status'], string> = {
  PLANNED: 'Planned',
  CURRENT: 'Now',
  DISCUSSED: 'Discussed',
  DEFERRED: 'Deferred',
  SPILLED_OVER: 'Carried over',
};
const WITHHELD: Record<string, string> = {
  NOT_IN_ATTENDANCE: 'Sign the attendance register and accept the confidentiality statement to see this case.',
  CONFIDENTIALITY_NOT_ACCEPTED: 'Accept the confidentiality statement to see this case.',
  NOT_ENTITLED: 'Your agency does not need to know about this case, so its details are not shown to you.',
};

/** The meeting side panel: the agenda, the item being heard and, after the confidentiality statement, its case. */
export default function MeetingSidePanelPage({ params }: PageProps) {
  const meetingId = params.meetingId ?? '';
  const { state, refresh } = useMeetingRoom(meetingId);
  if (state.status === 'loading') return <Loading label="Loading the meeting" />;
  if (state.status === 'error') return <ErrorState title="Could not load the meeting" error={state.error} onRetry={refresh} />;
  const { room, stale } = state;
  return (
    <>
      <PageHeader title={room.panel.name} description={LONDON.format(new Date(room.meeting.startsAt))} />
      {stale && (
        <MessageBar intent="warning">
          <MessageBarBody>Lost touch with the meeting; still trying. {stale.message}</MessageBarBody>
        </MessageBar>
      )}
      <Attendance room={room} onSigned={refresh} />
      <CurrentItem room={room} onMoved={refresh} />
      {room.me.isChair && room.meeting.status !== 'CANCELLED' && <ActionReviewSection meetingId={room.meeting.id} />}
      <Agenda room={room} />
      <RouteLink to={pageAddress(`meetings/${encodeURIComponent(room.meeting.id)}`)}>
        {room.me.isChair ? 'Reorder, add or defer on the agenda page' : 'Open the agenda page'}
      </RouteLink>
    </>
  );
}

function Attendance({ room, onSigned }: { room: MeetingRoom; onSigned: () => void }) {
  const styles = useStyles();
  const api = useApi();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  if (room.me.attendance?.confidentialityAccepted) return null;
  const accept = async () => {
    setBusy(true);
    try {
      await succeeded(
        api.POST('/api/meetings/{meetingId}/attendance/me', {
          params: { path: { meetingId: room.meeting.id } },
          body: { acceptConfidentiality: true },
        }),
      );
      onSigned();
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className={styles.section} aria-labelledby="confidentiality-heading">
      <Subtitle2 as="h2" id="confidentiality-heading">
        Confidentiality statement
      </Subtitle2>
      <Body1>{room.confidentialityStatement}</Body1>
      {error && <ErrorState title="Could not sign the register" error={error} />}
      <Button appearance="primary" onClick={() => void accept()} disabled={busy}>
        I accept: sign me in for my agency
      </Button>
    </section>
  );
}

function CurrentItem({ room, onMoved }: { room: MeetingRoom; onMoved: () => void }) {
  const styles = useStyles();
  const api = useApi();
  const [error, setError] = useState<ApiError | null>(null);
  const next = async () => {
    try {
      await succeeded(
        api.POST('/api/meetings/{meetingId}/next', {
          params: { path: { meetingId: room.meeting.id } },
          body: { expectedVersion: room.meeting.version },
        }),
      );
      setError(null);
      onMoved();
    } catch (failure) {
      setError(asApiError(failure));
    }
  };
  const current = room.current;
  const nowText = current
    ? `Now: case ${current.item.case.reference}`
    : room.meeting.status === 'ENDED'
      ? 'The meeting has ended.'
      : 'No case is being discussed yet.';
  return (
    <section className={styles.section} aria-labelledby="current-heading">
      <Subtitle2 as="h2" id="current-heading">
        Being discussed
      </Subtitle2>
      <div aria-live="polite" data-testid="current-item">
        <Body1>{nowText}</Body1>
      </div>
      {current && <Caption1>{current.item.why}</Caption1>}
      {current?.case && <CaseCard summary={current.case} />}
      {room.me.isChair && current?.case && room.meeting.status !== 'CANCELLED' && (
        // Keyed by the item, so moving on starts each form afresh.
        <div key={current.item.id}>
          <ItemOutcomeForm meetingId={room.meeting.id} itemId={current.item.id} kase={current.case} />
          <InlineAssignForm meetingId={room.meeting.id} itemId={current.item.id} kase={current.case} />
        </div>
      )}
      {current?.withheld && (
        <MessageBar intent="info">
          <MessageBarBody>{WITHHELD[current.withheld]}</MessageBarBody>
        </MessageBar>
      )}
      {error && <ErrorState title="Could not move on" error={error} />}
      {room.me.isChair && room.meeting.status !== 'ENDED' && room.meeting.status !== 'CANCELLED' && (
        <Button appearance="primary" onClick={() => void next()}>
          {current ? 'Next item' : 'Start the first item'}
        </Button>
      )}
    </section>
  );
}

function CaseCard({ summary }: { summary: CaseSummary }) {
  const styles = useStyles();
  return (
    <Card aria-label={`Case ${summary.reference}`}>
      <RouteLink to={pageAddress(`cases/${summary.id}`)}>Open case {summary.reference}</RouteLink>
      <dl className={styles.facts}>
        <dt className={styles.term}>Risk</dt>
        <dd className={styles.detail}>{summary.currentRiskBand ? summary.currentRiskBand.toLowerCase() : 'not assessed'}</dd>
        <dt className={styles.term}>Lead</dt>
        <dd className={styles.detail}>{summary.leadAgency}</dd>
        {summary.subjects.map((subject) => (
          <div key={`${subject.role}-${subject.name}`} style={{ display: 'contents' }}>
            <dt className={styles.term}>{subject.role.charAt(0) + subject.role.slice(1).toLowerCase()}</dt>
            <dd className={styles.detail}>{subject.name}</dd>
          </div>
        ))}
      </dl>
      {summary.summary && <Body1>{summary.summary}</Body1>}
      {summary.openActions.length > 0 && (
        <>
          <Caption1>Open actions</Caption1>
          <ul>
            {summary.openActions.map((action) => (
              <li key={action.id}>
                {action.title} ({action.owner}, due {action.dueDate})
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

function Agenda({ room }: { room: MeetingRoom }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby="agenda-heading">
      <Subtitle2 as="h2" id="agenda-heading">
        Agenda
      </Subtitle2>
      {room.items.length === 0 ? (
        <Body1>Nothing is on the agenda. The chair can add a case from the meeting's agenda page.</Body1>
      ) : (
        <ol className={styles.agenda}>
          {room.items.map((item) => {
            const isCurrent = item.id === room.meeting.currentAgendaItemId;
            return (
              <li
                key={item.id}
                className={isCurrent ? `${styles.item} ${styles.current}` : styles.item}
                aria-current={isCurrent ? 'step' : undefined}
              >
                <Body1>
                  {item.position}. Case{' '}
                  <RouteLink className={styles.caseLink} to={pageAddress(`cases/${item.case.id}`)}>
                    {item.case.reference}
                  </RouteLink>{' '}
                  ({item.minutes} min) <RiskBadge band={item.case.currentRiskBand} />{' '}
                  <Badge appearance={isCurrent ? 'filled' : 'outline'}>{STATUS_LABELS[isCurrent ? 'CURRENT' : item.status]}</Badge>
                </Body1>
                <Caption1 as="p">{item.why}</Caption1>
              </li>
            );
          })}
        </ol>
      )}
      {room.spillOverTotal > 0 && (
        <Caption1 as="p">
          {room.spillOverTotal} more {room.spillOverTotal === 1 ? 'case does' : 'cases do'} not fit and{' '}
          {room.spillOverTotal === 1 ? 'goes' : 'go'} to the next meeting.
        </Caption1>
      )}
    </section>
  );
}
