// Type-aware lint for every package. Run per project: `nx run-many -t lint`.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;
const api = 'apps/api/src';
const web = 'apps/web/src';
const foldersIn = (dir) =>
  readdirSync(path.join(root, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

/**
 * The layers of the architecture (docs/architecture.md), as import rules:
 * - API: platform knows no domain; nothing outside dev/ imports dev/ (the composition root in
 *   src/*.ts only through dev's two entry points); a domain reaches another domain only through
 *   its exported service or its module (for Nest's imports).
 * - Web: app → features → shared (components, lib, hooks, config, testing); a feature never
 *   imports another feature, shared code never imports a feature.
 */
const SHARED_WEB = ['components', 'lib', 'hooks', 'config', 'testing'];
const boundaryZones = [
  {
    target: `${api}/platform`,
    from: `${api}/domains`,
    message: 'The platform knows no domain: move the piece into platform/ or invert the call.',
  },
  {
    target: [`${api}/platform`, `${api}/domains`],
    from: `${api}/dev`,
    message: 'Nothing outside dev/ imports the demo or the simulator.',
  },
  {
    target: `${api}/*.ts`,
    from: `${api}/dev`,
    except: ['./dev.module.ts', './demo/start-demo.ts'],
    message: 'The composition root reaches dev/ only through dev.module.ts and demo/start-demo.ts.',
  },
  ...foldersIn(`${api}/domains`).map((domain) => ({
    target: `${api}/domains/${domain}`,
    from: foldersIn(`${api}/domains`)
      .filter((other) => other !== domain)
      .map((other) => `${root}/${api}/domains/${other}/**`),
    except: [`${root}/${api}/domains/*/*.service.ts`, `${root}/${api}/domains/*/*.module.ts`],
    message: 'Another domain only through its exported service (*.service.ts) or module.',
  })),
  ...foldersIn(`${web}/features`).map((feature) => ({
    target: `${web}/features/${feature}`,
    from: foldersIn(`${web}/features`)
      .filter((other) => other !== feature)
      .map((other) => `${web}/features/${other}`),
    message: 'A feature never imports another feature: share it from components/, lib/ or hooks/.',
  })),
  {
    target: SHARED_WEB.map((folder) => `${web}/${folder}`),
    from: `${web}/features`,
    message: 'Shared web code never imports a feature; compose features in app/.',
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/dist-check/**',
      '**/node_modules/**',
      '**/.data/**',
      '**/coverage/**',
      'tools/lint-rules/fixtures/**',
      '**/*.mjs',
      '**/*.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    plugins: { 'import-x': importX },
    settings: {
      // Follow .ts/.tsx files too (the import graph for cycles), parsed as TypeScript.
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: boundaryZones }],
    },
  },
  // How the import rules resolve a specifier: through the tsconfig of the file's own project
  // (the web's `@/` alias, `.js` specifiers of `.ts` files). Absolute, since ESLint runs from any
  // project folder.
  ...[
    ['apps/api', ['apps/api/**/*.ts']],
    ['apps/web', ['apps/web/**/*.ts', 'apps/web/**/*.tsx']],
    ['libs/contracts', ['libs/contracts/**/*.ts']],
    ['libs/oee', ['libs/oee/**/*.ts']],
    ['migrations', ['migrations/**/*.ts']],
    ['tools/lint-rules', ['tools/lint-rules/**/*.ts']],
  ].map(([project, files]) => ({
    files,
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({ project: path.join(root, project, 'tsconfig.json') }),
      ],
    },
  })),
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-extraneous-class': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../../*/src/*', '@ms5/*/src/*'],
              message: 'Import packages by name, not by path',
            },
          ],
        },
      ],
    },
  },
  {
    // Nest injects by the runtime class: `import type` would break dependency injection.
    files: ['apps/api/src/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    files: [
      '**/*.spec.ts',
      '**/*.spec.tsx',
      '**/*.integration-spec.ts',
      '**/test/**/*.ts',
      '**/e2e/**/*.ts',
    ],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['apps/web/**/*.ts', 'apps/web/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
