// Debian's Chromium as the browser tests drive it: where it is, its flags, and where a test file finds
// the one Chromium that the e2e global set-up starts for the whole run.
import { existsSync } from 'node:fs';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The WebSocket address of the run's shared Chromium (playwright's browser server). */
export const BROWSER_ENDPOINT_ENV = 'ASB_TEST_BROWSER_ENDPOINT';

export function chromiumPath(): string {
  const executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executable)) {
    throw new Error(`No Chromium at ${executable}: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  return executable;
}
