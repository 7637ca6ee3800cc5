// The GOV.UK error summary: "There is a problem", then each problem as a link to its field. It takes
// focus when it appears, so a screen reader reads it out and the keyboard starts from it.
import { useEffect, useRef } from 'react';
import { Link, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { fieldId } from './field-ids';

const useStyles = makeStyles({
  summary: { ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
  // One link above another: each gets the 24 px a finger needs (WCAG 2.5.8).
  problem: { minHeight: '24px', lineHeight: '24px' },
});

export interface ErrorSummaryProps {
  /** Problems by field name, in the order the fields come on the form. */
  problems: [field: string, message: string][];
  /** A problem that is not about one field, such as a lost connection. */
  general?: string | null;
  /** Changes whenever the summary is shown afresh, so it takes focus again. */
  shownAt: number;
  onFollow(field: string): void;
}

export function ErrorSummary({ problems, general, shownAt, onFollow }: ErrorSummaryProps) {
  const styles = useStyles();
  const summary = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    summary.current?.focus();
  }, [shownAt]);
  if (problems.length === 0 && !general) return null;
  return (
    <div ref={summary} tabIndex={-1} className={styles.summary} aria-labelledby="error-summary-title" role="alert">
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle id="error-summary-title">There is a problem</MessageBarTitle>
          {general && <div>{general}</div>}
          {problems.length > 0 && (
            <ul className={styles.list}>
              {problems.map(([field, message]) => (
                <li key={field} className={styles.problem}>
                  <Link
                    href={`#${fieldId(field)}`}
                    onClick={(event) => {
                      // The tab's addresses live in the hash: follow the link by moving focus instead.
                      event.preventDefault();
                      onFollow(field);
                    }}
                  >
                    {message}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}
