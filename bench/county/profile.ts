// `npx tsx bench/county/profile.ts --cases 10000 [path]`: a CPU profile of the app serving one hot
// path under 10 connections, on a copy of the county database. Prints the functions that took the
// most time on their own (self time), grouped by package, and writes the .cpuprofile for DevTools.
import http from 'node:http';
import { readdirSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { databaseUrlNamed } from '../../tests/support/template-database';
import { DEMO_MEMBERS } from '../../api/store/demo-data';
import { benchServerUrl, casesArgument, countyDatabase } from './generate';
import { startBenchServer } from './server-process';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

async function main(): Promise<void> {
  const cases = casesArgument(process.argv);
  const route = process.argv.find((a) => a.startsWith('/api/')) ?? '/api/actions';
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const county = await countyDatabase(cases);
  const runName = `${county.name}_prof_${process.pid}`;
  const admin = new Client({ connectionString: benchServerUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${runName} TEMPLATE ${county.name}`);
  const profileDir = mkdtempSync(path.join(tmpdir(), 'asb-profile-'));
  const { child, ready } = await startBenchServer(databaseUrlNamed(benchServerUrl(), runName), county.day, [
    '--cpu-prof',
    '--cpu-prof-dir',
    profileDir,
  ]);
  try {
    const chair = DEMO_MEMBERS.find((m) => m.roles.includes('PANEL_CHAIR'))!;
    const signIn = await fetch(`${ready.appUrl}/api/dev/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ memberId: chair.id }),
    });
    const { token } = (await signIn.json()) as { token: string };
    const agent = new http.Agent({ keepAlive: true, maxSockets: 10 });
    const get = () =>
      new Promise<void>((resolve, reject) => {
        http
          .get(`${ready.appUrl}${route}`, { agent, headers: { authorization: `Bearer ${token}` } }, (response) => {
            response.resume();
            response.on('end', () => resolve());
          })
          .on('error', reject);
      });
    let count = 0;
    const deadline = Date.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        while (Date.now() < deadline) {
          await get();
          count += 1;
        }
      }),
    );
    process.stderr.write(`${route}: ${count} requests in ${seconds} s (${(count / seconds).toFixed(1)}/s)\n`);
    agent.destroy();
  } finally {
    child.send({ type: 'exit' });
    await new Promise((resolve) => child.once('exit', resolve));
    await admin.query(`DROP DATABASE IF EXISTS ${runName} WITH (FORCE)`);
    await admin.end();
  }
  const file = path.join(profileDir, readdirSync(profileDir)[0]!);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  // Only the samples of the load (the profile's last `seconds`), not the process's start-up.
  const self = new Map<number, number>();
  const span = profile.timeDeltas.reduce((a, b) => a + b, 0);
  let at = 0;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (at >= span - seconds * 1e6) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  for (const node of profile.nodes) {
    const time = self.get(node.id) ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url.replace(/^file:\/\//, '').replace(process.cwd(), '.');
    const pkg = where.includes('node_modules/')
      ? where
          .split('node_modules/')
          .pop()!
          .split('/')
          .slice(0, where.includes('node_modules/@') ? 2 : 1)
          .join('/')
      : where.startsWith('.')
        ? where.split('/').slice(0, 3).join('/')
        : where || functionName;
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + time);
    const key = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + time);
  }
  const top = (map: Map<string, number>, n: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`)
      .join('\n');
  process.stdout.write(
    `profile: ${file}\n\nby package or folder (self time)\n${top(byPackage, 25)}\n\nby function (self time)\n${top(byFunction, 40)}\n`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`profile failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
