// Each governance figure in its own section: a chart and the table with the same numbers.
import type { GovernanceFigures } from '../../api/governance';
import { FigureChart, type FigureRow } from '../../components/FigureChart';
import { countText, daysText, rateText } from '../../components/figures';
import { Section } from '../../components/Section';
import { RISK_WORDS, formatDate } from '../../components/words';

const NO_ACTIONS = 'No actions were set in this period. Choose a longer period, or check that panels record their actions.';

export function GovernanceSections({ figures }: { figures: GovernanceFigures }) {
  const byAgency = (
    pick: (row: GovernanceFigures['actionsByAgency'][number]) => FigureRow['cell'],
    more?: (row: GovernanceFigures['actionsByAgency'][number]) => Record<string, string>,
  ) =>
    figures.actionsByAgency.map((row) => ({
      key: row.agency.id,
      label: row.agency.name,
      cell: pick(row),
      ...(more ? { more: more(row) } : {}),
    }));
  const totals = figures.actionTotals;
  const change = figures.riskChange;
  const repeat = figures.repeatReferrals;

  return (
    <>
      <Section id="completion" title="Action completion rate by agency">
        <FigureChart
          label="Action completion rate by agency"
          rowHeader="Agency"
          valueHeader="Completed"
          kind="rate"
          rows={byAgency(
            (row) => row.completionRate,
            (row) => ({ 'Actions set': countText(row.set), 'Actions completed': countText(row.completed) }),
          )}
          moreHeaders={['Actions set', 'Actions completed']}
          caption={`All agencies: ${rateText(totals.completionRate)} of ${countText(totals.set)} actions set in the period were completed.`}
          empty={NO_ACTIONS}
        />
      </Section>
      <Section id="median" title="Median days to complete an action, by agency">
        <FigureChart
          label="Median days to complete an action, by agency"
          rowHeader="Agency"
          valueHeader="Median days"
          kind="days"
          rows={byAgency((row) => row.medianDaysToComplete)}
          caption={`All agencies: ${daysText(totals.medianDaysToComplete)}.`}
          empty={NO_ACTIONS}
        />
      </Section>
      <Section id="overdue" title="Overdue actions by agency">
        <FigureChart
          label="Overdue actions by agency"
          rowHeader="Agency"
          valueHeader="Overdue"
          kind="count"
          rows={byAgency((row) => row.overdue)}
          caption={`Open and past their due date on ${formatDate(figures.asOf)}. All agencies: ${countText(totals.overdue)}.`}
          empty={NO_ACTIONS}
        />
      </Section>
      <Section id="bands" title="Cases by risk band">
        <FigureChart
          label="Cases by risk band"
          rowHeader="Risk band"
          valueHeader="Cases"
          kind="count"
          rows={figures.casesByRiskBand.map((row) => ({ key: row.band, label: RISK_WORDS[row.band], cell: row.cases }))}
          caption="Cases open at any time in the period, by their current or closing band."
          empty="No cases were open in this period."
        />
      </Section>
      <Section id="risk-change" title="Risk change between referral and closure">
        <FigureChart
          label="Risk change between referral and closure"
          rowHeader="Change"
          valueHeader="Cases"
          kind="count"
          rows={[
            { key: 'reduced', label: 'Reduced', cell: change.reduced },
            { key: 'unchanged', label: 'Unchanged', cell: change.unchanged },
            { key: 'increased', label: 'Increased', cell: change.increased },
            { key: 'unknown', label: 'Not assessed', cell: change.unknown },
          ]}
          caption={`Cases closed in the period: ${countText(change.closed)}. Band at referral compared with band at closure.`}
          empty=""
        />
      </Section>
      <Section id="tools" title="Tools and powers used">
        <FigureChart
          label="Tools and powers used"
          rowHeader="Tool or power"
          valueHeader="Used"
          kind="count"
          rows={figures.toolsAndPowers.map((row) => ({ key: row.type, label: row.name, cell: row.used }))}
          caption="Issued in the period; proposals and withdrawn ones are not counted."
          empty="No tools or powers were issued in this period."
        />
      </Section>
      <Section id="sources" title="Referrals by source agency">
        <FigureChart
          label="Referrals by source agency"
          rowHeader="Agency"
          valueHeader="Referrals"
          kind="count"
          rows={figures.referralsBySourceAgency.map((row) => ({ key: row.agency.id, label: row.agency.name, cell: row.referrals }))}
          caption="Referrals submitted in the period, by the referrer's agency."
          empty="No referrals were submitted in this period."
        />
      </Section>
      <Section id="repeats" title="Repeat referrals">
        <FigureChart
          label="Repeat referrals"
          rowHeader="Referrals"
          valueHeader="Number"
          kind="count"
          rows={[
            { key: 'all', label: 'All referrals', cell: repeat.referrals },
            { key: 'repeats', label: 'Repeat referrals', cell: repeat.repeats },
          ]}
          caption={`Repeat rate: ${rateText(repeat.rate)}. A repeat is a referral about someone or somewhere already referred in the twelve months before.`}
          empty=""
        />
      </Section>
    </>
  );
}
