/**
 * 办件进度: the public tracking page's view of a case's events. Anyone holding the case number and query code
 * sees it, so it is built from a whitelist, never by copying payloads: labels from the event type, and only
 * `departmentId`, `matterCode`, `matterName`, `dueOn`, `dueAfter` and the suspension category, each checked for
 * shape.
 * Names, ID numbers, phones, free-text reasons and who acted (the actor) never appear.
 */
import { localDateOf, parseIsoDate } from '../clock/index.ts';
import type { SuspensionReason } from '../clock/types.ts';
import type { CaseEventRecord, CaseEventType, TimelineEntry } from './types.ts';

/** Art. 45 categories, as the page names them. */
export const SUSPENSION_LABELS: Readonly<Record<SuspensionReason, readonly [zh: string, en: string]>> = {
  hearing: ['听证', 'hearing'],
  inspection: ['现场核查', 'site inspection'],
  testing: ['检验检测', 'testing'],
  'expert-review': ['专家评审', 'expert review'],
  other: ['特别程序', 'special procedure'],
};

/** Chinese and English labels from the department's short name (when known) and the suspension category. */
type Labeller = (dept: string | undefined, suspension: SuspensionReason | undefined) => readonly [string, string];

/** `市场监管局` before a Chinese label, ` (市场监管局)` after an English one; nothing when the name is unknown. */
const zhBy = (dept: string | undefined): string => dept ?? '';
const enBy = (dept: string | undefined): string => (dept === undefined ? '' : ` (${dept})`);

const LABELS: Readonly<Record<CaseEventType, Labeller>> = {
  'case-registered': () => ['已登记', 'Application registered'],
  'notice-issued': () => ['需补正材料（已出具一次性告知书）', 'Materials to complete (one-time notice issued)'],
  'correction-received': () => ['已收到补正材料', 'Corrected materials received'],
  'case-accepted': () => ['已受理', 'Accepted'],
  'task-released': (d) => [`已分送${d ?? '审批部门'}审批`, `Sent to ${d ?? 'the department'} for review`],
  'task-claimed': (d) => [`${zhBy(d)}审查中`, `Under review${enBy(d)}`],
  'task-approved': (d) => [`${zhBy(d)}审批通过`, `Approved${enBy(d)}`],
  'task-rejected': (d) => [`${zhBy(d)}审批未通过`, `Not approved${enBy(d)}`],
  'task-correction-requested': (d) => [`需补正材料${d === undefined ? '' : `（${d}）`}`, `Materials to correct${enBy(d)}`],
  'task-suspended': (_, s) => {
    if (s === undefined) return ['暂停计时', 'Clock suspended'];
    const [zh, en] = SUSPENSION_LABELS[s];
    return [`暂停计时（${zh}）`, `Clock suspended (${en})`];
  },
  'task-resumed': () => ['恢复计时', 'Clock resumed'],
  'task-withdrawn': () => ['不再办理（前置事项未通过）', 'Withdrawn (an earlier matter was not approved)'],
  'case-completed': () => ['办结', 'Completed'],
  'certificate-issued': () => ['电子证照已签发', 'Electronic certificate issued'],
  'results-ready': () => ['办理结果可领取（统一出证窗口）', 'Results ready for collection at the issuing window'],
  'results-picked-up': () => ['已领取办理结果', 'Results collected'],
  'results-mailed': () => ['办理结果已寄出', 'Results sent by mail'],
  'results-delivered': () => ['办理结果已送达', 'Results delivered'],
};

const ID = /^[A-Za-z0-9_.-]{1,80}$/;
/** A run of 7+ digits in a name is a phone or an ID number that strayed into the wrong field: drop it. */
const LONG_DIGITS = /\d{7,}/;

const pickId = (v: unknown): string | undefined => (typeof v === 'string' && ID.test(v) ? v : undefined);

const pickName = (v: unknown): string | undefined =>
  typeof v === 'string' && v.length > 0 && v.length <= 100 && !LONG_DIGITS.test(v) ? v : undefined;

const pickDate = (v: unknown): string | undefined => (typeof v === 'string' && parseIsoDate(v).ok ? v : undefined);

const pickSuspension = (v: unknown): SuspensionReason | undefined =>
  typeof v === 'string' && Object.hasOwn(SUSPENSION_LABELS, v) ? (v as SuspensionReason) : undefined;

export interface TimelineOptions {
  /** A department's short name (市场监管局) by id, for labels such as 已分送市场监管局审批. */
  readonly departmentName?: (departmentId: string) => string | undefined;
}

/**
 * The tracking page's entries, in seq order: one per event, with a Chinese and an English label and the
 * Beijing date. Payload keys read: `departmentId`, `matterCode`, `matterName`, `dueOn` and `dueAfter` (a due date
 * pending the next year's holiday schedule; YYYY-MM-DD) and
 * `suspension` (an Art. 45 category, on task-suspended); anything else, or a value of the wrong shape, is
 * ignored. Events of an unknown type are skipped rather than shown with a guessed label.
 */
export const describeCaseTimeline = (
  events: readonly CaseEventRecord[],
  options: TimelineOptions = {},
): TimelineEntry[] => {
  const entries: TimelineEntry[] = [];
  for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
    const label = Object.hasOwn(LABELS, event.type) ? LABELS[event.type] : undefined;
    if (label === undefined) continue;
    const payload: Readonly<Record<string, unknown>> = event.payload ?? {};
    const departmentId = pickId(payload.departmentId);
    const matterCode = pickId(payload.matterCode);
    const matterName = pickName(payload.matterName);
    const dueOn = pickDate(payload.dueOn);
    const dueAfter = dueOn === undefined ? pickDate(payload.dueAfter) : undefined;
    const suspension = event.type === 'task-suspended' ? pickSuspension(payload.suspension) : undefined;
    const departmentName = departmentId === undefined ? undefined : pickName(options.departmentName?.(departmentId));
    const [zh, en] = label(departmentName, suspension);
    entries.push({
      seq: event.seq,
      type: event.type,
      date: localDateOf(event.at),
      label: zh,
      labelEn: en,
      ...(departmentId && { departmentId }),
      ...(matterCode && { matterCode }),
      ...(matterName && { matterName }),
      ...(dueOn && { dueOn }),
      ...(dueAfter && { dueAfter }),
      ...(suspension && { suspension }),
    });
  }
  return entries;
};
