// The columns an import of existing cases, incidents or open actions understands, and the mapping from
// a file's own headers to them that the admin confirms. Exports from ECINS, Sentinel and spreadsheets name the same thing in
// different words, so each field lists the headers it is usually found under.

export interface ImportField {
  key: string;
  label: string;
  required: boolean;
  aliases: readonly string[];
}

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
] as const satisfies readonly ImportField[];

export type CaseFieldKey = (typeof CASE_FIELDS)[number]['key'];

/** Incidents belong to cases imported earlier from the same system, found by the case's own id there. */
export const INCIDENT_FIELDS = [
  {
    key: 'incidentId',
    label: 'Incident id',
    required: true,
    aliases: ['incident ref', 'incident reference', 'incident number', 'incident no', 'log number'],
  },
  { key: 'caseRef', label: 'Case id', required: true, aliases: ['case ref', 'case reference', 'case number', 'case no'] },
  {
    key: 'occurredAt',
    label: 'Date and time',
    required: true,
    aliases: ['date', 'occurred', 'occurred at', 'incident date', 'date time', 'when'],
  },
  { key: 'category', label: 'Category', required: true, aliases: ['asb category', 'incident category', 'asb type'] },
  { key: 'description', label: 'Description', required: true, aliases: ['details', 'incident description', 'summary', 'what happened'] },
  { key: 'victimRefs', label: 'Victim ids', required: false, aliases: ['victim refs', 'victim ref', 'victim id', 'victims'] },
  {
    key: 'perpetratorRefs',
    label: 'Perpetrator ids',
    required: false,
    aliases: ['perpetrator refs', 'perpetrator ref', 'perpetrator id', 'perpetrators'],
  },
  { key: 'locationRef', label: 'Location id', required: false, aliases: ['location ref', 'address id', 'property ref', 'address ref'] },
] as const satisfies readonly ImportField[];

/** Open actions belong to cases imported earlier; their owners are this partnership's agencies and officers. */
export const ACTION_FIELDS = [
  {
    key: 'actionId',
    label: 'Action id',
    required: true,
    aliases: ['action ref', 'action reference', 'action number', 'action no', 'task id', 'task ref'],
  },
  { key: 'caseRef', label: 'Case id', required: true, aliases: ['case ref', 'case reference', 'case number', 'case no'] },
  { key: 'description', label: 'Action', required: true, aliases: ['description', 'action description', 'task', 'details'] },
  {
    key: 'ownerAgency',
    label: 'Owner agency',
    required: true,
    aliases: ['agency', 'owning agency', 'assigned agency', 'owner organisation'],
  },
  {
    key: 'ownerEmail',
    label: 'Owner officer e-mail',
    required: false,
    aliases: ['owner email', 'officer email', 'assigned to email', 'owner e mail', 'email'],
  },
  { key: 'dueDate', label: 'Due date', required: true, aliases: ['due', 'due on', 'target date', 'deadline'] },
  { key: 'status', label: 'Status', required: false, aliases: ['action status', 'task status'] },
] as const satisfies readonly ImportField[];

export const IMPORT_KINDS = ['CASES', 'INCIDENTS', 'ACTIONS'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const FIELDS_OF: Record<ImportKind, readonly ImportField[]> = {
  CASES: CASE_FIELDS,
  INCIDENTS: INCIDENT_FIELDS,
  ACTIONS: ACTION_FIELDS,
};

/** Field → the header of the file's column that holds it; fields the file lacks are left out. */
export type ColumnMapping = Record<string, string>;

function comparable(header: string): string {
  return header
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Each field's column, where a header says it in the field's name or one of its usual names. */
export function suggestMapping(headers: readonly string[], fields: readonly ImportField[] = CASE_FIELDS): ColumnMapping {
  const byComparable = new Map<string, string>();
  for (const header of headers) if (!byComparable.has(comparable(header))) byComparable.set(comparable(header), header);
  const mapping: ColumnMapping = {};
  for (const field of fields) {
    const names = [field.key, field.label, ...field.aliases].map(comparable);
    const header = names.map((name) => byComparable.get(name)).find((found) => found !== undefined);
    if (header !== undefined) mapping[field.key] = header;
  }
  return mapping;
}

/** Required fields that the mapping gives no column for. */
export function missingRequiredFields(
  mapping: ColumnMapping,
  fields: readonly ImportField[] = CASE_FIELDS,
): Array<{ key: string; label: string }> {
  return fields.filter((field) => field.required && !mapping[field.key]).map(({ key, label }) => ({ key, label }));
}

/** Mapped headers the file does not have (a mapping confirmed against another file). */
export function unknownMappedHeaders(mapping: ColumnMapping, headers: readonly string[]): string[] {
  const present = new Set(headers);
  return Object.values(mapping).filter((header): header is string => header !== undefined && !present.has(header));
}

/** Mapped fields the kind of file does not have (a mapping sent for another kind of file). */
export function unknownFields(mapping: ColumnMapping, fields: readonly ImportField[]): string[] {
  const known = new Set(fields.map((field) => field.key));
  return Object.keys(mapping).filter((key) => !known.has(key));
}

/**
 * What a file holds, told by its headers: a kind whose required columns are all there before one
 * that lacks some, then the kind with most columns recognised; cases when nothing tells them apart.
 */
export function recogniseImportKind(headers: readonly string[]): ImportKind {
  const scored = IMPORT_KINDS.map((kind) => {
    const mapping = suggestMapping(headers, FIELDS_OF[kind]);
    return { kind, complete: missingRequiredFields(mapping, FIELDS_OF[kind]).length === 0, recognised: Object.keys(mapping).length };
  });
  scored.sort((a, b) => Number(b.complete) - Number(a.complete) || b.recognised - a.recognised);
  return scored[0]!.kind;
}
