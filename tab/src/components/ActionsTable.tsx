// The actions table both action pages share: what, which case, who owns it, when it is due and how
// it stands, with Chase now for chairs (when last chased, and what a chase from here did). Sorting
// happens on the server (the filter bar asks for it).
import { Badge, Button, Card, makeStyles, tokens } from '@fluentui/react-components';
import { OPEN_ACTION_STATUSES, type ListedAction } from '../api/actions';
import { useNarrow } from '../layout/narrow';
import { pageAddress } from '../router/addresses';
import { RouteLink } from '../router/RouteLink';
import { DataTable, type DataColumn } from './DataTable';
import { OwnerNotReachedBadge } from './OwnerDeliveryNote';
import { RiskBadge } from './RiskBadge';
import { STATUS_WORDS, formatDate, formatDateTime } from './words';
import type { ChaseOutcome } from './chase-words';

/** Chasing reminds the owner to act, so only open actions can be chased; a blocked one needs the panel. */
const CHASEABLE = new Set<string>(OPEN_ACTION_STATUSES);

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground2 },
  nowrap: { whiteSpace: 'nowrap' },
  cards: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, listStyleType: 'none', margin: 0, padding: 0 },
  cardTitle: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  outcome: { display: 'flex', flexDirection: 'column', maxWidth: '16rem' },
  success: { color: tokens.colorPaletteGreenForeground1 },
  warning: { color: tokens.colorNeutralForeground1 },
  error: { color: tokens.colorPaletteRedForeground1 },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export interface ActionsTableProps {
  label: string;
  actions: ListedAction[];
  /** Given to chairs: chases the action now. The id of an action being chased disables its button. */
  onChase?: ((action: ListedAction) => void) | undefined;
  chasing?: string | null;
  /** What each chase made from this list did, by action id: shown on its row. */
  chased?: Readonly<Record<string, ChaseOutcome>>;
}

function OverdueBadge({ action }: { action: ListedAction }) {
  const styles = useStyles();
  if (!action.overdue) return null;
  return (
    <Badge appearance="filled" color="danger" className={styles.nowrap}>
      {action.daysOverdue === 1 ? '1 day overdue' : `${action.daysOverdue} days overdue`}
    </Badge>
  );
}

function ActionLink({ action }: { action: ListedAction }) {
  return <RouteLink to={pageAddress(`actions/${action.id}`)}>{action.title}</RouteLink>;
}

function CaseLink({ action }: { action: ListedAction }) {
  const styles = useStyles();
  return (
    <RouteLink className={styles.nowrap} to={pageAddress(`cases/${action.case.id}`)} aria-label={`Open case ${action.case.reference}`}>
      {action.case.reference}
    </RouteLink>
  );
}

/**
 * Chase now, when it was last chased, and what the chase made here did. The button stays focusable
 * while its chase is under way, so a keyboard user keeps their place in the list.
 */
function ChaseCell({
  action,
  onChase,
  chasing,
  outcome,
}: {
  action: ListedAction;
  onChase: (action: ListedAction) => void;
  chasing: string | null;
  outcome: ChaseOutcome | undefined;
}) {
  const styles = useStyles();
  if (!CHASEABLE.has(action.status)) return <span className={styles.muted}>Nothing to chase</span>;
  return (
    <span className={styles.stack}>
      <Button
        size="small"
        disabledFocusable={chasing === action.id}
        onClick={() => onChase(action)}
        aria-label={`Chase now: ${action.title}`}
      >
        {chasing === action.id ? 'Chasing…' : 'Chase now'}
      </Button>
      {action.lastChasedAt && <span className={styles.muted}>Last chased {formatDateTime(action.lastChasedAt)}</span>}
      <span role="status" className={styles.outcome}>
        {outcome && (
          <>
            <strong className={styles[outcome.intent]}>{outcome.title}</strong>
            <span>{outcome.text}</span>
          </>
        )}
      </span>
    </span>
  );
}

/** The side panel has no room for six columns: each action is a card there. */
function ActionCards({ label, actions, onChase, chasing = null, chased = {} }: ActionsTableProps) {
  const styles = useStyles();
  return (
    <ul className={styles.cards} aria-label={label}>
      {actions.map((action) => (
        <li key={action.id}>
          <Card size="small">
            <h2 className={styles.cardTitle}>
              <ActionLink action={action} />
            </h2>
            <span className={styles.line}>
              <CaseLink action={action} />
              <RiskBadge band={action.case.riskBand} />
            </span>
            <span>
              {action.ownerMember ? `${action.ownerMember.displayName}, ` : ''}
              {action.ownerAgency.name}
            </span>
            <OwnerNotReachedBadge delivery={action.delivery} />
            <span className={styles.line}>
              Due {formatDate(action.dueDate)} · {STATUS_WORDS[action.status]}
              <OverdueBadge action={action} />
            </span>
            {onChase && <ChaseCell action={action} onChase={onChase} chasing={chasing} outcome={chased[action.id]} />}
          </Card>
        </li>
      ))}
    </ul>
  );
}

export function ActionsTable(props: ActionsTableProps) {
  const { label, actions, onChase, chasing = null, chased = {} } = props;
  const styles = useStyles();
  const narrow = useNarrow();
  if (narrow) return <ActionCards {...props} />;
  const columns: DataColumn<ListedAction>[] = [
    { id: 'title', header: 'Action', cell: (action) => <ActionLink action={action} /> },
    {
      id: 'case',
      header: 'Case',
      cell: (action) => (
        <span className={styles.stack}>
          <CaseLink action={action} />
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
          <OwnerNotReachedBadge delivery={action.delivery} />
        </span>
      ),
    },
    {
      id: 'due',
      header: 'Due',
      cell: (action) => (
        <span className={styles.stack}>
          <span>{formatDate(action.dueDate)}</span>
          <OverdueBadge action={action} />
        </span>
      ),
    },
    { id: 'status', header: 'Status', cell: (action) => STATUS_WORDS[action.status] },
  ];
  if (onChase) {
    columns.push({
      id: 'chase',
      header: 'Chase',
      cell: (action) => <ChaseCell action={action} onChase={onChase} chasing={chasing} outcome={chased[action.id]} />,
    });
  }
  return <DataTable label={label} columns={columns} rows={actions} rowKey={(action) => action.id} />;
}
