import type { ReactNode } from 'react';
import { Subtitle1, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { marginBottom: tokens.spacingVerticalXXL, minWidth: 0 },
  heading: { display: 'block', margin: `0 0 ${tokens.spacingVerticalS}` },
});

/** A titled part of a page: an h2 that names the region for screen readers' landmark lists. */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section aria-labelledby={`${id}-heading`} className={styles.root}>
      <Subtitle1 as="h2" id={`${id}-heading`} className={styles.heading}>
        {title}
      </Subtitle1>
      {children}
    </section>
  );
}
