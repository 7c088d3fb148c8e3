import { err, ok, type Result } from '../result.ts';
import { parseLocalClock } from './local-day.ts';
import type { HallConfig, HallConfigInput, TicketClass } from './types.ts';

const MINUTE_MS = 60_000;

const isPositiveInteger = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n > 0;
const isNonNegativeNumber = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0;

const invalid = (field: string, reason: string): Result<never> => err('INVALID_INPUT', { field, reason });

/**
 * Validates a hall's configuration and fills in the defaults: prefixes A/B/C, ratio 2 normal : 1 priority,
 * 2 recalls, 60 s recall timeout, appointments callable from 10 minutes before to 15 after the slot,
 * an 8-minute service-time prior.
 */
export const defineHallConfig = (input: HallConfigInput): Result<HallConfig> => {
  if (typeof input.hallId !== 'string' || input.hallId.trim() === '') return invalid('hallId', 'empty');
  if (!Array.isArray(input.windows) || input.windows.length === 0) return invalid('windows', 'no windows');

  const windowIds: string[] = [];
  const windowNames = new Map<string, string>();
  for (const window of input.windows) {
    if (typeof window.id !== 'string' || window.id.trim() === '') return invalid('windows.id', 'empty');
    if (windowNames.has(window.id)) return invalid('windows.id', `duplicate ${window.id}`);
    windowIds.push(window.id);
    windowNames.set(window.id, window.name?.trim() || `${window.id} 号窗口`);
  }

  const prefixes: Record<TicketClass, string> = {
    normal: input.prefixes?.normal ?? 'A',
    priority: input.prefixes?.priority ?? 'B',
    appointment: input.prefixes?.appointment ?? 'C',
  };
  const distinct = new Set(Object.values(prefixes));
  if (distinct.size !== 3 || [...distinct].some((p) => !/^[A-Z]{1,2}$/.test(p))) {
    return invalid('prefixes', 'three distinct prefixes of one or two capital letters');
  }

  const ratio = input.priorityRatio ?? { normal: 2, priority: 1 };
  if (!isPositiveInteger(ratio.normal) || !isPositiveInteger(ratio.priority)) {
    return invalid('priorityRatio', 'positive integers');
  }

  const maxRecalls = input.maxRecalls ?? 2;
  if (!Number.isInteger(maxRecalls) || maxRecalls < 0) return invalid('maxRecalls', 'a non-negative integer');
  const recallTimeoutSeconds = input.recallTimeoutSeconds ?? 60;
  if (!isNonNegativeNumber(recallTimeoutSeconds)) return invalid('recallTimeoutSeconds', 'non-negative');
  const grace = input.appointmentGraceMinutes ?? { before: 10, after: 15 };
  if (!isNonNegativeNumber(grace.before) || !isNonNegativeNumber(grace.after)) {
    return invalid('appointmentGraceMinutes', 'non-negative');
  }

  const hours: { from: number; to: number }[] = [];
  for (const span of input.hours ?? []) {
    const from = parseLocalClock(span.from);
    const to = parseLocalClock(span.to);
    if (from === null || to === null || from >= to) return invalid('hours', `bad span ${span.from}-${span.to}`);
    hours.push({ from, to });
  }

  const recentCallsKept = input.recentCallsKept ?? 10;
  if (!isPositiveInteger(recentCallsKept)) return invalid('recentCallsKept', 'a positive integer');
  const priorMinutes = input.serviceTimePriorMinutes ?? 8;
  if (!(typeof priorMinutes === 'number' && priorMinutes > 0)) return invalid('serviceTimePriorMinutes', 'positive');
  const smoothing = input.serviceTimeSmoothing ?? 0.1;
  if (!(typeof smoothing === 'number' && smoothing > 0 && smoothing <= 1)) {
    return invalid('serviceTimeSmoothing', 'in (0, 1]');
  }

  return ok({
    hallId: input.hallId,
    windowIds,
    windowNames,
    prefixes,
    priorityRatio: { normal: ratio.normal, priority: ratio.priority },
    maxRecalls,
    recallTimeoutMs: recallTimeoutSeconds * 1000,
    graceBeforeMs: grace.before * MINUTE_MS,
    graceAfterMs: grace.after * MINUTE_MS,
    hours,
    recentCallsKept,
    serviceTimePriorMs: priorMinutes * MINUTE_MS,
    serviceTimeSmoothing: smoothing,
  });
};

/** Whether tickets may be taken at this minute of the local day (always, when no hours are configured). */
export const isWithinHours = (config: HallConfig, minuteOfDay: number): boolean => {
  if (config.hours.length === 0) return true;
  for (const span of config.hours) if (minuteOfDay >= span.from && minuteOfDay < span.to) return true;
  return false;
};
