import { env, waitUntil } from 'cloudflare:workers';
import type { Env } from '../env.ts';

/**
 * Tells the recipients' dispatchers that messages wait, after the batch that wrote them committed. Not awaited by
 * the request (waitUntil): the reply does not wait for a partner's server, and a lost wake loses nothing — the
 * rows are in D1 and the next wake (or the dispatcher's own alarm) sends them.
 */
export const wakeDispatchers = (tenants: readonly string[]): void => {
  const namespace = (env as unknown as Env).WEBHOOKS;
  for (const tenant of tenants) {
    const woken = namespace
      .get(namespace.idFromName(tenant))
      .wake(tenant)
      .catch((error: unknown) => console.error(JSON.stringify({ level: 'error', event: 'webhook-wake-failed', tenant, error: String(error) })));
    try {
      waitUntil(woken);
    } catch {
      // Outside a request (a test calling the operation directly): the promise runs on its own.
    }
  }
};
