// Fills an empty database with the fictional Fernbrook demo partnership. Prints counts only: the
// data is made up, but it is handled as if it were real.
import { ConfigurationError, loadConfig } from '../config';
import { migrationsDir } from '../paths';
import { openDatabase } from '../store/database';
import { DEFAULT_DEMO_SEED, hasAnyPartnership, seedDemoData } from '../store/demo-data';
import { applyMigrations, readMigrations } from '../store/migrations';

function seedFromArguments(args: string[]): number {
  const given = args.find((a) => a.startsWith('--seed='))?.slice('--seed='.length);
  if (given === undefined) return DEFAULT_DEMO_SEED;
  const seed = Number(given);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, not "${given}"`);
  return seed;
}

async function main(): Promise<void> {
  const seed = seedFromArguments(process.argv.slice(2));
  const db = await openDatabase(loadConfig().database);
  try {
    await applyMigrations(db.sql, readMigrations(migrationsDir));
    if (await hasAnyPartnership(db.prisma)) {
      process.stdout.write(`The database (${db.describe}) already has data; demo data was not added.\n`);
      return;
    }
    const started = Date.now();
    const summary = await seedDemoData(db.prisma, { today: new Date(), seed });
    process.stdout.write(`${JSON.stringify({ seeded: db.describe, seed, milliseconds: Date.now() - started, rows: summary })}\n`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Seeding demo data failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = error instanceof ConfigurationError ? 78 : 1;
});
