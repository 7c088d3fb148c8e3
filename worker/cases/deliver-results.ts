import { checkResidentIdNumber, err, localDateOf, maskIdNumber, ok, type Result } from '../../core/index.ts';
import { presentCertificateSummary, presentDelivery, readRecord } from '../certificates/present-certificate.ts';
import { readApplicant } from '../db/applicants.ts';
import { readCase as readCaseRow, type Statement } from '../db/cases.ts';
import {
  countVisit,
  markCaseClosed,
  readCertificatesOfCase,
  readDelivery,
  updateDelivery,
  type DeliveryRow,
} from '../db/certificates.ts';
import type { Database } from '../db/client.ts';
import type { DeliveredBody, MailBody, PickupBody } from '../schemas/certificate.ts';
import type { DeliveryStepReply } from '../schemas/certificate-replies.ts';
import type { CaseScope } from '../tenant-guard.ts';
import { loadCase, type CaseRecord } from './case-record.ts';
import { commitCaseWrite, retryOnConflict, RETRY } from './commit-case.ts';
import type { EventDraft } from './event-chain.ts';
import { normaliseCaseNumber } from './read-case.ts';

/**
 * 统一出证 / 送达: a completed case's results leave the hall once — collected at the issuing window by the
 * holder or an authorised agent, or mailed and then delivered; either closes the case (closed_on) with an event
 * in its chain. Each step is a conditional update of the delivery (`… WHERE status = :read`) in the case's
 * batch, so two windows handing out the same results cannot both succeed.
 *
 * Retries are idempotent: the same step repeated with the same collector (kind, name, masked ID) or the same
 * carrier and tracking number answers 200 with the state as it stands and `replay: true`, changing nothing (a
 * window client that lost the reply may resend). A different collector after a pickup, or a step the state does
 * not allow, is 409 PICKUP_NOT_READY with `details.status`.
 */

/** A step's body with its acting officer resolved from the token (tenant-guard actingStaffId). */
export type Acting<B> = B & { readonly officer: string };

type Step = { readonly statements: readonly Statement[]; readonly events: readonly EventDraft[] };

const notReady = (status: string, reason?: string) => err('PICKUP_NOT_READY', reason === undefined ? { status } : { status, reason });

const reply = async (db: Database, number: string, replay: boolean): Promise<DeliveryStepReply> => {
  const [row, delivery, certificates] = await Promise.all([readCaseRow(db, number), readDelivery(db, number), readCertificatesOfCase(db, number)]);
  if (row === undefined || delivery === undefined) throw new Error(`case ${number}: delivery vanished`);
  return {
    caseNumber: number,
    delivery: presentDelivery(delivery),
    closedOn: row.closedOn,
    visits: row.visits,
    certificates: certificates.map((c) => presentCertificateSummary(readRecord(c))),
    replay,
  };
};

/** Shared path: load, let `decide` pick the step (or a replay or a refusal), commit it with the case's events. */
const runStep = (
  db: Database,
  numberText: string,
  scope: CaseScope,
  now: number,
  decide: (record: CaseRecord, delivery: DeliveryRow | undefined) => Promise<Result<Step | 'replay'>>,
): Promise<Result<DeliveryStepReply>> =>
  retryOnConflict(async () => {
    const loaded = await loadCase(db, normaliseCaseNumber(numberText), scope);
    if (!loaded.ok) return loaded;
    const record = loaded.value;
    const delivery = await readDelivery(db, record.row.number);
    const step = await decide(record, delivery);
    if (!step.ok) return step;
    if (step.value === 'replay') return ok(await reply(db, record.row.number, true));
    const committed = await commitCaseWrite(db, record.row.number, record.head, { change: {}, statements: step.value.statements, events: step.value.events }, now);
    if (!committed) return RETRY;
    return ok(await reply(db, record.row.number, false));
  });

/**
 * Who may collect (领取人核验): a person's results by that person (same resident ID number) or an agent; an
 * organisation's by its legal representative on record (the representative ID number given at intake) or an
 * agent. An agent shows a written authorisation (授权委托书: its reference is recorded) and a valid ID number.
 */
