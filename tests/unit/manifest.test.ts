import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { BOT_COMMANDS } from '../../bot/handlers';
import { ACCENT_COLOUR, drawColourIcon, drawOutlineIcon } from '../../manifest/icons';
import {
  buildAppPackage,
  fillManifest,
  MANIFEST_VARIABLES,
  type ManifestValues,
  type ManifestVariable,
  readManifestTemplate,
  valuesFromEnvironment,
} from '../../manifest/package';
import { loadOfficialSchema, officialSchemaPath, schemaErrors } from '../../manifest/schema';

const ROOT = path.join(__dirname, '..', '..');
const MANIFEST_DIR = path.join(ROOT, 'manifest');

const VALUES: ManifestValues = {
  TEAMS_APP_ID: '5b6f8a0e-3c2d-4e1f-9a7b-0c1d2e3f4a5b',
  BOT_ID: '0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a',
  ENTRA_CLIENT_ID: 'a1b2c3d4-e5f6-4789-8abc-def012345678',
  HOST_NAME: 'panels.example.gov.uk',
  APP_VERSION: '1.2.3',
};

type Json = Record<string, unknown>;

function filled(): Json {
  return fillManifest(readManifestTemplate(), VALUES);
}

function at(manifest: Json, dottedPath: string): unknown {
  return dottedPath.split('.').reduce<unknown>((node, key) => (node as Json)[key], manifest);
}

function readPng(file: string): PNG {
  return PNG.sync.read(readFileSync(path.join(MANIFEST_DIR, file)));
}

function pixels(png: PNG): { r: number; g: number; b: number; a: number }[] {
  const result = [];
  for (let i = 0; i < png.data.length; i += 4) {
    result.push({ r: png.data[i] ?? 0, g: png.data[i + 1] ?? 0, b: png.data[i + 2] ?? 0, a: png.data[i + 3] ?? 0 });
  }
  return result;
}

