import type { Principal } from '../core/index.ts';
import type { Env } from './env.ts';

export type { Role, Scope } from '../core/index.ts';

/** Who is calling: a checked staff token or API key (worker/auth), or undefined for an anonymous caller. */
export type Actor = Principal;

/** Hono's environment for every route: the bindings plus what middleware puts on the context. */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    actor: Actor | undefined;
  };
}
