import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'api/store/generated/**',
      'tab/src/api/schema.d.ts',
      'manifest/build/**',
      '**/*.js',
      '**/*.cjs',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    // The domain stays free of the edges and of the store (conventions.md).
    files: ['api/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['express', 'botbuilder*', '@prisma/*', '*/store/*', '*/generated/*', '@microsoft/*', 'pg', '@electric-sql/*'] },
      ],
    },
  },
  {
    // Use cases own their ports (api/services/ports); the edges and the pollers depend on them, never the reverse.
    files: ['api/services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/bot/**', 'botbuilder*', 'botframework-*'],
              message: 'Services talk to Teams through api/services/ports; the bot implements them.',
            },
            { group: ['**/jobs/**'], message: 'Jobs are pollers that call services; move the logic into api/services.' },
            { group: ['**/http/**', 'express'], message: 'Services know nothing of HTTP; the routes call them.' },
          ],
        },
      ],
    },
  },
  {
    // A job polls and calls services; what a card looks like is the bot's business.
    files: ['api/jobs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/bot/**', 'botbuilder*'], message: 'Jobs send through api/services/ports; the bot draws the cards.' },
            {
              group: ['**/store/generated/**', '@prisma/*', '**/graph/**'],
              message: 'Jobs pick due work and call services; the services own the queries and the Graph calls.',
            },
          ],
        },
      ],
    },
  },
  {
    // The bot reaches the database through the services, so it never sees the Prisma client.
    files: ['bot/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/store/generated/**', '@prisma/*'],
              message: 'The bot reaches the database through api/services (e.g. services/conversations.ts).',
            },
          ],
        },
      ],
    },
  },
  // Formatting is Prettier's (npm run format); rules that would fight it are off.
  prettier,
);
