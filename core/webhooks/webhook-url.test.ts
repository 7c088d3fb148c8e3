import { describe, expect, it } from 'vitest';
import { checkWebhookUrl } from './webhook-url.ts';

const prod = { development: false };
const dev = { development: true };

describe('webhook URLs', () => {
  it('takes https anywhere', () => {
    expect(checkWebhookUrl('https://partner.example.gov.cn/hooks/onewindow', prod)).toEqual({ ok: true, value: 'https://partner.example.gov.cn/hooks/onewindow' });
  });

  it('takes http only to a loopback host in development', () => {
    expect(checkWebhookUrl('http://127.0.0.1:9000/hook', dev).ok).toBe(true);
    expect(checkWebhookUrl('http://localhost:9000/hook', dev).ok).toBe(true);
    expect(checkWebhookUrl('http://127.0.0.1:9000/hook', prod).ok).toBe(false);
    expect(checkWebhookUrl('http://partner.example.gov.cn/hook', dev).ok).toBe(false);
  });

  it('refuses other schemes, credentials in the URL and non-URLs with WEBHOOK_URL_INVALID', () => {
    for (const url of ['ftp://x.example/', 'https://user:pw@x.example/', 'not a url', `https://x.example/${'a'.repeat(3000)}`]) {
      const checked = checkWebhookUrl(url, dev);
      expect(checked.ok).toBe(false);
      if (!checked.ok) expect(checked.error.code).toBe('WEBHOOK_URL_INVALID');
    }
  });
});
