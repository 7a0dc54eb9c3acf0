import { createRequire } from 'node:module';
import { defineProject } from 'vitest/config';

// Vite would resolve `graphql` to its ES build while the CommonJS @apollo/* packages require the CommonJS one:
// two graphql instances ("Duplicate graphql modules"). Node itself loads the CommonJS build for both; so do we.
const graphqlMain = createRequire(import.meta.url).resolve('graphql');

export default defineProject({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlMain }] },
  test: { name: 'subgraphs', include: ['test/**/*.test.ts', 'services/**/*.test.ts'] },
});
