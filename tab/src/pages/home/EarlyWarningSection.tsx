// Early warning: open cases one step short of a threshold, for their chair and lead agency, so that
// a case review or an escalation is prevented rather than processed. Soonest window first.
import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import type { Answer } from '../../api/answers';
import { DataTable } from '../../components/DataTable';
import { Section } from '../../components/Section';
import { formatDate, RISK_WORDS } from '../../components/words';
import { pageAddress } from '../../router/addresses';
import { RouteLink } from '../../router/RouteLink';

type Warning = NonNullable<Answer<'/api/home'>['earlyWarnings']>[number];

const THRESHOLD_WORDS: Record<Warning['threshold'], string> = {
  CASE_REVIEW: 'ASB case review',
  REPEAT_VICTIM: 'Repeat victim',
  ESCALATION: 'Potential escalation',
};

const useStyles = makeStyles({
  lead: { display: 'block', marginBottom: tokens.spacingVerticalS },
});

export function EarlyWarningSection({ warnings }: { warnings: Warning[] }) {
  const styles = useStyles();
  return (
    <Section id="early-warning" title="One step short of a threshold">
      <Body1 className={styles.lead}>
        One more complaint or incident would cross these thresholds. Acting before the date shown can prevent it.
      </Body1>
      <DataTable
        label="Cases one step short of a threshold"
        rows={warnings}
        rowKey={(warning) => `${warning.case.id}-${warning.threshold}`}
        empty="No open case of yours is one step short of a threshold."
        columns={[
          {
            id: 'case',
            header: 'Case',
            cell: (warning) => (
              <>
                <RouteLink to={pageAddress(`cases/${warning.case.id}`)}>{warning.case.reference}</RouteLink>
                {` (${RISK_WORDS[warning.case.riskBand ?? 'UNASSESSED'].toLowerCase()} risk)`}
              </>
            ),
          },
          { id: 'threshold', header: 'Threshold', cell: (warning) => THRESHOLD_WORDS[warning.threshold] },
          { id: 'rule', header: 'So far', cell: (warning) => `${warning.counted} of ${warning.rule}` },
          { id: 'closes', header: 'One more by', cell: (warning) => formatDate(warning.windowClosesOn) },
        ]}
      />
    </Section>
  );
}
