#!/usr/bin/env node
// Runs `prisma generate` offline. The Prisma CLI insists on finding its native schema engine before
// any command, and would download it; `generate` never runs it, so any existing file satisfies the
// check (PRISMA_SCHEMA_ENGINE_BINARY is Prisma's documented override). Migrations are applied by
// our own runner (api/store/migrations.ts), so the engine is never needed here.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
const cli = path.join(__dirname, '..', 'node_modules', 'prisma', 'build', 'index.js');
const result = spawnSync(process.execPath, [cli, 'generate'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
