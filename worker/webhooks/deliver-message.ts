import { toUnixSeconds, type AttemptOutcome } from '../../core/index.ts';
import type { WebhookEndpointRow, WebhookOutboxRow } from '../db/schema.ts';
import { signWebhook } from './webhook-signing.ts';

/** A receiver must answer within this; a slow one is retried later rather than holding the dispatcher. */
export const DELIVERY_TIMEOUT_MS = 10_000;

/** How much of a failing receiver's answer is kept as the error (the outbox cuts it further). */
const ERROR_BODY_CHARS = 200;

/**
 * One attempt: POSTs the stored body with fresh Standard Webhooks headers (the timestamp is the attempt's, the
 * id and body the message's). Any 2xx is delivered; redirects are not followed (a moved endpoint is the tenant's
 * to update, and following would send signed data somewhere not configured).
 */
export const deliverMessage = async (endpoint: WebhookEndpointRow, message: WebhookOutboxRow, now: number): Promise<AttemptOutcome> => {
  const headers = await signWebhook(endpoint.secret, message.id, toUnixSeconds(now), message.body);
  try {
    const response = await fetch(endpoint.url, {
      method: 'POST',
      headers: { ...headers, 'user-agent': 'onewindow-webhooks/1' },
      body: message.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    if (response.status >= 200 && response.status < 300) {
      await response.body?.cancel();
      return { ok: true };
    }
    const text = (await response.text().catch(() => '')).slice(0, ERROR_BODY_CHARS);
    return { ok: false, error: `HTTP ${response.status}${text ? `: ${text}` : ''}` };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
};
