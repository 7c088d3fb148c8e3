/**
 * Staff credentials for the load run: each staff identity (role, tenant, department) signs in once with its demo
 * account (POST /v1/auth/token) and the clients of that identity share the token, as colleagues on one shift
 * each hold their own session of the same role; a 401 (the token expired: 30 minutes) drops it and the next
 * request signs in again. An identity with no demo account (a department the demo data does not staff) gets a
 * token minted with the run's own secret when the worker was started locally (the run chose the secret);
 * with neither, requests go without credentials (the worker before issue 6's auth).
 */
import type { LoadHttp, Recorder } from './load-http.ts';

export type StaffRole = 'front-desk' | 'back-office';

export interface StaffIdentity {
  readonly role: StaffRole;
  readonly tenant: string;
  /** The back office's department: a reviewer only sees its own department's tasks. */
  readonly department?: string;
  /** Who this is (one per client). */
  readonly person: string;
  /**
   * Must act as a staff id of its own: reviewers (two sharing the demo account would both "hold" one task).
   * Such identities get a minted token when the run started the worker; the others sign in with the demo account.
   */
  readonly distinct?: boolean;
}

/** A demo account to sign in with: its username and password. */
export interface Account {
  readonly username: string;
  readonly password: string;
}

/** Finds the account of an identity; null when there is none (the request then goes without credentials). */
export type AccountFinder = (who: StaffIdentity) => Account | null;

/** Mints a token for an identity (local runs only); null when it cannot. */
export type TokenMinter = (who: StaffIdentity) => Promise<Session | null>;

/** A signed-in identity: the token and the staff id it names (reviewers act as that id). */
export interface Session {
  readonly token: string;
  readonly staffId: string;
  /** Signed in with a demo account that other clients share (their staff ids are the same). */
  readonly shared: boolean;
}

export const SIGN_IN_ROUTE = 'POST /v1/auth/token';

const keyOf = (who: StaffIdentity) => `${who.tenant}/${who.role}/${who.department ?? ''}/${who.person}`;

export class Credentials {
  private readonly sessions = new Map<string, Promise<Session | null>>();

  constructor(
    private readonly http: LoadHttp,
    private readonly recorder: Recorder,
    private readonly findAccount: AccountFinder,
    private readonly mint: TokenMinter | null,
  ) {}

  private session(who: StaffIdentity): Promise<Session | null> {
    const key = keyOf(who);
    let session = this.sessions.get(key);
    if (session === undefined) {
      session = this.signIn(who);
      this.sessions.set(key, session);
    }
    return session;
  }

  /** `Authorization` for this identity, signing in first if it holds no token; `{}` without credentials. */
  async headers(who: StaffIdentity): Promise<Record<string, string>> {
    const session = await this.session(who);
    return session === null ? {} : { authorization: `Bearer ${session.token}` };
  }

  /** The staff id requests of this identity act as; null without credentials. */
  async staffId(who: StaffIdentity): Promise<string | null> {
    return (await this.session(who))?.staffId ?? null;
  }

  /** True when other clients act under the same staff id (a shared demo account on a --url target). */
  async shared(who: StaffIdentity): Promise<boolean> {
    return (await this.session(who))?.shared ?? false;
  }

  /** After a 401: the next `headers` call signs in again. */
  expire(who: StaffIdentity): void {
    this.sessions.delete(keyOf(who));
  }

  /**
   * The demo account of the role, signed in over HTTP; a minted token (a worker this run started) for an identity
   * that must be a staff member of its own, or that has no demo account (a department the demo does not staff).
   */
  private async signIn(who: StaffIdentity): Promise<Session | null> {
    const account = who.distinct && this.mint ? null : this.findAccount(who);
    if (account === null) return this.mint ? this.mint(who) : null;
    const reply = await this.http.send({ method: 'POST', path: '/v1/auth/token', body: account });
    this.recorder.record(SIGN_IN_ROUTE, reply, { ok: [200] });
    if (reply.status !== 200) {
      // Forget the failed attempt so a later request tries again (the worker may still have been starting).
      this.sessions.delete(keyOf(who));
      throw new Error(`sign-in as ${account.username} (${keyOf(who)}): ${reply.status} ${reply.text.slice(0, 200)}`);
    }
    const body = JSON.parse(reply.text) as { token?: unknown; staff?: { id?: unknown } };
    if (typeof body.token !== 'string') throw new Error(`sign-in as ${account.username}: no token in the reply`);
    return { token: body.token, staffId: typeof body.staff?.id === 'string' ? body.staff.id : account.username, shared: true };
  }
}
