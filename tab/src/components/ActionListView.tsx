// An actions list with its filter bar, empty states and Chase now (its result shown on the row): the
// chair's outstanding actions and an officer's own list are this one component over two API routes.
import { useEffect, useState } from 'react';
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useNavigate } from 'react-router';
import type { ActionList, ListedAction } from '../api/actions';
import { asApiError } from '../api/api-error';
import { answerOf } from '../api/client';
import { useApiQuery } from '../api/use-api-query';
import { pageAddress } from '../router/addresses';
import { useApi } from '../session/session';
import { ActionFilters, FILTER_KEYS, listQuery } from './ActionFilters';
import { ActionsTable } from './ActionsTable';
import { describeChase, type ChaseOutcome } from './chase-words';
import { EmptyState } from './EmptyState';
import { ErrorState } from './ErrorState';
import { Loading } from './Loading';

const useStyles = makeStyles({
  count: { display: 'block', marginBottom: tokens.spacingVerticalS },
});

export interface ActionListViewProps {
  apiPath: '/api/actions' | '/api/actions/mine';
  pagePath: string;
  query: URLSearchParams;
  /** Names the table: "Outstanding actions". */
  label: string;
  byOwner: boolean;
  /** What to say when nothing is outstanding at all (no filters applied). */
  nothingOutstanding: { title: string; whatToDo: string };
}

export function ActionListView({ apiPath, pagePath, query, label, byOwner, nothingOutstanding }: ActionListViewProps) {
  const styles = useStyles();
  const navigate = useNavigate();
  const api = useApi();
  const list = useApiQuery(apiPath, { params: { query: listQuery(query) } });
  // The last answer stays on screen while a new filter loads, so the filter bar keeps its focus.
  const [previous, setPrevious] = useState<ActionList | null>(null);
  const [chasing, setChasing] = useState<string | null>(null);
  // What each chase from this list did, shown on its row until the list is left.
  const [chased, setChased] = useState<Record<string, ChaseOutcome>>({});
  const latest = list.status === 'ready' ? list.data : null;
  useEffect(() => {
    if (latest) setPrevious(latest);
  }, [latest]);
  const shown = latest ?? previous;

  const filtered = FILTER_KEYS.some((key) => key !== 'sort' && query.get(key));

  const chase = async (action: ListedAction) => {
    setChasing(action.id);
    const owner = action.ownerMember?.displayName ?? `${action.ownerAgency.name}'s panel members`;
    let outcome: ChaseOutcome;
    try {
      const result = await answerOf(api.POST('/api/actions/{actionId}/chase', { params: { path: { actionId: action.id } } }));
      outcome = describeChase(owner, action.title, result);
      // The row shows when it was last chased, and the chase may have found the owner unreachable (or reachable again).
      list.reload();
    } catch (error) {
      outcome = { intent: 'error', title: 'Not chased', text: asApiError(error).message };
    } finally {
      setChasing(null);
    }
    setChased((earlier) => ({ ...earlier, [action.id]: outcome }));
  };

  if (list.status === 'error') return <ErrorState title="Could not load the actions" error={list.error} onRetry={list.reload} />;
  if (!shown) return <Loading label="Loading actions" />;

  return (
    <>
      <ActionFilters pagePath={pagePath} query={query} choices={shown.choices} byOwner={byOwner} />
      {list.status === 'loading' && <Loading label="Updating the list" />}
      <Caption1 className={styles.count} role="status">
        {shown.actions.length === 1 ? '1 action' : `${shown.actions.length} actions`}
        {shown.truncated ? ' shown; there are more, so narrow the filters' : ''}
      </Caption1>
      {shown.actions.length === 0 ? (
        filtered ? (
          <EmptyState
            title="No actions match these filters"
            whatToDo="Choose other filters, or clear them to see every outstanding action."
            action={<Button onClick={() => navigate(pageAddress(pagePath))}>Clear filters</Button>}
          />
        ) : (
          <EmptyState title={nothingOutstanding.title} whatToDo={nothingOutstanding.whatToDo} />
        )
      ) : (
        <ActionsTable
          label={label}
          actions={shown.actions}
          onChase={shown.mayChase ? (action) => void chase(action) : undefined}
          chasing={chasing}
          chased={chased}
        />
      )}
    </>
  );
}
