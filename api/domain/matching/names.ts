// Normalising people's names so that "Siobhán O'Brien", "SIOBHAN OBRIEN" and "siobhan o brien"
// can be found as one person, and the key the store indexes them by.

/** Letters that Unicode does not decompose into a base letter plus accent. */
const LETTER_SPELLINGS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/**
 * Common English short forms. Only forms with one likely full name are listed: "Alex", "Sam",
 * "Chris" could stand for several, so they are left as written rather than guessed.
 */
const FULL_NAME_OF: Record<string, string> = {
  andy: 'andrew',
  drew: 'andrew',
  bill: 'william',
  billy: 'william',
  will: 'william',
  liam: 'william',
  bob: 'robert',
  bobby: 'robert',
  rob: 'robert',
  robbie: 'robert',
  dan: 'daniel',
  danny: 'daniel',
  dave: 'david',
  ed: 'edward',
  eddie: 'edward',
  ted: 'edward',
  jim: 'james',
  jimmy: 'james',
  jamie: 'james',
  joe: 'joseph',
  ken: 'kenneth',
  kenny: 'kenneth',
  matt: 'matthew',
  mick: 'michael',
  mike: 'michael',
  mickey: 'michael',
  nick: 'nicholas',
  pete: 'peter',
  rich: 'richard',
  rick: 'richard',
  dick: 'richard',
  steve: 'stephen',
  tom: 'thomas',
  tommy: 'thomas',
  tony: 'anthony',
  beth: 'elizabeth',
  betty: 'elizabeth',
  liz: 'elizabeth',
  lizzie: 'elizabeth',
  cathy: 'catherine',
  kate: 'catherine',
  katie: 'catherine',
  jenny: 'jennifer',
  jen: 'jennifer',
  maggie: 'margaret',
  meg: 'margaret',
  peggy: 'margaret',
  sue: 'susan',
  susie: 'susan',
  vicky: 'victoria',
  vicki: 'victoria',
};

/** Lower case, accents and punctuation removed, apostrophes closed up, single spaces. */
export function normaliseName(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (letter) => LETTER_SPELLINGS[letter] ?? letter)
    .replace(/['\u2018\u2019`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The full form of each given name where it is a well-known short form ("Bob" → "robert"). */
export function fullGivenNames(givenNames: string): string {
  return normaliseName(givenNames)
    .split(' ')
    .map((name) => FULL_NAME_OF[name] ?? name)
    .join(' ');
}

/** Spaces closed up too, so "O Brien", "O'Brien" and "Smith-Jones"/"Smith Jones" agree. */
export function normaliseFamilyName(raw: string): string {
  return normaliseName(raw).replace(/ /g, '');
}

/** Family name first, so the store can look people up by a prefix of their surname. */
export function personNameKey(givenNames: string, familyName: string): string {
  return `${normaliseFamilyName(familyName)} ${fullGivenNames(givenNames)}`.trim();
}
