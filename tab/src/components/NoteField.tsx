// A text box for a note or reason, with its length shown as it is typed and the API's limit enforced by the box.
import { useEffect, useRef } from 'react';
import { Field, Textarea } from '@fluentui/react-components';

export function NoteField({
  label,
  value,
  onChange,
  error,
  autoFocus,
  max = 4000,
  required = true,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  autoFocus?: boolean;
  /** The API's limit for this text (4,000 for action notes and reasons). */
  max?: number;
  required?: boolean;
}) {
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (autoFocus) box.current?.focus();
  }, [autoFocus]);
  return (
    <Field
      label={label}
      required={required}
      hint={`${value.length.toLocaleString('en-GB')} of ${max.toLocaleString('en-GB')} characters`}
      validationMessage={error}
      validationState={error ? 'error' : 'none'}
    >
      <Textarea ref={box} value={value} maxLength={max} resize="vertical" rows={4} onChange={(_event, data) => onChange(data.value)} />
    </Field>
  );
}
