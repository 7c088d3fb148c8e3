/**
 * The hall report's shapes (大厅运行报表): what the worker reads from D1 and the hall object, and the figures the
 * reform is judged by. Inputs are plain records (JSON-safe apart from an optional Uint32Array histogram); the
 * report is plain JSON. Every rate carries its numerator and denominator; an empty denominator gives null.
 */
import type { IsoDate } from '../clock/types.ts';

/**
 * Where a case was accepted: 综合受理窗口 (a front-desk window of 无差别全科受理), 部门窗口 (a window still run by
 * one department), or online (网上受理, the portal or a partner's system).
 */
export type ReportIntakePoint = 'general-window' | 'department-window' | 'online';

/** One case (办件) of the hall, as far as the report needs it. */
export interface ReportCase {
  readonly number: string;
  readonly intakePoint: ReportIntakePoint;
  /** 受理日: the day complete materials arrived; null while never accepted (the case is then not counted). */
  readonly acceptedOn: IsoDate | null;
  /** 办结日: the day the case reached a final status (approved, partly approved or rejected); null while running. */
  readonly completedOn: IsoDate | null;
  /** The bundle (一件事) the case applied for; null for a single matter. */
  readonly bundleId: string | null;
  /** From the case's CasePlan: the parallel critical path and the one-after-another sum, in working days. */
  readonly plan: { readonly criticalPathDays: number; readonly sequentialDays: number } | null;
  /** Matter.visits (到办事现场次数 0/1/2) of each matter of the case, to derive visits when none were recorded. */
  readonly matterVisits: readonly number[];
  /** On-site visits the applicant actually made, where the hall records them; wins over the derived count. */
  readonly visits?: number;
}

/** One back-office task (后台审批任务). */
export interface ReportTask {
  readonly departmentId: string;
  readonly matterCode: string;
  /** The day the task went out to its department; null while waiting for predecessors. */
  readonly releasedOn: IsoDate | null;
  /** The task's due date against the matter's promised limit (承诺时限), suspensions already applied. */
  readonly dueOn: IsoDate | null;
  /** The day of the final decision; null while undecided. */
  readonly decidedOn: IsoDate | null;
  /** The final decision; `withdrawn` (a predecessor was rejected) is never counted. */
  readonly decision: 'approved' | 'rejected' | 'withdrawn' | null;
  /** The matter's promised limit in working days (0 = 即办: due the day it is released when dueOn is missing). */
  readonly promisedDays: number;
}

/**
 * One day of the hall queue, from the hall object's DayStats (hall counters). Sums and a histogram rather than
 * means and a p95, because only those add up over days: the range's p95 is read from the merged histogram.
 */
export interface ReportTicketDay {
  readonly date: IsoDate;
  /** Tickets taken (取号数). */
  readonly taken: number;
  /** Tickets served to completion (办结). */
  readonly served: number;
  readonly waitCount: number;
  readonly waitSumMs: number;
  /** core/hall wait-histogram.ts buckets (WAIT_BUCKETS long at most; missing tail buckets read as zero). */
  readonly waitHistogram: ArrayLike<number>;
  readonly handlingCount: number;
  readonly handlingSumMs: number;
}

/** 非常满意 5, 满意 4, 基本满意 3, 不满意 2, 非常不满意 1; levels 1-2 are 差评. */
export type ReportLevel = 1 | 2 | 3 | 4 | 5;

/** The period's 好差评 figures, as the evaluation module counts them. */
export interface ReportEvaluations {
  /** Ratings counted per level: every rating given in the period except those an upheld appeal excluded. */
  readonly byLevel: Readonly<Record<ReportLevel, number>>;
  /** Ratings excluded because an appeal against a malicious 差评 was upheld. */
  readonly excluded: number;
  /** Rectifications (整改) of the period's 差评, in exclusive states. */
  readonly rectifications: {
    /** Every step (contact, rectify and reply) done within its limit. */
    readonly onTime: number;
    /** Missed a limit: done late, or still open past it. */
    readonly overdue: number;
    /** Still running with no limit missed yet. */
    readonly open: number;
  };
  readonly appeals: { readonly upheld: number; readonly rejected: number; readonly pending: number };
  /** 追评: follow-up ratings given, and how many of them are no longer a 差评 (level 3-5). */
  readonly followUps: { readonly given: number; readonly satisfied: number };
}

export interface HallReportInput {
  readonly hallId: string;
  /** Both ends inclusive, Beijing dates. */
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** The day the report is made (today); absent means the period is over. Decides which tasks are already late. */
  readonly asOf?: IsoDate;
  /** The hall's cases; the report picks those accepted or completed in the period. */
  readonly cases: readonly ReportCase[];
  /** The tasks of the hall's cases; the report picks those decided or falling due in the period. */
  readonly tasks: readonly ReportTask[];
  /** Queue days; days outside the period are ignored, two records of one date are added together. */
  readonly ticketDays: readonly ReportTicketDay[];
  readonly evaluations?: ReportEvaluations;
  /** Department id -> display name (部门简称) for the on-time table; an unknown id shows as itself. */
  readonly departmentNames?: Readonly<Record<string, string>>;
}

