import { useEffect, useState } from 'react';
import { Body1, Button, makeStyles, tokens } from '@fluentui/react-components';
import { useApiQuery } from '../../api/use-api-query';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { QueryView } from '../../components/QueryView';
import { Section } from '../../components/Section';
import { MeetingTables } from './MeetingTables';
import { ScheduleNextDialog } from './ScheduleNextDialog';
import { useMeetingChanges, type PanelMeetings } from './meetings-view';

const useStyles = makeStyles({
  intro: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalM },
});

/** Each panel the member sits on: its upcoming and past meetings; its chair schedules, moves and cancels them. */
export default function MeetingsPage() {
  const meetings = useApiQuery('/api/meetings');
  // After a change the list is read again behind what is shown: unmounting it would tear down an open
  // dialog mid-close and leave Fluent's modal hiding the page from assistive technology.
  const [shown, setShown] = useState<PanelMeetings[] | null>(null);
  const fresh = meetings.status === 'ready' ? meetings.data : null;
  useEffect(() => {
    if (fresh) setShown(fresh);
  }, [fresh]);
  const list = (panels: PanelMeetings[]) =>
    panels.length === 0 ? (
      <EmptyState
        title="You do not sit on a panel"
        whatToDo="Meetings show here for the panels your agency has a seat on. Ask your partnership admin if that is wrong."
      />
    ) : (
      panels.map((panel) => <PanelSection key={panel.panel.id} panel={panel} reload={meetings.reload} />)
    );
  return (
    <>
      <PageHeader title="Meetings" description="Upcoming and past meetings of your panels, with their Teams state and minutes." />
      {shown ? (
        list(shown)
      ) : (
        <QueryView query={meetings} loadingLabel="Loading the meetings" errorTitle="Could not load the meetings">
          {list}
        </QueryView>
      )}
    </>
  );
}

function PanelSection({ panel, reload }: { panel: PanelMeetings; reload: () => void }) {
  const styles = useStyles();
  const [scheduling, setScheduling] = useState(false);
  const [everScheduled, setEverScheduled] = useState(false);
  const changes = useMeetingChanges(reload);
  return (
    <Section id={`panel-${panel.panel.id}`} title={panel.panel.name}>
      <div className={styles.intro}>
        <Body1>Meets {panel.panel.cadence}.</Body1>
        {panel.mayRun && (
          <Button
            appearance="primary"
            onClick={() => {
              setEverScheduled(true);
              setScheduling(true);
            }}
          >
            Schedule next meeting
          </Button>
        )}
      </div>
      <MeetingTables panel={panel} changes={changes} />
      {/* Mounted on first use and kept: unmounting an open Fluent dialog leaves the page hidden from assistive technology. */}
      {everScheduled && (
        <ScheduleNextDialog
          open={scheduling}
          panelId={panel.panel.id}
          panelName={panel.panel.name}
          onClose={() => setScheduling(false)}
          onScheduled={() => {
            setScheduling(false);
            reload();
          }}
        />
      )}
    </Section>
  );
}
