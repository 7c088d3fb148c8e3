/**
 * Electronic certificates through local workerd with D1 (issue 5): the real worker (top-level wrangler.toml)
 * started with wrangler's unstable_startWorker on 127.0.0.1, its local D1 in a temporary directory migrated with
 * `wrangler d1 migrations apply --local`, and a signing key generated for the run and given to the worker as the
 * CERT_SIGNING_KEY secret binding (so a developer's .dev.vars is never read into the figures). Nothing leaves
 * the machine.
 *   npx tsx bench/certificates-http.ts [--smoke]
 * Set-up, outside the timed part: cases accepted and their tasks claimed, one per approval to be timed.
 * Subjects, each round in the same order:
 *   - POST /v1/tasks/{id}/decision approving a matter whose result is no certificate (企业名称争议裁决): the
 *     baseline, an approval's cost without issuing;
 *   - the same approving 有限责任公司设立登记: the approval issues a 营业执照 in the same D1 batch (serial claim,
 *     two ECDSA P-256 signatures, certificate row and event, library item);
 *   - GET /v1/certificates/{identifier}/verify over the issued certificates (one D1 read, one ECDSA verify);
 *   - POST /v1/certificates/verify-qr (seal and record: two verifies).
 * And in this Node process, the same WebCrypto calls the worker makes (sign / verify per second), beside
 * node:crypto's sign and verify (the well-known library for the job, OpenSSL underneath as in Node's WebCrypto).
 * Timing never fails the run; a broken benchmark does (a wrong status, a missing certificate, a serial given twice).
 */
import { createSign, createVerify, generateKeyPairSync, webcrypto } from 'node:crypto';
import { buildChecklist, computeCreditCodeCheck, type Matter } from '../core/index.ts';
import type { Figure } from './bench-types.ts';
import { checkThat, createReport, describeLoad, runIfMainModule, type HallBenchReport, type HallFigure } from './hall-report.ts';
import { loadFixtures } from './load-fixtures.ts';
import { median, runLoad, type LoadPlan, type LoadResult } from './workerd/load-client.ts';
import { createBenchStaff } from './workerd/bench-staff.ts';
import { startMigratedWorker } from './workerd/start-local-worker.ts';

const GROUP = 'certificates-http';
const TODAY = '2026-03-02';

interface Sizes {
  readonly warmup: number;
  readonly rounds: number;
  readonly count: number;
  readonly concurrency: number;
  readonly maxSeconds: number;
  /** In-process sign / verify iterations. */
  readonly cryptoOps: number;
}

const SIZES: Record<'smoke' | 'full', Sizes> = {
  smoke: { warmup: 4, rounds: 1, count: 12, concurrency: 4, maxSeconds: 30, cryptoOps: 50 },
  full: { warmup: 40, rounds: 3, count: 300, concurrency: 8, maxSeconds: 60, cryptoOps: 5000 },
};

const creditBody = '91330109MA2C3D4E5';
const company = { kind: 'organisation', name: '杭州萧然证照测试有限公司', creditCode: creditBody + computeCreditCodeCheck(creditBody), idNumber: '11010519491231002X', phone: '13800138000' };

const materialsFor = (matters: readonly Matter[]) =>
  buildChecklist(matters, [], TODAY).items.map((item) => ({
    materialId: item.material.id,
    form: item.form === '2' ? 'electronic' : 'paper',
    originals: item.originals,
    copies: item.copies,
  }));

const findMatter = (name: string): Matter => {
  const matter = loadFixtures().catalog.matters.find((m) => m.name === name);
  if (!matter) throw new Error(`fixtures: ${name} missing`);
  return matter;
};

type SubjectId = 'approve-plain' | 'approve-issue' | 'verify' | 'verify-qr';

const LABELS: Record<SubjectId, string> = {
  'approve-plain': 'POST /v1/tasks/{id}/decision, no certificate (企业名称争议裁决)',
  'approve-issue': 'POST /v1/tasks/{id}/decision issuing a 营业执照',
  verify: 'GET /v1/certificates/{identifier}/verify',
  'verify-qr': 'POST /v1/certificates/verify-qr',
};

const parse = <T>(body: string): T | null => {
  try {
    return JSON.parse(body) as T;
  } catch {
    return null;
  }
};

/** Operations per second of `op`, run `n` times one after another (what one isolate does per request). */
const opsPerSecond = async (n: number, op: (i: number) => Promise<unknown> | unknown): Promise<number> => {
  for (let i = 0; i < Math.min(20, n); i++) await op(i);
  const started = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await op(i);
  return n / (Number(process.hrtime.bigint() - started) / 1e9);
};