describe('the official Teams manifest schema', () => {
  const packageSchemas = path.join(ROOT, 'node_modules', '@microsoft', 'app-manifest', 'build', 'json-schemas', 'teams');
  const manifestVersion = String(filled().manifestVersion);

  it('is read from the @microsoft/app-manifest package for the newest version it ships, at least 1.25', () => {
    const shipped = readdirSync(packageSchemas)
      .map((folder) => /^v1\.(\d+)$/.exec(folder)?.[1])
      .filter((minor): minor is string => minor !== undefined)
      .map(Number);
    expect(manifestVersion).toBe(`1.${Math.max(...shipped)}`);
    expect(Number(manifestVersion.split('.')[1])).toBeGreaterThanOrEqual(25);
    expect(officialSchemaPath(manifestVersion)).toBe(path.join(packageSchemas, `v${manifestVersion}`, 'MicrosoftTeams.schema.json'));
  });

  it('names in $schema the same version the manifest declares', () => {
    expect(filled().$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${manifestVersion}/MicrosoftTeams.schema.json`);
  });

  it('loads without remote references or draft-04-only keywords', () => {
    expect(() => loadOfficialSchema(manifestVersion)).not.toThrow();
  });

  it('refuses a manifest version the package has no schema for', () => {
    expect(() => schemaErrors({ manifestVersion: '0.9' })).toThrow(/no Teams manifest schema for version 0\.9/);
  });
});

describe('the filled manifest', () => {
  it('validates against the official schema with no errors', () => {
    expect(schemaErrors(filled())).toEqual([]);
  });

  it('fills every placeholder the template uses', () => {
    const placeholders = new Set(JSON.stringify(readManifestTemplate()).match(/\{\{\w+\}\}/g));
    expect([...placeholders].sort()).toEqual(MANIFEST_VARIABLES.map((variable) => `{{${variable}}}`).sort());
    expect(JSON.stringify(filled())).not.toMatch(/\{\{\w+\}\}/);
  });

  it('puts each value where Teams looks for it', () => {
    const manifest = filled();
    expect(manifest.id).toBe(VALUES.TEAMS_APP_ID);
    expect(manifest.version).toBe(VALUES.APP_VERSION);
    expect(at(manifest, 'bots.0.botId')).toBe(VALUES.BOT_ID);
    expect(manifest.webApplicationInfo).toEqual({
      id: VALUES.ENTRA_CLIENT_ID,
      resource: `api://panels.example.gov.uk/${VALUES.ENTRA_CLIENT_ID}`,
    });
    expect(manifest.validDomains).toEqual(['panels.example.gov.uk']);
  });

  it('offers the bot in personal chats, group and meeting chats and teams, without file support', () => {
    const bot = at(filled(), 'bots.0') as Json;
    expect(bot.scopes).toEqual(['personal', 'groupChat', 'team']);
    expect(bot.supportsFiles).toBe(false);
  });

  it('lists each bot command, with a description, in the scopes where it answers: personal ones in personal chat only', () => {
    const lists = at(filled(), 'bots.0.commandLists') as { scopes: string[]; commands: { title: string; description?: string }[] }[];
    expect(lists.map((list) => list.scopes)).toEqual([['personal'], ['groupChat'], ['team']]);
    const everyCommand = BOT_COMMANDS.map((command) => command.names[0]).sort();
    const sharedCommands = BOT_COMMANDS.filter((command) => command.reach === 'anywhere')
      .map((command) => command.names[0])
      .sort();
    expect(sharedCommands).toEqual(['agenda', 'help']);
    for (const list of lists) {
      expect(list.commands.map((command) => command.title).sort()).toEqual(list.scopes[0] === 'personal' ? everyCommand : sharedCommands);
      for (const command of list.commands) expect(command.description).toEqual(expect.stringMatching(/\w{3}/));
    }
  });

  it('has the My actions, Refer and Dashboard personal tabs on the app host', () => {
    const tabs = filled().staticTabs as { name?: string; contentUrl?: string; scopes: string[] }[];
    expect(tabs.filter((tab) => tab.name).map(({ name, contentUrl, scopes }) => ({ name, contentUrl, scopes }))).toEqual([
      { name: 'My actions', contentUrl: 'https://panels.example.gov.uk/tab/#/my-actions', scopes: ['personal'] },
      { name: 'Refer', contentUrl: 'https://panels.example.gov.uk/tab/#/refer', scopes: ['personal'] },
      { name: 'Dashboard', contentUrl: 'https://panels.example.gov.uk/tab/#/dashboard', scopes: ['personal'] },
    ]);
  });

  it('has a configurable tab for channels, chats, meeting chat, details and the meeting side panel surface', () => {
    expect(filled().configurableTabs).toEqual([
      {
        configurationUrl: 'https://panels.example.gov.uk/tab/#/configure',
        canUpdateConfiguration: true,
        scopes: ['team', 'groupChat'],
        meetingSurfaces: ['sidePanel'],
        context: ['channelTab', 'privateChatTab', 'meetingChatTab', 'meetingDetailsTab', 'meetingSidePanel'],
      },
    ]);
  });

  it('asks meeting chats only for meeting details, participants and its own tab, not for their messages', () => {
    expect(at(filled(), 'authorization.permissions.resourceSpecific')).toEqual([
      { name: 'OnlineMeeting.ReadBasic.Chat', type: 'Application' },
      { name: 'OnlineMeetingParticipant.Read.Chat', type: 'Application' },
      { name: 'TeamsTab.Read.Chat', type: 'Application' },
      { name: 'TeamsTab.Create.Chat', type: 'Application' },
    ]);
  });

  it('uses the accent colour the icons are drawn in', () => {
    expect(filled().accentColor).toBe(ACCENT_COLOUR);
  });
});

