import { useState } from 'react';
import {
  Badge,
  Body1,
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ApiError } from '../../api/api-error';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { pageAddress } from '../../router/addresses';
import { RouteLink } from '../../router/RouteLink';
import type { PageProps } from '../../router/pages';
import { ActionReviewSection } from '../../components/hearing/ActionReview';
import { AddCaseForm } from './AddCaseForm';
import { AgendaLists } from './AgendaLists';
import { useAgenda, type AgendaEdits, type AgendaPage, type TeamsSyncStatus } from './agenda-view';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalXL },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0, overflowWrap: 'anywhere', display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const LONDON_DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' });
const MEETING_STATUS: Record<string, string> = {
  SCHEDULED: 'Scheduled',
  IN_PROGRESS: 'In progress',
  ENDED: 'Ended',
  CANCELLED: 'Cancelled',
};
const TEAMS: Record<TeamsSyncStatus, { label: string; colour: 'informative' | 'warning' | 'success' | 'danger'; explanation: string }> = {
  NOT_REQUESTED: { label: 'Not in Teams', colour: 'informative', explanation: 'This meeting is kept in the app only.' },
  PENDING: { label: 'Pending', colour: 'warning', explanation: 'Being put in Teams; the app keeps trying by itself.' },
  SYNCED: { label: 'Scheduled in Teams', colour: 'success', explanation: 'The Teams meeting is in step with this one.' },
  FAILED: { label: 'Failed', colour: 'danger', explanation: 'Teams refused the meeting. Fix the cause, then try again.' },
};

/** The event exists (it has a join link), so what failed came after: a change, or putting the app in the meeting chat. */
const LATER_STEP_FAILED = 'The meeting is in Teams, but the last step there did not go through.';

/** A meeting's agenda page: the chair shapes the running order; everyone else on the panel reads it. */
export default function MeetingAgendaPage({ params }: PageProps) {
  const meetingId = params.meetingId ?? '';
  const { state, reload, edits, retryTeams } = useAgenda(meetingId);
  if (state.status === 'loading') return <Loading label="Loading the agenda" />;
  if (state.status === 'error') return <ErrorState title="Could not load the agenda" error={state.error} onRetry={reload} />;
  const { agenda } = state;
  const open = agenda.meeting.status === 'SCHEDULED' || agenda.meeting.status === 'IN_PROGRESS';
  const mayEdit = agenda.me.mayRun && open;
  // As in the side panel: the record is kept during and after the meeting, never for a cancelled one.
  const mayHear = agenda.me.mayRun && agenda.meeting.status !== 'CANCELLED';
  return (
    <>
      <PageHeader
        title={`Agenda: ${agenda.panel.name}`}
        description={LONDON.format(new Date(agenda.meeting.startsAt))}
        actions={<RouteLink to={pageAddress(`meetings/${encodeURIComponent(meetingId)}/side-panel`)}>Open the meeting view</RouteLink>}
      />
      <MeetingFacts agenda={agenda} onRetryTeams={retryTeams} />
      {agenda.lateReferrals && agenda.lateReferrals.length > 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Referrals after the cut-off</MessageBarTitle>
            {agenda.lateReferrals.map((late) => `Case ${late.caseReference}: ${late.note}`).join(' ')}
          </MessageBarBody>
        </MessageBar>
      )}
      {!agenda.me.mayRun && <Body1>Only the panel's chairs can change the agenda; you can read it here.</Body1>}
      <AgendaLists agenda={agenda} mayEdit={mayEdit} edits={edits} mayHear={mayHear} onHeard={reload} />
      {mayHear && <ActionReviewSection meetingId={meetingId} />}
      {mayEdit && <AddCaseForm version={agenda.meeting.version} edits={edits} />}
      {mayEdit && agenda.meeting.status === 'SCHEDULED' && <Rebuild edits={edits} />}
    </>
  );
}

function MeetingFacts({ agenda, onRetryTeams }: { agenda: AgendaPage; onRetryTeams: () => Promise<ApiError | null> }) {
  const styles = useStyles();
  const [error, setError] = useState<ApiError | null>(null);
  const teams = agenda.meeting.teams;
  const shown = TEAMS[teams.status];
  const explanation = teams.status === 'FAILED' && teams.joinUrl ? LATER_STEP_FAILED : shown.explanation;
  return (
    <section className={styles.section} aria-labelledby="meeting-heading">
      <Subtitle2 as="h2" id="meeting-heading">
        Meeting
      </Subtitle2>
      <dl className={styles.facts}>
        <dt className={styles.term}>Status</dt>
        <dd className={styles.detail}>{MEETING_STATUS[agenda.meeting.status] ?? agenda.meeting.status}</dd>
        <dt className={styles.term}>Referrals close</dt>
        <dd className={styles.detail}>End of {LONDON_DAY.format(new Date(new Date(agenda.meeting.referralCutoff).getTime() - 1))}</dd>
        <dt className={styles.term}>Actions review</dt>
        <dd className={styles.detail}>{agenda.actionsReviewMinutes} min</dd>
        <dt className={styles.term}>Teams</dt>
        <dd className={styles.detail} data-testid="teams-sync">
          <Badge appearance="tint" color={shown.colour}>
            {shown.label}
          </Badge>
          <span>{teams.status === 'FAILED' && teams.error ? `${explanation} Teams said: ${teams.error}` : explanation}</span>
          {teams.joinUrl && (teams.status === 'SYNCED' || teams.status === 'FAILED') && (
            <Link href={teams.joinUrl} target="_blank" rel="noreferrer">
              Join in Teams
            </Link>
          )}
          {teams.status === 'FAILED' && agenda.me.mayRun && (
            <Button size="small" onClick={() => void onRetryTeams().then(setError)}>
              Try Teams again
            </Button>
          )}
        </dd>
      </dl>
      {error && <ErrorState title="Could not ask Teams again" error={error} />}
    </section>
  );
}

function Rebuild({ edits }: { edits: AgendaEdits }) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const rebuild = async () => {
    setBusy(true);
    setError(await edits.rebuild());
    setBusy(false);
  };
  return (
    <section className={styles.section} aria-labelledby="rebuild-heading">
      <Subtitle2 as="h2" id="rebuild-heading">
        Rebuild
      </Subtitle2>
      <Body1>
        Picks up referrals accepted and actions gone overdue since the agenda was built. Your order, additions and deferrals are kept.
      </Body1>
      {error && <ErrorState title="Could not rebuild the agenda" error={error} />}
      <div>
        <Button onClick={() => void rebuild()} disabled={busy}>
          Rebuild the agenda
        </Button>
      </div>
    </section>
  );
}
