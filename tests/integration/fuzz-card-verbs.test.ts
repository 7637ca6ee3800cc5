// Property-based fuzzing of every card verb in CARD_ACTIONS, over the real botbuilder adapter on
// loopback (the Bot Connector is a fake in its real wire format): a valid submission with one field
// replaced by any JSON, any JSON at all as the card's data, and ids that are real, hidden, unknown or
// not ids. The bot must always answer the invoke with a card, never with its "something went wrong"
// card, and a refused click (refusal or not-found card) must leave every table as it was (but the
// bot's record of where it can reach the member).
import fc from 'fast-check';
import { rolesAllowed, type Role } from '../../api/domain/access/policy';
import { CARD_ACTIONS } from '../../bot/handlers';
import { openAccessWorld, resolveId, WORLD_TODAY, type AccessWorld } from '../support/access-world';
import { clickCard, isCrashCard } from '../support/card-click';
import { CARD_VERB_SAMPLES } from '../support/card-verb-samples';
import { startFakeBotConnector, type FakeBotConnector } from '../support/fake-bot-connector';
import { FUZZ_DEPTH } from '../support/fuzz-depth';
import { tableFingerprints } from '../support/table-counts';
import { startTestApp, type RunningApp } from '../support/test-app';
import type { TestDatabase } from '../support/test-database';

/** FUZZ_DEPTH=10 makes ten times as many. */
const RUNS_PER_VERB = 15 * FUZZ_DEPTH;

let database: TestDatabase;
let world: AccessWorld;
let app: RunningApp;
let connector: FakeBotConnector;

beforeAll(async () => {
  ({ database, world } = await openAccessWorld());
  connector = await startFakeBotConnector();
  app = await startTestApp(database.db, { clock: () => WORLD_TODAY });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await connector?.close();
  await database?.dispose();
});

const oddId = fc.oneof(
  fc.string(),
  fc.constantFrom('..', '%00', "1' OR '1'='1", '00000000-0000-0000-0000-000000000000', 'A'.repeat(5000)),
  fc.integer(),
);
/**
 * Every table but ConversationReference: the bot records where it can reach a member on any turn
 * from them (bot/conversations.ts), refused or not; that is how proactive messages find them.
 */
async function dataFingerprints(): Promise<string> {
  const { ConversationReference: _reference, ...tables } = await tableFingerprints(database.db);
  return JSON.stringify(tables);
}

const refused = (card: string) => card.includes("You can't do this") || card.includes('or you may not see it');

describe('fuzzing every card verb', () => {
  test(
    'always answers with a card, never fails inside, and changes nothing when it refuses',
    async () => {
      const failures: string[] = [];
      let clicks = 0;
      // The tables as the last click left them, which is how the next one finds them: one fingerprint per click.
      let current: string | null = null;
      for (const verb of Object.keys(CARD_ACTIONS)) {
        const sample = CARD_VERB_SAMPLES[verb];
        if (!sample) throw new Error(`No sample for the card verb ${verb}: add one to tests/support/card-verb-samples.ts`);
        const role: Role = sample.capability ? rolesAllowed(sample.capability)[0]! : 'PANEL_CHAIR';
        const fields = Object.keys(await sample.data((name) => resolveId(world, name, 'own')));
        const visibility = fc.constantFrom('own', 'other', 'missing') as fc.Arbitrary<'own' | 'other' | 'missing'>;
        const data = fc.oneof(
          // The valid submission for a member who may or may not see its ids, with one field replaced.
          fc
            .tuple(visibility, fc.constantFrom(...fields, 'unexpected'), fc.oneof(fc.jsonValue({ maxDepth: 2 }), oddId))
            .map(([v, field, value]) => ({ v, field, value })),
          fc.tuple(visibility).map(([v]) => ({ v })),
          // Anything at all as the card's data.
          fc.jsonValue({ maxDepth: 3 }).map((raw) => ({ raw })),
        );
        const details = await fc.check(
          fc.asyncProperty(data, async (input) => {
            const body =
              'raw' in input
                ? input.raw
                : {
                    ...(await sample.data((name) => resolveId(world, name, input.v))),
                    ...('field' in input ? { [input.field]: input.value } : {}),
                  };
            const before = current ?? (await dataFingerprints());
            const answer = await clickCard(
              { app, serviceUrl: connector.serviceUrl, timestamp: WORLD_TODAY },
              world.members[role],
              verb,
              body,
            );
            current = await dataFingerprints();
            const label = `${verb} ${JSON.stringify(body)}`.slice(0, 300);
            if (answer.status !== 200) failures.push(`${label} answered ${answer.status}`);
            else if (isCrashCard(answer.card)) failures.push(`${label} failed inside the handler`);
            else if (refused(answer.card) && current !== before) failures.push(`${label} was refused but changed the database`);
            else return true;
            return false;
          }),
          // A fixed seed makes a failure reproducible; change it to explore further.
          { numRuns: RUNS_PER_VERB, seed: 20261202, endOnFailure: true },
        );
        if (details.failed && failures.length === 0) failures.push(`${verb}: ${String(details.errorInstance ?? 'property failed')}`);
        clicks += details.numRuns;
      }
      expect(failures).toEqual([]);
      expect(clicks).toBeGreaterThanOrEqual(Object.keys(CARD_ACTIONS).length * RUNS_PER_VERB * 0.9);
    },
    300_000 * FUZZ_DEPTH,
  );
});
