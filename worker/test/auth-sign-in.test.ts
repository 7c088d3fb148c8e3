import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { hashPassword, PBKDF2_ITERATIONS, verifyPassword } from '../auth/password-hash.ts';
import { signIn as signInWith, SIGN_IN_FAILURES_PER_MINUTE } from '../auth/sign-in.ts';
import { verifyStaffToken } from '../auth/staff-token.ts';
import { staffToken } from './credentials.ts';
import { openDatabase } from '../db/client.ts';
import { insertStaffAccount } from '../db/staff-accounts.ts';
import { call, expectError } from './helpers.ts';

const PASSWORD = 'correct-horse-battery';

const addAccount = async (id: string, extra: { disabledAt?: number; password?: string } = {}) => {
  await insertStaffAccount(openDatabase(env.DB), {
    id,
    tenantId: 'xiaoshan',
    displayName: '王审批',
    roles: ['back-office'],
    departmentId: 'scjg',
    passwordHash: await hashPassword(extra.password ?? PASSWORD),
    createdAt: Date.now(),
    disabledAt: extra.disabledAt ?? null,
  });
};

const signIn = (username: string, password: string) =>
  call('/v1/auth/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });

describe('PBKDF2 password hashes', () => {
  it('verifies the password it hashed, and no other', async () => {
    const stored = await hashPassword(PASSWORD);
    expect(stored).toMatch(new RegExp(`^pbkdf2-sha256\\$${PBKDF2_ITERATIONS}\\$[A-Za-z0-9+/]{22}==\\$[A-Za-z0-9+/]{43}=$`));
    expect(await verifyPassword(PASSWORD, stored)).toBe(true);
    expect(await verifyPassword(`${PASSWORD}!`, stored)).toBe(false);
    expect(await hashPassword(PASSWORD)).not.toBe(stored);
  });

  it('reads the hash Node’s crypto.pbkdf2Sync writes (the seed script’s)', async () => {
    // node -e "crypto.pbkdf2Sync('onewindow', Buffer.alloc(16, 1), 100000, 32, 'sha256').toString('base64')"
    const stored = 'pbkdf2-sha256$100000$AQEBAQEBAQEBAQEBAQEBAQ==$037PY3qqGusuVloNB8qkNOJl6AGLhgKLL+3J0p2PrLI=';
    expect(await verifyPassword('onewindow', stored)).toBe(true);
  });

  it.each([['plain'], ['pbkdf2-sha256$x$a$b'], ['pbkdf2-sha256$100001$AAAA$AAAA'], ['md5$1$a$b']])('matches nothing against a malformed hash (%s)', async (stored) => {
    expect(await verifyPassword('anything', stored)).toBe(false);
  });
});

describe('POST /v1/auth/token', () => {
  it('signs in and the token identifies the staff member for 30 minutes', async () => {
    await addAccount('signin-good');
    const res = await signIn('signin-good', PASSWORD);
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const body = (await res.json()) as { token: string; tokenType: string; expiresAt: string; staff: unknown };
    expect(body.tokenType).toBe('Bearer');
    expect(body.staff).toEqual({ id: 'signin-good', tenant: 'xiaoshan', roles: ['back-office'], department: 'scjg', name: '王审批' });
    const minutes = (Date.parse(body.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(29);
    expect(minutes).toBeLessThanOrEqual(30);
    expect((await signIn(' SIGNIN-Good', PASSWORD)).status).toBe(200);
    const me = await call('/v1/auth/me', { headers: { authorization: `Bearer ${body.token}` } });
    expect(await me.json()).toMatchObject({ kind: 'staff', id: 'signin-good', department: 'scjg' });
  });

  it('answers the same 401 for a wrong password, an unknown user and a disabled account', async () => {
    await addAccount('signin-wrong');
    await addAccount('signin-disabled', { disabledAt: Date.now() });
    const replies = [await signIn('signin-wrong', 'not-the-password'), await signIn('signin-nobody', PASSWORD), await signIn('signin-disabled', PASSWORD)];
    const errors = [];
    for (const res of replies) errors.push(await expectError(res, 401, 'INVALID_CREDENTIALS'));
    expect(errors.map((e) => e.details)).toEqual([undefined, undefined, undefined]);
  });

  it(`answers 429 after ${SIGN_IN_FAILURES_PER_MINUTE} wrong passwords for a name, even for the right one`, async () => {
    await addAccount('signin-guessed');
    for (let i = 0; i < SIGN_IN_FAILURES_PER_MINUTE; i += 1) await expectError(await signIn('signin-guessed', `guess-${i}`), 401, 'INVALID_CREDENTIALS');
    const res = await signIn('signin-guessed', PASSWORD);
    const error = await expectError(res, 429, 'RATE_LIMITED');
    expect(Number(res.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1);
    expect(error.details).toMatchObject({ limitPerMinute: SIGN_IN_FAILURES_PER_MINUTE });
  });

  it('does not count successful sign-ins', async () => {
    await addAccount('signin-busy');
    for (let i = 0; i < SIGN_IN_FAILURES_PER_MINUTE + 2; i += 1) expect((await signIn('signin-busy', PASSWORD)).status).toBe(200);
  });

  it('refuses a body without a user name or password', async () => {
    const res = await call('/v1/auth/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":"x"}' });
    await expectError(res, 400, 'INVALID_INPUT');
  });

  it('is unavailable (AUTH_UNAVAILABLE) without a token secret, and presented tokens are then refused', async () => {
    await addAccount('signin-nosecret');
    const noSecret = { ...env, AUTH_TOKEN_SECRET: undefined };
    expect(await signInWith(noSecret, 'signin-nosecret', PASSWORD)).toEqual({ ok: false, error: { code: 'AUTH_UNAVAILABLE' } });
    expect(await verifyStaffToken(undefined, await staffToken({ role: 'admin' }))).toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', details: { reason: 'token-signing-unavailable' } },
    });
  });
});
