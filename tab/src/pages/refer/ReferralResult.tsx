// What happened on submit: the score and band, the reasons, and where the referral went and why.
import { useCallback } from 'react';
import { Body1, Button, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { pageAddress } from '../../router/addresses';
import { RouteLink } from '../../router/RouteLink';
import { BAND_LABELS, type SubmitResult } from './referral-types';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    margin: `${tokens.spacingVerticalM} 0`,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0, overflowWrap: 'anywhere' },
  heading: { ...typographyStyles.subtitle1, ':focus': { outline: 'none' } },
  next: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalL, marginTop: tokens.spacingVerticalL },
});

export function ReferralResult({ result, onReferAnother }: { result: SubmitResult; onReferAnother(): void }) {
  const styles = useStyles();
  // Focus moves here so a screen reader announces the outcome straight after submitting.
  const focusHeading = useCallback((heading: HTMLHeadingElement | null) => heading?.focus(), []);
  const band = BAND_LABELS[result.finalBand];
  return (
    <section aria-labelledby="referral-result-heading">
      <h2 id="referral-result-heading" tabIndex={-1} ref={focusHeading} className={styles.heading}>
        Referral submitted
      </h2>
      <MessageBar intent={result.finalBand === 'HIGH' ? 'warning' : 'info'} layout="multiline">
        <MessageBarBody>{result.explanation}</MessageBarBody>
      </MessageBar>
      <dl className={styles.facts}>
        <dt className={styles.term}>Score</dt>
        <dd className={styles.detail}>{`${result.score} of ${result.maximumScore} (threshold ${result.threshold})`}</dd>
        <dt className={styles.term}>Risk</dt>
        <dd className={styles.detail}>
          {result.calculatedBand === result.finalBand
            ? band
            : `${band} (raised from ${BAND_LABELS[result.calculatedBand].toLowerCase()} on professional judgement)`}
        </dd>
        <dt className={styles.term}>Case</dt>
        <dd className={styles.detail}>
          <RouteLink to={pageAddress(`cases/${result.case.id}`)}>{result.case.reference}</RouteLink>
        </dd>
        {result.panel && (
          <>
            <dt className={styles.term}>Panel</dt>
            <dd className={styles.detail}>{result.panel.name}</dd>
          </>
        )}
      </dl>
      <Subtitle2 as="h3">Why</Subtitle2>
      <ul>
        {result.reasons.map((reason) => (
          <li key={reason}>
            <Body1>{reason}</Body1>
          </li>
        ))}
        {result.criteria.map((c) => (
          <li key={c.criterion}>
            <Body1>{`Referred because ${c.because}.`}</Body1>
          </li>
        ))}
      </ul>
      <div className={styles.next}>
        <RouteLink to={pageAddress(`cases/${result.case.id}`)}>Open case {result.case.reference}</RouteLink>
        <Button onClick={onReferAnother}>Refer another</Button>
      </div>
    </section>
  );
}
