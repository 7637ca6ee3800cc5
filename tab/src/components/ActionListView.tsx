// An actions list with its filter bar, empty states, Show more (the API answers a page at a time)
// and Chase now (its result shown on the row): the chair's outstanding actions and an officer's own
// list are this one component over two API routes.
import { useEffect, useState } from 'react';
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useNavigate } from 'react-router';
import type { ActionChoices, ActionList, ListedAction } from '../api/actions';
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
  more: { marginTop: tokens.spacingVerticalM },
});

const NO_CHOICES: ActionChoices = { panels: [], agencies: [], officers: [] };

/** The pages after the first, read with Show more, for one list with one set of filters. */
interface LaterPages {
  list: string;
  actions: ListedAction[];
  nextCursor: string | null;
}

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
  // The filter choices do not change with the filters: read once, and only where they are offered.
  const choices = useApiQuery('/api/actions/choices', { skip: !byOwner });
  const [later, setLater] = useState<LaterPages | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
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
  // Other filters start the list again; a reload of the first page (after a chase) keeps the pages
  // read after it, each action once.
  const listKey = `${apiPath}?${new URLSearchParams(listQuery(query) as Record<string, string>).toString()}`;
  const pages = later && later.list === listKey ? later : null;
  const firstPage = shown?.actions ?? [];
  const onFirstPage = new Set(firstPage.map((action) => action.id));
  const actions = pages ? [...firstPage, ...pages.actions.filter((action) => !onFirstPage.has(action.id))] : firstPage;
  const nextCursor = pages ? pages.nextCursor : (shown?.nextCursor ?? null);

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

  const showMore = async () => {
    if (!shown || !nextCursor) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const params = { query: { ...listQuery(query), after: nextCursor } };
      const page = await answerOf(
        apiPath === '/api/actions' ? api.GET('/api/actions', { params }) : api.GET('/api/actions/mine', { params }),
      );
      setLater({ list: listKey, actions: [...(pages?.actions ?? []), ...page.actions], nextCursor: page.nextCursor });
    } catch (error) {
      setMoreError(asApiError(error).message);
    } finally {
      setLoadingMore(false);
    }
  };

  if (list.status === 'error') return <ErrorState title="Could not load the actions" error={list.error} onRetry={list.reload} />;
  if (!shown) return <Loading label="Loading actions" />;

  return (
    <>
      <ActionFilters pagePath={pagePath} query={query} choices={choices.status === 'ready' ? choices.data : NO_CHOICES} byOwner={byOwner} />
      {list.status === 'loading' && <Loading label="Updating the list" />}
      <Caption1 className={styles.count} role="status">
        {actions.length === 1 ? '1 action' : `${actions.length} actions`}
        {nextCursor ? ' shown; there are more' : ''}
      </Caption1>
      {actions.length === 0 ? (
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
          actions={actions}
          onChase={shown.mayChase ? (action) => void chase(action) : undefined}
          chasing={chasing}
          chased={chased}
        />
      )}
      {nextCursor && (
        <div className={styles.more}>
          <Button onClick={() => void showMore()} disabled={loadingMore}>
            {loadingMore ? 'Loading more actions' : 'Show more'}
          </Button>
          {moreError && <Caption1 role="alert"> Could not load more: {moreError}</Caption1>}
        </div>
      )}
    </>
  );
}
