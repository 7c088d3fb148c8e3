import { buildWebhookHeaders, readSecretKey, toSignedContent, WEBHOOK_SECRET_PREFIX } from '../../core/index.ts';

/** Key bytes of a new secret: 24 random bytes (192 bits), within Standard Webhooks' 24–64. */
const SECRET_BYTES = 24;

const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (char) => char.charCodeAt(0));

/** A new `whsec_` signing secret. */
export const generateWebhookSecret = (): string => WEBHOOK_SECRET_PREFIX + toBase64(crypto.getRandomValues(new Uint8Array(SECRET_BYTES)));

/** The headers of one attempt, signed with the tenant's secret (HMAC-SHA256 over id.timestamp.body). */
export const signWebhook = async (secret: string, id: string, timestampSeconds: number, body: string): Promise<Record<string, string>> => {
  const keyText = readSecretKey(secret);
  if (!keyText.ok) throw new Error('stored webhook secret is not a whsec_ secret');
  const key = await crypto.subtle.importKey('raw', fromBase64(keyText.value), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(toSignedContent(id, timestampSeconds, body)));
  return buildWebhookHeaders(id, timestampSeconds, toBase64(new Uint8Array(mac)));
};
