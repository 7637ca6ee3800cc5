import { Badge, makeStyles } from '@fluentui/react-components';
import type { RiskBand } from '../api/actions';
import { RISK_WORDS } from './words';

const useStyles = makeStyles({ badge: { whiteSpace: 'nowrap' } });

const COLOUR = { HIGH: 'danger', MEDIUM: 'warning', LOW: 'success' } as const;

/** A case's risk band in words (colour alone would say nothing to a screen reader or in high contrast). */
export function RiskBadge({ band }: { band: RiskBand | null }) {
  const styles = useStyles();
  if (!band)
    return (
      <Badge appearance="tint" color="informative" className={styles.badge}>
        Risk not assessed
      </Badge>
    );
  return (
    <Badge appearance="tint" color={COLOUR[band]} className={styles.badge}>
      {RISK_WORDS[band]} risk
    </Badge>
  );
}
