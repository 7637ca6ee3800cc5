// GET /healthz: 200 when the database answers and every migration is applied, 503 otherwise.
import type { RequestHandler } from 'express';
import type { Database } from '../store/database';
import { migrationState, type Migration } from '../store/migrations';

const DATABASE_CHECK_TIMEOUT_MS = 2000;

export function healthCheck(db: Database, migrations: Migration[]): RequestHandler {
  return async (_req, res) => {
    const database = { kind: db.kind, reachable: false };
    try {
      const state = await withTimeout(migrationState(db.sql, migrations), DATABASE_CHECK_TIMEOUT_MS);
      database.reachable = true;
      const healthy = state.pending.length === 0;
      res.status(healthy ? 200 : 503).json({
        status: healthy ? 'ok' : 'migrations pending',
        database,
        migrations: { applied: state.applied.length, latest: state.latest, pending: state.pending },
      });
    } catch {
      res.status(503).json({ status: 'database unreachable', database });
    }
  };
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
