import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Certificate, CertificateEvent } from '../../core/index.ts';
import type { Statement } from './cases.ts';
import type { Database } from './client.ts';
import { applicantMaterials, cases, certificateCounters, certificateEvents, certificates, deliveries, tasks } from './schema.ts';

/**
 * Repository functions for electronic certificates (电子证照), their status events and serial counters, and the
 * delivery of a case's results (统一出证 / 送达). Readers return rows; writers return statements for one
 * `db.batch` (D1 has no interactive transactions): a status change and its event commit together or not at all.
 */

export type CertificateRow = typeof certificates.$inferSelect;
export type CertificateEventRow = typeof certificateEvents.$inferSelect;
export type DeliveryRow = typeof deliveries.$inferSelect;
export type NewDeliveryRow = typeof deliveries.$inferInsert;

export const readCertificate = (db: Database, identifier: string): Promise<CertificateRow | undefined> =>
  db.select().from(certificates).where(eq(certificates.identifier, identifier)).get();

/** A case's certificates, oldest first (a reissued version follows the one it replaced). */
export const selectCertificatesOfCase = (db: Database, caseNumber: string) =>
  db.select().from(certificates).where(eq(certificates.caseNumber, caseNumber)).orderBy(asc(certificates.createdAt), asc(certificates.version));

export const readCertificatesOfCase = (db: Database, caseNumber: string): Promise<CertificateRow[]> => selectCertificatesOfCase(db, caseNumber).all();

export const readCertificateEvents = (db: Database, identifier: string): Promise<CertificateEventRow[]> =>
  db.select().from(certificateEvents).where(eq(certificateEvents.identifier, identifier)).orderBy(asc(certificateEvents.seq)).all();

/** The last event's seq of a certificate (0 before its first). */
export const readLastCertificateSeq = async (db: Database, identifier: string): Promise<number> => {
  const row = await db
    .select({ seq: certificateEvents.seq })
    .from(certificateEvents)
    .where(eq(certificateEvents.identifier, identifier))
    .orderBy(desc(certificateEvents.seq))
    .limit(1)
    .get();
  return row?.seq ?? 0;
};

/**
 * Claims the next sequence of an issuer's certificates of one type on one day, in one upsert that returns it
 * (as claimNextSequence does for case numbers): concurrent approvals never collide on a serial. A claim whose
 * approval then loses a race is reused by that approval's retry; only an approval that ends without committing
 * leaves a gap, harmless as nothing refers to an unissued serial.
 */
export const claimCertificateSequence = async (db: Database, issuerCode: string, typeCode: string, day: string): Promise<number> => {
  const row = await db
    .insert(certificateCounters)
    .values({ issuerCode, typeCode, day, lastSequence: 1 })
    .onConflictDoUpdate({
      target: [certificateCounters.issuerCode, certificateCounters.typeCode, certificateCounters.day],
      set: { lastSequence: sql`${certificateCounters.lastSequence} + 1` },
    })
    .returning({ last: certificateCounters.lastSequence })
    .get();
  if (row === undefined) throw new Error('certificate_counters upsert returned no row');
  return row.last;
};

export interface CertificateOrigin {
  readonly tenantId: string;
  readonly taskId: string | null;
  readonly applicantId: string;
  readonly materialId: string | null;
  readonly serial: string;
}

export const insertCertificate = (db: Database, certificate: Certificate, origin: CertificateOrigin, at: number): Statement =>
  db.insert(certificates).values({
    identifier: certificate.identifier,
    tenantId: origin.tenantId,
    caseNumber: certificate.caseNumber,
    taskId: origin.taskId,
    applicantId: origin.applicantId,
    matterCode: certificate.matterCode,
    materialId: origin.materialId,
    status: certificate.status,
    version: certificate.version,
    serial: origin.serial,
    validTo: certificate.validTo,
    record: certificate,
    createdAt: at,
    updatedAt: at,
  });

/**
 * Appends a certificate's event at `seq` (the last read + 1). The (identifier, seq) key makes two writers that
 * read the same last seq collide: the loser's whole batch fails and it re-reads (gap-free, one winner).
 */
