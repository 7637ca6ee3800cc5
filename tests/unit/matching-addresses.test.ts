import { normaliseAddress, normalisePostcode, propertyNumbers } from '../../api/domain/matching/addresses';

describe('normalising UK postcodes', () => {
  it.each<[string, string]>([
    ['bb111aa', 'BB11 1AA'],
    [' BB11  1AA ', 'BB11 1AA'],
    ['sw1a1aa', 'SW1A 1AA'],
    ['W1A 0AX', 'W1A 0AX'],
    ['m1 1ae', 'M1 1AE'],
    ['CR2 6XH', 'CR2 6XH'],
    ['EC1A 1BB', 'EC1A 1BB'],
    ['gir0aa', 'GIR 0AA'],
  ])('writes %p as %p', (raw, expected) => {
    expect(normalisePostcode(raw)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, string]>([
    ['BB11 1CA', 'the inward code uses C, which Royal Mail never does'],
    ['QB11 1AA', 'no postcode area starts with Q'],
    ['BB11', 'only the outward code was given'],
    ['12345', 'it is a number, not a postcode'],
    ['', 'it is empty'],
  ])('refuses %p because %s', (raw) => {
    const result = normalisePostcode(raw);
    expect(!result.ok && result.error.code).toBe('POSTCODE_INVALID');
  });

  it('says what a postcode should look like', () => {
    const result = normalisePostcode('BB11 1CA');
    expect(!result.ok && result.error.message).toBe('"BB11 1CA" is not a UK postcode; it should look like BB11 1AA.');
  });
});

describe('normalising addresses', () => {
  it.each<[string, string]>([
    ['14 Elm St.', '14 elm street'],
    ['Flat 2, 14 Elm Street, Burnley BB11 1AA', 'flat 2 14 elm street burnley'],
    ['Apt 3 Victoria Gdns', 'flat 3 victoria gardens'],
    ["St Mary's Rd", 'street marys road'],
    ['14 ELM STREET, bb111aa', '14 elm street'],
  ])('writes %p as %p', (raw, expected) => {
    expect(normaliseAddress(raw)).toBe(expected);
  });

  it('finds the house and flat numbers', () => {
    expect(propertyNumbers('flat 2 14a elm street')).toEqual(['14a', '2']);
  });
});
