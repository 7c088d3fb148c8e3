/** The worker's bindings, as wrangler.toml declares them. */
export interface Env {
  DB: D1Database;
  ENVIRONMENT: string;
}
