// A panel's upcoming meetings (with the chair's reschedule, cancel and Teams retry) and its past ones
// (with their minutes). Every row opens the meeting's agenda page.
import { useState } from 'react';
import { Badge, Body1Strong, Button, makeStyles, tokens } from '@fluentui/react-components';
import type { ApiError } from '../../api/api-error';
import { DataTable } from '../../components/DataTable';
import { ErrorState } from '../../components/ErrorState';
import { formatDate, formatDateTime } from '../../components/words';
import { pageAddress } from '../../router/addresses';
import { RouteLink } from '../../router/RouteLink';
import { CancelMeetingDialog, RescheduleForm } from './MeetingChangeForms';
import { LONDON_WHEN, MEETING_STATUS, TEAMS_STATE, type MeetingChanges, type MeetingRow, type PanelMeetings } from './meetings-view';

const useStyles = makeStyles({
  block: { marginBottom: tokens.spacingVerticalL },
  subheading: { display: 'block', margin: `0 0 ${tokens.spacingVerticalXS}` },
  cell: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

type Editing = { kind: 'move' | 'cancel'; meeting: MeetingRow } | null;

function minutesWords(meeting: MeetingRow): string {
  if (!meeting.minutes) return meeting.status === 'CANCELLED' ? 'None' : 'Not drafted';
  if (meeting.minutes.status === 'DRAFT') return `Draft, due ${formatDate(meeting.minutes.dueBy)}`;
  return meeting.minutes.circulatedAt ? `Approved, circulated ${formatDateTime(meeting.minutes.circulatedAt)}` : 'Approved';
}

export function MeetingTables({ panel, changes }: { panel: PanelMeetings; changes: MeetingChanges }) {
  const styles = useStyles();
  const [editing, setEditing] = useState<Editing>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [cancelTarget, setCancelTarget] = useState<MeetingRow | null>(null);
  const when = (meeting: MeetingRow) => (
    <RouteLink to={pageAddress(`meetings/${encodeURIComponent(meeting.id)}`)}>{LONDON_WHEN.format(new Date(meeting.startsAt))}</RouteLink>
  );
  const teams = (meeting: MeetingRow) => (
    <span className={styles.cell}>
      <Badge appearance="tint" color={TEAMS_STATE[meeting.teams.status].colour}>
        {TEAMS_STATE[meeting.teams.status].label}
      </Badge>
      {meeting.teams.status === 'FAILED' && panel.mayRun && (
        <Button size="small" onClick={() => void changes.retryTeams(meeting).then(setError)}>
          Retry
        </Button>
      )}
    </span>
  );
  const done = (refusal: ApiError | null) => {
    setError(refusal);
    if (!refusal) setEditing(null);
  };
  return (
    <>
      {error && <ErrorState title="The change was not made" error={error} />}
      <div className={styles.block}>
        <Body1Strong as="h3" className={styles.subheading}>
          Upcoming
        </Body1Strong>
        <DataTable
          label={`Upcoming ${panel.panel.name} meetings`}
          rows={panel.upcoming}
          rowKey={(meeting) => meeting.id}
          empty={<span>No meeting is scheduled.</span>}
          columns={[
            { id: 'when', header: 'When', cell: when },
            { id: 'status', header: 'Status', cell: (meeting) => MEETING_STATUS[meeting.status] },
            { id: 'teams', header: 'Teams', cell: teams },
            ...(panel.mayRun
              ? [
                  {
                    id: 'change',
                    header: 'Change',
                    cell: (meeting: MeetingRow) =>
                      meeting.status === 'SCHEDULED' ? (
                        <span className={styles.cell}>
                          <Button
                            size="small"
                            aria-label={`Reschedule the meeting of ${LONDON_WHEN.format(new Date(meeting.startsAt))}`}
                            onClick={() => setEditing({ kind: 'move', meeting })}
                          >
                            Reschedule
                          </Button>
                          <Button
                            size="small"
                            aria-label={`Cancel meeting of ${LONDON_WHEN.format(new Date(meeting.startsAt))}`}
                            onClick={() => {
                              setCancelTarget(meeting);
                              setEditing({ kind: 'cancel', meeting });
                            }}
                          >
                            Cancel meeting
                          </Button>
                        </span>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      </div>
      {editing?.kind === 'move' && (
        <RescheduleForm
          meeting={editing.meeting}
          onSave={async (date, time) => {
            const refusal = await changes.move(editing.meeting, date, time);
            done(refusal);
            return refusal;
          }}
          onClose={() => setEditing(null)}
        />
      )}
      {/* Mounted on first use and kept: unmounting an open Fluent dialog leaves the page hidden from assistive technology. */}
      {cancelTarget && (
        <CancelMeetingDialog
          key={cancelTarget.id}
          open={editing?.kind === 'cancel'}
          meeting={cancelTarget}
          onConfirm={async (reason) => {
            const refusal = await changes.cancel(cancelTarget, reason);
            done(refusal);
            return refusal;
          }}
          onClose={() => setEditing(null)}
        />
      )}
      <div className={styles.block}>
        <Body1Strong as="h3" className={styles.subheading}>
          Past
        </Body1Strong>
        <DataTable
          label={`Past ${panel.panel.name} meetings`}
          rows={panel.past}
          rowKey={(meeting) => meeting.id}
          empty={<span>No meeting has been held yet.</span>}
          columns={[
            { id: 'when', header: 'When', cell: when },
            { id: 'status', header: 'Status', cell: (meeting) => MEETING_STATUS[meeting.status] },
            {
              id: 'minutes',
              header: 'Minutes',
              cell: (meeting) =>
                meeting.status === 'CANCELLED' ? (
                  'None'
                ) : (
                  <RouteLink
                    to={pageAddress(`meetings/${encodeURIComponent(meeting.id)}/minutes`)}
                    aria-label={`Minutes of ${LONDON_WHEN.format(new Date(meeting.startsAt))}: ${minutesWords(meeting)}`}
                  >
                    {minutesWords(meeting)}
                  </RouteLink>
                ),
            },
          ]}
        />
      </div>
    </>
  );
}
