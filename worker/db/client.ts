import { drizzle, type DrizzleD1Database } from 'drizzle-orm/d1';
import * as schema from './schema.ts';

export type Database = DrizzleD1Database<typeof schema>;

/** A drizzle handle over the D1 binding; cheap, so made per request rather than cached across requests. */
export const openDatabase = (d1: D1Database): Database => drizzle(d1, { schema });
