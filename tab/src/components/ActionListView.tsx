// An actions list with its filter bar, empty states and Chase now: the chair's outstanding actions
// and an officer's own list are this one component over two API routes.
import { useEffect, useState } from 'react';
import { Button, Caption1, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useNavigate } from 'react-router';
import type { ActionList, ChaseResult, ListedAction } from '../api/actions';
import { asApiError, type ApiError } from '../api/api-error';
import { answerOf } from '../api/client';
import { useApiQuery } from '../api/use-api-query';
import { pageAddress } from '../router/addresses';
import { useApi } from '../session/session';
import { ActionFilters, FILTER_KEYS, listQuery } from './ActionFilters';
import { ActionsTable } from './ActionsTable';
import { EmptyState } from './EmptyState';
import { ErrorState } from './ErrorState';
import { Loading } from './Loading';

const useStyles = makeStyles({
  notice: { marginBottom: tokens.spacingVerticalM },
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

type ChaseNotice = { intent: 'success' | 'warning'; title: string; text: string } | { intent: 'error'; title: string; error: ApiError };

function describeChase(action: ListedAction, result: ChaseResult): ChaseNotice {
  const who = action.ownerMember?.displayName ?? `${action.ownerAgency.name}'s panel members`;
  const reached = result.deliveries.filter((delivery) => delivery.status === 'SENT').length;
  if (reached === result.deliveries.length)
    return { intent: 'success', title: 'Reminder sent', text: `${who} got a reminder in Teams about "${action.title}".` };
  if (result.deliveries.some((delivery) => delivery.status === 'RETRYING')) {
    return {
      intent: 'warning',
      title: 'Reminder on its way',
      text: `Teams did not answer at once; the reminder to ${who} will be tried again shortly.`,
    };
  }
  return { intent: 'warning', title: 'Reminder not delivered', text: `${who} cannot be reached in Teams. Phone or email them instead.` };
}

export function ActionListView({ apiPath, pagePath, query, label, byOwner, nothingOutstanding }: ActionListViewProps) {
  const styles = useStyles();
  const navigate = useNavigate();
  const api = useApi();
  const list = useApiQuery(apiPath, { params: { query: listQuery(query) } });
  // The last answer stays on screen while a new filter loads, so the filter bar keeps its focus.
  const [previous, setPrevious] = useState<ActionList | null>(null);
  const [chasing, setChasing] = useState<string | null>(null);
  const [notice, setNotice] = useState<ChaseNotice | null>(null);
  const latest = list.status === 'ready' ? list.data : null;
  useEffect(() => {
    if (latest) setPrevious(latest);
  }, [latest]);
  const shown = latest ?? previous;

  const filtered = FILTER_KEYS.some((key) => key !== 'sort' && query.get(key));

  const chase = async (action: ListedAction) => {
    setChasing(action.id);
    setNotice(null);
    try {
      setNotice(
        describeChase(action, await answerOf(api.POST('/api/actions/{actionId}/chase', { params: { path: { actionId: action.id } } }))),
      );
      // The chase may have found the owner unreachable (or reachable again): the row says so.
      list.reload();
    } catch (error) {
      setNotice({ intent: 'error', title: `Could not chase "${action.title}"`, error: asApiError(error) });
    } finally {
      setChasing(null);
    }
  };

  if (list.status === 'error') return <ErrorState title="Could not load the actions" error={list.error} onRetry={list.reload} />;
  if (!shown) return <Loading label="Loading actions" />;

  return (
    <>
      <ActionFilters pagePath={pagePath} query={query} choices={shown.choices} byOwner={byOwner} />
      <div aria-live="polite">
        {notice && notice.intent !== 'error' && (
          <MessageBar intent={notice.intent} className={styles.notice}>
            <MessageBarBody>
              <MessageBarTitle>{notice.title}</MessageBarTitle>
              {notice.text}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {notice?.intent === 'error' && <ErrorState title={notice.title} error={notice.error} />}
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
        />
      )}
    </>
  );
}
