import { defineConfig } from 'drizzle-kit';

// drizzle-kit writes wrangler-compatible SQL files into migrations/ (wrangler.toml's migrations_dir).
export default defineConfig({
  dialect: 'sqlite',
  schema: './worker/db/schema.ts',
  out: './migrations',
});
