// The layering is enforced by ESLint's no-restricted-imports (eslint.config.mjs). These tests run the
// real configuration: each rule must fire on a probe that breaks it, and the tree must break none,
// so a rule that stops matching (a moved folder, a renamed pattern) fails here instead of going quiet.
import path from 'node:path';
import { ESLint } from 'eslint';

const ROOT = path.resolve(__dirname, '../..');
// The real configuration with only the rule these tests read: the project's other rules, run over the
// whole tree as `npm run lint` already does, would take most of the time here.
const eslint = new ESLint({ cwd: ROOT, ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports' });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) });
  return result!.messages.filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

describe('layering rules', () => {
  it.each([
    ['a service importing the bot', 'api/services/layering-probe.ts', "import { renderCard } from '../../bot/cards/render';"],
    ['a service importing botbuilder', 'api/services/layering-probe.ts', "import { CloudAdapter } from 'botbuilder';"],
    ['a service importing a job', 'api/services/layering-probe.ts', "import { startPolling } from '../jobs/polling';"],
    ['a service importing the HTTP edge', 'api/services/layering-probe.ts', "import { apiRoutes } from '../http/routes';"],
    ['a nested service importing a job', 'api/services/reminders/layering-probe.ts', "import { startPolling } from '../../jobs/polling';"],
    ['a job importing card builders', 'api/jobs/layering-probe.ts', "import { buildReminderCard } from '../../bot/cards/reminder-cards';"],
    ['a job importing the generated Prisma client', 'api/jobs/layering-probe.ts', "import { Prisma } from '../store/generated/client';"],
    ['a job calling Graph itself', 'api/jobs/layering-probe.ts', "import { GraphCallError } from '../graph/teams-meetings-gateway';"],
    [
      'the bot importing the generated Prisma client',
      'bot/layering-probe.ts',
      "import type { ConversationKind } from '../api/store/generated/client';",
    ],
    ['a bot handler importing Prisma', 'bot/handlers/layering-probe.ts', "import { Prisma } from '@prisma/client';"],
    ['the domain importing the store', 'api/domain/layering-probe.ts', "import type { Database } from '../store/database';"],
  ])('refuses %s', async (_name, filePath, line) => {
    expect(await restrictedImports(filePath, `${line}\nexport const probe = 1;\n`)).toHaveLength(1);
  });

  it('lets each layer import what it may: a job a service, the bot a service port, a service another service', async () => {
    expect(
      await restrictedImports('api/jobs/layering-probe.ts', "import { scheduleReminders } from '../services/reminders/schedule';\n"),
    ).toEqual([]);
    expect(
      await restrictedImports('bot/layering-probe.ts', "import type { TeamsSender } from '../api/services/ports/teams-sender';\n"),
    ).toEqual([]);
    expect(await restrictedImports('api/services/layering-probe.ts', "import { audit } from './audit';\n")).toEqual([]);
  });

  it('finds no restricted import anywhere in the services, jobs, bot or domain', async () => {
    const results = await eslint.lintFiles(['api/services/**/*.ts', 'api/jobs/**/*.ts', 'api/domain/**/*.ts', 'bot/**/*.ts']);
    expect(results.length).toBeGreaterThan(50);
    const violations = results.flatMap((result) =>
      result.messages
        .filter((message) => message.ruleId === 'no-restricted-imports')
        .map((message) => `${path.relative(ROOT, result.filePath)}:${message.line} ${message.message}`),
    );
    expect(violations).toEqual([]);
  }, 120_000);
});
