// Every name and place in the demo is made up and meant to look made up: surnames such as Example
// and Placeholder, towns such as Sampleton, postcodes in the non-existent ZX area, phone numbers
// from Ofcom's range reserved for drama (07700 900000–900999) and e-mail under the reserved
// `.example` domain. Nobody reading a screenshot should wonder whether it shows a real person.

export const GIVEN_NAMES = [
  'Amira',
  'Ben',
  'Chloe',
  'Darren',
  'Eleanor',
  'Farhan',
  'Gemma',
  'Harvey',
  'Imogen',
  'Jamal',
  'Kerry',
  'Liam',
  'Maya',
  'Nathan',
  'Olivia',
  'Patrick',
  'Rosa',
  'Sanjay',
  'Tanya',
  'Usman',
  'Vera',
  'Wesley',
  'Yasmin',
  'Zoë',
  'Bernard',
  'Doreen',
  'Siobhán',
  'Kwame',
  'Agnieszka',
  'Callum',
  'Leah',
  'Mohammed',
  'Shannon',
  'Tyler',
  'Jade',
  'Reece',
  'Kieran',
  'Mabel',
  'Frank',
  'Edith',
] as const;

export const FAMILY_NAMES = [
  'Example',
  'Sample',
  'Placeholder',
  'Testington',
  'Madeup',
  'Fictional',
  'Dummy',
  'Notreal',
  'Mockley',
  'Testwell',
  'Samplewood',
  'Exampleton',
  'Demoson',
  'Pretend',
  'Imaginary',
  'Fauxley',
  'Invented',
  'Specimen',
  "O'Sample",
  'Testington-Brown',
  'Lorem',
  'Ipsum',
] as const;

export const STREETS = [
  'Example Road',
  'Sample Street',
  'Placeholder Lane',
  'Testington Avenue',
  'Madeup Close',
  'Fictional Way',
  'Lorem Crescent',
  'Ipsum Terrace',
  'Dummy Row',
  'Notreal Drive',
  'Mockley Gardens',
  'Pretend Place',
  'Specimen Walk',
  'Fauxley Court',
  'Invented Mews',
] as const;

/** Blocks of flats; a flat's first line is "Flat 4, Testington House". */
export const BLOCKS = ['Testington House', 'Sample Court', 'Placeholder Tower', 'Exampleton House'] as const;

export interface Ward {
  name: string;
  town: string;
  /** Postcode district in the fictional ZX area. */
  district: string;
  /** Neighbourhood policing area, used to group locations on reports. */
  area: string;
}

export const WARDS: readonly Ward[] = [
  { name: 'Fernbrook Central', town: 'Fernbrook', district: 'ZX1', area: 'Fernbrook Town' },
  { name: 'Fernbrook Riverside', town: 'Fernbrook', district: 'ZX1', area: 'Fernbrook Town' },
  { name: 'Fernbrook Heath', town: 'Fernbrook', district: 'ZX2', area: 'Fernbrook Town' },
  { name: 'Sampleton North', town: 'Sampleton', district: 'ZX3', area: 'Sampleton and Exampleford' },
  { name: 'Sampleton South', town: 'Sampleton', district: 'ZX3', area: 'Sampleton and Exampleford' },
  { name: 'Exampleford', town: 'Exampleford', district: 'ZX4', area: 'Sampleton and Exampleford' },
  { name: 'Testbury and Madeup Marsh', town: 'Testbury', district: 'ZX5', area: 'Rural East' },
  { name: 'Placeholder Green', town: 'Fernbrook', district: 'ZX6', area: 'Fernbrook Town' },
];

export interface NamedPlace {
  name: string;
  near: string;
  ward: string;
}

export const PUBLIC_SPACES: readonly NamedPlace[] = [
  { name: 'Sampleton Recreation Ground', near: 'off Example Road', ward: 'Sampleton North' },
  { name: 'Fernbrook Bus Station', near: 'Exampleton Square', ward: 'Fernbrook Central' },
  { name: 'Exampleford Skate Park', near: 'Lorem Crescent', ward: 'Exampleford' },
  { name: 'Testbury Canal Towpath', near: 'between Lock 3 and Dummy Row bridge', ward: 'Testbury and Madeup Marsh' },
  { name: 'Fernbrook Riverside Gardens', near: 'Fernbrook Riverside Walk', ward: 'Fernbrook Riverside' },
  { name: 'Placeholder Green Shopping Parade', near: 'Pretend Place', ward: 'Placeholder Green' },
  { name: 'Madeup Marsh Woods Car Park', near: 'Madeup Marsh Lane', ward: 'Testbury and Madeup Marsh' },
  { name: 'Sample Street Garage Block', near: 'rear of Sample Street', ward: 'Sampleton South' },
];

export const BUSINESSES: readonly NamedPlace[] = [
  { name: 'The Sample Arms', near: 'Sample Street', ward: 'Sampleton South' },
  { name: 'Lorem Late Convenience Store', near: 'Lorem Crescent', ward: 'Exampleford' },
  { name: 'Ipsum Kebab House', near: 'Exampleton Square', ward: 'Fernbrook Central' },
  { name: 'Fictional Motors', near: 'Fictional Way', ward: 'Fernbrook Heath' },
];

/** Letters allowed in the last two characters of a UK postcode. */
export const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

export const VICTIM_VULNERABILITIES = [
  'physical disability',
  'mental health',
  'learning disability',
  'older person living alone',
  'hearing impairment',
  'dementia',
  'autism',
  'recent bereavement',
  'long-term illness',
] as const;

export const PERPETRATOR_VULNERABILITIES = [
  'substance misuse',
  'mental health',
  'care leaver',
  'suspected exploitation',
  'learning disability',
] as const;
