// A table whose sortable columns are sorted by click or by Enter/Space on the focused header; the
// header carries aria-sort and a live region says the new order.
import { useMemo, useState, type ReactNode } from 'react';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';

export type SortValue = string | number | Date | null | undefined;
export type SortDirection = 'ascending' | 'descending';

export interface DataColumn<Row> {
  id: string;
  header: string;
  cell: (row: Row) => ReactNode;
  /** Given only for columns that can be sorted. */
  sortValue?: (row: Row) => SortValue;
}

export interface DataTableProps<Row> {
  /** Names the table for screen readers: "Outstanding actions". */
  label: string;
  columns: DataColumn<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  initialSort?: { columnId: string; direction: SortDirection };
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode;
}

const useStyles = makeStyles({
  // Narrow panels scroll the table sideways; the region is focusable so the keyboard can scroll it.
  scroller: {
    overflowX: 'auto',
    maxWidth: '100%',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  // Fluent's fixed layout gives every column the same width, which crushes long agency names in
  // the side panel; automatic layout sizes columns by content and the region scrolls instead.
  table: { tableLayout: 'auto' },
  cell: { whiteSpace: 'normal', verticalAlign: 'top' },
  // Rows are read, not clicked: Fluent's hover shade gains nothing and, in the dark theme, puts the
  // links in a hovered row below WCAG's 4.5:1 contrast. Its hover text colour goes too: in the
  // high-contrast theme it is black, meant for the shade, and left the hovered row's text unreadable.
  row: {
    ':hover': { backgroundColor: 'transparent', color: tokens.colorNeutralForeground1 },
    ':active': { backgroundColor: 'transparent', color: tokens.colorNeutralForeground1 },
  },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

function rank(value: SortValue): number | string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.getTime() : value;
}

const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

/** Orders rows by one value; empty values go last whichever the direction. */
export function sortRows<Row>(rows: Row[], value: (row: Row) => SortValue, direction: SortDirection): Row[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const left = rank(value(a));
    const right = rank(value(b));
    if (left === null || right === null) return left === right ? 0 : left === null ? 1 : -1;
    if (typeof left === 'number' && typeof right === 'number') return sign * (left - right);
    return sign * collator.compare(String(left), String(right));
  });
}

export function DataTable<Row>({ label, columns, rows, rowKey, initialSort, empty }: DataTableProps<Row>) {
  const styles = useStyles();
  const [sort, setSort] = useState(initialSort ?? null);
  const sortedColumn = columns.find((column) => column.id === sort?.columnId);

  const sorted = useMemo(
    () => (sort && sortedColumn?.sortValue ? sortRows(rows, sortedColumn.sortValue, sort.direction) : rows),
    [rows, sort, sortedColumn],
  );

  if (rows.length === 0 && empty) return <>{empty}</>;

  const toggle = (columnId: string) =>
    setSort((current) => ({
      columnId,
      direction: current?.columnId === columnId && current.direction === 'ascending' ? 'descending' : 'ascending',
    }));

  return (
    <div className={styles.scroller} role="region" aria-label={label} tabIndex={0}>
      <Table aria-label={label} sortable size="small" className={styles.table}>
        <TableHeader>
          <TableRow>
            {columns.map((column) => (
              <TableHeaderCell
                key={column.id}
                sortable={Boolean(column.sortValue)}
                sortDirection={sort?.columnId === column.id ? sort.direction : undefined}
                onClick={column.sortValue ? () => toggle(column.id) : undefined}
              >
                {column.header}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {sorted.map((row) => (
            <TableRow key={rowKey(row)} className={styles.row}>
              {columns.map((column) => (
                <TableCell key={column.id} className={styles.cell}>
                  {column.cell(row)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div className={styles.hidden} aria-live="polite">
        {sort && sortedColumn ? `Sorted by ${sortedColumn.header}, ${sort.direction}` : ''}
      </div>
    </div>
  );
}
