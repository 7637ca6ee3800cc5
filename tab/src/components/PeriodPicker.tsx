// The period a figures page covers, kept in the page address (#/dashboard?from=…&to=…).
import { useState, type FormEvent } from 'react';
import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import type { Period } from '../api/governance';
import { useNavigate } from 'react-router';
import { pageAddress } from '../router/addresses';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalL,
  },
});

export interface PeriodPickerProps {
  pagePath: string;
  /** The period the figures on screen cover (the API fills in the default). */
  period: Period | null;
  /** Other settings of the page's address to keep when the period changes. */
  keep?: Record<string, string>;
}

export function PeriodPicker({ pagePath, period, keep = {} }: PeriodPickerProps) {
  const styles = useStyles();
  const navigate = useNavigate();
  const [from, setFrom] = useState(period?.from ?? '');
  const [to, setTo] = useState(period?.to ?? '');
  const [shownPeriod, setShownPeriod] = useState(period);
  // When the figures arrive for a new period, the fields show what they cover.
  if (period && (period.from !== shownPeriod?.from || period.to !== shownPeriod.to)) {
    setShownPeriod(period);
    setFrom(period.from);
    setTo(period.to);
  }
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const query: Record<string, string> = { ...keep };
    if (from) query.from = from;
    if (to) query.to = to;
    navigate(pageAddress(pagePath, query));
  };
  return (
    <form className={styles.form} onSubmit={apply} aria-label="Period">
      <Field label="From">
        <Input type="date" value={from} onChange={(_event, data) => setFrom(data.value)} />
      </Field>
      <Field label="To">
        <Input type="date" value={to} onChange={(_event, data) => setTo(data.value)} />
      </Field>
      <Button type="submit" appearance="primary">
        Show figures
      </Button>
    </form>
  );
}
