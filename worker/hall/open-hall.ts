import { ok, type Result } from '../../core/index.ts';
import type { Env } from '../env.ts';
import type { HallObject } from '../hall-object.ts';
import { findHallConfig } from './hall-configs.ts';

/** The Durable Object of a known hall; an unknown hall is HALL_NOT_FOUND and no object is ever created for it. */
export const openHall = (env: Env, hallId: string): Result<DurableObjectStub<HallObject>> => {
  const config = findHallConfig(hallId);
  if (!config.ok) return config;
  return ok(env.HALL.get(env.HALL.idFromName(hallId)));
};
