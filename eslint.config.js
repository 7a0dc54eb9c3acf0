import tseslint from 'typescript-eslint';

// The synthetic population is for development and tests: production code reaches it only through the files
// that are mock-backed by definition (gateway/src/development/, the subgraphs' mock data source).
const MOCKS_MESSAGE =
  '@negiz/mocks is the synthetic population for development and tests; production code must not import it (docs/architecture.md#development-wiring)';
const mocksBanned = (allowTypeImports) => ({
  '@typescript-eslint/no-restricted-imports': [
    'error',
    {
      paths: [{ name: '@negiz/mocks', message: MOCKS_MESSAGE, allowTypeImports }],
      patterns: [{ group: ['@negiz/mocks/*'], message: MOCKS_MESSAGE, allowTypeImports }],
    },
  ],
  'no-restricted-syntax': ['error', { selector: 'ImportExpression[source.value=/^@negiz\\/mocks(\\/|$)/]', message: MOCKS_MESSAGE }],
});

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/assets/**', 'test-output/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  { files: ['gateway/src/**/*.ts'], ignores: ['gateway/src/development/**'], rules: mocksBanned(false) },
  // The world's type may name the mock source's input (a service's mock functions, the host's world option).
  { files: ['subgraphs/src/**/*.ts'], ignores: ['subgraphs/src/source/mock.ts'], rules: mocksBanned(true) },
  { files: ['schema/src/**/*.ts', 'journal/src/**/*.ts', 'accounts/src/**/*.ts'], rules: mocksBanned(false) },
);
