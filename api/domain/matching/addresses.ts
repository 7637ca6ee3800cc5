// UK postcodes and addresses in one written form, so the same place entered by different agencies
// can be matched and indexed.

import { fail, ok, type Result } from '../result';

// Outward code: area letters, district digits and letters as allowed by Royal Mail (BS 7666);
// inward code: a digit and two letters, never C, I, K, M, O or V. GIR 0AA is the one legacy exception.
const POSTCODE =
  /^(?:GIR 0AA|[A-PR-UWYZ](?:[0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRVWXY]) [0-9][ABD-HJLNP-UW-Z]{2})$/;
const POSTCODE_AT_END = /\b([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})$/i;

/** Upper case, one space before the inward code ("bb111aa" → "BB11 1AA"); refused if not a UK postcode. */
export function normalisePostcode(raw: string): Result<string> {
  const compact = raw.toUpperCase().replace(/\s+/g, '');
  const candidate = compact.length > 3 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
  if (!POSTCODE.test(candidate)) {
    return fail('POSTCODE_INVALID', `"${raw.trim()}" is not a UK postcode; it should look like BB11 1AA.`, 'postcode');
  }
  return ok(candidate);
}

const WORD_FOR: Record<string, string> = {
  rd: 'road',
  st: 'street',
  ave: 'avenue',
  av: 'avenue',
  ln: 'lane',
  cl: 'close',
  cres: 'crescent',
  dr: 'drive',
  ct: 'court',
  pl: 'place',
  sq: 'square',
  gdns: 'gardens',
  gr: 'grove',
  tce: 'terrace',
  pk: 'park',
  hse: 'house',
  apt: 'flat',
  apartment: 'flat',
  bldgs: 'buildings',
};

/**
 * Lower case, punctuation removed, usual abbreviations written out, and a trailing postcode
 * dropped (it is compared separately). "St" always becomes "street", even for a saint: both sides
 * are normalised alike, so matching is unaffected.
 */
export function normaliseAddress(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .trim()
    .replace(POSTCODE_AT_END, '')
    .toLowerCase()
    .replace(/['\u2018\u2019`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .map((word) => WORD_FOR[word] ?? word)
    .join(' ');
}

/** House and flat numbers ("14", "14a"), which must agree for two addresses to be one property. */
export function propertyNumbers(normalisedAddress: string): string[] {
  return normalisedAddress
    .split(' ')
    .filter((word) => /^[0-9]+[a-z]?$/.test(word))
    .sort();
}
