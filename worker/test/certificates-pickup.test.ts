import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import type { TrackReply } from '../schemas/case-track-replies.ts';
import { expectError } from './helpers.ts';
import {
  acceptCase,
  approve,
  bundleMatters,
  call,
  COMPANY,
  decide,
  claim,
  getCase,
  materialsFor,
  matterNamed,
  PERSON,
  postJson,
  residentId,
  resetCases,
  setBeijingTime,
  submitCase,
  taskOf,
} from './case-helpers.ts';
import { deliveryStep, issueBusinessLicence, issueDogLicence } from './certificate-helpers.ts';

beforeEach(async () => {
  await resetCases();
  setBeijingTime('2026-11-27T10:00'); // a Friday
});

const STRANGER = residentId('11010519800101123');
const AGENT = residentId('33010219920505234');

const caseRow = (number: string) =>
  env.DB.prepare('SELECT visits, completed_on, closed_on FROM cases WHERE number = ?').bind(number).first<{ visits: number; completed_on: string | null; closed_on: string | null }>();

describe('ready for pickup (统一出证)', () => {
  it('completes the case on its last decision: completed_on, each task’s decided_on, a ready delivery and a results-ready event', async () => {
    const { accepted } = await issueDogLicence();
    expect(await caseRow(accepted.number)).toMatchObject({ completed_on: '2026-11-27', closed_on: null });
    const decided = await env.DB.prepare('SELECT decided_on FROM tasks WHERE case_number = ?').bind(accepted.number).all<{ decided_on: string }>();
    expect(decided.results).toEqual([{ decided_on: '2026-11-27' }]);
    const view = await getCase(accepted.number);
    expect(view).toMatchObject({ completedOn: '2026-11-27', closedOn: null, delivery: { status: 'ready', method: null, collector: null } });
    const track = (await (await call(`/v1/track/${accepted.number}?code=${accepted.queryCode}`)).json()) as TrackReply;
    expect(track.delivery).toMatchObject({ status: 'ready', readyOn: '2026-11-27' });
    expect(track.timeline.at(-1)).toMatchObject({ type: 'results-ready', label: '办理结果可领取（统一出证窗口）' });
  });

  it('is not ready while a task is undecided, and a rejection is ready too (the decision letter is served)', async () => {
    const FOOD = matterNamed('食品经营许可（新办）');
    const food = await acceptCase({ applicant: COMPANY, matterCode: FOOD.code, materials: materialsFor([FOOD]) });
    const body = { officer: 'window-30', collector: { kind: 'agent', name: '李四', idNumber: AGENT, authorisationRef: 'WT-1' } };
    const early = await expectError(await postJson(`/v1/cases/${food.number}/pickup`, body), 409, 'PICKUP_NOT_READY');
    expect(early.details).toMatchObject({ status: 'in-review', reason: 'not-ready' });
    await claim(food.tasks[0]!.id, 'scjg-li');
    await decide(food.tasks[0]!.id, 'scjg-li', { kind: 'reject', reason: '场所不符合要求' });
    const picked = await deliveryStep(`/v1/cases/${food.number}/pickup`, body);
    expect(picked).toMatchObject({ delivery: { status: 'picked-up' }, certificates: [], closedOn: '2026-11-27' });
  });
});

