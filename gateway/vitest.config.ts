import { createRequire } from 'node:module';
import { defineProject } from 'vitest/config';

// One graphql instance: Vite would resolve `graphql` to its ESM build while @apollo/server (loaded by Node) gets the
// CommonJS one, and graphql-js refuses schemas "from another module or realm".
const graphql = createRequire(import.meta.url).resolve('graphql');

export default defineProject({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphql }] },
  test: { name: 'gateway', include: ['test/**/*.test.ts', 'services/**/*.test.ts'] },
});
