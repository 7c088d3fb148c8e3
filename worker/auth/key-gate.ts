import { DurableObject } from 'cloudflare:workers';
import { takeToken, type TokenBucket } from '../../core/index.ts';
import type { Env } from '../env.ts';

/** What the gate says about one request made with its key. A plain value: it crosses RPC. */
export interface GateDecision {
  readonly allowed: boolean;
  /** 0 when allowed or revoked; otherwise how long until the key may call again. */
  readonly retryAfterMs: number;
  readonly revoked: boolean;
}

const REVOKED = 'revoked';
/** The persisted bucket of `attempt` (guesses at a secret), apart from the in-memory one of `admit`. */
const ATTEMPTS = 'attempts';

/**
 * One per API key (`KEY_GATE.idFromName(keyId)`): its rate limit and its revocation, checked on every request
 * made with the key. A single object per key is what makes both exact across isolates and locations: every
 * isolate asks the same bucket, and a revocation is seen by the very next request anywhere, although isolates
 * cache the key's D1 row for up to 30 s.
 *
 * The bucket lives in memory only: the object is evicted only after it has been idle for a while, and a bucket
 * rebuilt full after an idle spell is what it would have refilled to anyway (limits of a minute or less). The
 * revocation is persisted (synchronous KV of the SQLite-backed object) and is never undone.
 */
export class KeyGate extends DurableObject<Env> {
  private bucket: TokenBucket | undefined;
  private revoked: boolean;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.revoked = ctx.storage.kv.get(REVOKED) === true;
  }

  /** Takes one request from the key's bucket (`nowMs` from the caller, so the core decides on a given time). */
  admit(limitPerMinute: number, nowMs: number): GateDecision {
    if (this.revoked) return { allowed: false, retryAfterMs: 0, revoked: true };
    const decision = takeToken(this.bucket, limitPerMinute, nowMs);
    this.bucket = decision.bucket;
    return { allowed: decision.allowed, retryAfterMs: decision.retryAfterMs, revoked: false };
  }

  /**
   * Whether a request could be admitted now, without taking it: sign-in asks before checking a password and
   * takes (`admit`) only when the password was wrong, so only failures count against a user name.
   */
  peek(limitPerMinute: number, nowMs: number): GateDecision {
    if (this.revoked) return { allowed: false, retryAfterMs: 0, revoked: true };
    const decision = takeToken(this.bucket, limitPerMinute, nowMs);
    return { allowed: decision.allowed, retryAfterMs: decision.retryAfterMs, revoked: false };
  }

  /**
   * One attempt at a secret this gate guards (a receipt's query code, `query-code:<case number>`), told whether
   * it was right: while the bucket is empty every attempt is refused, right or wrong, so a guesser learns
   * nothing then; otherwise a wrong attempt takes a token and a right one takes none. Unlike `admit`'s, this
   * bucket is persisted: its period is an hour, and an idle object is evicted within minutes, which would hand
   * a guesser who pauses a full bucket again.
   */
  attempt(succeeded: boolean, limit: number, periodMs: number, nowMs: number): GateDecision {
    const decision = takeToken(this.ctx.storage.kv.get<TokenBucket>(ATTEMPTS), limit, nowMs, periodMs);
    if (!decision.allowed) return { allowed: false, retryAfterMs: decision.retryAfterMs, revoked: false };
    if (!succeeded) this.ctx.storage.kv.put(ATTEMPTS, decision.bucket);
    return { allowed: true, retryAfterMs: 0, revoked: false };
  }

  /** Refuses every later request with this key, at once and for good. */
  revoke(): void {
    this.ctx.storage.kv.put(REVOKED, true);
    this.revoked = true;
  }
}
