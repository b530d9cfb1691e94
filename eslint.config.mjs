import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', 'node_modules/**', 'coverage/**', 'packages/cfn/data/**', 'test/.artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/actions/*/src/**'], message: 'No action imports another action.' }] },
      ],
    },
  },
  {
    // Only packages/kit talks to the runner; everything else reports through the Reporter.
    files: [
      'packages/aws/**/*.ts',
      'packages/cfn/**/*.ts',
      'packages/image/**/*.ts',
      'packages/quotas/**/*.ts',
      'actions/*/src/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@actions/core', message: 'Report through the Reporter from @hoist/kit.' },
            { name: '@actions/github', message: 'Use @hoist/kit.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
