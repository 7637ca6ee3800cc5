// The chair's home: who the app cannot reach in Teams and the actions not getting to their owners,
// so the chair can phone them or reassign. Each count links to the outstanding list behind it.
import { Body1, Body1Strong, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { OutOfReach } from '../../api/actions';
import { useApiQuery } from '../../api/use-api-query';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { QueryView } from '../../components/QueryView';
import { Section } from '../../components/Section';
import { formatDateTime } from '../../components/words';
import { pageAddress } from '../../router/addresses';
import { RouteLink } from '../../router/RouteLink';

const useStyles = makeStyles({
  intro: { display: 'block', margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalM}` },
  gap: { marginBottom: tokens.spacingVerticalL },
  note: { display: 'block', marginTop: tokens.spacingVerticalS },
  subheading: { display: 'block', margin: `0 0 ${tokens.spacingVerticalXS}` },
});

const WHY: Record<OutOfReach['members'][number]['reason'], string> = {
  BLOCKED: 'Blocked or removed the app',
  NEVER_INSTALLED: 'Has not installed the app',
  LEFT_ORGANISATION: 'No longer in the organisation’s directory: reassign their actions',
  DEACTIVATED: 'Has left the partnership: reassign their actions',
};

const actionsWord = (count: number) => (count === 1 ? '1 action' : `${count} actions`);

function OutOfReachLists({ reach }: { reach: OutOfReach }) {
  const styles = useStyles();
  // Members with nothing on the chair's list are counted, not listed: there is nothing to chase them for.
  const withActions = reach.members.filter((member) => member.outstandingActions > 0);
  const others = reach.members.length - withActions.length;
  if (reach.actions.length === 0 && withActions.length === 0)
    return (
      <EmptyState
        headingLevel={3}
        title="Everyone with outstanding actions can be reached"
        whatToDo="Cards and reminders are getting through in Teams to the owners of the actions on your list."
      />
    );
  return (
    <>
      <Body1 className={styles.intro}>
        Cards and reminders do not reach these people in Teams. Phone or email them, or reassign their actions.
      </Body1>
      {reach.actions.length > 0 && (
        <div className={styles.gap}>
          <Body1Strong as="h3" className={styles.subheading}>
            Actions not reaching their owner
          </Body1Strong>
          <DataTable
            label="Actions not reaching their owner"
            rows={reach.actions}
            rowKey={(action) => action.actionId}
            columns={[
              {
                id: 'action',
                header: 'Action',
                cell: (action) => <RouteLink to={pageAddress(`actions/${action.actionId}`)}>{action.title}</RouteLink>,
              },
              { id: 'case', header: 'Case', cell: (action) => action.caseReference },
              {
                id: 'owner',
                header: 'Owner',
                cell: (action) => (action.ownerName ? `${action.ownerName}, ${action.ownerAgencyName}` : action.ownerAgencyName),
              },
              { id: 'why', header: 'Why', cell: (action) => action.reason },
              { id: 'since', header: 'Since', cell: (action) => formatDateTime(action.since) },
            ]}
          />
        </div>
      )}
      {withActions.length > 0 && (
        <>
          <Body1Strong as="h3" className={styles.subheading}>
            Members who cannot be reached
          </Body1Strong>
          <DataTable
            label="Members who cannot be reached"
            rows={withActions}
            rowKey={(member) => member.memberId}
            columns={[
              { id: 'name', header: 'Member', cell: (member) => member.displayName },
              { id: 'agency', header: 'Agency', cell: (member) => member.agencyName },
              {
                id: 'why',
                header: 'Why',
                cell: (member) => (member.since ? `${WHY[member.reason]} (${formatDateTime(member.since)})` : WHY[member.reason]),
              },
              {
                id: 'actions',
                header: 'Outstanding actions',
                cell: (member) => (
                  <RouteLink
                    to={pageAddress('actions', { officerId: member.memberId })}
                    aria-label={`${actionsWord(member.outstandingActions)} owned by ${member.displayName}`}
                  >
                    {actionsWord(member.outstandingActions)}
                  </RouteLink>
                ),
              },
            ]}
          />
        </>
      )}
      {others > 0 && (
        <Caption1 className={styles.note}>
          {others === 1 ? '1 other member' : `${others} other members`} cannot be reached either, with no actions on your list.
        </Caption1>
      )}
    </>
  );
}

export function OutOfReachSection() {
  const reach = useApiQuery('/api/actions/out-of-reach');
  return (
    <Section id="out-of-reach" title="Not reached in Teams">
      <QueryView query={reach} loadingLabel="Loading who cannot be reached" errorTitle="Could not load who cannot be reached">
        {(data) => <OutOfReachLists reach={data} />}
      </QueryView>
    </Section>
  );
}
