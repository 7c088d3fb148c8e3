import type { Context, TypedResponse } from 'hono';
import type { AppEnv } from '../app-env.ts';
import type { CommandReply } from '../hall-object.ts';

/**
 * A hall command's 200: the object's JSON text is the body as is (serialised once, where it is also stored under
 * the Idempotency-Key), with `Idempotent-Replay: true` when it is that stored reply. `T` is the body's type.
 */
export const sendCommandReply = <T>(c: Context<AppEnv>, { reply, replay }: CommandReply) => {
  if (replay) c.header('Idempotent-Replay', 'true');
  return c.body(reply, 200, { 'Content-Type': 'application/json' }) as unknown as Response & TypedResponse<T, 200, 'json'>;
};
