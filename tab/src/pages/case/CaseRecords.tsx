// The case's records as lists: incidents as a timeline, then agenda history, actions and interventions.
import { Badge, Body1, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { CaseOverview } from '../../api/cases';
import { DataTable } from '../../components/DataTable';
import { RiskBadge } from '../../components/RiskBadge';
import { STATUS_WORDS, formatDate, formatDateTime, sentenceCase } from '../../components/words';
import { pageAddress } from '../../router/addresses';
import { RouteLink } from '../../router/RouteLink';

const useStyles = makeStyles({
  timeline: { listStyleType: 'none', margin: 0, padding: 0, borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}` },
  event: { position: 'relative', padding: `0 0 ${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}` },
  when: { display: 'block', color: tokens.colorNeutralForeground2 },
  nowrap: { whiteSpace: 'nowrap' },
  what: { display: 'block', fontWeight: tokens.fontWeightSemibold },
});

export function CaseIncidents({ incidents }: { incidents: CaseOverview['incidents'] }) {
  const styles = useStyles();
  if (incidents.length === 0) return <Body1>No incidents are recorded on this case. Record one when a partner reports it.</Body1>;
  return (
    <ol className={styles.timeline} aria-label="Incidents, newest first">
      {incidents.map((incident) => (
        <li key={incident.id} className={styles.event}>
          <Caption1 className={styles.when}>
            <time dateTime={incident.occurredAt}>{formatDateTime(incident.occurredAt)}</time>
            {incident.ward ? ` · ${incident.ward}` : ''}
            {incident.reportedTo ? ` · reported to ${incident.reportedTo}` : ''}
          </Caption1>
          <span className={styles.what}>{sentenceCase(incident.category)}</span>
          <Body1>{incident.description}</Body1>
        </li>
      ))}
    </ol>
  );
}

export function CaseAgendaHistory({ items }: { items: CaseOverview['agendaHistory'] }) {
  if (items.length === 0)
    return <Body1>The case has not been on a panel agenda yet. It is added when its referral is accepted for a panel.</Body1>;
  return (
    <DataTable
      label="Meetings that heard this case"
      rows={items}
      rowKey={(item) => item.id}
      columns={[
        {
          id: 'meeting',
          header: 'Meeting',
          cell: (item) => `${formatDate(item.meeting.startsAt)}, ${item.panel.name}`,
          sortValue: (item) => item.meeting.startsAt,
        },
        { id: 'why', header: 'Why on the agenda', cell: (item) => item.reasonText ?? '—' },
        { id: 'status', header: 'Status', cell: (item) => sentenceCase(item.status) },
        { id: 'decisions', header: 'Decisions', cell: (item) => item.decisions ?? '—' },
        { id: 'after', header: 'Risk after', cell: (item) => (item.riskBandAfter ? <RiskBadge band={item.riskBandAfter} /> : '—') },
      ]}
    />
  );
}

export function CaseActions({ actions }: { actions: CaseOverview['actions'] }) {
  const styles = useStyles();
  if (actions.length === 0)
    return <Body1>No actions have been agreed on this case. The chair records them during the case's agenda item.</Body1>;
  return (
    <DataTable
      label="Actions on this case"
      rows={actions}
      rowKey={(action) => action.id}
      columns={[
        { id: 'title', header: 'Action', cell: (action) => <RouteLink to={pageAddress(`actions/${action.id}`)}>{action.title}</RouteLink> },
        {
          id: 'owner',
          header: 'Owner',
          cell: (action) =>
            action.ownerMember ? `${action.ownerMember.displayName}, ${action.ownerAgency.name}` : action.ownerAgency.name,
        },
        {
          id: 'due',
          header: 'Due',
          sortValue: (action) => action.dueDate,
          cell: (action) => (
            <>
              {formatDate(action.dueDate)}{' '}
              {action.overdue && (
                <Badge appearance="filled" color="danger" className={styles.nowrap}>
                  {action.daysOverdue === 1 ? '1 day overdue' : `${action.daysOverdue} days overdue`}
                </Badge>
              )}
            </>
          ),
        },
        {
          id: 'status',
          header: 'Status',
          cell: (action) => STATUS_WORDS[action.status],
          sortValue: (action) => STATUS_WORDS[action.status],
        },
      ]}
    />
  );
}

export function CaseInterventions({ interventions }: { interventions: CaseOverview['interventions'] }) {
  if (interventions.length === 0) return <Body1>No tools or powers have been proposed or used on this case.</Body1>;
  return (
    <DataTable
      label="Tools and powers on this case"
      rows={interventions}
      rowKey={(item) => item.id}
      columns={[
        { id: 'name', header: 'Intervention', cell: (item) => item.name },
        { id: 'subject', header: 'Who', cell: (item) => item.subject ?? '—' },
        { id: 'status', header: 'Status', cell: (item) => sentenceCase(item.status) },
        {
          id: 'issued',
          header: 'Issued',
          cell: (item) => (item.issuedOn ? `${formatDate(item.issuedOn)} by ${item.issuedBy}` : `Proposed by ${item.issuedBy}`),
          sortValue: (item) => item.issuedOn,
        },
        { id: 'expires', header: 'Expires', cell: (item) => formatDate(item.expiresOn) },
      ]}
    />
  );
}
