// Risk over time: each assessment's score as a line, with the band and who assessed beside it in a table.
import { Body1 } from '@fluentui/react-components';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { CaseOverview } from '../../api/cases';
import { ChartFigure, SERIES_COLOURS } from '../../components/ChartFigure';
import { DataTable } from '../../components/DataTable';
import { RiskBadge } from '../../components/RiskBadge';
import { formatDate } from '../../components/words';

type Assessment = CaseOverview['riskHistory'][number];

export function RiskHistory({ assessments }: { assessments: Assessment[] }) {
  if (assessments.length === 0) {
    return <Body1>No risk assessment is recorded yet. Complete one from the case's referral or at its next review.</Body1>;
  }
  const points = assessments.map((assessment) => ({ when: formatDate(assessment.assessedAt), score: assessment.score }));
  return (
    <ChartFigure
      caption="Risk score at each assessment, oldest first. The band may be raised by professional judgement; the table says when."
      chart={
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} accessibilityLayer={false} margin={{ top: 8, right: 24, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="when" padding={{ left: 32, right: 32 }} />
            <YAxis allowDecimals={false} width={32} />
            <Line
              type="linear"
              dataKey="score"
              stroke={SERIES_COLOURS[0]}
              strokeWidth={2}
              dot={{ r: 4, fill: SERIES_COLOURS[0] }}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      }
      table={
        <DataTable
          label="Risk assessments"
          rows={assessments}
          rowKey={(assessment) => assessment.id}
          initialSort={{ columnId: 'when', direction: 'ascending' }}
          columns={[
            { id: 'when', header: 'Assessed', cell: (a) => formatDate(a.assessedAt), sortValue: (a) => a.assessedAt },
            { id: 'score', header: 'Score', cell: (a) => a.score, sortValue: (a) => a.score },
            { id: 'band', header: 'Band', cell: (a) => <RiskBadge band={a.finalBand} /> },
            {
              id: 'why',
              header: 'Assessed by',
              cell: (a) => (a.overrideBand ? `${a.assessedBy}; raised: ${a.overrideReason ?? 'no reason given'}` : a.assessedBy),
            },
          ]}
        />
      }
    />
  );
}
