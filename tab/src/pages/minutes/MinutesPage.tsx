import { useState } from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { ApiError } from '../../api/api-error';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { FactList } from '../../components/FactList';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime, formatLongDate } from '../../components/words';
import { pageAddress } from '../../router/addresses';
import { RouteLink } from '../../router/RouteLink';
import type { PageProps } from '../../router/pages';
import { MinutesBody } from './MinutesBody';
import { MinutesSteps } from './MinutesSteps';
import { useMinutes } from './minutes-view';
import { useSession } from '../../session/session';

const useStyles = makeStyles({
  marking: { marginBottom: tokens.spacingVerticalL },
  section: { marginBottom: tokens.spacingVerticalXL },
});

/** A meeting's minutes: everyone on the panel reads and downloads them; the chair drafts, corrects, approves and circulates. */
export default function MinutesPage({ params }: PageProps) {
  const styles = useStyles();
  const meetingId = params.meetingId ?? '';
  const { state, reload, steps } = useMinutes(meetingId);
  const agenda = <RouteLink to={pageAddress(`meetings/${encodeURIComponent(meetingId)}`)}>Open the agenda</RouteLink>;
  if (state.status === 'loading') return <Loading label="Loading the minutes" />;
  if (state.status === 'error') return <ErrorState title="Could not load the minutes" error={state.error} onRetry={reload} />;
  if (state.status === 'none')
    return (
      <>
        <PageHeader title="Minutes" description="No minutes have been drafted for this meeting yet." actions={agenda} />
        <DraftFirst onDraft={steps.draft} />
      </>
    );
  const { minutes } = state;
  return (
    <>
      <PageHeader title="Minutes" description={minutes.content.title} actions={agenda} />
      <MessageBar intent="warning" layout="multiline" className={styles.marking}>
        <MessageBarBody>
          <MessageBarTitle>Restricted</MessageBarTitle>
          {minutes.content.marking}
        </MessageBarBody>
      </MessageBar>
      <section aria-labelledby="minutes-state-heading" className={styles.section}>
        <Subtitle2 as="h2" id="minutes-state-heading">
          Status
        </Subtitle2>
        <FactList
          facts={[
            ['Status', minutes.approved ? `Approved by ${minutes.approved.by} on ${formatLongDate(minutes.approved.on)}` : 'Draft'],
            ['Due for approval by', formatLongDate(minutes.dueBy)],
            ['Circulated', minutes.circulatedAt ? formatDateTime(minutes.circulatedAt) : 'Not yet'],
          ]}
        />
      </section>
      <MinutesSteps meetingId={meetingId} minutes={minutes} steps={steps} />
      <MinutesBody minutes={minutes} steps={steps} />
    </>
  );
}

/** Before the minutes exist: the page says so, and a chair may draft them (the server checks it is this panel's chair). */
function DraftFirst({ onDraft }: { onDraft: () => Promise<ApiError | null> }) {
  const { member } = useSession();
  const [error, setError] = useState<ApiError | null>(null);
  return (
    <>
      <EmptyState
        title="Not drafted yet"
        whatToDo="The panel's chair drafts the minutes from the meeting record once the meeting has begun."
        action={
          member.capabilities.includes('meeting.run') ? (
            <Button appearance="primary" onClick={() => void onDraft().then(setError)}>
              Draft the minutes
            </Button>
          ) : undefined
        }
      />
      {error && <ErrorState title="Could not draft the minutes" error={error} />}
    </>
  );
}
