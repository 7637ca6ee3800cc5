// The deployment guide lists every Microsoft Graph call and every Teams permission the code uses, so
// that an administrator consenting from the guide grants exactly what the app needs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { GRAPH_ENDPOINTS, graphCall } from '../../api/graph/graph-endpoints';

const ROOT = path.join(__dirname, '..', '..');
const guide = readFileSync(path.join(ROOT, 'docs', 'deploy.md'), 'utf8');
const ENDPOINT_TABLE = path.join('api', 'graph', 'graph-endpoints.ts');

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder)).flatMap((name) => {
    const relative = path.join(folder, name);
    if (name === 'generated' || name === 'node_modules') return [];
    if (statSync(path.join(ROOT, relative)).isDirectory()) return sourceFiles(relative);
    return /\.tsx?$/.test(name) ? [relative] : [];
  });
}

/** A string or template literal that starts like a Graph resource path. */
const GRAPH_PATH_LITERAL = /[`'"]\/(users|me|chats|teams|groups|communications|appCatalogs|sites|drives|subscriptions)\b/;

describe('docs/deploy.md', () => {
  it.each(Object.entries(GRAPH_ENDPOINTS))('lists the Graph call %s (%s)', (_, call) => {
    expect(guide).toContain(`| \`${call}\` |`);
  });

  it('names a permission for every Graph call it lists, and lists no call the code does not make', () => {
    const listed = [...guide.matchAll(/^\| `((?:GET|POST|PATCH|PUT|DELETE) \/[^`]+)` \|[^|]+\| `([\w.]+)`/gm)];
    expect(listed.map((row) => row[1]).sort()).toEqual(Object.values(GRAPH_ENDPOINTS).sort());
  });

  it('finds no Graph path built outside the endpoint table', () => {
    // Code that can reach Graph: the Graph client, or a request to the configured Graph address.
    const talksToGraph = [...sourceFiles('api'), ...sourceFiles('bot')]
      .filter((file) => file !== ENDPOINT_TABLE)
      .filter((file) =>
        /@microsoft\/microsoft-graph-client|graphBaseUrl|graph\.microsoft\.com/.test(readFileSync(path.join(ROOT, file), 'utf8')),
      );
    expect(talksToGraph).toContain(path.join('api', 'graph', 'graph-caller.ts'));
    const offenders = talksToGraph.filter((file) => GRAPH_PATH_LITERAL.test(readFileSync(path.join(ROOT, file), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('would catch a path built elsewhere', () => {
    expect(GRAPH_PATH_LITERAL.test('await request(`/chats/${chatId}/installedApps`)')).toBe(true);
    expect(GRAPH_PATH_LITERAL.test("app.get('/api/actions')")).toBe(false);
  });

  it('lists every resource-specific permission the manifest asks for', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'manifest', 'manifest.template.json'), 'utf8')) as {
      authorization: { permissions: { resourceSpecific: { name: string }[] } };
    };
    const names = manifest.authorization.permissions.resourceSpecific.map((permission) => permission.name);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(guide).toContain(`| \`${name}\` |`);
  });
});

describe('graphCall', () => {
  it('fills and encodes each part of the path and keeps the method', () => {
    expect(graphCall('cancelEvent', { user: 'panel@fernbrook.example', event: 'AAMk/1=' })).toEqual({
      method: 'POST',
      path: '/users/panel%40fernbrook.example/events/AAMk%2F1%3D/cancel',
    });
  });

  it('refuses a path with a part missing rather than calling Graph with a hole in it', () => {
    expect(() => graphCall('updateEvent', { user: 'panel@fernbrook.example' })).toThrow('needs event');
  });
});
