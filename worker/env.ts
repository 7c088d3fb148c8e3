import type { HallObject } from './hall-object.ts';

/** The worker's bindings, as wrangler.toml declares them. */
export interface Env {
  DB: D1Database;
  /** One HallObject per hall, by name (`HALL.idFromName(hall)`). */
  HALL: DurableObjectNamespace<HallObject>;
  ENVIRONMENT: string;
  /**
   * The electronic certificates' signing key (电子证照签章密钥): an ECDSA P-256 private key as PKCS#8, PEM
   * (`-----BEGIN PRIVATE KEY-----`) or bare base64 of the DER. A Worker secret (`wrangler secret put
   * CERT_SIGNING_KEY`), never in wrangler.toml; `npm start` writes a development key into `.dev.vars`. Missing:
   * approvals go on, certificates wait (see worker/certificates/signing-key.ts).
   */
  CERT_SIGNING_KEY?: string;
}
