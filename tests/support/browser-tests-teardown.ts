// Jest global teardown for the browser tests: stops the shared Chromium, refreshes the README's
// pictures from this run's screenshots, then removes the template.
import type { BrowserServer } from 'playwright-core';
import { RUN_STARTED_ENV } from './browser-tests-setup';
import { copyReadmeScreenshots } from './readme-screenshots';
import tearDownTemplateDatabase from './template-database-teardown';

export default async function tearDownBrowserTests(): Promise<void> {
  await (globalThis as { asbBrowserServer?: BrowserServer }).asbBrowserServer?.close();
  copyReadmeScreenshots(Number(process.env[RUN_STARTED_ENV] ?? Date.now()));
  await tearDownTemplateDatabase();
}
