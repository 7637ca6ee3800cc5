// One action: what, on which case, who owns it and when it is due, whether it reaches its owner in
// Teams (for chairs) and its history.
import { Badge, makeStyles } from '@fluentui/react-components';
import type { ActionDetails } from '../../api/actions';
import { useApiQuery } from '../../api/use-api-query';
import { DataTable } from '../../components/DataTable';
import { OwnerDeliveryNote } from '../../components/OwnerDeliveryNote';
import { FactList, type Fact } from '../../components/FactList';
import { PageHeader } from '../../components/PageHeader';
import { QueryView } from '../../components/QueryView';
import { Section } from '../../components/Section';
import { STATUS_WORDS, formatDate, formatDateTime, sentenceCase } from '../../components/words';
import { pageAddress } from '../../router/addresses';
import { RouteLink } from '../../router/RouteLink';
import type { PageProps } from '../../router/pages';

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
  return <FactList facts={facts} />;
}

export default function ActionPage({ params }: PageProps) {
  const actionId = params.actionId ?? '';
  const action = useApiQuery('/api/actions/{actionId}', { params: { path: { actionId } } });
  return (
    <>
      <PageHeader
        title={action.status === 'ready' ? action.data.title : 'Action'}
        description={action.status === 'ready' ? `Action on case ${action.data.caseReference}` : undefined}
      />
      <QueryView query={action} loadingLabel="Loading the action" errorTitle="Could not load the action">
        {(data) => (
          <>
            <ActionFacts action={data} />
            {data.delivery && (
              <Section id="delivery" title="Reaching the owner in Teams">
                <OwnerDeliveryNote
                  delivery={data.delivery}
                  owner={data.ownerMember?.displayName ?? `${data.ownerAgency.name}'s panel members`}
                />
              </Section>
            )}
            <Section id="history" title="History">
              <DataTable
                label="History of this action"
                rows={data.history}
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
      </QueryView>
    </>
  );
}
