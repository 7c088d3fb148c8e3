import type { HallObject } from './hall-object.ts';

/** The worker's bindings, as wrangler.toml declares them. */
export interface Env {
  DB: D1Database;
  /** One HallObject per hall, by name (`HALL.idFromName(hall)`). */
  HALL: DurableObjectNamespace<HallObject>;
  ENVIRONMENT: string;
}
