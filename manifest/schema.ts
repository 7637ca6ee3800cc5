// Validates a manifest against Microsoft's own Teams manifest JSON schema, read from the
// @microsoft/app-manifest package so nothing is fetched over the network.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const PACKAGE_ROOT = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));

export function officialSchemaPath(manifestVersion: string): string {
  return path.join(PACKAGE_ROOT, 'build', 'json-schemas', 'teams', `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
}

type SchemaNode = Record<string, unknown>;

// Keys under these keywords are names chosen by the schema author, not keywords.
const NAME_MAPS = new Set(['properties', 'definitions', 'patternProperties']);
// Values under these keywords are instance data, not schemas.
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples']);

/**
 * The schemas declare draft-04, which Ajv 8 only reads through a separate plugin. Draft-04 and
 * draft-07 agree on every keyword except `id` and boolean `exclusiveMinimum`/`exclusiveMaximum`,
 * so compiling as draft-07 is faithful exactly when neither appears; refuse otherwise rather than
 * validate with the wrong rules. Remote `$ref`s are refused too, since they would need the network.
 */
function incompatibilities(node: unknown, at: string, found: string[]): string[] {
  if (Array.isArray(node)) {
    node.forEach((item, index) => incompatibilities(item, `${at}/${index}`, found));
    return found;
  }
  if (node === null || typeof node !== 'object') return found;
  for (const [key, value] of Object.entries(node as SchemaNode)) {
    if (DATA_KEYWORDS.has(key)) continue;
    if (NAME_MAPS.has(key) && value !== null && typeof value === 'object') {
      for (const [name, schema] of Object.entries(value as SchemaNode)) {
        incompatibilities(schema, `${at}/${key}/${name}`, found);
      }
      continue;
    }
    if (key === 'id' && typeof value === 'string') found.push(`${at}/id uses the draft-04 "id" keyword`);
    if ((key === 'exclusiveMinimum' || key === 'exclusiveMaximum') && typeof value === 'boolean') {
      found.push(`${at}/${key} is a draft-04 boolean`);
    }
    if (key === '$ref' && typeof value === 'string' && !value.startsWith('#')) {
      found.push(`${at}/$ref points outside the schema file (${value})`);
    }
    incompatibilities(value, `${at}/${key}`, found);
  }
  return found;
}

export function loadOfficialSchema(manifestVersion: string): SchemaNode {
  const file = officialSchemaPath(manifestVersion);
  if (!existsSync(file)) {
    throw new Error(`@microsoft/app-manifest has no Teams manifest schema for version ${manifestVersion} (looked for ${file})`);
  }
  const schema = JSON.parse(readFileSync(file, 'utf8')) as SchemaNode;
  const problems = incompatibilities(schema, '#', []);
  if (problems.length > 0) {
    throw new Error(`The Teams manifest schema v${manifestVersion} cannot be checked offline as draft-07:\n  ${problems.join('\n  ')}`);
  }
  return schema;
}

const compiled = new Map<string, ValidateFunction>();

function validatorFor(manifestVersion: string): ValidateFunction {
  const cached = compiled.get(manifestVersion);
  if (cached) return cached;
  const { $schema: _draft04, ...schema } = loadOfficialSchema(manifestVersion);
  // Same options and formats as the package's own validator, so both report the same errors.
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema);
  compiled.set(manifestVersion, validate);
  return validate;
}

/** Returns one readable line per schema error; an empty list means the manifest is valid. */
export function schemaErrors(manifest: unknown): string[] {
  const version = (manifest as { manifestVersion?: unknown } | null)?.manifestVersion;
  if (typeof version !== 'string') return ['/manifestVersion must be a string naming the schema version'];
  const validate = validatorFor(version);
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map(
    (error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'} ${JSON.stringify(error.params)}`,
  );
}
