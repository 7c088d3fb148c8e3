import { err, ok, type Result } from '../result.ts';

/** Longer than any real endpoint; bounds what is stored and fetched. */
export const MAX_WEBHOOK_URL_LENGTH = 2048;

/** Hosts a developer's own receiver runs on: http is fine for them, in development only. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A webhook URL as stored: https (messages carry personal case data), no credentials in it (they would sit in
 * our table and logs); http only to a loopback host and only in development. Anything else: WEBHOOK_URL_INVALID.
 */
export const checkWebhookUrl = (text: string, options: { readonly development: boolean }): Result<string> => {
  const refuse = (reason: string) => err('WEBHOOK_URL_INVALID', { url: text.slice(0, 200), reason });
  if (text.length > MAX_WEBHOOK_URL_LENGTH) return refuse('too-long');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse('not-a-url');
  }
  if (url.username !== '' || url.password !== '') return refuse('credentials-in-url');
  if (url.protocol === 'https:') return ok(url.href);
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) {
    return options.development ? ok(url.href) : refuse('http-outside-development');
  }
  return refuse('not-https');
};
