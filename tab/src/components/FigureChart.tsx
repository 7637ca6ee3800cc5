// One governance figure as a bar chart with the same numbers in a table beside it. Withheld small
// numbers have no bar; the table says "fewer than 5" in words.
import type { ReactNode } from 'react';
import { Body1 } from '@fluentui/react-components';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { Cell } from '../api/governance';
import { useNarrow } from '../layout/narrow';
import { ChartFigure, SERIES_COLOURS } from './ChartFigure';
import { DataTable, type DataColumn } from './DataTable';
import { countText, daysText, plotted, rateText } from './figures';

export interface FigureRow {
  key: string;
  label: string;
  cell: Cell;
  /** Further columns for the table only, such as the counts behind a rate. */
  more?: Record<string, string>;
}

export type FigureKind = 'count' | 'rate' | 'days';

/** Bar labels are cut short to fit beside the bars on one line; the table has them in full. */
export const shortened = (length: number) => (label: string) => (label.length > length ? `${label.slice(0, length - 1)}…` : label);

const TEXT: Record<FigureKind, (cell: Cell) => string> = { count: countText, rate: rateText, days: daysText };

export interface FigureChartProps {
  /** Names the table: "Completion rate by agency". */
  label: string;
  rowHeader: string;
  valueHeader: string;
  kind: FigureKind;
  rows: FigureRow[];
  /** Headers of the `more` columns, in order. */
  moreHeaders?: string[];
  caption?: ReactNode;
  /** Said instead of the chart when there are no rows: what would put figures here. */
  empty: string;
}

export function FigureChart({ label, rowHeader, valueHeader, kind, rows, moreHeaders = [], caption, empty }: FigureChartProps) {
  const narrow = useNarrow();
  if (rows.length === 0) return <Body1>{empty}</Body1>;
  const labels = narrow ? { width: 110, length: 13 } : { width: 180, length: 22 };
  const text = TEXT[kind];
  const data = rows.map((row) => ({
    label: row.label,
    value: kind === 'rate' && plotted(row.cell) !== null ? Math.round(plotted(row.cell)! * 1000) / 10 : plotted(row.cell),
  }));
  const columns: DataColumn<FigureRow>[] = [
    { id: 'label', header: rowHeader, cell: (row) => row.label, sortValue: (row) => row.label },
    { id: 'value', header: valueHeader, cell: (row) => text(row.cell), sortValue: (row) => plotted(row.cell) },
    ...moreHeaders.map((header) => ({ id: header, header, cell: (row: FigureRow) => row.more?.[header] ?? '—' })),
  ];
  return (
    <ChartFigure
      caption={caption}
      height={Math.max(120, rows.length * 32 + 40)}
      chart={
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" accessibilityLayer={false} margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis
              type="number"
              allowDecimals={kind !== 'count'}
              domain={kind === 'rate' ? [0, 100] : [0, 'auto']}
              unit={kind === 'rate' ? '%' : ''}
            />
            <YAxis type="category" dataKey="label" width={labels.width} tickFormatter={shortened(labels.length)} interval={0} />
            <Bar dataKey="value" fill={SERIES_COLOURS[0]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      }
      table={<DataTable label={`${label}, as a table`} columns={columns} rows={rows} rowKey={(row) => row.key} />}
    />
  );
}
