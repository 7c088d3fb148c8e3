import { createExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { expect } from 'vitest';
import { app } from '../app.ts';
import type { CaseAcceptedReply, DecisionReply } from '../schemas/case-replies.ts';
import type { CertificateViewReply, DeliveryStepReply, PublicKeyReply, VerifyReply } from '../schemas/certificate-replies.ts';
import { withDefaultCredentials } from './staff-defaults.ts';
import { acceptCase, approve, call, COMPANY, materialsFor, matterNamed, PERSON, postJson } from './case-helpers.ts';

/** Helpers for the certificate and pickup tests: real requests through the app, real D1, the test run's signing key. */

export const COMPANY_REGISTRATION = matterNamed('有限责任公司设立登记');
/** A person's certificate (犬类准养证, 公安局): the holder is the applicant by resident ID. */
export const DOG_LICENCE = matterNamed('犬类准养证核发');

export const pathOf = (identifier: string) => `/v1/certificates/${encodeURIComponent(identifier)}`;

/** The app with the signing key removed, as a deployment without the secret would run. */
export const callWithoutKey = async (path: string, init?: RequestInit) =>
  app.fetch(await withDefaultCredentials(new Request(`http://hall.test${path}`, init)), { ...env, CERT_SIGNING_KEY: undefined }, createExecutionContext());

export interface IssuedCase {
  readonly accepted: CaseAcceptedReply;
  readonly decision: DecisionReply;
  readonly identifier: string;
}

/** A company registers (有限责任公司设立登记), the back office approves: a 营业执照 is issued. */
export const issueBusinessLicence = async (applicant: Record<string, unknown> = COMPANY): Promise<IssuedCase> => {
  const accepted = await acceptCase({ applicant, matterCode: COMPANY_REGISTRATION.code, materials: materialsFor([COMPANY_REGISTRATION]) });
  const decision = await approve(accepted.tasks[0]!.id, 'scjg-wang');
  expect(decision.certificate, JSON.stringify(decision)).not.toBeNull();
  return { accepted, decision, identifier: decision.certificate!.identifier };
};

/** A person applies for a dog licence, approved: the certificate's holder is the person. */
export const issueDogLicence = async (applicant: Record<string, unknown> = PERSON): Promise<IssuedCase> => {
  const accepted = await acceptCase({ applicant, matterCode: DOG_LICENCE.code, materials: materialsFor([DOG_LICENCE]) });
  const decision = await approve(accepted.tasks[0]!.id, 'gaj-zhao');
  expect(decision.certificate, JSON.stringify(decision)).not.toBeNull();
  return { accepted, decision, identifier: decision.certificate!.identifier };
};

export const verify = async (identifier: string): Promise<VerifyReply> => {
  const res = await call(`${pathOf(identifier)}/verify`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as VerifyReply;
};

export const holderView = async (identifier: string, code: string): Promise<CertificateViewReply> => {
  const res = await call(`${pathOf(identifier)}?code=${code}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as CertificateViewReply;
};

export const publicKey = async (): Promise<PublicKeyReply> => {
  const res = await call('/v1/certificates/public-key');
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as PublicKeyReply;
};

export const deliveryStep = async (path: string, body: unknown): Promise<DeliveryStepReply> => {
  const res = await postJson(path, body);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as DeliveryStepReply;
};
