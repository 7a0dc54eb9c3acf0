import { defineConfig } from 'vitest/config';

// One project per workspace package: tests mirror the source tree of each.
export default defineConfig({
  test: {
    projects: ['schema', 'mocks', 'subgraphs', 'journal', 'accounts', 'gateway', 'cli'],
    reporters: ['default', './test-summary-reporter.ts'],
    coverage: {
      provider: 'v8',
      include: [
        'schema/src/**/*.ts',
        'mocks/src/**/*.ts',
        'subgraphs/src/**/*.ts',
        'subgraphs/services/**/*.ts',
        'journal/src/**/*.ts',
        'accounts/src/**/*.ts',
        'gateway/src/**/*.ts',
        'cli/src/**/*.ts',
      ],
      exclude: ['**/*.test.ts', '**/test/**', '**/*.d.ts'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: 'coverage',
      // What the code meets today (statements 90.9%, branches 83.5%, functions 90.5%, lines 93.6%), less a margin.
      thresholds: { statements: 88, branches: 80, functions: 88, lines: 91 },
    },
  },
});
