import type { Env } from './env.ts';

/** Roles that may be granted to a caller once API keys exist (a later issue); provisional names. */
export type Role = 'front-desk' | 'back-office' | 'hall-manager' | 'admin';

/** Who is calling, once credentials are checked. Nothing sets it yet: no credentials exist. */
export interface Actor {
  readonly id: string;
  readonly roles: readonly Role[];
}

/** Hono's environment for every route: the bindings plus what middleware puts on the context. */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    actor: Actor | undefined;
  };
}
