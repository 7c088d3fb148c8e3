import { describeError, redactHallEvent, type ErrorCode } from '../../core/index.ts';
import type { QueueReply } from '../schemas/hall-replies.ts';
import type { CommittedEvent } from './hall-storage.ts';

/**
 * The live feed's protocol (GET /v1/halls/{hall}/live, a WebSocket), for display boards and staff screens.
 *
 * Server → client, one JSON object per message:
 *   {"type":"snapshot","seq":N,"queue":{…}}  on connect and on request: the board (as GET …/queue) after event N.
 *   {"type":"event","seq":N+1,"event":{…}}   every event of the hall's log, in order, numbered without gaps.
 *                                             `event` is core/hall's event (times in epoch ms); a ticketCalled or
 *                                             ticketRecalled carries `announcement` {seq, text, textEn}: speak
 *                                             them one at a time in announcement.seq order, dropping repeats.
 *   {"type":"error","error":{code,message,messageEn}}  a client message the server did not understand.
 * Client → server:
 *   {"type":"since","seq":N}   the events after N (a client that saw a gap, or reconnects, sends its last seq);
 *                              if more than MAX_CATCH_UP are missing it gets a fresh snapshot instead.
 *   {"type":"resync"}          a fresh snapshot.
 *   "ping"                     answered "pong" without waking the hall (keep-alive through proxies).
 * A client keeps the last seq it applied; a message whose seq is not last + 1 means it missed something,
 * and it sends `since`. Phone numbers never appear on the feed.
 */

export const MAX_CATCH_UP = 500;

export type ClientMessage = { readonly type: 'resync' } | { readonly type: 'since'; readonly seq: number };

export const encodeSnapshotMessage = (queue: QueueReply): string =>
  JSON.stringify({ type: 'snapshot', seq: queue.seq, queue });

export const encodeEventMessage = ({ seq, event }: CommittedEvent): string =>
  JSON.stringify({ type: 'event', seq, event: redactHallEvent(event) });

export const encodeErrorMessage = (code: ErrorCode, details?: Record<string, unknown>): string =>
  JSON.stringify({ type: 'error', error: { code, ...describeError(code), ...(details ? { details } : {}) } });

/** A client's message, or null when it is not one the protocol knows. */
export const parseClientMessage = (data: string | ArrayBuffer): ClientMessage | null => {
  if (typeof data !== 'string' || data.length > 1024) return null;
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (value === null || typeof value !== 'object') return null;
  const message = value as { type?: unknown; seq?: unknown };
  if (message.type === 'resync') return { type: 'resync' };
  if (message.type === 'since' && typeof message.seq === 'number' && Number.isSafeInteger(message.seq) && message.seq >= 0) {
    return { type: 'since', seq: message.seq };
  }
  return null;
};
