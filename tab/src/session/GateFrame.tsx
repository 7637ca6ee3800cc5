import type { ReactNode } from 'react';
import { Title2, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    maxWidth: '40rem',
  },
});

/** The landmark and heading around everything shown before someone is signed in. */
export function GateFrame({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title2 as="h1">{title}</Title2>
      {children}
    </main>
  );
}
