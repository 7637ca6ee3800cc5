import { Body1, Card, CardHeader, makeStyles, tokens } from '@fluentui/react-components';
import { useApiQuery } from '../../api/use-api-query';
import { EmptyState } from '../../components/EmptyState';
import { FactList } from '../../components/FactList';
import { PageHeader } from '../../components/PageHeader';
import { QueryView } from '../../components/QueryView';
import { Section } from '../../components/Section';
import { describeRoles } from '../../session/DevSignInPicker';
import { useSession } from '../../session/session';
import { pageAddress } from '../../router/addresses';
import { RouteLink } from '../../router/RouteLink';
import { isInNavigation } from '../../router/pages';
import { PAGES } from '..';
import { NextMeetingsSection, OverdueByAgencySection, TriageSection } from './ChairSections';
import { EarlyWarningSection } from './EarlyWarningSection';
import { MyActionsSection, MyReferralsSection } from './MyWorkSections';
import { MinutesDueSection } from './MinutesDueSection';
import { OutOfReachSection } from './OutOfReachSection';

const useStyles = makeStyles({
  note: { display: 'block', marginTop: tokens.spacingVerticalL },
  pages: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(14rem, 1fr))',
    gap: tokens.spacingHorizontalM,
    listStyleType: 'none',
    padding: 0,
  },
});

/** What needs the signed-in member now, as their roles see it, then the pages they can open. */
export default function HomePage() {
  const styles = useStyles();
  const { member } = useSession();
  const home = useApiQuery('/api/home');
  const pages = PAGES.filter((page) => page.path !== '' && isInNavigation(page, member));

  return (
    <>
      <PageHeader title="Home" description={`ASB risk panels of the ${member.partnership.name}.`} />
      <QueryView query={home} loadingLabel="Loading what needs you" errorTitle="Could not load what needs you">
        {(now) => (
          <>
            {now.triage && <TriageSection triage={now.triage} />}
            {now.nextMeetings && <NextMeetingsSection meetings={now.nextMeetings} />}
            {now.actionsByAgency && <OverdueByAgencySection rows={now.actionsByAgency} />}
          </>
        )}
      </QueryView>
      {member.capabilities.includes('meeting.run') && <MinutesDueSection />}
      {member.capabilities.includes('action.oversee') && <OutOfReachSection />}
      {member.capabilities.includes('action.work') && <MyActionsSection />}
      {home.status === 'ready' && home.data.earlyWarnings && <EarlyWarningSection warnings={home.data.earlyWarnings} />}
      {home.status === 'ready' && home.data.referrals && <MyReferralsSection referrals={home.data.referrals} />}
      <Section id="pages" title="Pages">
        {pages.length === 0 ? (
          <EmptyState
            headingLevel={3}
            title="No pages for your roles yet"
            whatToDo="Your roles do not open any pages of the tab. Ask your partnership admin if you need a role such as panel member or referrer."
          />
        ) : (
          <ul className={styles.pages}>
            {pages.map((page) => (
              <li key={page.path}>
                <Card>
                  <CardHeader header={<RouteLink to={pageAddress(page.path)}>{page.title}</RouteLink>} />
                </Card>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section id="signed-in" title="Signed in">
        <FactList
          facts={[
            ['Name', member.displayName],
            ['Agency', member.agency.name],
            ['Roles', describeRoles(member.roles) || 'none'],
          ]}
        />
      </Section>
      {member.signIn === 'development' && <Body1 className={styles.note}>Everything in the demo partnership is fictional.</Body1>}
    </>
  );
}
