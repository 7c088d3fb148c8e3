import { inject } from 'vitest';

/** The webhook tests' side of the real receiver (global-setup-webhook-receiver.ts), one path per test. */

export interface ReceivedRequest {
  headers: Record<string, string>;
  body: string;
  status: number;
}

const base = () => inject('webhookReceiverUrl');

export const openReceiver = (name = crypto.randomUUID()) => ({
  /** The URL to set as the tenant's webhook. */
  url: `${base()}/hook/${name}`,
  /** The next `n` deliveries are answered 503. */
  failNext: async (n: number) => {
    const res = await fetch(`${base()}/control/${name}/fail?n=${n}`, { method: 'POST' });
    if (res.status !== 204) throw new Error(`receiver control answered ${res.status}`);
  },
  received: async (): Promise<ReceivedRequest[]> => (await fetch(`${base()}/control/${name}`)).json(),
  /** Polls until at least `count` requests arrived (the dispatcher's alarm runs on its own). */
  waitFor: async (count: number, timeoutMs = 5000): Promise<ReceivedRequest[]> => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const got: ReceivedRequest[] = await (await fetch(`${base()}/control/${name}`)).json();
      if (got.length >= count) return got;
      if (Date.now() > until) throw new Error(`receiver ${name}: ${got.length} of ${count} requests after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  },
});
