import {
  createHallState,
  type CallRecord,
  type DayStats,
  type HallConfig,
  type HallState,
  type HallWindow,
  type ServiceCounters,
  type Ticket,
  type TicketLine,
  type WindowStatus,
} from '../../core/index.ts';

/**
 * A hall's state as JSON and back, so a restart replays only the events after the latest snapshot instead
 * of the whole log. HallState is not JSON (Maps, typed arrays, lines sharing ticket objects with the ticket
 * map), so lines and windows are written as ticket ids and re-linked on restore. Stale line entries
 * (tickets that left the line) are dropped: they are skipped by every reader anyway.
 * Bump SNAPSHOT_FORMAT whenever this shape or HallState changes: a snapshot of another format is ignored and
 * the state is rebuilt from the event log, which is always complete.
 */
export const SNAPSHOT_FORMAT = 'hall-state/1';

/** Counts of a typed array as [index, count] pairs of its non-zero entries: histograms are mostly zeros. */
type Sparse = [number, number][];

interface CountersJson extends Omit<ServiceCounters, 'waitHistogram'> {
  waitHistogram: Sparse;
}

interface DayStatsJson {
  day: number;
  hall: CountersJson;
  windows: [string, CountersJson][];
  takesByMinute: Sparse;
}

interface WindowJson {
  id: string;
  status: WindowStatus;
  pauseReason: string | null;
  ticketId: string | null;
  transfers: string[];
  idleSince: number | null;
}

interface HallStateJson {
  hallId: string;
  day: number | null;
  lastAt: number | null;
  seq: number;
  issued: HallState['issued'];
  tickets: Ticket[];
  lines: Record<keyof HallState['lines'], string[]>;
  windows: WindowJson[];
  ratioCount: HallState['ratioCount'];
  announcementSeq: number;
  recentCalls: CallRecord[];
  service: HallState['service'];
  stats: DayStatsJson;
  previousStats: DayStatsJson | null;
}

const toSparse = (counts: Uint32Array | Uint16Array): Sparse => {
  const out: Sparse = [];
  for (let i = 0; i < counts.length; i++) if (counts[i] !== 0) out.push([i, counts[i]!]);
  return out;
};

const fillFromSparse = <A extends Uint32Array | Uint16Array>(target: A, sparse: Sparse): A => {
  for (const [i, n] of sparse) target[i] = n;
  return target;
};

const countersToJson = (c: ServiceCounters): CountersJson => ({
  ...c,
  outcomes: { ...c.outcomes },
  waitHistogram: toSparse(c.waitHistogram),
});

const countersFromJson = (json: CountersJson, like: ServiceCounters): ServiceCounters => ({
  ...json,
  outcomes: { ...json.outcomes },
  waitHistogram: fillFromSparse(new Uint32Array(like.waitHistogram.length), json.waitHistogram),
});

const dayStatsToJson = (s: DayStats): DayStatsJson => ({
  day: s.day,
  hall: countersToJson(s.hall),
  windows: [...s.windows].map(([id, c]) => [id, countersToJson(c)]),
  takesByMinute: toSparse(s.takesByMinute),
});

/** Into `fresh` (a day of zeros built from the current config), so windows added to the config get counters. */
const dayStatsFromJson = (json: DayStatsJson, fresh: DayStats): DayStats => {
  const zero = countersToJson(fresh.hall);
  const windows = new Map<string, ServiceCounters>();
  for (const id of fresh.windows.keys()) windows.set(id, countersFromJson(zero, fresh.hall));
  for (const [id, c] of json.windows) windows.set(id, countersFromJson(c, fresh.hall));
  return {
    day: json.day,
    hall: countersFromJson(json.hall, fresh.hall),
    windows,
    takesByMinute: fillFromSparse(new Uint16Array(fresh.takesByMinute.length), json.takesByMinute),
  };
};

/** Ids of the tickets still waiting in a line, in line order. */
const waitingIds = (line: TicketLine): string[] => {
  const ids: string[] = [];
  for (let i = line.head; i < line.items.length; i++) if (line.items[i]!.status === 'waiting') ids.push(line.items[i]!.id);
  return ids;
};

const lineFromIds = (ids: readonly string[], tickets: ReadonlyMap<string, Ticket>): TicketLine => {
  const items = ids.map((id) => tickets.get(id)).filter((t): t is Ticket => t !== undefined && t.status === 'waiting');
  return { items, head: 0, live: items.length };
};

export const serializeHallState = (state: HallState): string => {
  const json: HallStateJson = {
    hallId: state.config.hallId,
    day: state.day,
    lastAt: Number.isFinite(state.lastAt) ? state.lastAt : null,
    seq: state.seq,
    issued: state.issued,
    tickets: [...state.tickets.values()],
    lines: {
      normal: waitingIds(state.lines.normal),
      priority: waitingIds(state.lines.priority),
      appointment: waitingIds(state.lines.appointment),
    },
    windows: [...state.windows.values()].map((w) => ({
      id: w.id,
      status: w.status,
      pauseReason: w.pauseReason,
      ticketId: w.ticketId,
      transfers: waitingIds(w.transfers),
      idleSince: w.idleSince,
    })),
    ratioCount: state.ratioCount,
    announcementSeq: state.announcementSeq,
    recentCalls: state.recentCalls,
    service: state.service,
    stats: dayStatsToJson(state.stats),
    previousStats: state.previousStats && dayStatsToJson(state.previousStats),
  };
  return JSON.stringify(json);
};

/**
 * The state a snapshot describes, under today's `config` (window names and rules come from the config, not
 * the snapshot). Null if the snapshot is of another hall: the caller then replays the log instead.
 */
export const restoreHallState = (config: HallConfig, text: string): HallState | null => {
  const json = JSON.parse(text) as HallStateJson;
  if (json.hallId !== config.hallId) return null;
  const base = createHallState(config);
  const tickets = new Map<string, Ticket>(json.tickets.map((t) => [t.id, t]));
  const windows = new Map<string, HallWindow>(base.windows);
  for (const w of json.windows) {
    const configured = base.windows.get(w.id);
    if (!configured) continue;
    windows.set(w.id, {
      ...configured,
      status: w.status,
      pauseReason: w.pauseReason,
      ticketId: w.ticketId,
      transfers: lineFromIds(w.transfers, tickets),
      idleSince: w.idleSince,
    });
  }
  return {
    config,
    day: json.day,
    lastAt: json.lastAt ?? Number.NEGATIVE_INFINITY,
    seq: json.seq,
    issued: { ...json.issued },
    tickets,
    lines: {
      normal: lineFromIds(json.lines.normal, tickets),
      priority: lineFromIds(json.lines.priority, tickets),
      appointment: lineFromIds(json.lines.appointment, tickets),
    },
    windows,
    ratioCount: { ...json.ratioCount },
    announcementSeq: json.announcementSeq,
    recentCalls: json.recentCalls,
    service: { ...json.service },
    stats: dayStatsFromJson(json.stats, base.stats),
    previousStats: json.previousStats && dayStatsFromJson(json.previousStats, base.stats),
  };
};
