// The chair's part of home: referrals waiting for their decision, the next meeting of each panel
// they chair with how ready its agenda is, and overdue and blocked actions by agency. Every count
// links to the list behind it.
import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { Answer } from '../../api/answers';
import { ChartFigure, SERIES_COLOURS } from '../../components/ChartFigure';
import { DataTable } from '../../components/DataTable';
import { shortened } from '../../components/FigureChart';
import { EmptyState } from '../../components/EmptyState';
import { Section } from '../../components/Section';
import { formatDate, formatDateTime } from '../../components/words';
import { pageAddress } from '../../router/addresses';
import { RouteLink } from '../../router/RouteLink';

type Home = Answer<'/api/home'>;
type NextMeeting = NonNullable<Home['nextMeetings']>[number];
type AgencyWork = NonNullable<Home['actionsByAgency']>[number];

const useStyles = makeStyles({
  lead: { display: 'block', marginBottom: tokens.spacingVerticalS },
  over: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  // A one-digit link is narrower than the 24 px a finger or a shaky hand needs (WCAG 2.5.8).
  count: { display: 'inline-block', minWidth: '24px', minHeight: '24px', lineHeight: '24px', textAlign: 'center' },
});

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

export function TriageSection({ triage }: { triage: NonNullable<Home['triage']> }) {
  const styles = useStyles();
  return (
    <Section id="triage" title="Referrals waiting for your decision">
      {triage.awaitingDecision === 0 ? (
        <Body1>No referral to your panels is waiting for a decision.</Body1>
      ) : (
        <Body1 className={styles.lead}>
          <RouteLink to={pageAddress('referrals')}>{plural(triage.awaitingDecision, 'referral')} waiting for a decision</RouteLink>
          {triage.oldestSubmittedAt && `; the oldest was sent on ${formatDateTime(triage.oldestSubmittedAt)}.`}
        </Body1>
      )}
    </Section>
  );
}

function Readiness({ meeting }: { meeting: NonNullable<NextMeeting['meeting']> }) {
  const styles = useStyles();
  const over = meeting.plannedMinutes > meeting.lengthMinutes;
  return (
    <span className={over ? styles.over : undefined}>
      {meeting.plannedMinutes} of {meeting.lengthMinutes} minutes{over ? ' (over time)' : ''}
    </span>
  );
}

export function NextMeetingsSection({ meetings }: { meetings: NextMeeting[] }) {
  return (
    <Section id="next-meetings" title="Next meetings of your panels">
      <DataTable
        label="How ready the next meetings are"
        rows={meetings}
        rowKey={(row) => row.panel.id}
        columns={[
          { id: 'panel', header: 'Panel', cell: (row) => row.panel.name },
          {
            id: 'when',
            header: 'Meeting',
            cell: (row) =>
              row.meeting ? (
                <RouteLink
                  to={pageAddress(`meetings/${row.meeting.id}`)}
                  aria-label={`${row.panel.name} agenda, ${formatDateTime(row.meeting.startsAt)}`}
                >
                  {formatDateTime(row.meeting.startsAt)}
                </RouteLink>
              ) : (
                'None scheduled'
              ),
          },
          { id: 'items', header: 'Cases', cell: (row) => (row.meeting ? row.meeting.items : '—') },
          { id: 'time', header: 'Time planned', cell: (row) => (row.meeting ? <Readiness meeting={row.meeting} /> : '—') },
          { id: 'cutoff', header: 'Referral cut-off', cell: (row) => (row.meeting ? formatDate(row.meeting.referralCutoff) : '—') },
          {
            id: 'late',
            header: 'Late referrals',
            cell: (row) => (row.meeting ? (row.meeting.lateReferrals === 0 ? 'None' : plural(row.meeting.lateReferrals, 'referral')) : '—'),
          },
        ]}
      />
    </Section>
  );
}

function CountLink({ count, to, label }: { count: number; to: ReturnType<typeof pageAddress>; label: string }) {
  const styles = useStyles();
  if (count === 0) return <>0</>;
  return (
    <RouteLink to={to} aria-label={label} className={styles.count}>
      {count}
    </RouteLink>
  );
}

export function OverdueByAgencySection({ rows }: { rows: AgencyWork[] }) {
  return (
    <Section id="overdue-by-agency" title="Overdue and blocked actions by agency">
      {rows.length === 0 ? (
        <EmptyState
          headingLevel={3}
          title="No overdue or blocked actions"
          whatToDo="Every action on your list is on time and not waiting on the panel."
        />
      ) : (
        <ChartFigure
          height={Math.max(140, rows.length * 36 + 60)}
          chart={
            <ResponsiveContainer width="100%" height="100%">
              <BarChart
                data={rows.map((row) => ({ label: row.agency.name, overdue: row.overdue, blocked: row.blocked }))}
                layout="vertical"
                accessibilityLayer={false}
                margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
              >
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" allowDecimals={false} />
                <YAxis type="category" dataKey="label" width={180} tickFormatter={shortened(22)} interval={0} />
                <Legend />
                <Bar dataKey="overdue" name="Overdue" stackId="work" fill={SERIES_COLOURS[1]} isAnimationActive={false} />
                <Bar dataKey="blocked" name="Blocked" stackId="work" fill={SERIES_COLOURS[0]} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          }
          table={
            <DataTable
              label="Overdue and blocked actions by agency, as a table"
              rows={rows}
              rowKey={(row) => row.agency.id}
              columns={[
                { id: 'agency', header: 'Agency', cell: (row) => row.agency.name, sortValue: (row) => row.agency.name },
                {
                  id: 'overdue',
                  header: 'Overdue',
                  sortValue: (row) => row.overdue,
                  cell: (row) => (
                    <CountLink
                      count={row.overdue}
                      to={pageAddress('actions', { agencyId: row.agency.id, overdue: 'true' })}
                      label={`${plural(row.overdue, 'overdue action')} of ${row.agency.name}`}
                    />
                  ),
                },
                {
                  id: 'blocked',
                  header: 'Blocked',
                  sortValue: (row) => row.blocked,
                  cell: (row) => (
                    <CountLink
                      count={row.blocked}
                      to={pageAddress('actions', { agencyId: row.agency.id, status: 'BLOCKED' })}
                      label={`${plural(row.blocked, 'blocked action')} of ${row.agency.name}`}
                    />
                  ),
                },
              ]}
            />
          }
        />
      )}
    </Section>
  );
}
