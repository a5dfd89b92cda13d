import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '.tools/', '.data/', 'bench-results/', 'build/', 'src/shopify/types/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // The status page's one script runs in the browser as it is, without a build step.
    files: ['src/service/assets/*.js'],
    languageOptions: { sourceType: 'script', globals: { window: 'readonly', document: 'readonly', fetch: 'readonly', DOMParser: 'readonly', EventSource: 'readonly' } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox: no Node built-ins and no I/O modules
    // (type-only imports are erased and allowed).
    files: ['src/workflows/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'mongodb', '@shopify/*', '@temporalio/client', '@temporalio/worker', '@temporalio/activity'], allowTypeImports: true },
          { group: ['../activities/*', '../erp/*', '../shopify/*', '../secrets', '../config'], allowTypeImports: true },
        ],
      }],
    },
  },
);
