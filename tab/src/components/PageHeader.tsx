import { useCallback, type ReactNode } from 'react';
import { Body1, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { claimFocusForHeading } from '../router/heading-focus';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalL,
  },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  heading: { ...typographyStyles.title2, margin: 0, overflowWrap: 'anywhere', ':focus': { outline: 'none' } },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  /** Buttons for the page as a whole, such as Export or Refresh. */
  actions?: ReactNode;
}

/** The page's one h1; the router moves focus to it after navigation so screen readers hear the new page. */
export function PageHeader({ title, description, actions }: PageHeaderProps) {
  const styles = useStyles();
  const headingRef = useCallback((heading: HTMLHeadingElement | null) => claimFocusForHeading(heading), []);
  return (
    <header className={styles.root}>
      <div className={styles.text}>
        <h1 className={styles.heading} tabIndex={-1} ref={headingRef}>
          {title}
        </h1>
        {description && <Body1>{description}</Body1>}
      </div>
      {actions && <div className={styles.actions}>{actions}</div>}
    </header>
  );
}