const authorise = async (db: Database, record: CaseRecord, collector: PickupBody['collector'], today: string): Promise<Result<string>> => {
  const id = checkResidentIdNumber(collector.idNumber, today);
  if (!id.ok) return err('PICKUP_NOT_AUTHORISED', { reason: 'id-number-invalid' });
  if (collector.kind === 'agent') {
    return collector.authorisationRef === undefined ? err('PICKUP_NOT_AUTHORISED', { reason: 'authorisation-missing' }) : ok(id.value.value);
  }
  const applicant = await readApplicant(db, record.row.applicantId);
  const holderId = applicant?.kind === 'person' ? applicant.idNumber : applicant?.representativeIdNumber;
  if (holderId === null || holderId === undefined || holderId.toUpperCase() !== id.value.value) {
    return err('PICKUP_NOT_AUTHORISED', { reason: applicant?.kind === 'organisation' ? 'not-representative' : 'not-holder' });
  }
  return ok(id.value.value);
};

/** 窗口领取: the holder or an authorised agent collects; one more visit; the case closes. */
export const pickUpResults = (db: Database, number: string, body: Acting<PickupBody>, scope: CaseScope, now: number): Promise<Result<DeliveryStepReply>> =>
  runStep(db, number, scope, now, async (record, delivery) => {
    const today = localDateOf(now);
    if (delivery === undefined) return notReady(record.row.status, 'not-ready');
    const allowed = await authorise(db, record, body.collector, today);
    if (!allowed.ok) return allowed;
    const masked = maskIdNumber(allowed.value);
    if (delivery.status === 'picked-up') {
      const same =
        delivery.collectorKind === body.collector.kind && delivery.collectorName === body.collector.name && delivery.collectorIdMasked === masked;
      return same ? ok('replay') : notReady(delivery.status);
    }
    if (delivery.status !== 'ready') return notReady(delivery.status);
    const change = {
      status: 'picked-up' as const,
      method: 'window' as const,
      collectorKind: body.collector.kind,
      collectorName: body.collector.name,
      collectorIdMasked: masked,
      authorisationRef: body.collector.authorisationRef ?? null,
      deliveredAt: now,
    };
    return ok({
      statements: [updateDelivery(db, record.row.number, 'ready', change, now), countVisit(db, record.row.number), markCaseClosed(db, record.row.number, today)],
      events: [{ type: 'results-picked-up', actor: `officer:${body.officer}`, payload: { collectorKind: body.collector.kind } }],
    });
  });

/** 邮寄: carrier and tracking number; the address goes into the event (staff audit only, never on tracking). */
export const mailResults = (db: Database, number: string, body: Acting<MailBody>, scope: CaseScope, now: number): Promise<Result<DeliveryStepReply>> =>
  runStep(db, number, scope, now, async (record, delivery) => {
    if (delivery === undefined) return notReady(record.row.status, 'not-ready');
    if (delivery.status === 'mailed' || delivery.status === 'delivered') {
      return delivery.carrier === body.carrier && delivery.trackingNumber === body.trackingNumber ? ok('replay') : notReady(delivery.status);
    }
    if (delivery.status !== 'ready') return notReady(delivery.status);
    const change = { status: 'mailed' as const, method: 'mail' as const, carrier: body.carrier, trackingNumber: body.trackingNumber };
    return ok({
      statements: [updateDelivery(db, record.row.number, 'ready', change, now)],
      events: [
        {
          type: 'results-mailed',
          actor: `officer:${body.officer}`,
          payload: { carrier: body.carrier, trackingNumber: body.trackingNumber, address: body.address },
        },
      ],
    });
  });

/** 送达: the carrier delivered; the case closes on that day. */
export const markResultsDelivered = (db: Database, number: string, body: Acting<DeliveredBody>, scope: CaseScope, now: number): Promise<Result<DeliveryStepReply>> =>
  runStep(db, number, scope, now, async (record, delivery) => {
    const today = localDateOf(now);
    if (delivery === undefined) return notReady(record.row.status, 'not-ready');
    if (delivery.status === 'delivered') return ok('replay');
    if (delivery.status !== 'mailed') return notReady(delivery.status, delivery.status === 'ready' ? 'not-mailed' : undefined);
    const on = body.on ?? today;
    if (on > today) return err('INVALID_INPUT', { issues: [{ location: 'json', path: ['on'], message: 'must not be after today' }] });
    const change = { status: 'delivered' as const, deliveredAt: now };
    return ok({
      statements: [updateDelivery(db, record.row.number, 'mailed', change, now), markCaseClosed(db, record.row.number, on)],
      events: [{ type: 'results-delivered', actor: `officer:${body.officer}`, payload: { on } }],
    });
  });
