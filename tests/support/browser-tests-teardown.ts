// Jest global teardown for the browser tests: stops the shared Chromium, then removes the template.
import type { BrowserServer } from 'playwright-core';
import tearDownTemplateDatabase from './template-database-teardown';

export default async function tearDownBrowserTests(): Promise<void> {
  await (globalThis as { asbBrowserServer?: BrowserServer }).asbBrowserServer?.close();
  await tearDownTemplateDatabase();
}
