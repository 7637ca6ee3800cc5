import type { ReactNode } from 'react';
import { Body1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalXL,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

export interface EmptyStateProps {
  title: string;
  /** What the user can do about it: an empty list should say how things get onto it. */
  whatToDo: ReactNode;
  action?: ReactNode;
}

export function EmptyState({ title, whatToDo, action }: EmptyStateProps) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-label={title}>
      <Subtitle2 as="h2">{title}</Subtitle2>
      <Body1>{whatToDo}</Body1>
      {action}
    </section>
  );
}
