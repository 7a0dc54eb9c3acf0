import { defineConfig } from 'vitest/config';

// One project per workspace package: tests mirror the source tree of each.
export default defineConfig({
  test: {
    projects: ['schema', 'mocks', 'subgraphs', 'journal', 'gateway', 'cli'],
    reporters: ['default', './test-summary-reporter.ts'],
  },
});
