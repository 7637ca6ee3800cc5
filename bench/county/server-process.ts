// Starts the bench's server (serve.ts) the way the app runs in production: compiled JavaScript on
// plain Node, not TypeScript through tsx (whose on-the-fly compiling costs the process about 40 MB
// and some CPU), with the memory settings docs/deploy.md gives the app.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';
import { projectRoot } from '../../api/paths';
import type { ServerReady } from './serve';

/** The app's V8 heap limit (docs/deploy.md); without one V8 lets garbage grow to a quarter of the machine's memory. */
export const APP_HEAP_MB = Number(process.env.BENCH_HEAP_MB ?? 512);
/** The young generation's semi-space (docs/deploy.md); 0 leaves V8's own (16 MB on Node 20). */
export const APP_SEMI_SPACE_MB = Number(process.env.BENCH_SEMI_SPACE_MB ?? 2);
/** glibc's malloc arenas (docs/deploy.md); set it empty to leave glibc's default (eight per core). */
export const APP_MALLOC_ARENA_MAX = process.env.MALLOC_ARENA_MAX ?? '2';

const BUNDLE = path.join(projectRoot, 'dist', 'bench', 'serve.cjs');

/** One file of our code (its packages stay in node_modules), where api/paths.ts still finds the project. */
async function bundleServer(): Promise<string> {
  await build({
    entryPoints: [path.join(__dirname, 'serve.ts')],
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'warning',
  });
  return BUNDLE;
}

export async function startBenchServer(
  url: string,
  day: string,
  nodeOptions: readonly string[] = [],
): Promise<{ child: ChildProcess; ready: ServerReady }> {
  const { MALLOC_ARENA_MAX: _unset, ...environment } = process.env;
  if (APP_MALLOC_ARENA_MAX !== '') environment.MALLOC_ARENA_MAX = APP_MALLOC_ARENA_MAX;
  const child = fork(await bundleServer(), [], {
    execArgv: [
      `--max-old-space-size=${APP_HEAP_MB}`,
      ...(APP_SEMI_SPACE_MB > 0 ? [`--max-semi-space-size=${APP_SEMI_SPACE_MB}`] : []),
      ...nodeOptions,
    ],
    env: { ...environment, BENCH_RUN_DATABASE_URL: url, BENCH_DAY: day },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message: ServerReady) => resolve({ child, ready: message }));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}
