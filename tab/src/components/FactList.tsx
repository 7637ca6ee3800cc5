// A short list of facts about one thing (a case, an action, the signed-in member): each term beside
// its detail, as a description list that screen readers announce as pairs.
import type { ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';

export type Fact = readonly [term: string, detail: ReactNode];

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    margin: `0 0 ${tokens.spacingVerticalXL}`,
  },
  // Each pair is wrapped (as HTML allows in a <dl>) but takes no box of its own: the grid lays out the terms and details.
  group: { display: 'contents' },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0, overflowWrap: 'anywhere' },
});

export function FactList({ facts }: { facts: readonly Fact[] }) {
  const styles = useStyles();
  return (
    <dl className={styles.facts}>
      {facts.map(([term, detail]) => (
        <div key={term} className={styles.group}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.detail}>{detail}</dd>
        </div>
      ))}
    </dl>
  );
}
