import { exports } from 'cloudflare:workers';
import { expect } from 'vitest';

/** A request to the worker's default export, as a client on the network would send it. */
export const call = (path: string, init?: RequestInit) => exports.default.fetch(new Request(`http://hall.test${path}`, init));

export interface ErrorReply {
  error: { code: string; message: string; messageEn: string; details?: Record<string, unknown>; requestId: string };
}

/** Asserts the full error model, with the body's request id equal to the X-Request-Id header. */
export const expectError = async (res: Response, status: number, code: string): Promise<ErrorReply['error']> => {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await res.json()) as ErrorReply;
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toBe(code);
  expect(body.error.message).toMatch(/\p{Script=Han}/u);
  expect(body.error.messageEn).toMatch(/[a-z]/i);
  expect(body.error.requestId).toBeTruthy();
  expect(body.error.requestId).toBe(res.headers.get('X-Request-Id'));
  return body.error;
};
