// A date of birth as GOV.UK asks for one: day, month and year in their own boxes, in one group with
// a hint. The boxes are kept as typed (in the draft, so nothing is lost); the date is written only
// once the three make a date.
import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { fieldId } from './field-ids';

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

const useStyles = makeStyles({
  group: { border: 'none', margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXXS },
  hint: { display: 'block', color: tokens.colorNeutralForeground3, marginBottom: tokens.spacingVerticalS },
  boxes: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  short: { width: '4rem' },
  year: { width: '6rem' },
  error: { color: tokens.colorPaletteRedForeground1, display: 'block', marginTop: tokens.spacingVerticalXS },
});

export const EMPTY_PARTS: DateParts = { day: '', month: '', year: '' };

/** The three boxes of an ISO date ('1958-03-07' → 7, 3, 1958). */
export function partsOf(date: string | undefined): DateParts {
  const match = date?.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  return match ? { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1]! } : EMPTY_PARTS;
}

/** The ISO date the boxes make, or null when they do not make a real one. */
export function dateOf(parts: DateParts): string | null {
  const [day, month, year] = [parts.day, parts.month, parts.year].map((part) => part.trim());
  if (!/^\d{1,2}$/.test(day!) || !/^\d{1,2}$/.test(month!) || !/^\d{4}$/.test(year!)) return null;
  const date = `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date ? date : null;
}

/** GOV.UK's wording for boxes left part-filled, or null when none or all are filled. */
export function missingPartMessage(parts: DateParts, label: string): string | null {
  const missing = (['day', 'month', 'year'] as const).filter((part) => parts[part].trim() === '');
  if (missing.length === 0 || missing.length === 3) return null;
  return `${label} must include a ${missing.join(' and ')}.`;
}

export interface DateOfBirthInputProps {
  field: string;
  parts: DateParts;
  error: string | undefined;
  onChange(parts: DateParts): void;
}

export function DateOfBirthInput({ field, parts, error, onChange }: DateOfBirthInputProps) {
  const styles = useStyles();
  const id = fieldId(field);
  const box = (part: keyof DateParts, label: string, className: string, maxLength: number) => (
    <Field label={label}>
      <Input
        className={className}
        inputMode="numeric"
        maxLength={maxLength}
        value={parts[part]}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onChange={(_, data) => onChange({ ...parts, [part]: data.value })}
      />
    </Field>
  );
  return (
    <fieldset id={id} className={styles.group} role="group" aria-describedby={`${id}-hint`}>
      <legend className={styles.legend}>Date of birth (optional)</legend>
      <span id={`${id}-hint`} className={styles.hint}>
        For example, 27 3 1958. If you know it, it helps find an existing record.
      </span>
      <div className={styles.boxes}>
        {box('day', 'Day', styles.short, 2)}
        {box('month', 'Month', styles.short, 2)}
        {box('year', 'Year', styles.year, 4)}
      </div>
      {error && (
        <span id={`${id}-error`} className={styles.error}>
          {error}
        </span>
      )}
    </fieldset>
  );
}