describe('POST /v1/cases/{number}/pickup', () => {
  it('hands a person’s results to that person: one more visit, the case closed, only the masked ID kept', async () => {
    const { accepted, identifier } = await issueDogLicence();
    const before = (await caseRow(accepted.number))!.visits;
    setBeijingTime('2026-11-30T09:30');
    const body = { officer: 'window-30', collector: { kind: 'holder', name: PERSON.name, idNumber: PERSON.idNumber.toLowerCase() } };
    const picked = await deliveryStep(`/v1/cases/${accepted.number}/pickup`, body);
    expect(picked).toMatchObject({
      caseNumber: accepted.number,
      delivery: { status: 'picked-up', method: 'window', collector: { kind: 'holder', authorisationRef: null } },
      closedOn: '2026-11-30',
      visits: before + 1,
      replay: false,
      certificates: [expect.objectContaining({ identifier })],
    });
    expect(picked.delivery.collector!.idNumber).toMatch(/^\d{6}\*{8}/);
    const stored = await env.DB.prepare('SELECT * FROM deliveries WHERE case_number = ?').bind(accepted.number).first<Record<string, unknown>>();
    expect(JSON.stringify(stored)).not.toContain(PERSON.idNumber);
    expect(stored).toMatchObject({ status: 'picked-up', collector_id_masked: picked.delivery.collector!.idNumber });

    // The same pickup again (a lost reply, resent): the same state, nothing counted twice.
    const again = await deliveryStep(`/v1/cases/${accepted.number}/pickup`, body);
    expect(again).toMatchObject({ replay: true, visits: before + 1, delivery: { status: 'picked-up' } });
    // Someone else after it: refused.
    const other = { officer: 'window-30', collector: { kind: 'agent', name: '王五', idNumber: AGENT, authorisationRef: 'WT-9' } };
    expect((await expectError(await postJson(`/v1/cases/${accepted.number}/pickup`, other), 409, 'PICKUP_NOT_READY')).details).toMatchObject({ status: 'picked-up' });

    const view = await getCase(accepted.number);
    expect(view).toMatchObject({ closedOn: '2026-11-30', visits: before + 1, delivery: { status: 'picked-up' } });
    const track = (await (await call(`/v1/track/${accepted.number}?code=${accepted.queryCode}`)).json()) as TrackReply;
    expect(track.delivery).toMatchObject({ status: 'picked-up', deliveredOn: '2026-11-30' });
    expect(JSON.stringify(track)).not.toContain(PERSON.name);
    expect(track.timeline.at(-1)).toMatchObject({ type: 'results-picked-up' });
  });

  it('hands results to an agent with an authorisation and a valid ID number', async () => {
    const { accepted } = await issueBusinessLicence();
    const noAuth = { officer: 'window-30', collector: { kind: 'agent', name: '李四', idNumber: AGENT } };
    expect((await expectError(await postJson(`/v1/cases/${accepted.number}/pickup`, noAuth), 403, 'PICKUP_NOT_AUTHORISED')).details).toMatchObject({ reason: 'authorisation-missing' });
    const badId = { officer: 'window-30', collector: { kind: 'agent', name: '李四', idNumber: '110105194912310021', authorisationRef: 'WT-1' } };
    expect((await expectError(await postJson(`/v1/cases/${accepted.number}/pickup`, badId), 403, 'PICKUP_NOT_AUTHORISED')).details).toMatchObject({ reason: 'id-number-invalid' });
    const agent = { officer: 'window-30', collector: { kind: 'agent', name: '李四', idNumber: AGENT, authorisationRef: 'WT-2026-1130-0007' } };
    const picked = await deliveryStep(`/v1/cases/${accepted.number}/pickup`, agent);
    expect(picked.delivery).toMatchObject({ status: 'picked-up', collector: { kind: 'agent', authorisationRef: 'WT-2026-1130-0007' } });
  });

  it('hands an organisation’s results to its legal representative on record, and refuses a stranger', async () => {
    const { accepted } = await issueBusinessLicence();
    const stranger = { officer: 'window-30', collector: { kind: 'holder', name: '赵六', idNumber: STRANGER } };
    expect((await expectError(await postJson(`/v1/cases/${accepted.number}/pickup`, stranger), 403, 'PICKUP_NOT_AUTHORISED')).details).toMatchObject({ reason: 'not-representative' });
    const representative = { officer: 'window-30', collector: { kind: 'holder', name: '法定代表人', idNumber: COMPANY.idNumber } };
    expect((await deliveryStep(`/v1/cases/${accepted.number}/pickup`, representative)).delivery.status).toBe('picked-up');
  });

  it('refuses a stranger claiming to be a person holder', async () => {
    const { accepted } = await issueDogLicence();
    const stranger = { officer: 'window-30', collector: { kind: 'holder', name: PERSON.name, idNumber: STRANGER } };
    expect((await expectError(await postJson(`/v1/cases/${accepted.number}/pickup`, stranger), 403, 'PICKUP_NOT_AUTHORISED')).details).toMatchObject({ reason: 'not-holder' });
    expect((await getCase(accepted.number)).delivery).toMatchObject({ status: 'ready' });
  });

  it('lets exactly one of two windows hand out the same results at once', async () => {
    const { accepted } = await issueDogLicence();
    const bodies = [
      { officer: 'window-30', collector: { kind: 'holder', name: PERSON.name, idNumber: PERSON.idNumber } },
      { officer: 'window-31', collector: { kind: 'agent', name: '李四', idNumber: AGENT, authorisationRef: 'WT-3' } },
    ];
    const answers = await Promise.all(bodies.map((b) => postJson(`/v1/cases/${accepted.number}/pickup`, b)));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const events = await env.DB.prepare(`SELECT count(*) AS n FROM case_events WHERE case_number = ? AND type = 'results-picked-up'`).bind(accepted.number).first<{ n: number }>();
    expect(events?.n).toBe(1);
  });
});

