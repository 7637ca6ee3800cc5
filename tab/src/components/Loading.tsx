import { Spinner, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { padding: tokens.spacingVerticalXXL, display: 'flex', justifyContent: 'center' },
});

/** A spinner with words, announced politely to screen readers. */
export function Loading({ label = 'Loading' }: { label?: string }) {
  const styles = useStyles();
  return (
    <div className={styles.root} role="status" aria-live="polite">
      <Spinner size="small" label={label} labelPosition="after" />
    </div>
  );
}
