// Browser tests of the tab: Debian's chromium driven by playwright-core (nothing downloaded), the
// real app in-process on loopback over a test database filled with the demo partnership, and
// helpers for the development sign-in, axe-core and screenshots in the three Teams themes.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Download, type Frame, type Locator, type Page } from 'playwright-core';
import { projectRoot, builtTabDir } from '../../api/paths';
import { BROWSER_ENDPOINT_ENV, CHROMIUM_ARGS, chromiumPath } from './chromium';
import { SCREENSHOT_DIR } from './screenshot-dir';
import { openDemoDatabase, type TestDatabase } from './test-database';
import { startTestApp, type RunningApp, type TestAppOptions } from './test-app';

export type ThemeName = 'light' | 'dark' | 'contrast';
export const THEMES: readonly ThemeName[] = ['light', 'dark', 'contrast'];

/** The meeting side panel is about 320 px wide; the full tab is given a laptop-sized window. */
export const SIDE_PANEL_WIDTH = 320;
export const FULL_TAB_SIZE = { width: 1280, height: 800 };

export { SCREENSHOT_DIR };

const LOOPBACK = /^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//;

// --- Building the tab -------------------------------------------------------------------------

const TAB_SOURCES = [
  path.join(projectRoot, 'tab', 'src'),
  path.join(projectRoot, 'tab', 'index.html'),
  path.join(projectRoot, 'tab', 'vite.config.mts'),
];
const BUILD_LOCK = path.join(projectRoot, 'dist', '.tab-build.lock');
const STALE_LOCK_MS = 5 * 60_000;

function newestChange(file: string): number {
  const stats = statSync(file);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...readdirSync(file).map((name) => newestChange(path.join(file, name))));
}

function tabIsStale(): boolean {
  const built = path.join(builtTabDir, 'index.html');
  if (!existsSync(built)) return true;
  return Math.max(...TAB_SOURCES.map(newestChange)) > statSync(built).mtimeMs;
}

