// npm run db:migrate: applies pending migrations to the configured database and reports the state.
import { ConfigurationError, loadConfig } from '../config';
import { migrationsDir } from '../paths';
import { openDatabase } from '../store/database';
import { applyMigrations, readMigrations } from '../store/migrations';

async function migrate(): Promise<number> {
  const config = loadConfig();
  const db = await openDatabase(config.database);
  try {
    const state = await applyMigrations(db.sql, readMigrations(migrationsDir));
    process.stdout.write(
      `${JSON.stringify({ database: db.describe, applied: state.applied.length, latest: state.latest, pending: state.pending })}\n`,
    );
    return 0;
  } finally {
    await db.close();
  }
}

migrate().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(error instanceof ConfigurationError ? 78 : 1);
  },
);
