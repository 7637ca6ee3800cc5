// The tab reads the server's error body as the server writes it (api/http/errors.ts builds both here).
import { errorBody } from '../../api/http/errors';
import { apiErrorFrom } from '../../tab/src/api/api-error';

describe('an API error in the tab', () => {
  it('reads the field errors the server sends as a list, keeping the first message for each field', () => {
    const body = errorBody('VALIDATION_FAILED', 'Some fields need attention.', [
      { field: 'draft.subject.familyName', message: 'Give the family name.' },
      { field: 'draft.answers.q1', message: 'Answer this question.' },
      { field: 'draft.subject.familyName', message: 'Use at most 100 characters.' },
    ]);
    const error = apiErrorFrom(400, JSON.parse(JSON.stringify(body)));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields).toEqual({ 'draft.subject.familyName': 'Give the family name.', 'draft.answers.q1': 'Answer this question.' });
    expect(error.retryable).toBe(false);
  });

  it('has no field errors when the server names none', () => {
    const error = apiErrorFrom(409, errorBody('CONFLICT', 'This referral has already been submitted.'));
    expect(error.fields).toEqual({});
  });

  it.each([
    ['a map instead of a list', { name: 'Required' }, {}],
    ['entries without a message', [{ field: 'name' }, { field: 'town', message: 'Give the town.' }], { town: 'Give the town.' }],
    ['a string', 'name is required', {}],
  ])('shows only well-formed field errors when a body carries %s', (_name, fields, expected) => {
    const error = apiErrorFrom(400, { error: { code: 'VALIDATION_FAILED', message: 'Check the form.', fields } });
    expect(error.message).toBe('Check the form.');
    expect(error.fields).toEqual(expected);
  });

  it('says in words what went wrong when the body is not an API error at all', () => {
    const error = apiErrorFrom(503, '<html>Bad gateway</html>');
    expect(error.code).toBe('http_503');
    expect(error.fields).toEqual({});
    expect(error.retryable).toBe(true);
  });
});
