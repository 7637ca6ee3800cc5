// A fake of the Microsoft Teams host for browser tests, speaking its wire format: a page served as
// https://teams.microsoft.com frames the real tab and answers @microsoft/teams-js's postMessage
// protocol as Teams does (the tab posts {id, func, args, ...}; the host answers {id, args}):
// `initialize`, `getContext` (app.getContext), `authentication.getAuthToken` with a Teams SSO token
// signed by the loopback Entra issuer (fake-issuer.ts) for a chosen person, and a `themeChange` the
// test can send. teams-js only talks to an https parent on Microsoft's list of Teams origins, so the
// browser is told to answer that origin (and the tab's, a subdomain of it) from here: the host page
// is built in this process and every request to the tab's origin is forwarded to the app on
// loopback. Nothing leaves the machine.
//
// The app under test runs as production does on its first day: Entra sign-in against the fake
// issuer, Graph's directory on the loopback Graph fake, and an empty database (no demo data).
import type { Browser, Frame, FrameLocator, Page, Route } from 'playwright-core';
import type { JWTPayload } from 'jose';
import { createEntraTokenVerifier } from '../../api/auth/entra-token';
import type { BootstrapAdmin } from '../../api/config';
import { createGraphMemberDirectory } from '../../api/graph/graph-member-directory';
import { connectChromium, ensureTabBuilt, FULL_TAB_SIZE } from './browser';
import { startFakeGraph, type FakeGraph } from './fake-graph';
import { startFakeIssuer, type FakeIssuer } from './fake-issuer';
import { startTestApp, type RunningApp, type TestAppOptions } from './test-app';
import { openTestDatabase, type TestDatabase } from './test-database';

/** Where Teams loads the tab from: a subdomain of the host's site, so its storage is first-party. */
export const TAB_ORIGIN = 'https://asb-panels.teams.microsoft.com';
const HOST_ORIGIN = 'https://teams.microsoft.com';
const HOST_URL = `${HOST_ORIGIN}/_#/apps/asb-panels`;

/** The app registration the fake issuer's tokens are for. */
export const ENTRA_CLIENT_ID = '0b0a7d1e-6a3c-4f2e-9d1b-7c4e2a9f3b10';

/** Someone signed in to Teams, as their Entra token names them. */
export interface TeamsPerson {
  tenantId: string;
  objectId: string;
  name: string;
  upn: string;
}

/** Teams' own theme names, as getContext and themeChange carry them. */
export type TeamsTheme = 'default' | 'dark' | 'contrast';

export interface TeamsDeployment {
  app: RunningApp;
  database: TestDatabase;
  issuer: FakeIssuer;
  graph: FakeGraph;
  browser: Browser;
  /** Opens the tab in the emulated Teams host, signed in (Teams SSO) as this person. */
  openInTeams(person: TeamsPerson, options?: { route?: string; theme?: TeamsTheme }): Promise<TeamsTab>;
  close(): Promise<void>;
}

export interface TeamsTab {
  /** The host page, for screenshots of the whole window. */
  page: Page;
  /** The tab inside it, where the test clicks. */
  tab: FrameLocator;
  /** The tab's frame itself, for axe and for reading its document. */
  tabFrame(): Frame;
  /** Teams telling the tab its user switched theme. */
  changeTheme(theme: TeamsTheme): Promise<void>;
  /** teams-js calls the host received but does not answer, for a test to assert on. */
  unansweredCalls(): Promise<string[]>;
}

export interface TeamsDeploymentOptions {
  /** Tenants whose people may sign in; the first is the deployment's home tenant. */
  allowedTenants: string[];
  bootstrapAdmin: BootstrapAdmin;
  clock?: TestAppOptions['clock'];
}

