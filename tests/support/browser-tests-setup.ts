// Jest global set-up for the browser tests: the run's template database, and one Chromium that every
// test file connects to (each in its own browser contexts) instead of launching its own.
import { chromium, type BrowserServer } from 'playwright-core';
import { BROWSER_ENDPOINT_ENV, CHROMIUM_ARGS, chromiumPath } from './chromium';
import setUpTemplateDatabase from './template-database-setup';

/** When this run began: the README's pictures are refreshed only from screenshots taken since. */
export const RUN_STARTED_ENV = 'ASB_BROWSER_RUN_STARTED_AT';

export default async function setUpBrowserTests(): Promise<void> {
  process.env[RUN_STARTED_ENV] = String(Date.now());
  await setUpTemplateDatabase();
  const server = await chromium.launchServer({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
  (globalThis as { asbBrowserServer?: BrowserServer }).asbBrowserServer = server;
  process.env[BROWSER_ENDPOINT_ENV] = server.wsEndpoint();
}
