// The actions table both action pages share: what, which case, who owns it, when it is due and how
// it stands, with Chase now for chairs. Sorting happens on the server (the filter bar asks for it).
import { Badge, Button, Link, makeStyles, tokens } from '@fluentui/react-components';
import type { ListedAction } from '../api/actions';
import { hrefFor } from '../router/hash-route';
import { DataTable, type DataColumn } from './DataTable';
import { RiskBadge } from './RiskBadge';
import { STATUS_WORDS, formatDate } from './words';

/** Chasing reminds the owner to act, so only open actions can be chased; a blocked one needs the panel. */
const CHASEABLE = new Set(['PROPOSED', 'ACCEPTED', 'IN_PROGRESS']);

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground2 },
  nowrap: { whiteSpace: 'nowrap' },
});

export interface ActionsTableProps {
  label: string;
  actions: ListedAction[];
  /** Given to chairs: chases the action now. The id of an action being chased disables its button. */
  onChase?: ((action: ListedAction) => void) | undefined;
  chasing?: string | null;
}

export function ActionsTable({ label, actions, onChase, chasing = null }: ActionsTableProps) {
  const styles = useStyles();
  const columns: DataColumn<ListedAction>[] = [
    { id: 'title', header: 'Action', cell: (action) => action.title },
    {
      id: 'case',
      header: 'Case',
      cell: (action) => (
        <span className={styles.stack}>
          <Link className={styles.nowrap} href={hrefFor(`cases/${action.case.id}`)} aria-label={`Open case ${action.case.reference}`}>
            {action.case.reference}
          </Link>
          <RiskBadge band={action.case.riskBand} />
        </span>
      ),
    },
    {
      id: 'owner',
      header: 'Owner',
      cell: (action) => (
        <span className={styles.stack}>
          <span>{action.ownerAgency.name}</span>
          <span className={styles.muted}>{action.ownerMember?.displayName ?? 'No officer named'}</span>
        </span>
      ),
    },
    {
      id: 'due',
      header: 'Due',
      cell: (action) => (
        <span className={styles.stack}>
          <span>{formatDate(action.dueDate)}</span>
          {action.overdue && (
            <Badge appearance="filled" color="danger" className={styles.nowrap}>
              {action.daysOverdue === 1 ? '1 day overdue' : `${action.daysOverdue} days overdue`}
            </Badge>
          )}
        </span>
      ),
    },
    { id: 'status', header: 'Status', cell: (action) => STATUS_WORDS[action.status] },
  ];
  if (onChase) {
    columns.push({
      id: 'chase',
      header: 'Chase',
      cell: (action) =>
        !CHASEABLE.has(action.status) ? (
          <span className={styles.muted}>Nothing to chase</span>
        ) : (
          <Button size="small" disabled={chasing === action.id} onClick={() => onChase(action)} aria-label={`Chase now: ${action.title}`}>
            {chasing === action.id ? 'Chasing…' : 'Chase now'}
          </Button>
        ),
    });
  }
  return <DataTable label={label} columns={columns} rows={actions} rowKey={(action) => action.id} />;
}