describe('POST /v1/cases/{number}/mail and /delivered (邮寄送达)', () => {
  it('mails the results, then closes the case on delivery; retries answer the same state', async () => {
    const { accepted } = await issueBusinessLicence();
    const before = (await caseRow(accepted.number))!.visits;
    await expectError(await postJson(`/v1/cases/${accepted.number}/delivered`, { officer: 'window-30' }), 409, 'PICKUP_NOT_READY');
    const mail = { officer: 'window-30', address: '浙江省杭州市萧山区城厢街道示例路1号', carrier: 'EMS', trackingNumber: '1151234567890' };
    const mailed = await deliveryStep(`/v1/cases/${accepted.number}/mail`, mail);
    expect(mailed).toMatchObject({ delivery: { status: 'mailed', method: 'mail', carrier: 'EMS', trackingNumber: '1151234567890' }, closedOn: null, visits: before });
    expect(await deliveryStep(`/v1/cases/${accepted.number}/mail`, mail)).toMatchObject({ replay: true });
    await expectError(await postJson(`/v1/cases/${accepted.number}/mail`, { ...mail, trackingNumber: '9999999999' }), 409, 'PICKUP_NOT_READY');
    const pickup = { officer: 'window-30', collector: { kind: 'holder', name: '法定代表人', idNumber: COMPANY.idNumber } };
    await expectError(await postJson(`/v1/cases/${accepted.number}/pickup`, pickup), 409, 'PICKUP_NOT_READY');

    const track = (await (await call(`/v1/track/${accepted.number}?code=${accepted.queryCode}`)).json()) as TrackReply;
    expect(track.delivery).toMatchObject({ status: 'mailed', carrier: 'EMS', trackingNumber: '*********7890' });
    expect(JSON.stringify(track)).not.toContain('示例路1号');

    setBeijingTime('2026-12-01T15:00');
    const delivered = await deliveryStep(`/v1/cases/${accepted.number}/delivered`, { officer: 'window-30' });
    expect(delivered).toMatchObject({ delivery: { status: 'delivered' }, closedOn: '2026-12-01', visits: before, replay: false });
    expect(await deliveryStep(`/v1/cases/${accepted.number}/delivered`, { officer: 'window-30' })).toMatchObject({ replay: true, closedOn: '2026-12-01' });
    expect(await caseRow(accepted.number)).toMatchObject({ closed_on: '2026-12-01' });
    const audit = await call(`/v1/cases/${accepted.number}/audit`);
    expect(await audit.json()).toMatchObject({ intact: true });
  });
});

describe('多报合一: a business licence issued by the 开办餐饮店 bundle', () => {
  it('is reused by a later case of the same company, which does not ask for it', async () => {
    const choices = { 'business-licence': matterNamed('有限责任公司设立登记').code };
    const matters = bundleMatters('open-restaurant', choices);
    const bundle = await acceptCase({ applicant: COMPANY, bundle: { id: 'open-restaurant', choices }, materials: materialsFor(matters, ['business-licence']) });
    const decision = await approve(taskOf(bundle.tasks, 'business-licence').id, 'scjg-wang');
    const identifier = decision.certificate!.identifier;
    expect(decision.issued).toMatchObject({ materialId: 'business-licence', certificateId: identifier });
    // The food licence's back office sees the issued certificate on the case.
    const view = await getCase(bundle.number);
    expect(view.materials.find((m) => m.materialId === 'business-licence')).toMatchObject({ status: 'produced', certificateId: identifier });

    const SIGNBOARD = matterNamed('食品经营许可（新办）');
    const later = await submitCase({ applicant: COMPANY, matterCode: SIGNBOARD.code, materials: materialsFor([SIGNBOARD], ['business-licence']) });
    expect(later.status, await later.clone().text()).toBe(201);
    const accepted = (await later.json()) as { plan: { reusedMaterials: { materialId: string; certificateId: string | null }[] } };
    expect(accepted.plan.reusedMaterials).toEqual([expect.objectContaining({ materialId: 'business-licence', certificateId: identifier })]);
  });
});
