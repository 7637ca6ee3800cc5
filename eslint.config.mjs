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
  // Formatting is Prettier's (npm run format); rules that would fight it are off.
  prettier,
);
