// What a page is. The list itself is in pages/index.ts; router/tab-router.tsx turns it into routes.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { SignedInMember } from '../api/types';

export interface PageProps {
  /** Values of the `:name` segments of the page's path, decoded. */
  params: Readonly<Record<string, string | undefined>>;
  /** The query string of the address, such as `?status=OVERDUE` in `#/actions?status=OVERDUE`. */
  query: URLSearchParams;
}

export interface PageDefinition {
  /** Segments separated by '/', with `:name` for a value: '' is home, 'cases/:caseId'. */
  path: string;
  /** The page's name in the navigation and the window title. */
  title: string;
  component: LazyExoticComponent<ComponentType<PageProps>>;
  /** Whether the navigation lists the page; a function decides for the signed-in member. */
  navigation: boolean | ((member: SignedInMember) => boolean);
}

export interface PageOptions {
  path: string;
  title: string;
  /** `() => import('./name/NamePage')`: each page is its own chunk, loaded on first visit. */
  load: () => Promise<{ default: ComponentType<PageProps> }>;
  navigation?: PageDefinition['navigation'];
}

export function definePage({ path, title, load, navigation = false }: PageOptions): PageDefinition {
  return { path: path.replace(/^\/+|\/+$/g, ''), title, component: lazy(load), navigation };
}

export function isInNavigation(page: PageDefinition, member: SignedInMember): boolean {
  return typeof page.navigation === 'function' ? page.navigation(member) : page.navigation;
}