async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  mkdirSync(path.dirname(BUILD_LOCK), { recursive: true });
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      break;
    } catch {
      // Another test file is building; a lock left by a killed run is taken over after a while.
      const lock = statSync(BUILD_LOCK, { throwIfNoEntry: false });
      if (lock && Date.now() - lock.mtimeMs > STALE_LOCK_MS) rmSync(BUILD_LOCK, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

/**
 * Rebuilds dist/tab with Vite when any tab source is newer than the build, so a test never runs a
 * stale tab. The build goes to a fresh folder that replaces dist/tab in one rename, so an app that
 * is serving the tab to another test file never sees a half-written folder.
 */
export async function ensureTabBuilt(): Promise<void> {
  if (!tabIsStale()) return;
  await withBuildLock(async () => {
    if (!tabIsStale()) return;
    const fresh = `${builtTabDir}.building-${process.pid}`;
    rmSync(fresh, { recursive: true, force: true });
    await promisify(execFile)(
      process.execPath,
      [
        path.join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js'),
        'build',
        '--config',
        'tab/vite.config.mts',
        '--logLevel',
        'warn',
        '--outDir',
        fresh,
        '--emptyOutDir',
      ],
      // Jest sets NODE_ENV=test, which would give React's development build.
      { cwd: projectRoot, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NODE_ENV: 'production' } },
    );
    const old = `${builtTabDir}.old-${process.pid}`;
    if (existsSync(builtTabDir)) renameSync(builtTabDir, old);
    renameSync(fresh, builtTabDir);
    rmSync(old, { recursive: true, force: true });
  });
}

// --- Browser and app -------------------------------------------------------------------------

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

/**
 * The run's shared Chromium when the e2e global set-up started one (a launch costs seconds per test
 * file); otherwise a Chromium of this file's own. Closing the result closes only this file's contexts.
 */
export function connectChromium(): Promise<Browser> {
  const endpoint = process.env[BROWSER_ENDPOINT_ENV];
  return endpoint ? chromium.connect(endpoint) : launchChromium();
}

/** Anything not on loopback is refused, so a test fails rather than quietly reaching the internet. */
async function loopbackOnly(context: BrowserContext): Promise<void> {
  await context.route(
    (url) => !LOOPBACK.test(url.href),
    (route) => route.abort('blockedbyclient'),
  );
}

export interface TabOptions {
  theme?: ThemeName;
  /** Viewport width; height follows FULL_TAB_SIZE. */
  width?: number;
  /** The hash route without '#/', such as 'cases/123'. */
  route?: string;
}

export interface BrowserApp {
  app: RunningApp;
  browser: Browser;
  database: TestDatabase;
  tabUrl(options?: Pick<TabOptions, 'theme' | 'route'>): string;
  /** A new browser context (own storage) with a page open at the tab. */
  openTab(options?: TabOptions): Promise<Page>;
  close(): Promise<void>;
}

export interface BrowserAppOptions extends TestAppOptions {
  /** The day the demo data is built around; the app's clock stays at this instant when given. */
  today?: Date;
}

export async function startBrowserApp(options: BrowserAppOptions = {}): Promise<BrowserApp> {
  await ensureTabBuilt();
  const { today, ...appOptions } = options;
  const database = await openDemoDatabase({ today: today ?? new Date() });
  const app = await startTestApp(database.db, today ? { clock: () => today, ...appOptions } : appOptions);
  const browser = await connectChromium();

  const tabUrl = ({ theme, route = '' }: Pick<TabOptions, 'theme' | 'route'> = {}) =>
    `${app.baseUrl}/tab/${theme ? `?theme=${theme}` : ''}#/${route}`;

  return {
    app,
    browser,
    database,
    tabUrl,
    async openTab({ theme, width = FULL_TAB_SIZE.width, route }: TabOptions = {}) {
      const context = await browser.newContext({
        viewport: { width, height: FULL_TAB_SIZE.height },
        locale: 'en-GB',
        timezoneId: 'Europe/London',
      });
      await loopbackOnly(context);
      const page = await context.newPage();
      await page.goto(tabUrl({ theme, route }));
      return page;
    },
    async close() {
      await browser.close();
      await app.close();
      await database.dispose();
    },
  };
}

/** Collects uncaught errors and console errors (CSP refusals among them) for a test to assert on. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
  });
  return errors;
}

// --- In the page ------------------------------------------------------------------------------

/**
 * The page's <html> element. The project's TypeScript has no DOM library (it is a Node program),
 * so tests reach the page through an element handed to `evaluate`, whose DOM type is left open,
 * instead of globals such as `document` that would need the DOM library program-wide.
 */
export function documentRoot(page: Page | Frame): Locator {
  return page.locator(':root');
}

/** What has the keyboard focus: its tag, id and accessible name (aria-label, else its text). */
export function focusedElement(page: Page): Promise<{ tag: string; id: string; name: string }> {
  return documentRoot(page).evaluate((html) => {
    const element = html.ownerDocument.activeElement;
    return {
      tag: element?.tagName ?? '',
      id: element?.id ?? '',
      name: (element?.getAttribute('aria-label') ?? element?.innerText ?? '').trim(),
    };
  });
}

export function sessionItem(page: Page, key: string): Promise<string | null> {
  return documentRoot(page).evaluate((html, name) => html.ownerDocument.defaultView.sessionStorage.getItem(name) as string | null, key);
}

export function setSessionItem(page: Page, key: string, value: string): Promise<void> {
  return documentRoot(page).evaluate((html, [name, text]) => html.ownerDocument.defaultView.sessionStorage.setItem(name, text), [
    key,
    value,
  ] as const);
}

/** How far the page itself scrolls sideways; regions such as a wide table may scroll on their own. */
export function pageOverflow(page: Page): Promise<number> {
  return documentRoot(page).evaluate((html) => (html.scrollWidth as number) - (html.clientWidth as number));
}

// --- Signing in ------------------------------------------------------------------------------

/** Signs in the way a person does locally: chooses the member in the development sign-in table. */
/**
 * The real server does not fail on demand, so the browser answers the first request to `urlGlob`
 * with an API error in its wire format, and lets later ones through.
 */
export async function failFirstRequest(
  page: Page,
  urlGlob: string,
  status: number,
  error: { code: string; message: string },
): Promise<void> {
  let failures = 1;
  await page.route(urlGlob, async (route) => {
    if (failures-- > 0) await route.fulfill({ status, contentType: 'application/json', body: JSON.stringify({ error }) });
    else await route.continue();
  });
}

export async function signInThroughPicker(page: Page, displayName: string): Promise<void> {
  await page.getByRole('button', { name: `Sign in as ${displayName}`, exact: true }).click();
  await page.getByTestId('development-sign-in-banner').waitFor();
}

// --- Accessibility ---------------------------------------------------------------------------

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

const AXE_SOURCE = readFileSync(path.join(projectRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * Runs axe-core on the page as it is now (WCAG 2.2 A and AA plus best practice). The script is
 * evaluated through the DevTools protocol, which the page's CSP does not govern, so the tab keeps
 * its real CSP under test.
 */
/** Axe on a page, or on one frame of it (the tab inside a Teams host). */
export async function axeViolations(page: Page | Frame): Promise<AxeViolation[]> {
  const root = documentRoot(page);
  if (!(await root.evaluate((html) => 'axe' in html.ownerDocument.defaultView))) await page.evaluate(AXE_SOURCE);
  return root.evaluate(async (html, tags) => {
    const axe = html.ownerDocument.defaultView.axe as {
      run(
        context: unknown,
        options: object,
      ): Promise<{ violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[] }>;
    };
    const result = await axe.run(html.ownerDocument, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
    }));
  }, AXE_TAGS);
}

// --- Screenshots -----------------------------------------------------------------------------

/**
 * Writes tests/e2e/__screenshots__/<name>-<theme>.png in each theme: the page is reloaded at the
 * same route with `?theme=`, and `ready` waits for what the screenshot should show.
 */
export async function screenshotInThemes(page: Page, name: string, ready: (page: Page) => Promise<void>): Promise<string[]> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const url = new URL(page.url());
  const files: string[] = [];
  for (const theme of THEMES) {
    url.searchParams.set('theme', theme);
    await page.goto(url.href);
    await ready(page);
    const file = path.join(SCREENSHOT_DIR, `${name}-${theme}.png`);
    await page.screenshot({ path: file, fullPage: true });
    files.push(file);
  }
  return files;
}

/**
 * Where a download was saved. The browser is shared over a connection (tests/support/chromium.ts), and
 * Playwright gives no local path for a remote browser's download: it is copied here instead.
 */
export async function savedDownload(download: Download): Promise<string> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'asb-download-')), download.suggestedFilename());
  await download.saveAs(file);
  return file;
}
