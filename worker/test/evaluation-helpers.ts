import { expect } from 'vitest';
import type { EvaluationCreatedReply, RectificationListReply, RectificationReply } from '../schemas/evaluation-replies.ts';
import { acceptCase, approve, call, materialsFor, matterNamed, PERSON, postJson } from './case-helpers.ts';

/** Helpers for the evaluation tests: a decided case to rate, and the evaluation and rectification routes. */

/** 特种设备作业人员资格认定取证: 市场监管局 (scjg), promised in 10 working days. */
export const OPERATOR = matterNamed('特种设备作业人员资格认定取证');

/** Accepts a case and approves its one task: a case open for rating, with its query code. */
export const decidedCase = async (body: Partial<Parameters<typeof acceptCase>[0]> = {}) => {
  const accepted = await acceptCase({ applicant: PERSON, matterCode: OPERATOR.code, materials: materialsFor([OPERATOR]), ...body });
  await approve(accepted.tasks[0]!.id, 'scjg-wang');
  return accepted;
};

export const rateCase = (number: string, body: Record<string, unknown>) =>
  postJson(`/v1/cases/${encodeURIComponent(number)}/evaluation`, body);

export const rateCaseOk = async (number: string, body: Record<string, unknown>): Promise<EvaluationCreatedReply> => {
  const res = await rateCase(number, body);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as EvaluationCreatedReply;
};

export const stepPath = (evaluationId: string, step: string) => `/v1/rectifications/${encodeURIComponent(evaluationId)}/${step}`;

/** A rectification step that must succeed. */
export const takeStep = async (evaluationId: string, step: string, body: Record<string, unknown>): Promise<RectificationReply> => {
  const res = await postJson(stepPath(evaluationId, step), body);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as RectificationReply;
};

export const listRectifications = async (query = ''): Promise<RectificationListReply> => {
  const res = await call(`/v1/rectifications${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as RectificationListReply;
};
