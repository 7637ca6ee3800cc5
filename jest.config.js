// One Jest run covers every suite; TypeScript is compiled by SWC (type checking is `npm run typecheck`).
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
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
  testTimeout: 30000,
  maxWorkers: 2,
};
