// The columns an import of existing cases understands, and the mapping from a file's own headers to
// them that the admin confirms. Exports from ECINS, Sentinel and spreadsheets name the same thing in
// different words, so each field lists the headers it is usually found under.

export const CASE_FIELDS = [
  { key: 'caseId', label: 'Case id', required: true, aliases: ['case ref', 'case reference', 'case number', 'case no', 'reference'] },
  { key: 'caseType', label: 'Case type', required: true, aliases: ['type', 'subject type', 'case kind'] },
  { key: 'status', label: 'Status', required: false, aliases: ['case status'] },
  { key: 'openedOn', label: 'Opened on', required: true, aliases: ['opened', 'date opened', 'open date', 'start date', 'created'] },
  { key: 'leadAgency', label: 'Lead agency', required: true, aliases: ['agency', 'owning agency', 'lead organisation', 'owner'] },
  { key: 'riskBand', label: 'Risk band', required: false, aliases: ['risk', 'risk level', 'risk rating'] },
  { key: 'summary', label: 'Summary', required: false, aliases: ['description', 'case summary', 'notes'] },
  { key: 'victimId', label: 'Victim id', required: false, aliases: ['victim ref', 'victim person id'] },
  { key: 'victimGivenName', label: 'Victim given name', required: false, aliases: ['victim first name', 'victim forename'] },
  { key: 'victimFamilyName', label: 'Victim family name', required: false, aliases: ['victim surname', 'victim last name'] },
  { key: 'victimDateOfBirth', label: 'Victim date of birth', required: false, aliases: ['victim dob'] },
  { key: 'perpetratorId', label: 'Perpetrator id', required: false, aliases: ['perpetrator ref', 'perpetrator person id'] },
  {
    key: 'perpetratorGivenName',
    label: 'Perpetrator given name',
    required: false,
    aliases: ['perpetrator first name', 'perpetrator forename'],
  },
  {
    key: 'perpetratorFamilyName',
    label: 'Perpetrator family name',
    required: false,
    aliases: ['perpetrator surname', 'perpetrator last name'],
  },
  { key: 'perpetratorDateOfBirth', label: 'Perpetrator date of birth', required: false, aliases: ['perpetrator dob'] },
  { key: 'locationId', label: 'Location id', required: false, aliases: ['location ref', 'address id', 'property ref'] },
  { key: 'address', label: 'Address', required: false, aliases: ['address line 1', 'address 1', 'street address'] },
  { key: 'town', label: 'Town', required: false, aliases: ['city', 'town city'] },
  { key: 'postcode', label: 'Postcode', required: false, aliases: ['post code', 'postal code'] },
  { key: 'ward', label: 'Ward', required: false, aliases: ['electoral ward'] },
] as const;

export type CaseFieldKey = (typeof CASE_FIELDS)[number]['key'];
export const CASE_FIELD_KEYS = CASE_FIELDS.map((field) => field.key) as CaseFieldKey[];

/** Field → the header of the file's column that holds it; fields the file lacks are left out. */
export type ColumnMapping = Partial<Record<CaseFieldKey, string>>;

function comparable(header: string): string {
  return header
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Each field's column, where a header says it in the field's name or one of its usual names. */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
  const byComparable = new Map<string, string>();
  for (const header of headers) if (!byComparable.has(comparable(header))) byComparable.set(comparable(header), header);
  const mapping: ColumnMapping = {};
  for (const field of CASE_FIELDS) {
    const names = [field.key, field.label, ...field.aliases].map(comparable);
    const header = names.map((name) => byComparable.get(name)).find((found) => found !== undefined);
    if (header !== undefined) mapping[field.key] = header;
  }
  return mapping;
}

/** Required fields that the mapping gives no column for. */
export function missingRequiredFields(mapping: ColumnMapping): Array<{ key: CaseFieldKey; label: string }> {
  return CASE_FIELDS.filter((field) => field.required && !mapping[field.key]).map(({ key, label }) => ({ key, label }));
}

/** Mapped headers the file does not have (a mapping confirmed against another file). */
export function unknownMappedHeaders(mapping: ColumnMapping, headers: readonly string[]): string[] {
  const present = new Set(headers);
  return Object.values(mapping).filter((header): header is string => header !== undefined && !present.has(header));
}
