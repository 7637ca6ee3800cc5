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
  /** 3 when the empty state sits under a section's own h2. */
  headingLevel?: 2 | 3;
}

export function EmptyState({ title, whatToDo, action, headingLevel = 2 }: EmptyStateProps) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-label={title}>
      <Subtitle2 as={headingLevel === 3 ? 'h3' : 'h2'}>{title}</Subtitle2>
      <Body1>{whatToDo}</Body1>
      {action}
    </section>
  );
}
