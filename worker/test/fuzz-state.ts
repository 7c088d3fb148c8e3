import { env } from 'cloudflare:workers';
import { callAsIs } from './authorization-operations.ts';

/**
 * What a rejected request must leave as it was: every row of every D1 table (cases, case_events, tasks,
 * applicants, certificates, evaluations, api_keys, staff_accounts, webhook_outbox, idempotency_keys and the
 * rest: whole rows, so an UPDATE is seen as well as an INSERT) and each hall's queue (its event sequence,
 * waiting count and windows). One D1 batch and one queue read per hall, so a snapshot costs a few ms.
 */
export interface StateSnapshot {
  readonly tables: Readonly<Record<string, string>>;
  readonly halls: Readonly<Record<string, string>>;
}

const HALLS = ['xiaoshan', 'binjiang'];

let tableNames: string[] | undefined;

const listTables = async (): Promise<string[]> => {
  const { results } = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name <> 'd1_migrations' ORDER BY name",
  ).all<{ name: string }>();
  return results.map((row) => row.name);
};

/** The queue's state, without its clock-derived fields (`at`, estimates), which move while nothing happens. */
const readHall = async (hall: string): Promise<string> => {
  const res = await callAsIs(`/v1/halls/${hall}/queue`);
  if (res.status !== 200) return `status ${res.status}`;
  const queue = (await res.json()) as { seq: number; day: string | null; waitingTotal: number; windows: { id: string; status: string }[] };
  return JSON.stringify({ seq: queue.seq, day: queue.day, waitingTotal: queue.waitingTotal, windows: queue.windows.map((w) => `${w.id}:${w.status}`) });
};

export const takeSnapshot = async (): Promise<StateSnapshot> => {
  tableNames ??= await listTables();
  const results = await env.DB.batch(tableNames.map((name) => env.DB.prepare(`SELECT * FROM "${name}" ORDER BY rowid`)));
  const tables = Object.fromEntries(tableNames.map((name, i) => [name, JSON.stringify(results[i]!.results)]));
  const halls = Object.fromEntries(await Promise.all(HALLS.map(async (hall) => [hall, await readHall(hall)] as const)));
  return { tables, halls };
};

/** The tables and halls that differ, by name (empty when nothing changed). */
export const diffSnapshots = (before: StateSnapshot, after: StateSnapshot): string[] => [
  ...Object.keys(after.tables).filter((name) => before.tables[name] !== after.tables[name]),
  ...Object.keys(after.halls).filter((hall) => before.halls[hall] !== after.halls[hall]).map((hall) => `hall ${hall}`),
];
