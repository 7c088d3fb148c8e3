/**
 * Webhooks (推送): Standard Webhooks signing, the case status event, the retry schedule and the outbox row's
 * transitions. Pure: times are passed in; the HMAC and the HTTP call are the worker's.
 */
export * from './webhook-signature.ts';
export * from './case-status-event.ts';
export * from './delivery-schedule.ts';
export * from './outbox-transitions.ts';
export * from './webhook-url.ts';
export * from './outbox-order.ts';