/** An empty deployment with Entra sign-in and Graph, as on its first day in production. */
export async function startTeamsDeployment(options: TeamsDeploymentOptions): Promise<TeamsDeployment> {
  await ensureTabBuilt();
  const [database, issuer, graph] = await Promise.all([openTestDatabase(), startFakeIssuer(), startFakeGraph()]);
  const settings = { clientId: ENTRA_CLIENT_ID, allowedTenants: options.allowedTenants, openIdMetadataUrl: issuer.entraMetadataUrl };
  const directory = createGraphMemberDirectory({
    baseUrl: graph.graphBaseUrl,
    accessToken: async () => graph.issueToken(),
    tenantId: options.allowedTenants[0]!,
  });
  const app = await startTestApp(database.db, {
    signIn: { mode: 'entra', ...settings, bootstrapAdmin: options.bootstrapAdmin },
    entraVerifier: createEntraTokenVerifier(settings),
    directory,
    allowedOrigins: [TAB_ORIGIN],
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const browser = await connectChromium();

  return {
    app,
    database,
    issuer,
    graph,
    browser,
    async openInTeams(person, { route = '', theme = 'default' } = {}) {
      const token = await teamsSsoToken(issuer, person);
      const context = await browser.newContext({ viewport: FULL_TAB_SIZE, locale: 'en-GB', timezoneId: 'Europe/London' });
      // Only the two Teams origins are answered, from this process; anything else is refused.
      await context.route(
        (url) => !url.href.startsWith(TAB_ORIGIN) && !url.href.startsWith(`${HOST_ORIGIN}/`),
        (blocked) => blocked.abort('blockedbyclient'),
      );
      await context.route(`${HOST_ORIGIN}/**`, (hostRequest) =>
        hostRequest.fulfill({ contentType: 'text/html', body: hostPage({ person, token, route, theme }) }),
      );
      await context.route(`${TAB_ORIGIN}/**`, (tabRequest) => forwardTo(app.baseUrl, tabRequest));
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(HOST_URL);
      return {
        page,
        tab: page.frameLocator('iframe[title="ASB Panels"]'),
        tabFrame: () => {
          const frame = page.frames().find((candidate) => candidate.url().startsWith(TAB_ORIGIN));
          if (!frame) throw new Error('the Teams host has not framed the tab');
          return frame;
        },
        changeTheme: (next) => page.evaluate((name) => (globalThis as unknown as { changeTheme(n: string): void }).changeTheme(name), next),
        unansweredCalls: () => page.evaluate(() => (globalThis as unknown as { unansweredCalls: string[] }).unansweredCalls),
      };
    },
    async close() {
      await browser.close();
      await app.close();
      await Promise.all([graph.close(), issuer.close()]);
      await database.dispose();
    },
  };
}

/** The access token Teams SSO hands the tab: v2, for the tab's App ID URI, scope access_as_user. */
export function teamsSsoToken(issuer: FakeIssuer, person: TeamsPerson): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const claims: JWTPayload = {
    aud: `api://${new URL(TAB_ORIGIN).host}/${ENTRA_CLIENT_ID}`,
    iss: `https://login.microsoftonline.com/${person.tenantId}/v2.0`,
    tid: person.tenantId,
    oid: person.objectId,
    name: person.name,
    preferred_username: person.upn,
    scp: 'access_as_user',
    ver: '2.0',
    iat: now,
    nbf: now,
    exp: now + 3600,
  };
  return issuer.sign(claims);
}

/**
 * The host page. Its context is the v1 shape Teams still sends to getContext (teams-js turns it into
 * app.getContext's v2 shape). initialize is answered without a runtime config, so teams-js derives
 * what the host supports from the host's client version.
 */
function hostPage({ person, token, route, theme }: { person: TeamsPerson; token: string; route: string; theme: TeamsTheme }): string {
  const context = {
    frameContext: 'content',
    hostClientType: 'web',
    hostName: 'Teams',
    theme,
    locale: 'en-gb',
    entityId: 'home',
    appSessionId: 'session-1',
    tid: person.tenantId,
    userObjectId: person.objectId,
    loginHint: person.upn,
    userPrincipalName: person.upn,
  };
  const answers = { context, token };
  return `<!doctype html><html lang="en"><head><title>Microsoft Teams</title></head><body style="margin:0">
<iframe title="ASB Panels" src="${TAB_ORIGIN}/tab/#/${route}" style="display:block;width:100%;height:100vh;border:0"></iframe>
<script>
  const answers = ${JSON.stringify(answers).replace(/</g, '\\u003c')};
  const tab = document.querySelector('iframe');
  window.unansweredCalls = [];
  // Calls that need no answer: the tab telling Teams it has loaded, and registering handlers.
  const told = new Set(['appInitialization.success', 'registerHandler', 'appInitialization.appLoaded']);
  window.changeTheme = (name) => tab.contentWindow.postMessage({ func: 'themeChange', args: [name] }, '${TAB_ORIGIN}');
  window.addEventListener('message', (event) => {
    const message = event.data;
    if (event.origin !== '${TAB_ORIGIN}' || !message || typeof message.func !== 'string') return;
    const reply = (args) => event.source.postMessage({ id: message.id, uuid: message.uuidAsString, args }, event.origin);
    switch (message.func) {
      case 'initialize':
        return reply(['content', 'web', '2.0.0', '2.0.0']);
      case 'getContext':
        return reply([answers.context]);
      case 'authentication.getAuthToken':
        return reply([true, answers.token]);
      default:
        if (!told.has(message.func)) window.unansweredCalls.push(message.func);
    }
  });
</script></body></html>`;
}

/** Answers a request to the tab's public origin from the app on loopback (as tab-deep-link.test.ts). */
async function forwardTo(appBaseUrl: string, route: Route): Promise<void> {
  const request = route.request();
  const headers = Object.fromEntries(Object.entries(request.headers()).filter(([name]) => name !== 'host'));
  const answer = await fetch(request.url().replace(TAB_ORIGIN, appBaseUrl), {
    method: request.method(),
    headers,
    body: request.postDataBuffer() ?? undefined,
    redirect: 'manual',
  });
  // fetch has already decoded the body, so its encoding and length no longer describe it.
  const answerHeaders = Object.fromEntries([...answer.headers].filter(([name]) => !['content-encoding', 'content-length'].includes(name)));
  const body = Buffer.from(await answer.arrayBuffer());
  // A finished test closes its page while a late request (a poll) may still be on its way.
  await route.fulfill({ status: answer.status, headers: answerHeaders, body }).catch((error: Error) => {
    if (!/closed|disposed/i.test(error.message)) throw error;
  });
}
