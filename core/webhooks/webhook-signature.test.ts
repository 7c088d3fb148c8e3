import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildWebhookHeaders, readSecretKey, toSignedContent, toUnixSeconds } from './webhook-signature.ts';

describe('Standard Webhooks signing', () => {
  it('signs the example of the Standard Webhooks reference libraries to the same signature', () => {
    // The test vector shared by the reference libraries (standard-webhooks/libraries).
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const key = readSecretKey(secret);
    expect(key.ok).toBe(true);
    if (!key.ok) return;
    const content = toSignedContent('msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}');
    const signature = createHmac('sha256', Buffer.from(key.value, 'base64')).update(content).digest('base64');
    expect(buildWebhookHeaders('msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, signature)['webhook-signature']).toBe(
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    );
  });

  it('refuses a secret without the whsec_ prefix or with non-base64 text', () => {
    expect(readSecretKey('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw').ok).toBe(false);
    expect(readSecretKey('whsec_not base64!').ok).toBe(false);
  });

  it('gives the timestamp in whole seconds', () => {
    expect(toUnixSeconds(1_764_316_800_999)).toBe(1_764_316_800);
  });
});
