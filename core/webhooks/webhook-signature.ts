import { err, ok, type Result } from '../result.ts';

/**
 * Standard Webhooks (https://www.standardwebhooks.com) signing, the pure half: what is signed and how the
 * headers read. The HMAC itself is WebCrypto's (the worker's); a receiver verifies with any Standard Webhooks
 * library, so partners write no signing code of their own.
 */

/** The secret's prefix: `whsec_` then the base64 of the key bytes. */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';

/** Signature scheme version: `v1` is HMAC-SHA256. */
export const WEBHOOK_SIGNATURE_VERSION = 'v1';

/** The text the HMAC covers: id and timestamp are bound in, so neither can be swapped onto another body. */
export const toSignedContent = (id: string, timestampSeconds: number, body: string): string => `${id}.${timestampSeconds}.${body}`;

/** The `webhook-signature` header value from the base64 HMAC. */
export const formatSignatureHeader = (signatureBase64: string): string => `${WEBHOOK_SIGNATURE_VERSION},${signatureBase64}`;

/** The headers of one attempt: the timestamp is the attempt's (receivers reject stale ones), the id the message's. */
export const buildWebhookHeaders = (id: string, timestampSeconds: number, signatureBase64: string): Record<string, string> => ({
  'content-type': 'application/json',
  'webhook-id': id,
  'webhook-timestamp': String(timestampSeconds),
  'webhook-signature': formatSignatureHeader(signatureBase64),
});

/** The base64 key part of a `whsec_` secret, or INVALID_INPUT for anything else. */
export const readSecretKey = (secret: string): Result<string> =>
  secret.startsWith(WEBHOOK_SECRET_PREFIX) && /^[A-Za-z0-9+/]+={0,2}$/.test(secret.slice(WEBHOOK_SECRET_PREFIX.length))
    ? ok(secret.slice(WEBHOOK_SECRET_PREFIX.length))
    : err('INVALID_INPUT', { reason: 'not a whsec_ secret' });

/** Epoch milliseconds as the whole seconds the header carries. */
export const toUnixSeconds = (epochMs: number): number => Math.floor(epochMs / 1000);
