import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test-output/', 'out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['src/taskpane/**/*.tsx'], ...reactHooks.configs.flat.recommended },
  {
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine's one front door: outside src/engine, import it from src/engine/index.ts only
    // (docs/architecture.md). Tests may reach inside to test the parts.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/engine/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/engine/*', '!**/engine/index'],
              message: 'Import the engine from src/engine (its index.ts) only: see docs/architecture.md.',
            },
          ],
        },
      ],
    },
  },
  {
    // The ribbon commands share src/addin with the pane and never import the pane (test/addin/layers.test.ts).
    // One rule setting per file: the engine's front door is repeated here (a later config replaces the rule).
    files: ['src/commands/**', 'src/addin/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/taskpane', '**/taskpane/**'], message: 'src/commands and src/addin never import the pane.' },
            {
              group: ['**/engine/*', '!**/engine/index'],
              message: 'Import the engine from src/engine (its index.ts) only: see docs/architecture.md.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