/** A share with what it is made of: `value` = numerator / denominator (0-1), null when the denominator is 0. */
export interface ReportRate {
  readonly numerator: number;
  readonly denominator: number;
  readonly value: number | null;
}

export interface ReportDayRow {
  readonly date: IsoDate;
  readonly ticketsTaken: number;
  readonly ticketsServed: number;
  readonly casesAccepted: number;
  readonly casesCompleted: number;
  readonly meanWaitMinutes: number | null;
  readonly p95WaitMinutes: number | null;
  readonly meanHandlingMinutes: number | null;
}

export interface ReportDepartmentOnTime {
  readonly departmentId: string;
  readonly name: string;
  /** Decided in the period on or before the due date. */
  readonly onTime: number;
  /** Decided in the period after the due date, or fell due in the period and still undecided after it. */
  readonly late: number;
  /** onTime / (onTime + late). */
  readonly rate: ReportRate;
  /** Backlog at the period's end: undecided and past due, whenever the due date fell (also before the period). */
  readonly overdueOpen: number;
}

export interface HallReport {
  readonly hallId: string;
  readonly period: {
    readonly from: IsoDate;
    readonly to: IsoDate;
    readonly days: number;
    /** The day the report was made for, or null for a closed period. */
    readonly asOf: IsoDate | null;
  };
  /** 前台集中受理率 over the cases accepted in the period. */
  readonly frontDesk: {
    readonly generalWindow: number;
    readonly departmentWindow: number;
    readonly online: number;
    /** generalWindow / (generalWindow + departmentWindow): on-site acceptances made at the general windows. */
    readonly concentration: ReportRate;
    /** 0.95. */
    readonly goal: number;
    /** concentration ≥ goal; null when nothing was accepted on site. */
    readonly met: boolean | null;
    /** online / every acceptance: how much intake has moved off the counters. */
    readonly onlineShare: ReportRate;
  };
  /** One row per calendar day of the period, days without activity included as zeros. */
  readonly days: readonly ReportDayRow[];
  readonly totals: {
    readonly ticketsTaken: number;
    readonly ticketsServed: number;
    readonly casesAccepted: number;
    readonly casesCompleted: number;
    /** Days with at least one ticket taken or case accepted (the hall was open). */
    readonly activeDays: number;
    readonly ticketsPerActiveDay: number | null;
    readonly casesPerActiveDay: number | null;
  };
  /** Over every ticket of the period: the p95 comes from the merged histogram, never from daily p95s. */
  readonly queue: {
    readonly waitCount: number;
    readonly meanWaitMinutes: number | null;
    readonly p95WaitMinutes: number | null;
    readonly handlingCount: number;
    readonly meanHandlingMinutes: number | null;
  };
  readonly onTime: {
    /** Every department together. */
    readonly hall: Omit<ReportDepartmentOnTime, 'departmentId' | 'name'>;
    /** Departments with any counted or overdue task, ordered by id. */
    readonly departments: readonly ReportDepartmentOnTime[];
  };
  /** 并联审批: over bundle cases completed in the period, sequentialDays − criticalPathDays each. */
  readonly parallelApproval: {
    readonly bundleCases: number;
    readonly sequentialDays: number;
    readonly criticalPathDays: number;
    readonly daysSaved: number;
    readonly meanDaysSaved: number | null;
  };
  /** 跑动次数 over cases completed in the period. */
  readonly visits: {
    readonly cases: number;
    readonly total: number;
    readonly meanPerCase: number | null;
    /** 最多跑一次率: cases done with at most one visit. */
    readonly atMostOnce: ReportRate;
    /** 零跑腿: cases done without coming to the hall. */
    readonly zero: ReportRate;
    /** Cases per visit count, ascending, only counts that occur. */
    readonly distribution: readonly { readonly visits: number; readonly cases: number }[];
  };
  readonly satisfaction: {
    readonly counted: number;
    readonly excluded: number;
    readonly byLevel: Readonly<Record<ReportLevel, number>>;
    /** Mean level (1-5) of the counted ratings. */
    readonly meanLevel: number | null;
    /** 满意率: levels 3-5 among the counted. */
    readonly satisfied: ReportRate;
    /** 差评率: levels 1-2 among the counted. */
    readonly negative: ReportRate;
    readonly rectifications: {
      readonly opened: number;
      readonly onTime: number;
      readonly overdue: number;
      readonly open: number;
      /** onTime / (onTime + overdue): running ones within their limits are not judged yet. */
      readonly onTimeRate: ReportRate;
    };
    readonly appeals: { readonly upheld: number; readonly rejected: number; readonly pending: number };
    readonly followUps: { readonly given: number; readonly satisfied: ReportRate };
  };
}
