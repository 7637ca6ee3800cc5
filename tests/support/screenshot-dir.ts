// Where browser tests write their screenshots. Kept apart from browser.ts so the e2e global teardown
// can name it without loading the app and its generated Prisma client, which Jest's global hooks
// cannot resolve (they run without the moduleNameMapper that maps its `.js` imports to `.ts`).
import path from 'node:path';
import { projectRoot } from '../../api/paths';

export const SCREENSHOT_DIR = path.join(projectRoot, 'tests', 'e2e', '__screenshots__');
