// Each form field's element id, from the API's field name ('subject.givenName' → 'referral-subject-givenName'),
// so the error summary can link to it and the API's field messages land beside it.

export function fieldId(field: string): string {
  return `referral-${field.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

/** Moves focus to a field's control: the first input of a group of radios or date boxes. */
export function focusField(field: string): void {
  const element = document.getElementById(fieldId(field));
  const control = element?.matches('input, textarea, select') ? element : element?.querySelector<HTMLElement>('input, textarea, select');
  (control ?? element)?.focus();
}
