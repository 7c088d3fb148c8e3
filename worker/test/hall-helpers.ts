import { createExecutionContext, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { expect } from 'vitest';
import { app } from '../app.ts';
import type { HallObject } from '../hall-object.ts';
import { withDefaultCredentials } from './staff-defaults.ts';
import type { CallReply, QueueReply, TicketActionReply, TicketReply, WindowReply } from '../schemas/hall-replies.ts';

/**
 * Helpers for the hall tests: real HTTP requests through the worker's Hono app, the real Durable Object behind it.
 * They call `app.fetch` rather than `exports.default.fetch`: with the pool in use (0.23), every request through the
 * default export makes the next one slower (100 requests: 0.3 s, then 0.9 s, 2.4 s, 3.6 s …), which a test of
 * hundreds of concurrent calls cannot afford; `app.fetch` stays flat. A request without credentials carries its
 * route's default staff member's (staff-defaults.ts): the window routes need a front desk of the hall's tenant.
 */
export const call = async (path: string, init?: RequestInit) =>
  app.fetch(await withDefaultCredentials(new Request(`http://hall.test${path}`, init)), env, createExecutionContext());

export const HALL = 'xiaoshan';
export const WINDOW_IDS = Array.from({ length: 29 }, (_, i) => String(i + 1));

export const postJson = (path: string, body?: unknown, headers: Record<string, string> = {}) =>
  call(path, {
    method: 'POST',
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

export interface TakeBody {
  class: 'normal' | 'priority' | 'appointment';
  matterCode?: string;
  phone?: string;
  priorityReason?: 'elderly' | 'disabled' | 'military';
  appointmentSlot?: string;
}

export const takeTicket = async (body: TakeBody = { class: 'normal' }, key?: string): Promise<TicketReply> => {
  const res = await postJson(`/v1/halls/${HALL}/tickets`, body, key ? { 'Idempotency-Key': key } : {});
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as TicketReply;
};

export const takePriority = () => takeTicket({ class: 'priority', priorityReason: 'elderly' });

export const windowAction = async (window: string, action: 'open' | 'pause' | 'resume' | 'close', body?: unknown): Promise<WindowReply> => {
  const res = await postJson(`/v1/halls/${HALL}/windows/${window}/${action}`, body);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as WindowReply;
};

export const openWindows = (ids: readonly string[] = WINDOW_IDS) => Promise.all(ids.map((id) => windowAction(id, 'open')));

/** 叫号: the call's reply, or null on 204. */
export const callNext = async (window: string): Promise<CallReply | null> => {
  const res = await postJson(`/v1/halls/${HALL}/windows/${window}/call`);
  if (res.status === 204) return null;
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as CallReply;
};

export const ticketAction = async (
  id: string,
  action: 'recall' | 'start' | 'complete' | 'no-show' | 'transfer' | 'cancel',
  body?: unknown,
): Promise<TicketActionReply> => {
  const res = await postJson(`/v1/halls/${HALL}/tickets/${id}/${action}`, body);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as TicketActionReply;
};

export const getTicket = async (id: string): Promise<TicketReply> => {
  const res = await call(`/v1/halls/${HALL}/tickets/${id}`);
  expect(res.status).toBe(200);
  return (await res.json()) as TicketReply;
};

export const getQueue = async (): Promise<QueueReply> => {
  const res = await call(`/v1/halls/${HALL}/queue`);
  expect(res.status).toBe(200);
  return (await res.json()) as QueueReply;
};

export const hallStub = () => env.HALL.get(env.HALL.idFromName(HALL));

/** Moves the hall's clock (this instance only: an eviction brings back the real clock). */
export const shiftHallClock = (offsetMs: number) =>
  runInDurableObject(hallStub(), (instance: HallObject) => {
    instance.clock = () => Date.now() + offsetMs;
  });
