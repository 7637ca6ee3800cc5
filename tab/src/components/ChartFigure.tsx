// A chart with the same figures as a table beside it: the chart is for the eye, the table is what
// screen readers and keyboard users read, so the chart itself is hidden from assistive technology.
import type { ReactNode } from 'react';
import { Caption1, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  // Side by side in the full tab, chart above table in the side panel.
  figure: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    alignItems: 'flex-start',
    margin: 0,
  },
  table: { flex: '1 1 18rem', minWidth: 0 },
  chart: {
    flex: '1 1 18rem',
    minWidth: 0,
    // Recharts draws with SVG attributes; these rules give its parts the Teams theme's colours.
    '& .recharts-cartesian-axis-tick-value': { fill: tokens.colorNeutralForeground1, fontSize: tokens.fontSizeBase200 },
    '& .recharts-cartesian-axis-line, & .recharts-cartesian-axis-tick-line': { stroke: tokens.colorNeutralStroke1 },
    '& .recharts-cartesian-grid line': { stroke: tokens.colorNeutralStroke2 },
    '& .recharts-legend-item-text': { color: `${tokens.colorNeutralForeground1} !important` },
  },
  caption: { flexBasis: '100%', color: tokens.colorNeutralForeground2 },
});

export interface ChartFigureProps {
  chart: ReactNode;
  table: ReactNode;
  /** Says what the chart shows, and how small numbers are shown. */
  caption?: ReactNode;
  /** Pixels: bar charts grow with their number of bars. */
  height?: number;
}

export function ChartFigure({ chart, table, caption, height = 240 }: ChartFigureProps) {
  const styles = useStyles();
  return (
    <figure className={styles.figure}>
      <div className={styles.chart} style={{ height }} aria-hidden="true">
        {chart}
      </div>
      <div className={styles.table}>{table}</div>
      {caption && (
        <figcaption className={styles.caption}>
          <Caption1>{caption}</Caption1>
        </figcaption>
      )}
    </figure>
  );
}

/** The series colours: Fluent's brand and palette tokens, which each Teams theme redefines. */
export const SERIES_COLOURS = [
  tokens.colorBrandForeground1,
  tokens.colorPaletteDarkOrangeForeground2,
  tokens.colorPaletteGreenForeground2,
  tokens.colorPaletteBerryForeground2,
];
