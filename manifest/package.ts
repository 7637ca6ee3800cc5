// Builds the Teams app package (manifest.json plus icons) from manifest.template.json and
// environment values: `npx tsx manifest/package.ts` writes manifest/build/asb-panels-<version>.zip.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { schemaErrors } from './schema';

export const MANIFEST_VARIABLES = ['TEAMS_APP_ID', 'BOT_ID', 'ENTRA_CLIENT_ID', 'HOST_NAME', 'APP_VERSION'] as const;
export type ManifestVariable = (typeof MANIFEST_VARIABLES)[number];
export type ManifestValues = Record<ManifestVariable, string>;
export type ManifestInput = Partial<Record<ManifestVariable, string | undefined>>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i;

const MEANING: Record<ManifestVariable, string> = {
  TEAMS_APP_ID: 'the Teams app id',
  BOT_ID: "the bot's Microsoft App ID",
  ENTRA_CLIENT_ID: 'the client id of the Entra ID app registration used for tab sign-in',
  HOST_NAME: 'the public host name serving the tab and bot, such as panels.example.gov.uk',
  APP_VERSION: 'the app version as MAJOR.MINOR.PATCH (defaults to the version in package.json)',
};

function problemWith(variable: ManifestVariable, value: string): string | undefined {
  switch (variable) {
    case 'TEAMS_APP_ID':
    case 'BOT_ID':
    case 'ENTRA_CLIENT_ID':
      return GUID.test(value) ? undefined : `must be a GUID, ${MEANING[variable]}`;
    case 'APP_VERSION':
      return VERSION.test(value) ? undefined : 'must be MAJOR.MINOR.PATCH, such as 1.4.0, as Teams requires';
    case 'HOST_NAME':
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return 'must be a host name without the scheme (no https://)';
      if (/[/?#]/.test(value)) return 'must be a host name without a path';
      if (value.includes(':')) return 'must be a host name without a port';
      if (value.length > 253 || !value.includes('.') || !value.split('.').every((label) => DNS_LABEL.test(label))) {
        return 'must be a public DNS host name such as panels.example.gov.uk';
      }
      return undefined;
  }
}

/** Checks every variable and reports all problems at once, each naming its variable. */
export function checkManifestValues(input: ManifestInput): ManifestValues {
  const problems: string[] = [];
  for (const variable of MANIFEST_VARIABLES) {
    const value = input[variable];
    if (value === undefined || value.trim() === '') {
      problems.push(`${variable} is missing: set it to ${MEANING[variable]}`);
      continue;
    }
    const problem = problemWith(variable, value);
    if (problem) problems.push(`${variable} ${problem}; got ${JSON.stringify(value)}`);
  }
  if (problems.length > 0) {
    throw new Error(`Cannot build the Teams app manifest:\n  - ${problems.join('\n  - ')}`);
  }
  return input as ManifestValues;
}

const PLACEHOLDER = /\{\{([^}]*)\}\}/g;

function isManifestVariable(name: string): name is ManifestVariable {
  return (MANIFEST_VARIABLES as readonly string[]).includes(name);
}

function fill(node: unknown, values: ManifestValues): unknown {
  if (typeof node === 'string') {
    return node.replace(PLACEHOLDER, (_match, name: string) => {
      if (!isManifestVariable(name))
        throw new Error(`The manifest template uses {{${name}}}, which is not one of ${MANIFEST_VARIABLES.join(', ')}`);
      return values[name];
    });
  }
  if (Array.isArray(node)) return node.map((item) => fill(item, values));
  if (node !== null && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, fill(value, values)]));
  }
  return node;
}

/** Fills the placeholders in the parsed template; the template itself is left unchanged. */
export function fillManifest(template: unknown, input: ManifestInput): Record<string, unknown> {
  return fill(template, checkManifestValues(input)) as Record<string, unknown>;
}

export function readManifestTemplate(): unknown {
  return JSON.parse(readFileSync(path.join(__dirname, 'manifest.template.json'), 'utf8'));
}

export function valuesFromEnvironment(env: NodeJS.ProcessEnv): ManifestInput {
  const packageJson = JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };
  return {
    TEAMS_APP_ID: env.TEAMS_APP_ID,
    BOT_ID: env.BOT_ID,
    ENTRA_CLIENT_ID: env.ENTRA_CLIENT_ID,
    HOST_NAME: env.HOST_NAME,
    APP_VERSION: env.APP_VERSION || packageJson.version,
  };
}

/** Returns the zip Teams accepts for upload: manifest.json and the two icons at its root. */
export async function buildAppPackage(input: ManifestInput): Promise<Buffer> {
  const manifest = fillManifest(readManifestTemplate(), input);
  const errors = schemaErrors(manifest);
  if (errors.length > 0) {
    throw new Error(`The filled manifest does not match the Teams manifest schema:\n  - ${errors.join('\n  - ')}`);
  }
  const icons = manifest.icons as { color: string; outline: string };
  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  zip.file(icons.color, readFileSync(path.join(__dirname, icons.color)));
  zip.file(icons.outline, readFileSync(path.join(__dirname, icons.outline)));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function main(): Promise<void> {
  const values = checkManifestValues(valuesFromEnvironment(process.env));
  const output = path.join(__dirname, 'build', `asb-panels-${values.APP_VERSION}.zip`);
  mkdirSync(path.dirname(output), { recursive: true });
  writeFileSync(output, await buildAppPackage(values));
  process.stdout.write(`Wrote ${path.relative(process.cwd(), output)}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