describe('the schema validator', () => {
  const breakages: [string, (manifest: Json) => void, RegExp][] = [
    ['an app id that is not a GUID', (m) => (m.id = 'asb-panels'), /^\/id must match pattern/],
    ['a missing privacy URL', (m) => delete (m.developer as Json).privacyUrl, /^\/developer must have required property 'privacyUrl'/],
    [
      'an unknown tab context',
      (m) => ((at(m, 'configurableTabs.0') as Json).context = ['meetingLobby']),
      /^\/configurableTabs\/0\/context\/0 must be equal to one of the allowed values/,
    ],
    [
      'a short name over 30 characters',
      (m) => ((m.name as Json).short = 'Anti-social behaviour risk panels'),
      /^\/name\/short must NOT have more than 30 characters/,
    ],
    ['an accent colour that is not #RRGGBB', (m) => (m.accentColor = 'blue'), /^\/accentColor must match pattern/],
    [
      'an unknown top-level field',
      (m) => (m.meetingRooms = true),
      /^\/ must NOT have additional properties \{"additionalProperty":"meetingRooms"\}/,
    ],
  ];

  it.each(breakages)('rejects %s', (_case, breakIt, expected) => {
    const manifest = filled();
    breakIt(manifest);
    expect(schemaErrors(manifest)).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
  });
});

describe('manifest values', () => {
  it.each(MANIFEST_VARIABLES)('refuses a manifest without %s and names it', (variable) => {
    const values = { ...VALUES, [variable]: undefined };
    expect(() => fillManifest(readManifestTemplate(), values)).toThrow(`${variable} is missing`);
  });

  it('treats a blank value as missing', () => {
    expect(() => fillManifest(readManifestTemplate(), { ...VALUES, BOT_ID: '  ' })).toThrow('BOT_ID is missing');
  });

  const malformed: [ManifestVariable, string, string][] = [
    ['TEAMS_APP_ID', 'asb-panels', 'must be a GUID'],
    ['BOT_ID', '0d9c8b7a6f5e4d3c8b2a1f0e9d8c7b6a', 'must be a GUID'],
    ['ENTRA_CLIENT_ID', '{a1b2c3d4-e5f6-4789-8abc-def012345678}', 'must be a GUID'],
    ['HOST_NAME', 'https://panels.example.gov.uk', 'without the scheme'],
    ['HOST_NAME', 'panels.example.gov.uk/tab', 'without a path'],
    ['HOST_NAME', 'panels.example.gov.uk:3978', 'without a port'],
    ['HOST_NAME', 'localhost', 'public DNS host name'],
    ['HOST_NAME', 'panels_example.gov.uk', 'public DNS host name'],
    ['APP_VERSION', '1.0', 'MAJOR.MINOR.PATCH'],
    ['APP_VERSION', '1.0.0-beta.1', 'MAJOR.MINOR.PATCH'],
  ];

  it.each(malformed)('refuses %s = %p and says why', (variable, value, reason) => {
    expect(() => fillManifest(readManifestTemplate(), { ...VALUES, [variable]: value })).toThrow(
      new RegExp(
        `${variable} [^\\n]*${reason.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^\\n]*; got "${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`,
      ),
    );
  });

  it('reports every problem at once', () => {
    expect(() => fillManifest(readManifestTemplate(), { HOST_NAME: 'http://x', APP_VERSION: '1' })).toThrow(
      /TEAMS_APP_ID is missing[\s\S]*BOT_ID is missing[\s\S]*ENTRA_CLIENT_ID is missing[\s\S]*HOST_NAME must[\s\S]*APP_VERSION must/,
    );
  });

  it('refuses a template placeholder that is not a known variable', () => {
    expect(() => fillManifest({ id: '{{TEAMS_APPID}}' }, VALUES)).toThrow('{{TEAMS_APPID}}, which is not one of TEAMS_APP_ID');
  });

  it('does not change the template it fills', () => {
    const template = readManifestTemplate();
    const before = JSON.stringify(template);
    fillManifest(template, VALUES);
    expect(JSON.stringify(template)).toBe(before);
  });

  it('reads values from the environment and takes the app version from package.json by default', () => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const { APP_VERSION: _unset, ...withoutVersion } = VALUES;
    expect(valuesFromEnvironment({ ...withoutVersion, PATH: '/bin' })).toEqual({ ...withoutVersion, APP_VERSION: version });
    expect(valuesFromEnvironment({ ...VALUES }).APP_VERSION).toBe('1.2.3');
  });
});

