import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  // graphql 16 ships index.js (CommonJS) and index.mjs; its "main" has no extension, so Vite
  // would hand our sources index.mjs while Node gives CommonJS dependencies (@apollo/subgraph,
  // type-graphql) index.js: two graphql instances. Resolve "graphql" as Node does.
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }] },
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
