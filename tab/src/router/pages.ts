// What a page is, and how a path such as `cases/:caseId` finds one. The list itself is in pages/index.ts.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { SignedInMember } from '../api/types';

export interface PageProps {
  /** Values of the `:name` segments of the page's path. */
  params: Readonly<Record<string, string>>;
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

export interface PageMatch {
  page: PageDefinition;
  params: Record<string, string>;
}

function matchPath(pattern: string, path: string): Record<string, string> | null {
  const wanted = pattern === '' ? [] : pattern.split('/');
  const actual = path === '' ? [] : path.split('/');
  if (wanted.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (const [index, segment] of wanted.entries()) {
    const value = actual[index] as string;
    if (segment.startsWith(':')) {
      try {
        params[segment.slice(1)] = decodeURIComponent(value);
      } catch {
        return null;
      }
    } else if (segment !== value) {
      return null;
    }
  }
  return params;
}

export function findPage(pages: readonly PageDefinition[], path: string): PageMatch | null {
  for (const page of pages) {
    const params = matchPath(page.path, path);
    if (params) return { page, params };
  }
  return null;
}

export function isInNavigation(page: PageDefinition, member: SignedInMember): boolean {
  return typeof page.navigation === 'function' ? page.navigation(member) : page.navigation;
}
