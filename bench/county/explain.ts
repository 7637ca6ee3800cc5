// `npm run bench:explain -- --cases 10000`: EXPLAIN (ANALYZE, BUFFERS) of every query the chair's
// outstanding actions, an officer's own list and the governance figures send, on a copy of the
// county database, for the notes in bench/README.md. The lists run through their real service
// functions; the SQL is caught as Prisma sends it and explained with its own parameters (on a
// scratch copy, so the audit rows go nowhere).
import { Client } from 'pg';
import { openDatabase } from '../../api/store/database';
import { listActionChoices, listMyActions, listOutstandingActions } from '../../api/services/action-list';
import { readGovernanceFigures } from '../../api/services/governance';
import { actorForMember } from '../../api/services/members';
import { DEMO_MEMBERS } from '../../api/store/demo-data';
import { databaseUrlNamed } from '../../tests/support/template-database';
import { benchServerUrl, casesArgument, countyDatabase } from './generate';

async function main(): Promise<void> {
  const county = await countyDatabase(casesArgument(process.argv));
  const server = benchServerUrl();
  const runName = `${county.name}_explain_${process.pid}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${runName} TEMPLATE ${county.name}`);
  const url = databaseUrlNamed(server, runName);
  const caught: { sql: string; params: unknown[] }[] = [];
  const db = await openDatabase({ kind: 'postgresql', url }, { onQuery: (query) => caught.push(query) });
  const explainer = new Client({ connectionString: url });
  await explainer.connect();
  try {
    const chair = DEMO_MEMBERS.find((m) => m.roles.includes('PANEL_CHAIR'))!;
    const officer = (
      await explainer.query<{ id: string }>(
        `SELECT o.id FROM "Member" o WHERE o."displayName" LIKE 'Officer %'
          ORDER BY (SELECT count(*) FROM "Action" a WHERE a."ownerMemberId" = o.id) DESC LIMIT 1`,
      )
    ).rows[0]!.id;
    const now = () => new Date(`${county.day}T10:00:00Z`);
    const views = [
      { name: 'chair: GET /api/actions', member: chair.id, run: listOutstandingActions, filters: {} },
      { name: 'chair: GET /api/actions?overdue=true', member: chair.id, run: listOutstandingActions, filters: { overdue: true } },
      { name: 'officer: GET /api/actions/mine', member: officer, run: listMyActions, filters: {} },
      { name: 'chair: GET /api/actions/choices', member: chair.id, run: listActionChoices, filters: {} },
      { name: 'chair: GET /api/governance/figures', member: chair.id, run: readGovernanceFigures, filters: {} },
    ];
    for (const view of views) {
      const actor = (await db.prisma.$transaction((tx) => actorForMember(tx, view.member)))!;
      await view.run({ db, actor, now }, view.filters); // warm the caches as a running app has them
      caught.length = 0;
      const started = performance.now();
      await view.run({ db, actor, now }, view.filters);
      process.stdout.write(`\n## ${view.name}: ${(performance.now() - started).toFixed(1)} ms through the service\n`);
      for (const query of caught) {
        if (!/^\s*(SELECT|WITH)/i.test(query.sql) || /pg_advisory/.test(query.sql)) continue;
        const plan = await explainer.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${query.sql}`, query.params);
        const lines = plan.rows.map((row) => row['QUERY PLAN']);
        process.stdout.write(`\n${query.sql.replace(/\s+/g, ' ').slice(0, 160)}...\n${lines.map((l) => `    ${l}`).join('\n')}\n`);
      }
    }
  } finally {
    await explainer.end();
    await db.close();
    await admin.query(`DROP DATABASE IF EXISTS ${runName} WITH (FORCE)`);
    await admin.end();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`explain failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
