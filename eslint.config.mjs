// One type-aware lint configuration for the whole project.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Deterministic layers may not touch the clock, randomness, timers, the network or the file system. */
const deterministic = {
  files: ['src/expressions/**/*.ts', 'src/engine/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: ['node:*'], message: 'expressions/ and engine/ are deterministic: no Node built-ins.' },
          {
            group: ['fs', 'path', 'http', 'https', 'net', 'crypto', 'os', 'child_process', 'timers'],
            message: 'expressions/ and engine/ are deterministic: no Node built-ins.',
          },
          {
            group: ['host', 'connectors', 'functions', 'cli', 'gateway', 'telemetry'].flatMap((layer) => [
              `../${layer}/**`,
              `../../${layer}/**`,
              `../../../${layer}/**`,
            ]),
            message: 'expressions/ and engine/ may not depend on side-effecting layers.',
          },
        ],
      },
    ],
    'no-restricted-globals': [
      'error',
      ...['setTimeout', 'setInterval', 'setImmediate', 'fetch', 'process', 'performance', 'crypto'].map(
        (name) => ({
          name,
          message: `${name} is not replay-safe; take it from the injected context instead.`,
        }),
      ),
    ],
    'no-restricted-syntax': [
      'error',
      {
        selector: "MemberExpression[object.name='Date'][property.name='now']",
        message: 'Date.now() is not replay-safe.',
      },
      {
        selector: "NewExpression[callee.name='Date'][arguments.length=0]",
        message: 'new Date() is not replay-safe.',
      },
      {
        selector: "MemberExpression[object.name='Math'][property.name='random']",
        message: 'Math.random() is not replay-safe.',
      },
    ],
  },
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-check/**',
      'node_modules/**',
      'coverage/**',
      '.flowline/**',
      'test-artifacts/**',
      // Sample Functions apps the host tests load: data, not project code.
      'test/fixtures/apps/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.mjs', '*.mts', 'bench/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.mjs', '**/*.mts', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    // Keep disableTypeChecked's parser options (no project service): scripts in sub-folders such as
    // bench/lib/ are in no tsconfig project.
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
  },
  deterministic,
);
