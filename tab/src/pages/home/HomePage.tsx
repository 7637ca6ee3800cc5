import { Body1, Card, CardHeader, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { EmptyState } from '../../components/EmptyState';
import { FactList } from '../../components/FactList';
import { PageHeader } from '../../components/PageHeader';
import { describeRoles } from '../../session/DevSignInPicker';
import { useSession } from '../../session/session';
import { pageAddress } from '../../router/addresses';
import { RouteLink } from '../../router/RouteLink';
import { isInNavigation } from '../../router/pages';
import { PAGES } from '..';
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

/** Who is signed in, the pages they can open, and for chairs whom the app cannot reach in Teams. */
export default function HomePage() {
  const styles = useStyles();
  const { member } = useSession();
  const pages = PAGES.filter((page) => page.path !== '' && isInNavigation(page, member));

  return (
    <>
      <PageHeader title="Home" description={`ASB risk panels of the ${member.partnership.name}.`} />
      <section aria-labelledby="signed-in-heading">
        <Subtitle2 as="h2" id="signed-in-heading">
          Signed in
        </Subtitle2>
        <FactList
          facts={[
            ['Name', member.displayName],
            ['Agency', member.agency.name],
            ['Roles', describeRoles(member.roles) || 'none'],
          ]}
        />
      </section>
      <section aria-labelledby="pages-heading">
        <Subtitle2 as="h2" id="pages-heading">
          Pages
        </Subtitle2>
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
      </section>
      {member.capabilities.includes('meeting.run') && <MinutesDueSection />}
      {member.capabilities.includes('action.oversee') && <OutOfReachSection />}
      {member.signIn === 'development' && <Body1 className={styles.note}>Everything in the demo partnership is fictional.</Body1>}
    </>
  );
}
