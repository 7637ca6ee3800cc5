// Fluent UI's Link for an address inside the tab: react-router writes the href (`#/cases/123`) and
// follows a plain click itself, while a middle click or Ctrl+click still opens a new window.
import type { AriaAttributes, ReactNode } from 'react';
import { Link } from '@fluentui/react-components';
import { useHref, useLinkClickHandler, type To } from 'react-router';

export interface RouteLinkProps extends Pick<AriaAttributes, 'aria-label' | 'aria-current'> {
  to: To;
  children: ReactNode;
  className?: string;
}

export function RouteLink({ to, ...props }: RouteLinkProps) {
  const href = useHref(to);
  const follow = useLinkClickHandler<HTMLAnchorElement>(to);
  return <Link {...props} href={href} onClick={follow} />;
}