export const insertCertificateEvent = (db: Database, event: CertificateEvent, seq: number, actor: string, at: number): Statement =>
  db.insert(certificateEvents).values(toCertificateEventRow(event, seq, actor, at));

/** The stored row of a certificate event (also what a reply presents before reading it back). */
export const toCertificateEventRow = (event: CertificateEvent, seq: number, actor: string, at: number): CertificateEventRow => ({
  identifier: event.identifier,
  seq,
  type: event.type,
  fromStatus: event.from,
  toStatus: event.to,
  on: event.on,
  reason: event.reason ?? null,
  replacedBy: event.replacedBy ?? null,
  actor,
  at,
});

/** Writes a certificate's new status (and record), only if it still has the status read. */
export const updateCertificateStatus = (db: Database, certificate: Certificate, fromStatus: string, at: number): Statement =>
  db
    .update(certificates)
    .set({ status: certificate.status, record: certificate, validTo: certificate.validTo, updatedAt: at })
    .where(and(eq(certificates.identifier, certificate.identifier), eq(certificates.status, fromStatus)));

/** Points the library items that hold one certificate at another (a new version replaced it, 换发). */
export const relinkLibraryItems = (db: Database, from: string, to: string, validUntil: string | null): Statement =>
  db.update(applicantMaterials).set({ certificateId: to, validUntil }).where(eq(applicantMaterials.certificateId, from));

/**
 * Ends the library items of a revoked or cancelled certificate on `lastDay` (the day before the change): they no
 * longer satisfy a checklist from then on (多报合一 reuses only valid items), while older cases that reused them
 * keep their reference.
 */
export const endLibraryItems = (db: Database, identifier: string, lastDay: string): Statement =>
  db
    .update(applicantMaterials)
    .set({ validUntil: sql`CASE WHEN ${applicantMaterials.validUntil} IS NULL OR ${applicantMaterials.validUntil} > ${lastDay} THEN ${lastDay} ELSE ${applicantMaterials.validUntil} END` })
    .where(eq(applicantMaterials.certificateId, identifier));

// ---------------------------------------------------------------------------------------------------------------
// Completion and delivery of a case (办结, 统一出证, 送达)
// ---------------------------------------------------------------------------------------------------------------

/** Records the day a task reached its final decision (for on-time figures), once. */
export const markTaskDecided = (db: Database, taskId: string, day: string): Statement =>
  db.update(tasks).set({ decidedOn: day }).where(and(eq(tasks.id, taskId), isNull(tasks.decidedOn)));

/** Records the day every task of a case became final, once. */
export const markCaseCompleted = (db: Database, number: string, day: string): Statement =>
  db.update(cases).set({ completedOn: day }).where(and(eq(cases.number, number), isNull(cases.completedOn)));

/** A trip to the hall (intake, correction, pickup) for the 最多跑一次 figures. */
export const countVisit = (db: Database, number: string): Statement =>
  db.update(cases).set({ visits: sql`${cases.visits} + 1` }).where(eq(cases.number, number));

/** Closes a case on delivery of its results, once. */
export const markCaseClosed = (db: Database, number: string, day: string): Statement =>
  db.update(cases).set({ closedOn: day }).where(and(eq(cases.number, number), isNull(cases.closedOn)));

export const selectDelivery = (db: Database, caseNumber: string) => db.select().from(deliveries).where(eq(deliveries.caseNumber, caseNumber));

export const readDelivery = (db: Database, caseNumber: string): Promise<DeliveryRow | undefined> => selectDelivery(db, caseNumber).get();

/** The delivery row of a case that has just completed: ready for pickup (a second completion collides on the key). */
export const insertDelivery = (db: Database, caseNumber: string, at: number): Statement =>
  db.insert(deliveries).values({ caseNumber, status: 'ready', readyAt: at, updatedAt: at });

/** Moves a delivery on, only if it is still in the status read. */
export const updateDelivery = (
  db: Database,
  caseNumber: string,
  fromStatus: DeliveryRow['status'],
  change: Partial<Omit<NewDeliveryRow, 'caseNumber' | 'readyAt'>>,
  at: number,
): Statement =>
  db
    .update(deliveries)
    .set({ ...change, updatedAt: at })
    .where(and(eq(deliveries.caseNumber, caseNumber), eq(deliveries.status, fromStatus)));
