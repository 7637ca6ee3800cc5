// The filter bar over an actions list. The filters live in the page address (#/actions?overdue=true),
// so a filtered list can be bookmarked, shared in a chat and survives a reload.
import { Checkbox, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useNavigate } from 'react-router';
import { ACTION_STATUSES, type ActionChoices } from '../api/actions';
import type { ReadParams } from '../api/use-api-query';
import { pageAddress } from '../router/addresses';
import { STATUS_WORDS } from './words';

const useStyles = makeStyles({
  bar: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 11rem), 1fr))',
    alignItems: 'end',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    margin: `0 0 ${tokens.spacingVerticalL}`,
    padding: 0,
    border: 'none',
    // A long agency name in a select must not widen the side panel.
    '& > *': { minWidth: 0 },
  },
  select: { minWidth: 0, maxWidth: '100%' },
  legend: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)' },
});

/** The query keys the API's list routes take; anything else in the address is ignored. */
export const FILTER_KEYS = ['panelId', 'agencyId', 'officerId', 'status', 'overdue', 'sort'] as const;

/** The filters of the API's list routes (both take the same). */
export type ListQuery = NonNullable<ReadParams<'/api/actions'>['query']>;

/** The API query for a list page's address query: `#/actions?overdue=true` asks `/api/actions?overdue=true`. */
export function listQuery(query: URLSearchParams): ListQuery {
  const filters: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = query.get(key);
    if (value) filters[key] = value;
  }
  // The address is the member's to edit: the API checks each value, and answers a bad one with a 400 the page shows.
  return filters as ListQuery;
}

export interface ActionFiltersProps {
  /** The page's own path, to write the filters back to the address. */
  pagePath: string;
  query: URLSearchParams;
  /** What the panel, agency and officer filters offer; empty while they load. */
  choices: ActionChoices;
  /** My actions has no use for panel, agency and officer filters. */
  byOwner: boolean;
}

export function ActionFilters({ pagePath, query, choices, byOwner }: ActionFiltersProps) {
  const styles = useStyles();
  const navigate = useNavigate();
  const set = (key: (typeof FILTER_KEYS)[number], value: string) => {
    const next = new URLSearchParams();
    for (const name of FILTER_KEYS) {
      const current = name === key ? value : query.get(name);
      if (current) next.set(name, current);
    }
    navigate(pageAddress(pagePath, next));
  };
  const choose = (key: 'panelId' | 'agencyId' | 'officerId', label: string, all: string, options: { id: string; name: string }[]) => (
    <Field label={label}>
      <Select className={styles.select} value={query.get(key) ?? ''} onChange={(_event, data) => set(key, data.value)}>
        <option value="">{all}</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </Select>
    </Field>
  );

  return (
    <fieldset className={styles.bar}>
      <legend className={styles.legend}>Filter and sort the actions</legend>
      {byOwner && choose('panelId', 'Panel', 'All panels', choices.panels)}
      {byOwner && choose('agencyId', 'Agency', 'All agencies', choices.agencies)}
      {byOwner && choose('officerId', 'Officer', 'All officers', choices.officers)}
      <Field label="Status">
        <Select value={query.get('status') ?? ''} onChange={(_event, data) => set('status', data.value)}>
          <option value="">All outstanding</option>
          {ACTION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_WORDS[status]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Sort by">
        <Select value={query.get('sort') ?? 'due'} onChange={(_event, data) => set('sort', data.value === 'due' ? '' : data.value)}>
          <option value="due">Due date, oldest first</option>
          <option value="risk">Risk band, highest first</option>
        </Select>
      </Field>
      <Checkbox
        label="Overdue only"
        checked={query.get('overdue') === 'true'}
        onChange={(_event, data) => set('overdue', data.checked ? 'true' : '')}
      />
    </fieldset>
  );
}
