// The tab's routes: react-router's hash router over the page list (pages/index.ts). Addresses are
// hashes such as `#/cases/123?tab=risk`, because Teams deep links and static tab URLs carry the hash
// and the server serves the same index.html for every path under /tab/.
import { Suspense, useEffect } from 'react';
import { createHashRouter, useLocation, useParams, useSearchParams, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { EmptyState } from '../components/EmptyState';
import { Loading } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import { AppLayout } from '../layout/AppLayout';
import { PAGES } from '../pages';
import { noteNavigation } from './heading-focus';
import type { PageDefinition } from './pages';
import { RouteLink } from './RouteLink';

const APP_NAME = 'ASB Panels';

/** What a route carries for the layout: the page it shows, or none for an address with no page. */
export interface RouteHandle {
  page: PageDefinition | null;
}

function useWindowTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – ${APP_NAME}`;
  }, [title]);
}

function NotFound() {
  useWindowTitle('Page not found');
  return (
    <>
      <PageHeader title="Page not found" />
      <EmptyState
        title="There is no page at this address"
        whatToDo="The link may be out of date. Choose a page from the navigation, or go to the home page."
        action={<RouteLink to="/">Go to the home page</RouteLink>}
      />
    </>
  );
}

function PageRoute({ page }: { page: PageDefinition }) {
  const params = useParams();
  const [query] = useSearchParams();
  const { pathname } = useLocation();
  useWindowTitle(page.title);
  const Page = page.component;
  return (
    <Suspense fallback={<Loading label={`Loading ${page.title}`} />}>
      {/* A new address of the same page (another case) starts the page afresh; a new query does not. */}
      <Page key={pathname} params={params} query={query} />
    </Suspense>
  );
}

export function routesOf(pages: readonly PageDefinition[]): RouteObject[] {
  const pageRoutes = pages.map((page): RouteObject => {
    const route = { element: <PageRoute page={page} />, handle: { page } satisfies RouteHandle, caseSensitive: true };
    return page.path === '' ? { ...route, index: true } : { ...route, path: page.path };
  });
  const notFound: RouteObject = { path: '*', element: <NotFound />, handle: { page: null } satisfies RouteHandle };
  return [{ element: <AppLayout />, children: [...pageRoutes, notFound] }];
}

let router: ReturnType<typeof createHashRouter> | undefined;

// Made on first use, once signed in, so it starts from the address a deep link may have put in place.
function tabRouter(): ReturnType<typeof createHashRouter> {
  if (router) return router;
  const created = createHashRouter(routesOf(PAGES));
  let shown = created.state.location;
  created.subscribe((state) => {
    if (state.location === shown) return;
    shown = state.location;
    noteNavigation();
  });
  router = created;
  return created;
}

/**
 * The signed-in tab: layout, navigation and the page the address names. Router updates are not
 * transitions: a filter control whose value lives in the address shows the member's choice at once,
 * and a page still loading shows its Loading state rather than the page before.
 */
export function TabRoutes() {
  return <RouterProvider router={tabRouter()} useTransitions={false} />;
}
