import { err, findEffectiveStatus, isQueryCode, localDateOf, ok, type Certificate, type Result } from '../../core/index.ts';
import { getCatalogStore } from '../catalog-store.ts';
import { equalHex, sha256Hex } from '../cases/digest.ts';
import type { QueryCodeGate } from '../cases/query-code-gate.ts';
import { readCase } from '../db/cases.ts';
import { readCertificateEvents } from '../db/certificates.ts';
import type { Database } from '../db/client.ts';
import type { CertificateViewReply } from '../schemas/certificate-replies.ts';
import { findCertificate } from './find-certificate.ts';
import { presentCertificateView, readRecord } from './present-certificate.ts';
import { renderCertificatePdf } from './render-certificate-pdf.ts';
import type { SignerState } from './signing-key.ts';

/**
 * The holder's own certificate (持证人查看 / 下载): the holder proves it with the query code of the case that
 * issued it (printed on the receipt); citizens have no login (issue 6 brought staff tokens and partner keys
 * only). A wrong or missing code answers exactly like an unknown identifier (CERTIFICATE_NOT_FOUND), so
 * identifiers cannot be probed for holder data. Wrong codes count against the issuing case's allowance in
 * `gate`, the one tracking uses, so the certificate routes give a guesser no extra tries.
 */
const findHolderCertificate = async (db: Database, text: string, code: string | undefined, gate: QueryCodeGate): Promise<Result<Certificate>> => {
  const found = await findCertificate(db, text);
  const typed = code?.trim() ?? '';
  const caseRow = found.ok ? await readCase(db, found.value.caseNumber) : undefined;
  // Hash even when nothing was found, so the answer takes as long either way.
  const hash = await sha256Hex(typed);
  if (!found.ok) return found;
  const matched = caseRow !== undefined && isQueryCode(typed) && equalHex(hash, caseRow.queryCodeHash);
  const judged = await gate(found.value.caseNumber, matched);
  if (!judged.ok) return judged;
  if (!matched) return err('CERTIFICATE_NOT_FOUND', { identifier: found.value.identifier });
  return ok(readRecord(found.value));
};

export const readHolderCertificate = async (
  db: Database,
  text: string,
  code: string | undefined,
  gate: QueryCodeGate,
): Promise<Result<CertificateViewReply>> => {
  const found = await findHolderCertificate(db, text, code, gate);
  if (!found.ok) return found;
  return ok(presentCertificateView(found.value, await readCertificateEvents(db, found.value.identifier)));
};

/** The PDF (版式文件) for the holder, as the certificate stands today. */
export const renderHolderCertificatePdf = async (
  db: Database,
  text: string,
  code: string | undefined,
  gate: QueryCodeGate,
  signer: SignerState,
  now: number,
): Promise<Result<{ certificate: Certificate; pdf: Uint8Array }>> => {
  const found = await findHolderCertificate(db, text, code, gate);
  if (!found.ok) return found;
  const certificate = found.value;
  const matterName = getCatalogStore().index.byCode.get(certificate.matterCode)?.name;
  const pdf = await renderCertificatePdf(certificate, {
    effectiveStatus: findEffectiveStatus(certificate, localDateOf(now)),
    keyId: signer.ok ? signer.signer.publicKey.keyId : null,
    ...(matterName === undefined ? {} : { matterName }),
  });
  return ok({ certificate, pdf });
};
