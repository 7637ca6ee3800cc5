// One action: what, on which case, who owns it and when it is due, what the member may do to it now
// (accept, update, complete, can't complete; for chairs reassign, re-date, cancel and chase), whether
// it reaches its owner in Teams (for chairs) and its history.
import { useEffect, useState } from 'react';
import { Badge, makeStyles } from '@fluentui/react-components';
import type { ActionDetails } from '../../api/actions';
import { useApiQuery } from '../../api/use-api-query';
import { DataTable } from '../../components/DataTable';
import { OwnerDeliveryNote } from '../../components/OwnerDeliveryNote';
import { FactList, type Fact } from '../../components/FactList';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { Section } from '../../components/Section';
import { STATUS_WORDS, formatDate, formatDateTime, sentenceCase } from '../../components/words';
import { pageAddress } from '../../router/addresses';
import { RouteLink } from '../../router/RouteLink';
import type { PageProps } from '../../router/pages';
import { ActionCommands } from './ActionCommands';

const NOT_DONE_WORDS: Record<NonNullable<ActionDetails['notDoneReason']>, string> = {
  CIRCUMSTANCES_CHANGED: 'Circumstances changed',
  AGENCY_DID_NOT_DO_IT: 'The agency did not do it',
};

const useStyles = makeStyles({
  nowrap: { whiteSpace: 'nowrap' },
});

const ownerOf = (action: ActionDetails) =>
  action.ownerMember ? `${action.ownerMember.displayName} (${action.ownerAgency.name})` : `${action.ownerAgency.name}'s panel members`;

function ActionFacts({ action }: { action: ActionDetails }) {
  const styles = useStyles();
  const facts: Fact[] = [
    [
      'Case',
      <RouteLink key="case" to={pageAddress(`cases/${action.caseId}`)}>
        {action.caseReference}
      </RouteLink>,
    ],
    ['Owner', ownerOf(action)],
    [
      'Due',
      <span key="due">
        {formatDate(action.dueDate)}{' '}
        {action.overdue && (
          <Badge appearance="filled" color="danger" className={styles.nowrap}>
            Overdue
          </Badge>
        )}
      </span>,
    ],
    ['Status', STATUS_WORDS[action.status]],
    ['Priority', sentenceCase(action.priority)],
  ];
  if (action.description) facts.push(['Details', action.description]);
  if (action.progressNote) facts.push(['Latest note', action.progressNote]);
  if (action.notDoneReason) facts.push(["Why it can't be completed", NOT_DONE_WORDS[action.notDoneReason]]);
  if (action.lastChasedAt) facts.push(['Last chased', formatDateTime(action.lastChasedAt)]);
  return <FactList facts={facts} />;
}

export default function ActionPage({ params }: PageProps) {
  const actionId = params.actionId ?? '';
  const query = useApiQuery('/api/actions/{actionId}', { params: { path: { actionId } } });
  // The action as last seen: from the last read, or from the answer to a change made here. It stays
  // on screen while the action is read again, so the commands keep their place and focus.
  const [shown, setShown] = useState<ActionDetails | null>(null);
  const loaded = query.status === 'ready' ? query.data : null;
  useEffect(() => {
    if (loaded) setShown(loaded);
  }, [loaded]);
  const action = shown?.id === actionId ? shown : loaded;
  // Once something was done here, the section stays to say how it went, even when nothing more is left to do.
  const [acted, setActed] = useState(false);
  const changed = (next: ActionDetails) => {
    setActed(true);
    setShown(next);
  };

  return (
    <>
      <PageHeader title={action ? action.title : 'Action'} description={action ? `Action on case ${action.caseReference}` : undefined} />
      {query.status === 'error' ? (
        <ErrorState title="Could not load the action" error={query.error} onRetry={query.reload} />
      ) : !action ? (
        <Loading label="Loading the action" />
      ) : (
        <>
          <ActionFacts action={action} />
          {(action.allowedCommands.length > 0 || acted) && (
            <Section id="commands" title="What you can do">
              <ActionCommands
                action={action}
                onChanged={changed}
                onReload={() => {
                  setActed(true);
                  query.reload();
                }}
              />
            </Section>
          )}
          {action.delivery && (
            <Section id="delivery" title="Reaching the owner in Teams">
              <OwnerDeliveryNote
                delivery={action.delivery}
                owner={action.ownerMember?.displayName ?? `${action.ownerAgency.name}'s panel members`}
              />
            </Section>
          )}
          <Section id="history" title="History">
            <DataTable
              label="History of this action"
              rows={action.history}
              rowKey={(entry) => `${entry.at}-${entry.kind}`}
              columns={[
                { id: 'at', header: 'When', cell: (entry) => formatDateTime(entry.at) },
                { id: 'what', header: 'What', cell: (entry) => sentenceCase(entry.kind) },
                { id: 'who', header: 'Who', cell: (entry) => entry.actor.displayName },
                { id: 'note', header: 'Note', cell: (entry) => entry.note ?? '' },
              ]}
            />
          </Section>
        </>
      )}
    </>
  );
}
