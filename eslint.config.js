// Boundaries are held by the linter, not by good intentions: electron lives only in electron/,
// the renderer reaches the engine only through src/contract.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use a string union or as const.' },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['electron', 'react', 'react-dom'], patterns: ['**/electron/**', '**/renderer/**'] },
      ],
    },
  },
  {
    files: ['src/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'react', 'mssql', 'pg', 'mysql2', 'better-sqlite3', 'axios'],
          patterns: [
            'node:*',
            '../erp/**',
            '../sync/**',
            '../store/**',
            '../infoplus/**',
            '../server/**',
            '../simulator/**',
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'mssql', 'pg', 'mysql2', 'better-sqlite3', 'axios', 'fs', 'path'],
          patterns: [
            'node:*',
            '**/src/erp/**',
            '**/src/sync/**',
            '**/src/store/**',
            '**/src/infoplus/**',
            '**/src/server/**',
            '**/src/simulator/**',
            '**/src/domain/**',
            '**/electron/**',
          ],
        },
      ],
    },
  },
  prettier,
);
