import { describeCaseTimeline, err, isQueryCode, maskName, ok, type Result } from '../../core/index.ts';
import { getCatalogStore } from '../catalog-store.ts';
import { selectApplicant } from '../db/applicants.ts';
import { selectEvents } from '../db/cases.ts';
import { selectCertificatesOfCase, selectDelivery } from '../db/certificates.ts';
import { presentTrackCertificate, presentTrackDelivery, readRecord } from '../certificates/present-certificate.ts';
import type { Database } from '../db/client.ts';
import { presentDepartmentRef } from '../replies/department-ref.ts';
import type { TrackReply } from '../schemas/case-track-replies.ts';
import { loadCase } from './case-record.ts';
import { equalHex, sha256Hex } from './digest.ts';
import { readEventRecord } from './event-chain.ts';
import { presentDuePending } from './present-case.ts';
import type { QueryCodeGate } from './query-code-gate.ts';
import { normaliseCaseNumber } from './read-case.ts';
import { refreshCaseDueDates } from './refresh-due-dates.ts';

/**
 * 办件进度查询 (public): the case number and the query code from the receipt. A wrong or missing code answers
 * exactly like an unknown number (CASE_NOT_FOUND), so numbers cannot be probed. The reply holds no personal
 * data: the applicant's name masked, no numbers, no reviewer, no free-text reasons (core's timeline whitelist).
 * A due date pending the next year's holiday schedule says so (duePending) and is refreshed once the calendar
 * covers it; only after the number and code check, so a probe never writes. Wrong codes are counted per case by
 * `gate` (unknown but well-formed numbers too, so the lockout does not tell which numbers exist).
 */
export const trackCase = async (
  db: Database,
  numberText: string,
  code: string | undefined,
  gate: QueryCodeGate,
): Promise<Result<TrackReply>> => {
  const number = normaliseCaseNumber(numberText);
  const notFound = err('CASE_NOT_FOUND', { number: numberText });
  const typed = code?.trim() ?? '';
  const loaded = await loadCase(db, number, null);
  // Hash even when the case is unknown, so the answer takes as long either way.
  const hash = await sha256Hex(typed);
  const matched = loaded.ok && isQueryCode(typed) && equalHex(hash, loaded.value.row.queryCodeHash);
  const judged = await gate(number, matched);
  if (!judged.ok) return judged;
  if (!matched) return notFound;
  const { row, tasks } = await refreshCaseDueDates(db, loaded.value);
  // One batch, one D1 round trip (tracking is the busiest case route: bench/README.md, Load).
  const [applicants, events, certificates, deliveries] = await db.batch([
    selectApplicant(db, row.applicantId),
    selectEvents(db, number),
    selectCertificatesOfCase(db, number),
    selectDelivery(db, number),
  ]);
  const [applicant] = applicants;
  const [delivery] = deliveries;
  const store = getCatalogStore();
  return ok({
    number: row.number,
    status: row.status as TrackReply['status'],
    applicant: { kind: applicant?.kind ?? 'person', name: applicant ? maskName(applicant.name) : '' },
    acceptedOn: row.acceptedOn,
    dueOn: row.dueOn,
    duePending: presentDuePending(row.dueAfter),
    matters: tasks.map(({ row: task, state }) => ({
      matterName: task.matterName,
      department: presentDepartmentRef(store, task.departmentId),
      status: state.status,
      dueOn: state.dueOn ?? null,
      duePending: presentDuePending(state.dueAfter),
    })),
    timeline: describeCaseTimeline(events.map(readEventRecord), {
      departmentName: (id) => store.index.departments.get(id)?.name,
    }),
    certificates: certificates.map((c) => presentTrackCertificate(readRecord(c))),
    delivery: delivery === undefined ? null : presentTrackDelivery(delivery),
  });
};
