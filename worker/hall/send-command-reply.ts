import type { Context, TypedResponse } from 'hono';
import type { Result } from '../../core/index.ts';
import type { AppEnv } from '../app-env.ts';
import type { CommandReply, HallObject } from '../hall-object.ts';
import { replyError } from '../http-errors.ts';
import { actorOf, hallOfActor } from '../tenant-guard.ts';
import { openHall } from './open-hall.ts';

/**
 * A hall command's 200: the object's JSON text is the body as is (serialised once, where it is also stored under
 * the Idempotency-Key), with `Idempotent-Replay: true` when it is that stored reply. `T` is the body's type.
 */
export const sendCommandReply = <T>(c: Context<AppEnv>, { reply, replay }: CommandReply) => {
  if (replay) c.header('Idempotent-Replay', 'true');
  return c.body(reply, 200, { 'Content-Type': 'application/json' }) as unknown as Response & TypedResponse<T, 200, 'json'>;
};

/**
 * Runs one staff command in the hall's object, for staff of that hall only, and sends its reply (`act` makes the
 * RPC). A null reply, nothing to do, is `onEmpty`'s answer (the call's 204); only the call has one. The ticket
 * and window routes all go through here.
 */
export const runHallCommand = async <T, E = never>(
  c: Context<AppEnv>,
  hall: string,
  act: (stub: DurableObjectStub<HallObject>) => Promise<unknown>,
  onEmpty?: () => E,
) => {
  const own = hallOfActor(actorOf(c), hall);
  if (!own.ok) return replyError(c, own.error);
  const stub = openHall(c.env, hall);
  if (!stub.ok) return replyError(c, stub.error);
  const result = (await act(stub.value)) as Result<CommandReply | null>;
  if (!result.ok) return replyError(c, result.error);
  if (result.value !== null) return sendCommandReply<T>(c, result.value);
  return onEmpty ? onEmpty() : replyError(c, 'INTERNAL', { reason: 'the hall answered nothing' });
};
