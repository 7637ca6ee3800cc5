// An officer's part of home: their actions grouped by when they are due, and what happened to the
// referrals they sent. Each group links to the list behind it.
import { Body1, Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { addDays } from '../../../../api/domain/agenda/calendar-date';
import type { Answer } from '../../api/answers';
import type { ListedAction } from '../../api/actions';
import { useApiQuery } from '../../api/use-api-query';
import { DataTable } from '../../components/DataTable';
import { QueryView } from '../../components/QueryView';
import { Section } from '../../components/Section';
import { STATUS_WORDS, formatDate } from '../../components/words';
import { pageAddress } from '../../router/addresses';
import { RouteLink } from '../../router/RouteLink';

type MyReferrals = NonNullable<Answer<'/api/home'>['referrals']>;

const useStyles = makeStyles({
  groups: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(16rem, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  group: { minWidth: 0 },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
  item: { marginBottom: tokens.spacingVerticalXS },
  more: { display: 'block', marginTop: tokens.spacingVerticalXS },
});

/** How many actions each group lists before "and N more". */
const SHOWN = 5;
const WEEK_DAYS = 7;

interface ActionGroup {
  id: string;
  title: string;
  actions: ListedAction[];
  /** Where the whole group is listed. */
  list: ReturnType<typeof pageAddress>;
  none: string;
}

export function groupByWhenDue(actions: ListedAction[], today: string): Omit<ActionGroup, 'list' | 'none'>[] {
  const weekEnd = addDays(today, WEEK_DAYS - 1);
  return [
    // By the date alone: a blocked action past its date is late too, though it waits on the panel.
    { id: 'overdue', title: 'Overdue', actions: actions.filter((action) => action.dueDate < today) },
    { id: 'this-week', title: 'Due this week', actions: actions.filter((action) => action.dueDate >= today && action.dueDate <= weekEnd) },
    { id: 'later', title: 'Later', actions: actions.filter((action) => action.dueDate > weekEnd) },
  ];
}

function ActionGroupList({ group }: { group: ActionGroup }) {
  const styles = useStyles();
  const shown = group.actions.slice(0, SHOWN);
  return (
    <section aria-labelledby={`my-${group.id}-heading`} className={styles.group}>
      <Subtitle2 as="h3" id={`my-${group.id}-heading`}>
        {group.title}: {group.actions.length}
      </Subtitle2>
      {group.actions.length === 0 ? (
        <Body1 className={styles.more}>{group.none}</Body1>
      ) : (
        <ul className={styles.list}>
          {shown.map((action) => (
            <li key={action.id} className={styles.item}>
              <RouteLink to={pageAddress(`actions/${action.id}`)}>{action.title}</RouteLink>
              <Caption1>
                {' '}
                {action.case.reference}, due {formatDate(action.dueDate)}, {STATUS_WORDS[action.status].toLowerCase()}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
      {group.actions.length > SHOWN && (
        <RouteLink to={group.list} aria-label={`All ${group.actions.length} ${group.title.toLowerCase()} actions`}>
          {`and ${group.actions.length - SHOWN} more`}
        </RouteLink>
      )}
    </section>
  );
}

export function MyActionsSection() {
  const styles = useStyles();
  const mine = useApiQuery('/api/actions/mine');
  return (
    <Section id="my-work" title="Your actions">
      <QueryView query={mine} loadingLabel="Loading your actions" errorTitle="Could not load your actions">
        {(list) => {
          const [overdue, thisWeek, later] = groupByWhenDue(list.actions, list.today);
          const groups: ActionGroup[] = [
            { ...overdue!, list: pageAddress('my-actions'), none: 'Nothing overdue.' },
            { ...thisWeek!, list: pageAddress('my-actions'), none: 'Nothing due in the next 7 days.' },
            { ...later!, list: pageAddress('my-actions'), none: 'Nothing due later.' },
          ];
          return (
            <div className={styles.groups}>
              {groups.map((group) => (
                <ActionGroupList key={group.id} group={group} />
              ))}
            </div>
          );
        }}
      </QueryView>
    </Section>
  );
}

const REFERRAL_WORDS: Record<MyReferrals['recent'][number]['status'], string> = {
  DRAFT: 'Draft',
  SUBMITTED: 'Waiting for the chair’s decision',
  ACCEPTED: 'Accepted for the panel',
  DECLINED: 'Declined',
  WITHDRAWN: 'Withdrawn',
};

export function MyReferralsSection({ referrals }: { referrals: MyReferrals }) {
  const styles = useStyles();
  return (
    <Section id="my-referrals" title="Your referrals">
      {referrals.drafts > 0 && (
        <Body1 className={styles.more}>
          <RouteLink to={pageAddress('refer')}>
            {referrals.drafts === 1 ? '1 unfinished referral' : `${referrals.drafts} unfinished referrals`}
          </RouteLink>{' '}
          to finish and send.
        </Body1>
      )}
      <DataTable
        label="What happened to your referrals"
        rows={referrals.recent}
        rowKey={(referral) => referral.id}
        empty="You have not sent a referral yet."
        columns={[
          { id: 'sent', header: 'Sent', cell: (referral) => formatDate(referral.submittedAt) },
          { id: 'panel', header: 'Panel', cell: (referral) => referral.panelName ?? 'Lead agency casework' },
          {
            id: 'what',
            header: 'What happened',
            cell: (referral) =>
              referral.status === 'DECLINED' && referral.declineReason
                ? `Declined: ${referral.declineReason}`
                : REFERRAL_WORDS[referral.status],
          },
          { id: 'when', header: 'Decided', cell: (referral) => formatDate(referral.decidedAt) },
          {
            id: 'case',
            header: 'Case',
            cell: (referral) =>
              referral.case ? <RouteLink to={pageAddress(`cases/${referral.case.id}`)}>{referral.case.reference}</RouteLink> : '—',
          },
        ]}
      />
    </Section>
  );
}
