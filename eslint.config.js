// Boundaries are held by the linter, not by good intentions: electron lives only in electron/ and imports
// only src/app and src/contract, the renderer reaches the engine only through src/contract, the folders of
// src/ form layers without loops (LAYERS below; CONTRIBUTING.md draws them) and no two modules import each
// other (import-x/no-cycle). Promises are never dropped (type-aware rules).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

// Which folders of src/ each folder may import, besides itself. A folder imports only folders listed before
// it, so a loop between folders cannot be written. domain/mapping is a layer of its own above profile (it
// maps ERP rows with a profile's field specs); the rest of domain is pure rules that import only contract.
// app and cli may import every folder here; nothing here imports app or cli.
const LAYERS = {
  contract: [],
  logging: ['contract'],
  domain: ['contract'],
  settings: ['contract', 'logging', 'domain'],
  infoplus: ['contract', 'logging'],
  erp: ['contract', 'logging'],
  profile: ['contract', 'logging', 'domain', 'erp', 'infoplus'],
  'domain/mapping': ['contract', 'logging', 'domain', 'profile'],
  store: ['contract', 'logging', 'domain', 'settings'],
  simulator: ['contract', 'logging', 'infoplus'],
  server: ['contract', 'logging'],
  sync: [
    'contract',
    'logging',
    'domain',
    'domain/mapping',
    'settings',
    'infoplus',
    'erp',
    'profile',
    'store',
  ],
  check: ['contract', 'logging', 'domain', 'domain/mapping', 'infoplus', 'erp', 'profile', 'sync'],
};
const FOLDERS = [...Object.keys(LAYERS), 'app', 'cli'];

// Packages the engine never imports, and what the contract (shared with the renderer) may not import either.
const ENGINE_BANNED = ['electron', 'react', 'react-dom'];
const CONTRACT_BANNED = [...ENGINE_BANNED, 'mssql', 'pg', 'mysql2', 'better-sqlite3', 'axios'];
const ENGINE_PATTERNS = [
  { group: ['**/electron/**', '**/renderer/**'], message: 'src/ runs without Electron.' },
];

// Matches a relative import of src/<folder>/ from another folder of src/ (it climbs with ../ first).
const importOf = (folder) => `^(\\.\\./)+${folder}/`;

function layerRule(folder) {
  const allowed = [folder, ...LAYERS[folder]];
  const message = `src/${folder} may import only ${allowed.map((f) => `src/${f}`).join(', ')} (LAYERS in eslint.config.js).`;
  const patterns = FOLDERS.filter((f) => !allowed.includes(f)).map((f) => ({ regex: importOf(f), message }));
  // The pure rules of domain reach their mapping sub-folder as ./mapping/.
  if (folder === 'domain') patterns.push({ regex: '^\\./mapping/', message });
  // domain/mapping sits two folders deep and reaches domain itself as ../.
  if (folder === 'domain/mapping') {
    return {
      files: ['src/domain/mapping/**/*.ts'],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            paths: ENGINE_BANNED,
            patterns: [
              ...ENGINE_PATTERNS,
              ...FOLDERS.filter((f) => !allowed.includes(f) && f !== 'domain').map((f) => ({
                regex: `^\\.\\./\\.\\./${f}/`,
                message,
              })),
            ],
          },
        ],
      },
    };
  }
  return {
    files: folder === 'domain' ? ['src/domain/*.ts'] : [`src/${folder}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: folder === 'contract' ? CONTRACT_BANNED : ENGINE_BANNED,
          patterns: [
            ...ENGINE_PATTERNS,
            ...(folder === 'contract'
              ? [{ group: ['node:*'], message: 'The renderer compiles src/contract.' }]
              : []),
            ...patterns,
          ],
        },
      ],
    },
  };
}

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
    plugins: { 'import-x': importX },
    settings: {
      // no-cycle follows imports only into files it can parse.
      'import-x/extensions': ['.ts', '.tsx', '.cts', '.mts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.cts', '.mts'] },
      // Sources import each other as `./x.js`; the files are `x.ts` (NodeNext resolution).
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.js', '.cts', '.json'],
          extensionAlias: { '.js': ['.ts', '.tsx', '.js'], '.cjs': ['.cts', '.cjs'] },
        }),
      ],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use a string union or as const.' },
      ],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // Type-aware: a promise nobody awaits loses its error (and, in a run, its record).
    files: ['**/*.{ts,tsx,cts,mts}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ENGINE_BANNED, patterns: ENGINE_PATTERNS }],
    },
  },
  ...Object.keys(LAYERS).map(layerRule),
  {
    files: ['electron/**/*.{ts,cts}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./src/(?!app/|contract/)',
              message:
                'electron/ imports only src/app and src/contract (re-export what the shell needs in src/app/shell.ts).',
            },
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
