// The README's pictures of the product are the browser tests' own screenshots: at the end of a run
// that took them afresh, the light-theme ones named here are copied to docs/screenshots/, so the
// README never shows a page as it no longer is.
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { SCREENSHOT_DIR } from './screenshot-dir';

const README_DIR = path.join(__dirname, '..', '..', 'docs', 'screenshots');

/** README picture → the screenshot a browser test writes (tests/e2e/__screenshots__). */
export const README_SCREENSHOTS: Readonly<Record<string, string>> = {
  'chair-home.png': 'home-chair-light.png',
  'referral-triage.png': 'referral-triage-light.png',
  'side-panel-hearing.png': 'meeting-outcome-form-light.png',
  'action-detail.png': 'action-owner-progress-light.png',
  'referral-check-answers.png': 'referral-check-answers.png',
};

/** Copies each screenshot written since `runStartedAt` (ms) over its README picture. */
export function copyReadmeScreenshots(runStartedAt: number): string[] {
  const copied: string[] = [];
  for (const [picture, screenshot] of Object.entries(README_SCREENSHOTS)) {
    const source = path.join(SCREENSHOT_DIR, screenshot);
    if (!existsSync(source) || statSync(source).mtimeMs < runStartedAt) continue;
    mkdirSync(README_DIR, { recursive: true });
    copyFileSync(source, path.join(README_DIR, picture));
    copied.push(picture);
  }
  return copied;
}
