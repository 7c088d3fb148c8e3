/**
 * Cases (办件): numbers and query codes, the back-office task lifecycle, case status, the audit hash chain
 * and the public timeline. Pure: hashes are computed by the caller (WebCrypto in the worker) and checked here.
 */
export type * from './types.ts';
export {
  computeDammDigit,
  formatCaseNumber,
  formatQueryCode,
  isQueryCode,
  parseCaseNumber,
  QUERY_CODE_DRAW_LIMIT,
} from './case-number.ts';
export {
  claimTask,
  isTaskFinal,
  refreshDueDate,
  releaseTask,
  restartAfterCorrection,
  summarizeCaseStatus,
  withdrawTask,
} from './task-lifecycle.ts';
export {
  describePendingDueDate,
  findDueFields,
  findPromisedDate,
  settleDueDate,
} from './pending-due-date.ts';
export type { DueFields, PendingDueDate } from './pending-due-date.ts';
export { decideTask } from './decide-task.ts';
export { checkAuditChain, describeEventForChain, GENESIS_HASH } from './audit-chain.ts';
export { describeCaseTimeline, SUSPENSION_LABELS } from './case-timeline.ts';
export type { TimelineOptions } from './case-timeline.ts';
export { checkCrossRegion, isCrossRegionMatter } from './cross-region-eligibility.ts';
export type { CrossRegionMatter, CrossRegionPolicy } from './cross-region-eligibility.ts';
