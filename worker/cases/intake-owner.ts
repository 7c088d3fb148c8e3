import { checkCrossRegion, err, ok, type Matter, type Result } from '../../core/index.ts';
import { findHallTenant, findTenant } from '../tenants/tenant-registry.ts';
import { findHallCode } from './hall-codes.ts';

/** Who a new case belongs to and where it is numbered. */
export interface IntakeOwner {
  /** The tenant whose departments handle the case (cases.tenant_id). */
  readonly tenant: string;
  /** The partner that submitted it (跨区域通办), null when the owner's own desk or system did. */
  readonly submittedBy: string | null;
  /** The owner's hall whose daily sequence numbers the case, and its case-number code. */
  readonly numberingHall: string;
  readonly hallCode: string;
}

/**
 * The tenancy of an intake: `hall` is where the applicant stands (or the submitting system's hall) and must be
 * one of the caller's tenant's halls, else HALL_NOT_FOUND as for an unknown one. The owner is `ownerTenant`
 * (default the caller's); another tenant must accept the caller and every matter (跨区域通办), else
 * CROSS_REGION_NOT_ALLOWED — an unknown owner answers the same, so tenant ids cannot be probed. The case is
 * numbered in the owner's first hall: case numbers stay unique per owner, and its staff read them as theirs.
 */
export const resolveIntakeOwner = (
  body: { readonly hall: string; readonly ownerTenant?: string | undefined },
  submitter: string,
  matters: readonly Matter[],
): Result<IntakeOwner> => {
  const hallTenant = findHallTenant(body.hall);
  if (!hallTenant.ok || hallTenant.value.id !== submitter) return err('HALL_NOT_FOUND', { hall: body.hall });
  const ownerId = body.ownerTenant ?? submitter;
  const owner = findTenant(ownerId);
  if (!owner.ok) return err('CROSS_REGION_NOT_ALLOWED', { ownerTenant: ownerId, submittedBy: submitter, reason: 'not-a-partner' });
  const allowed = checkCrossRegion(owner.value, submitter, matters.map((m) => ({ code: m.code, basicCode: m.basicCode, onlineDepth: m.onlineDepth })));
  if (!allowed.ok) return allowed;
  const numberingHall = ownerId === submitter ? body.hall : owner.value.halls[0];
  if (numberingHall === undefined) return err('HALL_NOT_FOUND', { hall: body.hall });
  const hallCode = findHallCode(numberingHall);
  if (!hallCode.ok) return hallCode;
  return ok({ tenant: ownerId, submittedBy: ownerId === submitter ? null : submitter, numberingHall, hallCode: hallCode.value });
};
