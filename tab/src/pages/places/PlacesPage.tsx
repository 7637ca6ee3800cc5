// Vulnerable localities and hotspots: incidents or new cases by ward and month, as a heat table.
import { Badge, Field, Select, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useNavigate } from 'react-router';
import type { Cell, PlacesHeatTable } from '../../api/governance';
import { useApiQuery } from '../../api/use-api-query';
import { EmptyState } from '../../components/EmptyState';
import { countText } from '../../components/figures';
import { PageHeader } from '../../components/PageHeader';
import { PeriodPicker } from '../../components/PeriodPicker';
import { QueryView } from '../../components/QueryView';
import { formatDate, formatMonth } from '../../components/words';
import { pageAddress } from '../../router/addresses';
import type { PageProps } from '../../router/pages';

const useStyles = makeStyles({
  scroller: {
    overflowX: 'auto',
    maxWidth: '100%',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  th: {
    padding: tokens.spacingHorizontalS,
    textAlign: 'left',
    fontWeight: tokens.fontWeightSemibold,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    whiteSpace: 'nowrap',
  },
  cell: {
    padding: tokens.spacingHorizontalS,
    textAlign: 'right',
    minWidth: '2.5rem',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  // Three steps of heat from the theme's own palette, so each Teams theme keeps its contrast; the
  // number is always written in the cell, so colour is never the only signal.
  warm: { backgroundColor: tokens.colorPaletteYellowBackground2 },
  hot: { backgroundColor: tokens.colorPaletteDarkOrangeBackground2 },
  hottest: { backgroundColor: tokens.colorPaletteRedBackground2, fontWeight: tokens.fontWeightBold },
  area: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  controls: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalM },
});

type Measure = 'incidents' | 'cases';

function HeatTable({ table, measure }: { table: PlacesHeatTable; measure: Measure }) {
  const styles = useStyles();
  const highest = Math.max(1, ...table.areas.flatMap((row) => row[measure].map((cell) => cell.value ?? 0)));
  const heat = (cell: Cell) => {
    const share = (cell.value ?? 0) / highest;
    if (cell.value === null || cell.value === 0) return undefined;
    return share > 0.66 ? styles.hottest : share > 0.33 ? styles.hot : styles.warm;
  };
  const label = measure === 'incidents' ? 'Incidents by ward and month' : 'New cases by ward and month';
  return (
    <div className={styles.scroller} role="region" aria-label={label} tabIndex={0}>
      <table className={styles.table}>
        <caption className={styles.th}>{label}</caption>
        <thead>
          <tr>
            <th scope="col" className={styles.th}>
              Ward
            </th>
            {table.months.map((month) => (
              <th key={month} scope="col" className={styles.th}>
                {formatMonth(month)}
              </th>
            ))}
            <th scope="col" className={styles.th}>
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {table.areas.map((row) => (
            <tr key={row.area}>
              <th scope="row" className={styles.th}>
                <span className={styles.area}>
                  {row.area}
                  {row.hotspot && (
                    <Badge appearance="filled" color="danger">
                      Hotspot
                    </Badge>
                  )}
                </span>
              </th>
              {row[measure].map((cell, index) => (
                <td key={table.months[index]} className={mergeClasses(styles.cell, heat(cell))}>
                  {cell.suppressed && !cell.secondary ? '<5' : countText(cell)}
                </td>
              ))}
              <td className={styles.cell}>{countText(measure === 'incidents' ? row.incidentsTotal : row.casesTotal)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function PlacesPage({ query }: PageProps) {
  const styles = useStyles();
  const navigate = useNavigate();
  const asked: { from?: string; to?: string } = {};
  for (const key of ['from', 'to'] as const) if (query.get(key)) asked[key] = query.get(key)!;
  const places = useApiQuery('/api/places', { params: { query: asked } });
  const measure: Measure = query.get('show') === 'cases' ? 'cases' : 'incidents';
  const period = places.status === 'ready' ? places.data.period : null;
  const show = (value: string) => {
    const next = new URLSearchParams(asked);
    if (value === 'cases') next.set('show', 'cases');
    navigate(pageAddress('places', next));
  };
  return (
    <>
      <PageHeader
        title="Places"
        description={
          period
            ? `Vulnerable localities and hotspots from ${formatDate(period.from)} to ${formatDate(period.to)}.`
            : 'Vulnerable localities and hotspots.'
        }
      />
      <PeriodPicker pagePath="places" period={period} keep={measure === 'cases' ? { show: 'cases' } : {}} />
      <div className={styles.controls}>
        <Field label="Show">
          <Select value={measure} onChange={(_event, data) => show(data.value)}>
            <option value="incidents">Incidents</option>
            <option value="cases">New cases</option>
          </Select>
        </Field>
      </div>
      <QueryView query={places} loadingLabel="Loading places" errorTitle="Could not load the places">
        {(data) =>
          data.areas.length === 0 ? (
            <EmptyState
              title="No incidents or cases in this period"
              whatToDo="Choose a longer period. Incidents appear here once partners record them with an address."
            />
          ) : (
            <>
              <HeatTable table={data} measure={measure} />
              <p>
                A hotspot has at least twice the incidents of the typical ward, and at least five.
                {data.suppressed
                  ? ' Counts from 1 to 4 are shown as <5, because your role does not see the cases behind them; a count that would let one be worked out is withheld too.'
                  : ''}
              </p>
            </>
          )
        }
      </QueryView>
    </>
  );
}
