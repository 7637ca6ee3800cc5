// A card's deep link opened in Teams: the tab is framed by a Teams host that hands it the link's
// subEntityId, and must open the referral it names. The host is faked (a real Teams client needs a
// tenant): a page served as https://teams.microsoft.com answers teams-js's postMessage protocol
// (initialize, getContext) in its wire format, and frames the real tab, served as an https origin
// that is forwarded to the app on loopback. Nothing leaves the machine.
import type { Page, Route } from 'playwright-core';
import { DEMO_MEMBERS } from '../../api/store/demo-data';
import { startBrowserApp, type BrowserApp } from '../support/browser';

// A subdomain of the host's site, so the tab's session storage is first-party as in Teams.
const TAB_ORIGIN = 'https://asb-panels.teams.microsoft.com';
const HOST_URL = 'https://teams.microsoft.com/_#/apps/asb-panels/refer';
let tab: BrowserApp;

beforeAll(async () => {
  // The tab is served to the browser as : the API accepts calls from it as from its own address.
  tab = await startBrowserApp({ allowedOrigins: [TAB_ORIGIN] });
}, 180_000);

afterAll(async () => {
  await tab?.close();
});

jest.setTimeout(60_000);

/** The Teams host page: frames the Refer tab and answers teams-js as Teams would for a deep link. */
function hostPage(subEntityId: string): string {
  const context = {
    frameContext: 'content',
    hostClientType: 'web',
    theme: 'default',
    locale: 'en-gb',
    entityId: 'refer',
    subEntityId,
    appSessionId: 'session-1',
  };
  return `<!doctype html><html lang="en"><head><title>Teams</title></head><body>
<iframe title="ASB Panels" src="${TAB_ORIGIN}/tab/#/refer" style="width:1200px;height:760px;border:0"></iframe>
<script>
  const context = ${JSON.stringify(context)};
  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message.func !== 'string') return;
    const reply = (args) => event.source.postMessage({ id: message.id, uuid: message.uuidAsString, args }, event.origin);
    // No runtime config: teams-js then derives what the host supports from its SDK version.
    if (message.func === 'initialize') reply(['content', 'web', '2.0.0', '2.0.0']);
    if (message.func === 'getContext') reply([context]);
  });
</script></body></html>`;
}

/**
 * Answers a request to the tab's public origin from the app on loopback. Node's fetch does the forwarding rather than
 * Playwright's route.fetch, whose response the shared (remote) browser sometimes disposed before it could be fulfilled.
 */
async function forwardToTheApp(route: Route): Promise<void> {
  const request = route.request();
  const headers = Object.fromEntries(Object.entries(request.headers()).filter(([name]) => name !== 'host'));
  const answer = await fetch(request.url().replace(TAB_ORIGIN, tab.app.baseUrl), {
    method: request.method(),
    headers,
    body: request.postDataBuffer() ?? undefined,
    redirect: 'manual',
  });
  // fetch has already decoded the body, so its encoding and length no longer describe it.
  const answerHeaders = Object.fromEntries([...answer.headers].filter(([name]) => !['content-encoding', 'content-length'].includes(name)));
  const body = Buffer.from(await answer.arrayBuffer());
  // A test that has finished closes its page while a late request (a favicon, a poll) is still on its way.
  await route.fulfill({ status: answer.status, headers: answerHeaders, body }).catch((error: Error) => {
    if (!/closed|disposed/i.test(error.message)) throw error;
  });
}

async function openInFakeTeams(subEntityId: string): Promise<Page> {
  const context = await tab.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/London' });
  // Everything else is refused, as in every browser test: only these two origins are answered, from here.
  await context.route(
    (url) => !url.href.startsWith(TAB_ORIGIN) && !url.href.startsWith('https://teams.microsoft.com/'),
    (route) => route.abort('blockedbyclient'),
  );
  await context.route('https://teams.microsoft.com/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: hostPage(subEntityId) }),
  );
  await context.route(`${TAB_ORIGIN}/**`, (route: Route) => forwardToTheApp(route));
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(HOST_URL);
  return page;
}

describe('a deep link from a card into the tab', () => {
  it('opens the referral the link names when Teams passes it as subPageId', async () => {
    const referrer = DEMO_MEMBERS.find((m) => m.displayName === 'Dan Sample')!;
    const token = await tab.app.signInAs(referrer.id);
    const draft = await tab.app.call<{ id: string }>('POST', '/api/referrals', {
      token,
      body: {
        subjectType: 'VICTIM',
        draft: { step: 'from-chat', subject: { givenName: 'Delia', familyName: 'Deeplink-Testcase' }, concerns: 'Saved from chat.' },
      },
    });
    expect(draft.status).toBe(201);

    const page = await openInFakeTeams(`referrals/${draft.body.id}`);
    const frame = page.frameLocator('iframe[title="ASB Panels"]');
    await frame.getByRole('button', { name: 'Sign in as Dan Sample', exact: true }).click();
    // A victim's referral asks for consent too: eight steps.
    await frame.getByRole('heading', { level: 2, name: 'Step 1 of 8: Who or what' }).waitFor();
    expect(await frame.getByLabel('Last name').inputValue()).toBe('Deeplink-Testcase');
    expect(
      page
        .frames()
        .find((f) => f.url().startsWith(TAB_ORIGIN))
        ?.url(),
    ).toBe(`${TAB_ORIGIN}/tab/#/referrals/${draft.body.id}`);
    await page.context().close();
  });

  it("stays on the tab's own page when the subPageId names no page the app links to", async () => {
    const page = await openInFakeTeams('governance/../../admin');
    const frame = page.frameLocator('iframe[title="ASB Panels"]');
    await frame.getByRole('button', { name: 'Sign in as Dan Sample', exact: true }).click();
    await frame.getByRole('heading', { level: 1, name: 'Refer' }).waitFor();
    expect(
      page
        .frames()
        .find((f) => f.url().startsWith(TAB_ORIGIN))
        ?.url(),
    ).toBe(`${TAB_ORIGIN}/tab/#/refer`);
    await page.context().close();
  });
});
