/**
 * The legal clock's shapes (行政许可法 Art. 32, 42, 45, 82): dates are Beijing local calendar dates as
 * `YYYY-MM-DD` text; time limits count working days (工作日) unless the matter says otherwise.
 */
import type { TimeLimit } from '../catalog/types.ts';

/** A Beijing local calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

/** One year's official schedule (国务院办公厅 notice), as data: a new year is added without code changes. */
export interface YearSchedule {
  readonly year: number;
  /** Statutory holidays (法定节假日 and the weekend days folded into them), each date listed. */
  readonly holidays: readonly IsoDate[];
  /** Weekend days declared working (调休上班). */
  readonly makeUpWorkdays: readonly IsoDate[];
  /** Where the data comes from, e.g. 国办发明电〔2025〕7号. */
  readonly source: string;
}

/** A compiled calendar over a contiguous range of years (opaque to callers; built once, then queried). */
export interface WorkCalendar {
  readonly firstYear: number;
  readonly lastYear: number;
}

/** Why the clock stopped (行政许可法 Art. 45): time for these is not counted. */
export type SuspensionReason = 'hearing' | 'inspection' | 'testing' | 'expert-review' | 'other';

/** A stretch of days not counted: both ends inclusive; `to` absent while the clock is still suspended. */
export interface Suspension {
  readonly from: IsoDate;
  readonly to?: IsoDate;
  readonly reason: SuspensionReason;
}

/** A running legal clock: started on `startedOn` (acceptance, or the day complete corrections arrived). */
export interface LegalClock {
  readonly startedOn: IsoDate;
  readonly limit: TimeLimit;
  readonly suspensions: readonly Suspension[];
}

export interface DueDate {
  readonly dueOn: IsoDate;
  /** Days excluded by suspensions (working days for a working-day limit, calendar days otherwise). */
  readonly suspendedDays: number;
  /** True while a suspension is open (its days are counted up to `asOf`; the due date moves on). */
  readonly suspended: boolean;
}

/** How a task stands against its due date, for the back-office inbox (即收即审). */
export type DeadlineLevel = 'on-track' | 'near' | 'due-today' | 'overdue';

export interface DeadlineStatus {
  readonly level: DeadlineLevel;
  /** Working days from `today` (not counted) to the due date; negative when overdue. */
  readonly workingDaysLeft: number;
}
