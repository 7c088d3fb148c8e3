import { localDateOf, ok, parseCaseNumber, formatCaseNumber, type Result } from '../../core/index.ts';
import { selectApplicant } from '../db/applicants.ts';
import { selectCaseMaterials, selectNotices } from '../db/cases.ts';
import { selectCertificatesOfCase, selectDelivery } from '../db/certificates.ts';
import { presentCertificateSummary, presentDelivery, readRecord } from '../certificates/present-certificate.ts';
import type { Database } from '../db/client.ts';
import type { CaseReply } from '../schemas/case-replies.ts';
import type { CaseScope } from '../tenant-guard.ts';
import { loadCase } from './case-record.ts';
import { linkProducedMaterials } from './link-produced-materials.ts';
import {
  presentApplicant,
  presentCaseMaterial,
  presentDuePending,
  presentNotice,
  presentPlan,
  presentTask,
  presentTime,
} from './present-case.ts';
import { refreshCaseDueDates } from './refresh-due-dates.ts';

/**
 * A case number as people type it (lowercase, full-width, spaces or missing hyphens) in its one spelling;
 * text that is no case number at all is kept as is, and simply finds nothing.
 */
export const normaliseCaseNumber = (text: string): string => {
  const parts = parseCaseNumber(text);
  return parts.ok ? formatCaseNumber(parts.value) : text;
};

/**
 * The staff view of a case: everything about it, deadlines assessed as of `now`. Due dates pending the next
 * year's holiday schedule are refreshed (and written) if the calendar covers them by now. CASE_NOT_FOUND if unknown.
 */
export const readCaseView = async (db: Database, number: string, scope: CaseScope, now: number): Promise<Result<CaseReply>> => {
  const loaded = await loadCase(db, normaliseCaseNumber(number), scope);
  if (!loaded.ok) return loaded;
  const { row, plan, tasks, head } = await refreshCaseDueDates(db, loaded.value);
  // One batch, one D1 round trip instead of five.
  const [applicants, materials, notices, certificates, deliveries] = await db.batch([
    selectApplicant(db, row.applicantId),
    selectCaseMaterials(db, row.number),
    selectNotices(db, row.number),
    selectCertificatesOfCase(db, row.number),
    selectDelivery(db, row.number),
  ]);
  const [applicant] = applicants;
  const [delivery] = deliveries;
  if (applicant === undefined) throw new Error(`case ${row.number}: applicant ${row.applicantId} missing`);
  const today = localDateOf(now);
  const order = new Map(plan.checklist.items.map((item, i) => [item.material.id, i]));
  return ok({
    number: row.number,
    hall: row.hallId,
    channel: row.channel,
    status: row.status as CaseReply['status'],
    bundleId: row.bundleId,
    applicant: presentApplicant(applicant),
    acceptedOn: row.acceptedOn,
    dueOn: row.dueOn,
    duePending: presentDuePending(row.dueAfter),
    createdAt: presentTime(row.createdAt),
    updatedAt: presentTime(row.updatedAt),
    plan: presentPlan(plan),
    tasks: tasks.map((task) => presentTask(task.row, task.state, today)),
    materials: await linkProducedMaterials(
      db,
      row.number,
      row.applicantId,
      plan,
      materials.sort((a, b) => (order.get(a.materialId) ?? 0) - (order.get(b.materialId) ?? 0)).map(presentCaseMaterial),
    ),
    notices: notices.map(presentNotice),
    events: { count: head.seq, head: head.hash },
    completedOn: row.completedOn,
    closedOn: row.closedOn,
    visits: row.visits,
    certificates: certificates.map((c) => presentCertificateSummary(readRecord(c))),
    delivery: delivery === undefined ? null : presentDelivery(delivery),
  });
};
