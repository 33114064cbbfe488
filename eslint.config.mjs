import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';

// The office-addins rules are all errors: a sync in a loop or a read before load is a bug here.
// A rule's options replace, not merge, across blocks: every import restriction repeats this one.
const EXCELJS = {
  name: 'exceljs',
  message: 'Only src/files reads and writes workbook files, behind its own interface.',
};
const DOCX = { name: 'docx', message: 'Only src/files writes Word files, behind its own interface.' };

const officeRules = Object.fromEntries(
  Object.keys(officeAddins.rules).map((name) => [`office-addins/${name}`, 'error']),
);

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test-output/', '.bench/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'office-addins': officeAddins, 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    // Office rules where code talks to Excel; the simulator and its tests break them on purpose.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/excel-sim/**'],
    rules: officeRules,
  },
  {
    // The simulator is handed to src/excel as an Excel context: the one place `any` may appear.
    files: ['src/excel-sim/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/files/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [EXCELJS, DOCX] }],
    },
  },
  // The layer arrows of DESIGN.md, enforced (as excalidraw enforces its package boundaries):
  // taskpane, commands -> excel -> ledger; preview -> taskpane + excel-sim. Each block says why.
  {
    files: ['src/ledger/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [EXCELJS, DOCX],
          patterns: [
            {
              group: ['../*', '!../ledger'],
              message: 'src/ledger is the pure core: it imports nothing outside itself.',
            },
            {
              group: ['react', 'react-*', '@fluentui/*'],
              message: 'src/ledger is the pure core: no React, no UI.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/excel/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [EXCELJS, DOCX],
          patterns: [
            {
              group: ['../excel-sim', '../excel-sim/*'],
              message:
                'src/excel never imports the simulator: tests and the preview hand it in as the context.',
            },
            {
              group: [
                '../taskpane',
                '../taskpane/*',
                '../files',
                '../files/*',
                '../commands',
                '../commands/*',
                '../preview',
                '../preview/*',
              ],
              message: 'src/excel is called by the pane and the commands, never the other way round.',
            },
            { group: ['react', 'react-*', '@fluentui/*'], message: 'src/excel moves cells; it has no UI.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/commands/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [EXCELJS, DOCX],
          patterns: [
            {
              group: ['../taskpane', '../taskpane/*', '../preview', '../preview/*'],
              message: 'Ribbon commands run without the pane: they use src/excel and src/ledger only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/files/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '../excel',
                '../excel/*',
                '../excel-sim',
                '../excel-sim/*',
                '../taskpane',
                '../taskpane/*',
              ],
              message: 'src/files makes files from the core’s specs: no Office call, no simulator, no pane.',
            },
            { group: ['react', 'react-*', '@fluentui/*'], message: 'src/files makes files; it has no UI.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/taskpane/panels/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [EXCELJS, DOCX],
          patterns: [
            {
              group: ['../App', '../App.tsx'],
              message:
                'Tabs read the pane through paneContext (usePane, useStrings); the shell renders them, never the other way round.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tables are read by their headers (src/ledger/tableSpec.ts): a cell taken by a fixed column
    // number breaks when a user moves, inserts or renames a column. Caught: a row's cell by a
    // number past the first (r[3], row[7], head[7]) and a cell of a grid by a fixed pair past
    // the first column (rows[18][3]). A one-column range's r[0] and a single cell's values[0][0]
    // are not positions in a table.
    files: ['src/ledger/**/*.ts', 'src/excel/**/*.ts', 'src/files/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "MemberExpression[computed=true][property.type='Literal'][property.value>0][object.type='Identifier'][object.name=/^(r|row|cells|head|header|line|record|values)$/]",
          message:
            'A table cell by position: read the table by its headers (TableSpec, layoutOf, mapHeaders).',
        },
        {
          selector:
            "MemberExpression[computed=true][property.type='Literal'][property.value>0][object.type='MemberExpression'][object.computed=true]",
          message:
            'A table cell by position: read the table by its headers (TableSpec, layoutOf, mapHeaders).',
        },
      ],
    },
  },
  {
    files: ['**/*.{js,cjs}'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
      },
    },
  },
  prettier,
);
