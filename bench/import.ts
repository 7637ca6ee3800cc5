// The import of existing cases at the size the issue names: a realistic 5,000-case CSV (a victim or
// perpetrator and an address each, a perpetrator on one case in three) uploaded, dry-run and
// committed into the demo partnership over real HTTP, on the embedded database (PGlite) unless
// TEST_DATABASE_URL names a PostgreSQL server. Prints each step's time and rows per second.
import { DEMO_AGENCIES, DEMO_MEMBERS } from '../api/store/demo-data';
import { ECINS_HEADERS, exampleCaseRows, toCsv } from '../tests/support/import-case-file';
import { startTestApp } from '../tests/support/test-app';
import { openDemoDatabase } from '../tests/support/test-database';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 5000);
const TODAY = new Date('2026-11-02T10:00:00Z');

async function main(): Promise<void> {
  const database = await openDemoDatabase({ today: TODAY });
  const app = await startTestApp(database.db, { clock: () => TODAY, nodeEnv: 'development' });
  try {
    const admin = DEMO_MEMBERS.find((m) => m.displayName === 'Owen Dummy')!;
    const token = await app.signInAs(admin.id);
    const csv = toCsv(
      ECINS_HEADERS,
      exampleCaseRows(
        ROWS,
        DEMO_AGENCIES.map((a) => a.name),
      ),
    );
    const timings: Array<[string, number]> = [];
    const timed = async <T>(step: string, work: () => Promise<T>): Promise<T> => {
      const started = performance.now();
      const result = await work();
      timings.push([step, (performance.now() - started) / 1000]);
      return result;
    };
    const expectOk = <T>(answer: { status: number; body: T }, step: string): T => {
      if (answer.status >= 300) throw new Error(`${step} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      return answer.body;
    };

    const uploaded = await timed('upload (read and store the file)', async () =>
      expectOk(
        await app.call<{ id: string; suggestedMapping: Record<string, string> }>('POST', '/api/imports', {
          token,
          body: { fileName: 'bench.csv', sourceSystem: 'BENCH', content: Buffer.from(csv).toString('base64') },
        }),
        'upload',
      ),
    );
    const mapping = uploaded.suggestedMapping;
    const dryRun = await timed('dry run (check rows, match duplicates)', async () =>
      expectOk(
        await app.call<{ problemCount: number; duplicates: Array<{ key: string }> }>('POST', `/api/imports/${uploaded.id}/dry-run`, {
          token,
          body: { mapping },
        }),
        'dry run',
      ),
    );
    if (dryRun.problemCount > 0) throw new Error(`the bench file has ${dryRun.problemCount} problems`);
    const decisions = Object.fromEntries(dryRun.duplicates.map((d) => [d.key, 'NEW']));
    let polls = 0;
    const done = await timed('commit (one transaction, polled to the end)', async () => {
      expectOk(await app.call('POST', `/api/imports/${uploaded.id}/commit`, { token, body: { mapping, decisions } }), 'commit');
      for (;;) {
        const status = expectOk(
          await app.call<{ status: string; total: number; error: string | null }>('GET', `/api/imports/${uploaded.id}`, { token }),
          'status',
        );
        polls++;
        if (status.status === 'DONE') return status;
        if (status.status === 'FAILED') throw new Error(`the commit failed: ${status.error}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });

    const total = timings.reduce((sum, [, seconds]) => sum + seconds, 0);
    timings.push(['whole import', total]);
    const out = (line: string) => process.stdout.write(`${line}\n`);
    out(
      `\nImport of a ${ROWS.toLocaleString('en-GB')}-case file (${(csv.length / 1024 / 1024).toFixed(1)} MB CSV, ${database.url ? 'PostgreSQL' : 'PGlite'})`,
    );
    out(`${done.total.toLocaleString('en-GB')} records written, ${polls} progress polls\n`);
    out('| step | seconds | rows per second |');
    out('|---|---:|---:|');
    for (const [step, seconds] of timings)
      out(`| ${step} | ${seconds.toFixed(2)} | ${Math.round(ROWS / seconds).toLocaleString('en-GB')} |`);
  } finally {
    await app.close();
    await database.dispose();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
