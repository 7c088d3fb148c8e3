import { findMatter, ok, type Result, type TicketStatus } from '../../core/index.ts';
import { sha256Hex } from '../cases/digest.ts';
import { getCatalogStore } from '../catalog-store.ts';
import type { Database } from '../db/client.ts';
import type { HallObject } from '../hall-object.ts';
import type { TicketEvaluationBody } from '../schemas/evaluation.ts';
import type { EvaluationCreatedReply } from '../schemas/evaluation-replies.ts';
import type { TicketReply } from '../schemas/hall-replies.ts';
import { drawFollowUpCode } from './follow-up-code.ts';
import { presentEvaluation, presentRectification } from './present-evaluation.ts';
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
 */
export const evaluateTicket = async (
  db: Database,
  hall: DurableObjectStub<HallObject>,
  hallId: string,
  ticketId: string,
  body: TicketEvaluationBody,
  now: number,
): Promise<Result<EvaluationCreatedReply>> => {
  const tenant = findHallTenant(hallId);
  if (!tenant.ok) return tenant;
  const found = (await hall.getTicket(hallId, ticketId)) as Result<TicketReply>;
  if (!found.ok) return found;
  const ticket = found.value;
  const subject = { kind: 'ticket', hallId, ticketId: ticket.id, status: ticket.status as TicketStatus } as const;
  const recorded = await recordRating(db, subject, body, now);
  if (!recorded.ok) return recorded;
  const code = recorded.value.rectification === null ? null : drawFollowUpCode();
  const place = { tenantId: tenant.value.id, hallId, departmentId: findTicketDepartment(ticket) };
  const stored = await storeEvaluation(db, recorded.value, place, code === null ? null : await sha256Hex(code), now);
  if (!stored.ok) return stored;
  const today = recorded.value.evaluation.evaluatedOn;
  return ok({
    evaluation: presentEvaluation(stored.value.evaluation),
    rectification: stored.value.rectification && presentRectification(stored.value.rectification, today),
    followUpCode: code,
  });
};
