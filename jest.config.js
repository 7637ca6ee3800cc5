// The suite is split into one Jest project per folder under tests/ (unit, integration, bot, e2e, and any
// folder added later, so no test is silently left out): `npm test -- --selectProjects unit` runs one.
// TypeScript is compiled by SWC (type checking is `npm run typecheck`).
const { readdirSync } = require('node:fs');
const path = require('node:path');

const testsDir = path.join(__dirname, 'tests');

function holdsTests(dir) {
  return readdirSync(dir, { withFileTypes: true }).some((entry) =>
    entry.isDirectory() ? holdsTests(path.join(dir, entry.name)) : entry.name.endsWith('.test.ts'),
  );
}

const strayTests = readdirSync(testsDir).filter((name) => name.endsWith('.test.ts'));
if (strayTests.length > 0) throw new Error(`tests/${strayTests[0]} belongs in a folder under tests/ (one Jest project per folder)`);

const folders = readdirSync(testsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && holdsTests(path.join(testsDir, entry.name)))
  .map((entry) => entry.name);

/**
 * What Jest starts once per run for a folder: unit tests are pure and need nothing; the browser tests
 * share one Chromium; every other folder (and any new one) shares the migrated template database.
 */
const RUN_SET_UP = {
  unit: null,
  e2e: 'browser-tests',
};

function runSetUp(folder) {
  const name = folder in RUN_SET_UP ? RUN_SET_UP[folder] : 'template-database';
  if (name === null) return {};
  // Jest runs each distinct set-up module once per run, however many projects name it.
  return { globalSetup: `<rootDir>/tests/support/${name}-setup.ts`, globalTeardown: `<rootDir>/tests/support/${name}-teardown.ts` };
}

function project(folder) {
  return {
    displayName: folder,
    testEnvironment: 'node',
    rootDir: __dirname,
    roots: [`<rootDir>/tests/${folder}`],
    testMatch: ['**/*.test.ts'],
    transform: {
      '^.+\\.(t|j|mj)sx?$': [
        '@swc/jest',
        { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true } }, module: { type: 'commonjs' } },
      ],
    },
    // ESM-only packages must be compiled to CommonJS for Jest's module loader, also when nested inside
    // another package (openapi-typescript's): the innermost node_modules entry decides.
    transformIgnorePatterns: ['/node_modules/(?!(jose|parse-json|index-to-position|supports-color|change-case)/)[^/]+/(?!.*node_modules/)'],
    // Prisma's generated client imports its own TypeScript files with .js extensions.
    moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
    moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
    ...runSetUp(folder),
    // A browser test drives whole pages (three themes, axe, screenshots): on 2 busy cores that takes
    // longer than the 30 s every other test is held to, and gets one logged retry (see the file).
    ...(folder === 'e2e' ? { setupFilesAfterEnv: ['<rootDir>/tests/support/browser-test-limits.ts'] } : {}),
  };
}

/** @type {import('jest').Config} */
module.exports = {
  projects: folders.map(project),
  testTimeout: 30000,
  maxWorkers: 2,
  // Each test file loads its own copy of the app, Prisma's and PGlite's WebAssembly and a database, and
  // not all of it is returned to the system: a worker that grows past this is replaced after its file.
  // Measured on the whole suite (2 cores): 693 s and 968 CPU seconds without it, 609 s and 797 with.
  workerIdleMemoryLimit: '1GB',
};
