/**
 * The People's Republic's working-day calendar, compiled from core/clock/data/ on first use and then kept:
 * every due date in the process reads the same tables (compile once, then serve).
 */
import { compileCalendar } from './compile-calendar.ts';
import { CHINA_SCHEDULES } from './data/china-schedules.ts';
import type { WorkCalendar } from './types.ts';

let china: WorkCalendar | undefined;

/**
 * The calendar over every year the State Council has published (2024-2026 today). The shipped data is
 * checked by a test, so a failure here is a broken build, not a runtime condition: it throws.
 */
export const loadChinaCalendar = (): WorkCalendar => {
  if (china === undefined) {
    const compiled = compileCalendar(CHINA_SCHEDULES);
    if (!compiled.ok) throw new Error(`core/clock/data is invalid: ${JSON.stringify(compiled.error.details)}`);
    china = compiled.value;
  }
  return china;
};
