import { findMatter, ok, type Result, type TicketStatus } from '../../core/index.ts';
import { prepareKey } from '../cases/idempotent-replies.ts';
import { getCatalogStore } from '../catalog-store.ts';
import type { Database } from '../db/client.ts';
import type { HallObject } from '../hall-object.ts';
import type { TicketEvaluationBody } from '../schemas/evaluation.ts';
import type { TicketReply } from '../schemas/hall-replies.ts';
import { drawFollowUpCode } from './follow-up-code.ts';
import { findRatingReplay, replayIfTwin, TICKET_RATING_ROUTE, type RatingOutcome } from './rating-replay.ts';
import { recordRating } from './record-rating.ts';
import { storeEvaluation } from './store-evaluation.ts';
import { findHallTenant } from '../tenants/tenant-registry.ts';

/** The department a ticket's service belongs to: its matter's, when the ticket named one the catalog knows. */
const findTicketDepartment = (ticket: TicketReply): string | null => {
  if (ticket.matterCode === null) return null;
  const matter = findMatter(getCatalogStore().index, ticket.matterCode);
  return matter.ok ? matter.value.departmentId : null;
};

/**
 * 一次一评: the citizen rates one on-site service, on the window's rating pad or a kiosk, once the window has
 * completed the ticket (a cancelled, missed or expired ticket received no service: EVALUATION_NOT_OPEN). The
 * hall object is asked for the ticket (it keeps today's and the previous day's; older is TICKET_NOT_FOUND).
 * A 差评 opens a rectification and answers a follow-up code (追评码), the citizen's key to the one follow-up
 * rating: a ticket leaves nothing else to identify them by.
 *
 * That code is shown once, so a pad that lost the reply must get it again: with an Idempotency-Key a retry
 * replays the stored reply, code included, before the hall is even asked (the ticket may be gone by then).
 */
export const evaluateTicket = async (
  db: Database,
  hall: DurableObjectStub<HallObject>,
  hallId: string,
  ticketId: string,
  body: TicketEvaluationBody,
  key: string | null,
  now: number,
): Promise<Result<RatingOutcome>> => {
  const tenant = findHallTenant(hallId);
  if (!tenant.ok) return tenant;
  // The hall and ticket are part of the request: one key reused on another ticket is refused, never replayed.
  const prepared = key === null ? null : await prepareKey(TICKET_RATING_ROUTE, tenant.value.id, key, { hall: hallId, ticket: ticketId, body });
  const earlier = await findRatingReplay(db, prepared, now);
  if (!earlier.ok) return earlier;
  if (earlier.value !== null) return ok(earlier.value);
  const found = (await hall.getTicket(hallId, ticketId)) as Result<TicketReply>;
  if (!found.ok) return found;
  const ticket = found.value;
  const subject = { kind: 'ticket', hallId, ticketId: ticket.id, status: ticket.status as TicketStatus } as const;
  const recorded = await recordRating(db, subject, body, now);
  if (!recorded.ok) return replayIfTwin(db, prepared, recorded, now);
  const code = recorded.value.rectification === null ? null : drawFollowUpCode();
  const place = { tenantId: tenant.value.id, hallId, departmentId: findTicketDepartment(ticket) };
  return storeEvaluation(db, recorded.value, place, code, prepared, now);
};
