import { Suspense, useEffect } from 'react';
import { Link } from '@fluentui/react-components';
import { EmptyState } from '../components/EmptyState';
import { Loading } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import { PAGES } from '../pages';
import { hrefFor, useRoute } from './hash-route';
import { findPage } from './pages';

const APP_NAME = 'ASB Panels';

function NotFound() {
  return (
    <>
      <PageHeader title="Page not found" />
      <EmptyState
        title="There is no page at this address"
        whatToDo="The link may be out of date. Choose a page from the navigation, or go to the home page."
        action={<Link href={hrefFor('')}>Go to the home page</Link>}
      />
    </>
  );
}

/** Renders the page the hash names. */
export function PageOutlet() {
  const route = useRoute();
  const match = findPage(PAGES, route.path);

  const title = match ? match.page.title : 'Page not found';
  useEffect(() => {
    document.title = `${title} – ${APP_NAME}`;
  }, [title]);

  if (!match) return <NotFound />;
  const Page = match.page.component;
  return (
    <Suspense fallback={<Loading label={`Loading ${match.page.title}`} />}>
      <Page key={route.path} params={match.params} query={route.query} />
    </Suspense>
  );
}
