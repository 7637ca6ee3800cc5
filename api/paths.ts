// The project's folders, found from this file whether it runs from source (tsx, Jest) or from dist/.
import { existsSync } from 'node:fs';
import path from 'node:path';

function findProjectRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'prisma'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`project root not found above ${__dirname}`);
  }
}

export const projectRoot = findProjectRoot();
export const migrationsDir = path.join(projectRoot, 'prisma', 'migrations');
export const builtTabDir = path.join(projectRoot, 'dist', 'tab');