describe('the app package', () => {
  it('holds exactly manifest.json and the two icons, and its manifest validates', async () => {
    const zip = await JSZip.loadAsync(await buildAppPackage(VALUES));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);

    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Json;
    expect(schemaErrors(manifest)).toEqual([]);
    expect(manifest).toEqual(filled());

    for (const icon of ['color.png', 'outline.png']) {
      expect(await zip.file(icon)!.async('nodebuffer')).toEqual(readFileSync(path.join(MANIFEST_DIR, icon)));
    }
  });

  it('is not built when a value is missing', async () => {
    await expect(buildAppPackage({ ...VALUES, HOST_NAME: undefined })).rejects.toThrow('HOST_NAME is missing');
  });
});

describe('the packaging command', () => {
  const run = promisify(execFile);
  const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
  const output = path.join(MANIFEST_DIR, 'build', 'asb-panels-0.0.1.zip');
  afterAll(() => rmSync(output, { force: true }));

  it('writes manifest/build/asb-panels-<version>.zip holding the filled manifest and both icons', async () => {
    rmSync(output, { force: true });
    await run(tsx, ['manifest/package.ts'], { cwd: ROOT, env: { PATH: process.env.PATH, ...VALUES, APP_VERSION: '0.0.1' } });
    expect(existsSync(output)).toBe(true);

    const zip = await JSZip.loadAsync(readFileSync(output));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Json;
    expect(schemaErrors(manifest)).toEqual([]);
    expect(manifest).toEqual({ ...filled(), version: '0.0.1' });
    const colour = PNG.sync.read(await zip.file('color.png')!.async('nodebuffer'));
    const outline = PNG.sync.read(await zip.file('outline.png')!.async('nodebuffer'));
    expect([colour.width, colour.height, outline.width, outline.height]).toEqual([192, 192, 32, 32]);
  });

  it('exits with an error naming the missing variables', async () => {
    const failure = run(tsx, ['manifest/package.ts'], { cwd: ROOT, env: { PATH: process.env.PATH, HOST_NAME: VALUES.HOST_NAME } });
    await expect(failure).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('TEAMS_APP_ID is missing') });
  });
});

describe('the icons', () => {
  it('has a 192x192 colour icon, fully opaque and drawn in the accent colour', () => {
    const colour = readPng('color.png');
    expect([colour.width, colour.height]).toEqual([192, 192]);
    const all = pixels(colour);
    expect(all.every((pixel) => pixel.a === 255)).toBe(true);
    const hex = (p: { r: number; g: number; b: number }) =>
      `#${[p.r, p.g, p.b].map((c) => c.toString(16).padStart(2, '0')).join('')}`.toUpperCase();
    expect(hex(all[0]!)).toBe(ACCENT_COLOUR);
    expect(all.some((pixel) => hex(pixel) === '#FFFFFF')).toBe(true);
  });

  it('has a 32x32 outline icon that is white on a transparent background', () => {
    const outline = readPng('outline.png');
    expect([outline.width, outline.height]).toEqual([32, 32]);
    const all = pixels(outline);
    expect(all[0]!.a).toBe(0);
    expect(all.filter((pixel) => pixel.a === 0).length).toBeGreaterThan(all.length / 3);
    expect(all.filter((pixel) => pixel.a === 255).length).toBeGreaterThan(all.length / 10);
    expect(all.filter((pixel) => pixel.a > 0).every((pixel) => pixel.r === 255 && pixel.g === 255 && pixel.b === 255)).toBe(true);
  });

  // The pixels compared as text: toEqual walks a Buffer byte by byte, most of a second for the colour icon.
  const rgba = (png: PNG) => png.data.toString('base64');

  it('are what manifest/icons.ts draws, so they can be regenerated', () => {
    expect(rgba(PNG.sync.read(drawColourIcon()))).toBe(rgba(readPng('color.png')));
    expect(rgba(PNG.sync.read(drawOutlineIcon()))).toBe(rgba(readPng('outline.png')));
  });
});