/** The worker's WebCrypto calls, and node:crypto's, in this process: signatures per second over a seal-sized text. */
const measureCrypto = async (sizes: Sizes): Promise<HallFigure[]> => {
  const text = new TextEncoder().encode(`OWC1|1.2.156.3005.2.11100000000013338W009.11330109MB20201373.2026030201.001.7|营业执照|${'杭州萧然证照测试有限公司|'.repeat(6)}`);
  const subtle = webcrypto.subtle;
  const ecdsa = { name: 'ECDSA', hash: 'SHA-256' } as const;
  const keys = (await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const signature = await subtle.sign(ecdsa, keys.privateKey, text);
  const signs = await opsPerSecond(sizes.cryptoOps, () => subtle.sign(ecdsa, keys.privateKey, text));
  const verifies = await opsPerSecond(sizes.cryptoOps, () => subtle.verify(ecdsa, keys.publicKey, signature, text));
  const pair = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const nodeSignature = createSign('sha256').update(text).sign({ key: pair.privateKey, dsaEncoding: 'ieee-p1363' });
  const nodeSigns = await opsPerSecond(sizes.cryptoOps, () => createSign('sha256').update(text).sign({ key: pair.privateKey, dsaEncoding: 'ieee-p1363' }));
  const nodeVerifies = await opsPerSecond(sizes.cryptoOps, () =>
    createVerify('sha256').update(text).verify({ key: pair.publicKey, dsaEncoding: 'ieee-p1363' }, nodeSignature),
  );
  return [
    { subject: 'ECDSA P-256 sign, WebCrypto (as the worker calls it), Node', metric: 'throughput', value: Math.round(signs), unit: 'ops/s', note: 'one after another' },
    { subject: 'ECDSA P-256 verify, WebCrypto, Node', metric: 'throughput', value: Math.round(verifies), unit: 'ops/s' },
    { subject: 'ECDSA P-256 sign, node:crypto', metric: 'throughput', value: Math.round(nodeSigns), unit: 'ops/s' },
    { subject: 'ECDSA P-256 verify, node:crypto', metric: 'throughput', value: Math.round(nodeVerifies), unit: 'ops/s' },
  ];
};

interface Prepared {
  readonly plain: string[];
  readonly issuing: string[];
}

/** The QR payloads a scanner would read, from the holder's view of a few certificates (untimed). */
const readQrPayloads = async (base: URL, issued: readonly { identifier: string; queryCode: string }[]): Promise<string[]> => {
  const payloads: string[] = [];
  for (const { identifier, queryCode } of issued) {
    const res = await fetch(new URL(`/v1/certificates/${identifier}?code=${queryCode}`, base));
    const view = (await res.json()) as { qrPayload?: string };
    if (typeof view.qrPayload === 'string') payloads.push(view.qrPayload);
  }
  return payloads;
};

export const runCertificatesHttpBenchmarks = async (options: { smoke: boolean }): Promise<{ figures: readonly Figure[]; failures: readonly string[] }> => {
  const report: HallBenchReport = createReport();
  const sizes = SIZES[options.smoke ? 'smoke' : 'full'];
  const registration = findMatter('有限责任公司设立登记');
  const plainMatter = findMatter('企业名称争议裁决');
  const key = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
  const staff = await createBenchStaff();
  const { base, dispose } = await startMigratedWorker({
    dirPrefix: 'onewindow-certificates-bench-',
    bindings: { CERT_SIGNING_KEY: { type: 'secret_text', value: key }, ...staff.bindings },
  });
  try {
    const perSubject = sizes.warmup + sizes.rounds * sizes.count;
    const plan = (p: Omit<LoadPlan, 'base' | 'concurrency' | 'maxSeconds'>): LoadPlan => ({ base, concurrency: sizes.concurrency, maxSeconds: sizes.maxSeconds, ...p });

    // Set-up (untimed): cases accepted, tasks claimed, one per approval to time.
    const queryCodes = new Map<string, string>();
    const prepare = async (matter: Matter, tag: string): Promise<string[]> => {
      const intake = await runLoad(
        plan({
          method: 'POST',
          path: '/v1/cases',
          body: () => ({ hall: 'xiaoshan', channel: 'window', applicant: company, matterCode: matter.code, materials: materialsFor([matter]) }),
          headers: (i) => ({ 'Idempotency-Key': `${tag}-${i}`, Authorization: staff.frontDesk }),
          count: perSubject,
          expectStatus: 201,
          keepBodies: true,
        }),
      );
      checkThat(report, intake.ok === perSubject, `set-up intake ${tag}: ${intake.ok}/${perSubject}; ${intake.errors.join('; ')}`);
      const taskIds: string[] = [];
      for (const body of intake.bodies) {
        const reply = parse<{ queryCode?: string; tasks?: { id: string }[] }>(body);
        for (const task of reply?.tasks ?? []) {
          taskIds.push(task.id);
          if (reply?.queryCode !== undefined) queryCodes.set(task.id, reply.queryCode);
        }
      }
      const claims = await runLoad(plan({ method: 'POST', path: (i) => `/v1/tasks/${taskIds[i]}/claim`, body: () => ({ reviewer: 'bench' }), headers: () => ({ Authorization: staff.reviewer }), count: taskIds.length, expectStatus: 200 }));
      checkThat(report, claims.ok === taskIds.length, `set-up claims ${tag}: ${claims.ok}/${taskIds.length}; ${claims.errors.join('; ')}`);
      return taskIds;
    };
    const prepared: Prepared = { plain: await prepare(plainMatter, 'plain'), issuing: await prepare(registration, 'issue') };

    const identifiers: string[] = [];
    const issued: { identifier: string; queryCode: string }[] = [];
    const qrPayloads: string[] = [];
    const cursor: Record<'plain' | 'issuing', number> = { plain: 0, issuing: 0 };
    const decisions = (which: 'plain' | 'issuing', count: number): LoadPlan => {
      const from = cursor[which];
      cursor[which] += count;
      return plan({
        method: 'POST',
        path: (i) => `/v1/tasks/${prepared[which][from + i]}/decision`,
        body: () => ({ reviewer: 'bench', decision: { kind: 'approve' } }),
        headers: () => ({ Authorization: staff.reviewer }),
        count,
        expectStatus: 200,
        keepBodies: which === 'issuing',
      });
    };
    const collect = (r: LoadResult) => {
      for (const body of r.bodies) {
        const reply = parse<{ task?: { id: string }; certificate?: { identifier?: string } | null }>(body);
        const identifier = reply?.certificate?.identifier;
        if (typeof identifier !== 'string') continue;
        identifiers.push(identifier);
        const queryCode = queryCodes.get(reply?.task?.id ?? '');
        if (queryCode !== undefined) issued.push({ identifier, queryCode });
      }
    };
    const subjectPlan = (id: SubjectId, count: number): LoadPlan => {
      if (id === 'approve-plain') return decisions('plain', count);
      if (id === 'approve-issue') return decisions('issuing', count);
      if (id === 'verify') {
        return plan({ method: 'GET', path: (i) => `/v1/certificates/${identifiers[i % identifiers.length]}/verify`, count, expectStatus: 200 });
      }
      return plan({ method: 'POST', path: '/v1/certificates/verify-qr', body: (i) => ({ payload: qrPayloads[i % qrPayloads.length] }), count, expectStatus: 200, keepBodies: true });
    };

    const order: SubjectId[] = ['approve-plain', 'approve-issue', 'verify', 'verify-qr'];
    const results: Record<SubjectId, LoadResult[]> = { 'approve-plain': [], 'approve-issue': [], verify: [], 'verify-qr': [] };
    for (const id of order) {
      if (id === 'verify-qr') {
        qrPayloads.push(...(await readQrPayloads(base, issued.slice(0, 8))));
        checkThat(report, qrPayloads.length > 0, 'no QR payload to verify');
      }
      const warm = await runLoad(subjectPlan(id, sizes.warmup));
      checkThat(report, warm.ok === warm.sent, `warm-up of ${id}: ${warm.ok}/${warm.sent}; ${warm.errors.join('; ')}`);
      if (id === 'approve-issue') collect(warm);
    }
    for (let round = 0; round < sizes.rounds; round++) {
      for (const id of order) {
        const r = await runLoad(subjectPlan(id, sizes.count));
        results[id].push(r);
        checkThat(report, r.sent > 0 && r.ok === r.sent, `${id}: ${r.ok}/${r.sent} ok; ${r.errors.join('; ')}`);
        if (id === 'approve-issue') collect(r);
        if (id === 'verify-qr') checkThat(report, r.bodies.every((b) => parse<{ valid?: boolean }>(b)?.valid === true), 'a QR payload did not verify as valid');
      }
    }
    const issuedCount = sizes.warmup + sizes.rounds * sizes.count;
    checkThat(report, identifiers.length === issuedCount, `certificates issued: ${identifiers.length} of ${issuedCount} approvals`);
    checkThat(report, new Set(identifiers).size === identifiers.length, 'an identifier (serial) was given twice');

    for (const id of order) report.figures.push(...describeLoad(LABELS[id], results[id], sizes.concurrency));
    const ratio = median(results['approve-issue'].map((r, i) => r.requestsPerSecond / (results['approve-plain'][i]?.requestsPerSecond ?? Number.NaN)));
    report.figures.push({ subject: 'approval issuing ÷ approval without certificate', metric: 'throughput ratio', value: Number(ratio.toFixed(3)), unit: '', note: 'median of same-round ratios' });
    report.figures.push(...(await measureCrypto(sizes)));
    report.details.certificatesIssued = identifiers.length;
    report.details.sizes = sizes;
  } catch (error) {
    report.failures.push(`threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  } finally {
    await dispose();
  }
  return { figures: report.figures.map((f) => ({ group: GROUP, ...f })), failures: report.failures };
};

await runIfMainModule(import.meta.url, GROUP, runCertificatesHttpBenchmarks);
