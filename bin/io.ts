/** Where a command writes; passed in so tests capture output without spawning a process. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** Exit codes: 0 done, 1 the command ran and found a problem (not found, invalid catalog), 2 bad usage. */
export const EXIT = { ok: 0, problem: 1, usage: 2 } as const;
