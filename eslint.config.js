// Layer rules live here so the compiler and lint, not review, keep the architecture:
// shared/ is pure TypeScript, and only the Electron shell, the IPC transport and the
// preload may import `electron`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { layersPlugin } from './scripts/lint/layers.js';

const electronOnly = {
  paths: [{ name: 'electron', message: 'Only src/main/index.ts, src/main/transports/electron-ipc.ts and src/preload may import electron.' }],
};
const nodeBuiltins = { group: ['node:*'], message: 'src/shared and the renderer run without Node: no node:* imports.' };
const noUpwardIntoMain = { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'src/shared imports nothing from other layers.' };

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'build/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', electronOnly],
    },
  },
  {
    // The layer order of each process, declared once in scripts/lint/layers.js.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { quarry: layersPlugin },
    rules: { 'quarry/layers': 'error' },
  },
  {
    // SQL lives in repositories and in the store's and search engine's own services, never in handlers or app wiring.
    files: ['src/main/app/**/*.ts', 'src/main/areas/**/handlers.ts', 'src/main/transports/**/*.ts', 'src/main/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: "CallExpression[callee.property.name=/^(prepare|exec|pragma|transaction)$/]:matches([callee.object.name='db'], [callee.object.property.name='db'])",
        message: 'No SQL here: put it in the area’s repository.ts (dispatch owns transactions).',
      }],
    },
  },
  {
    files: ['**/*.{js,mjs,ts}'],
    ignores: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        ...electronOnly,
        paths: [...electronOnly.paths, { name: 'react', message: 'src/shared is pure TypeScript.' }],
        patterns: [nodeBuiltins, noUpwardIntoMain],
      }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        ...electronOnly,
        patterns: [nodeBuiltins, { group: ['**/main/**', '**/preload/**'], message: 'The renderer talks to main only through the API client.' }],
      }],
    },
  },
  {
    files: ['src/main/index.ts', 'src/main/transports/electron-ipc.ts', 'src/preload/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
