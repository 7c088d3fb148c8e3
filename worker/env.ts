import type { KeyGate } from './auth/key-gate.ts';
import type { HallObject } from './hall-object.ts';
import type { WebhookDispatcher } from './webhooks/webhook-dispatcher.ts';

/** The worker's bindings, as wrangler.toml declares them. */
export interface Env {
  DB: D1Database;
  /** One HallObject per hall, by name (`HALL.idFromName(hall)`). */
  HALL: DurableObjectNamespace<HallObject>;
  ENVIRONMENT: string;
  /** One KeyGate per API key id (`KEY_GATE.idFromName(keyId)`): rate limit and revocation. */
  KEY_GATE: DurableObjectNamespace<KeyGate>;
  /** One WebhookDispatcher per recipient tenant (`WEBHOOKS.idFromName(tenant)`). */
  WEBHOOKS: DurableObjectNamespace<WebhookDispatcher>;
  /** Front-end origins CORS allows, comma-separated (wrangler.toml [vars]). */
  CORS_ORIGINS?: string;
  /**
   * HMAC-SHA256 secret that signs staff tokens (a Worker secret, at least 32 bytes: `wrangler secret put
   * AUTH_TOKEN_SECRET`). `npm start` writes a development one into `.dev.vars`; tests get a throwaway one per run.
   * Missing or shorter: sign-in answers 503 AUTH_UNAVAILABLE and a presented staff token 401 (reason
   * `token-signing-unavailable`); API keys keep working (worker/auth/staff-token.ts).
   */
  AUTH_TOKEN_SECRET?: string;
  /**
   * The electronic certificates' signing key (电子证照签章密钥): an ECDSA P-256 private key as PKCS#8, PEM
   * (`-----BEGIN PRIVATE KEY-----`) or bare base64 of the DER. A Worker secret (`wrangler secret put
   * CERT_SIGNING_KEY`), never in wrangler.toml; `npm start` writes a development key into `.dev.vars`. Missing:
   * approvals go on, certificates wait (see worker/certificates/signing-key.ts).
   */
  CERT_SIGNING_KEY?: string;
}
