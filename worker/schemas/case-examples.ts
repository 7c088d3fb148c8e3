import type {
  CaseAcceptedReply,
  CaseReply,
  DecisionReply,
  InboxReply,
  TaskReply,
} from './case-replies.ts';
import type { ApplicantLibraryReply, AuditReply, TrackReply } from './case-track-replies.ts';
import { EXAMPLE_IDENTIFIER } from './certificate.ts';
import { CERTIFICATE_SUMMARY_EXAMPLE } from './certificate-examples.ts';

/**
 * Success examples for the OpenAPI document: a 开办餐饮店 bundle case of a company, accepted on Friday
 * 2026-11-27 at the Xiaoshan hall (what a window screen, a back office and a citizen see).
 */

const FOOD_LICENCE = '511A0005200004-330109000000-000-11330109MB20201373-1-00';
const COMPANY_REGISTRATION = '511A0064100070-330109000000-000-11330109MB20201373-1-00';
const NUMBER = 'XS-261127-0042-8';

export const TASK_EXAMPLE: TaskReply = {
  id: '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b',
  caseNumber: NUMBER,
  key: 'business-licence',
  matterCode: COMPANY_REGISTRATION,
  matterName: '有限责任公司设立登记',
  department: { id: 'scjg', name: '市场监管局' },
  stage: 0,
  dependsOn: [],
  status: 'open',
  claimedBy: null,
  startedOn: '2026-11-27',
  limit: { value: 1, unit: 'working_days' },
  suspensions: [],
  dueOn: '2026-11-30',
  duePending: null,
  deadline: { level: 'near', workingDaysLeft: 1 },
  reason: null,
  correctionMaterialIds: [],
};

const WAITING_TASK: TaskReply = {
  ...TASK_EXAMPLE,
  id: '9b8c7d6e-5f4a-4b3c-8d2e-1f0a9b8c7d6e',
  key: 'food-licence',
  matterCode: FOOD_LICENCE,
  matterName: '食品经营许可（新办）',
  stage: 1,
  dependsOn: ['business-licence'],
  status: 'waiting',
  startedOn: null,
  limit: null,
  dueOn: null,
  deadline: null,
};

const PLAN_EXAMPLE: CaseAcceptedReply['plan'] = {
  bundleId: 'open-restaurant',
  stages: [['business-licence', 'fire-safety'], ['food-licence', 'signboard']],
  inspections: [{ name: '公众聚集场所投入使用、营业前消防安全检查现场核查', taskKeys: ['fire-safety'], departmentIds: ['xfj'] }],
  criticalPath: ['business-licence', 'signboard'],
  criticalPathDays: 4,
  sequentialDays: 4,
  daysSaved: 0,
  promisedDays: 4,
  checklistItems: 16,
  requestedBeforeDedup: 17,
  reusedMaterials: [],
  producedMaterials: [{ materialId: 'business-licence', name: '营业执照', producedBy: 'business-licence' }],
};

export const CASE_ACCEPTED_EXAMPLE: CaseAcceptedReply = {
  number: NUMBER,
  queryCode: '480913',
  hall: 'xiaoshan',
  channel: 'window',
  status: 'in-review',
  applicantId: 'a7c3e1d2-0f4b-4c5d-8e9f-001122334455',
  bundleId: 'open-restaurant',
  acceptedOn: '2026-11-27',
  dueOn: '2026-12-03',
  duePending: null,
  tasks: [TASK_EXAMPLE, WAITING_TASK],
  pendingMaterials: [],
  plan: PLAN_EXAMPLE,
};

export const CASE_EXAMPLE: CaseReply = {
  number: NUMBER,
  hall: 'xiaoshan',
  channel: 'window',
  status: 'in-review',
  bundleId: 'open-restaurant',
  applicant: {
    id: 'a7c3e1d2-0f4b-4c5d-8e9f-001122334455',
    kind: 'organisation',
    name: '杭**********司',
    idNumber: '110105********002X',
    creditCode: '91330109********7D',
    phone: '138****8000',
  },
  acceptedOn: '2026-11-27',
  dueOn: '2026-12-03',
  duePending: null,
  createdAt: '2026-11-27T02:15:00.000Z',
  updatedAt: '2026-11-27T02:15:00.000Z',
  plan: PLAN_EXAMPLE,
  tasks: [TASK_EXAMPLE, WAITING_TASK],
  materials: [
    {
      materialId: 'resident-id-card',
      name: '居民身份证',
      status: 'received',
      form: 'paper',
      originals: 1,
      copies: 0,
      validUntil: '2035-06-30',
      libraryItemId: null,
      certificateId: null,
    },
  ],
  notices: [],
  events: { count: 4, head: '5d41402abc4b2a76b9719d911017c592ae0e7a5f6c3f7b1e8d7c6b5a49382716' },
  completedOn: null,
  closedOn: null,
  visits: 1,
  certificates: [],
  delivery: null,
};

/**
 * A task accepted late in December whose due date lies past the calendar's data: 到期日待定 until the State
 * Council's next schedule is added. It sorts after every task with a known date.
 */
const PENDING_TASK: TaskReply = {
  ...TASK_EXAMPLE,
  id: '0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6',
  caseNumber: 'XS-261127-0057-3',
  startedOn: '2026-11-27',
  limit: { value: 30, unit: 'working_days' }, // 23 working days are left in 2026
  matterName: '食品经营许可（新办）',
  matterCode: FOOD_LICENCE,
  key: FOOD_LICENCE,
  dueOn: null,
  duePending: {
    dueAfter: '2026-12-31',
    awaitsYear: 2027,
    message: '到期日待2027年法定节假日安排公布后确定（晚于2026-12-31）',
    messageEn: 'Due date pending the official 2027 holiday schedule (later than 2026-12-31)',
  },
  deadline: { level: 'awaiting-calendar', workingDaysLeft: null },
};

export const INBOX_EXAMPLE: InboxReply = {
  department: { id: 'scjg', name: '市场监管局' },
  today: '2026-11-27',
  tasks: [TASK_EXAMPLE, PENDING_TASK],
};

export const CLAIMED_TASK_EXAMPLE: TaskReply = { ...TASK_EXAMPLE, status: 'claimed', claimedBy: 'scjg-wang' };

export const DECISION_EXAMPLE: DecisionReply = {
  task: { ...CLAIMED_TASK_EXAMPLE, status: 'approved', deadline: null },
  case: { number: NUMBER, status: 'in-review', dueOn: '2026-12-03', duePending: null },
  released: [{ ...WAITING_TASK, status: 'open', startedOn: '2026-11-27', limit: { value: 0, unit: 'on_the_spot' }, dueOn: '2026-11-27', deadline: { level: 'due-today', workingDaysLeft: 0 } }],
  withdrawn: [],
  issued: {
    id: 'c0ffee00-1234-4abc-8def-0123456789ab',
    materialId: 'business-licence',
    name: '营业执照',
    certificateId: EXAMPLE_IDENTIFIER,
    validUntil: null,
    sourceCaseNumber: NUMBER,
    createdAt: '2026-11-27T03:40:00.000Z',
    valid: true,
  },
  certificate: CERTIFICATE_SUMMARY_EXAMPLE,
  certificatePending: null,
};

export const AUDIT_EXAMPLE: AuditReply = {
  number: NUMBER,
  intact: true,
  length: 4,
  head: '5d41402abc4b2a76b9719d911017c592ae0e7a5f6c3f7b1e8d7c6b5a49382716',
};

export const TRACK_EXAMPLE: TrackReply = {
  number: NUMBER,
  status: 'in-review',
  applicant: { kind: 'organisation', name: '杭**********司' },
  acceptedOn: '2026-11-27',
  dueOn: '2026-12-03',
  duePending: null,
  matters: [
    { matterName: '有限责任公司设立登记', department: { id: 'scjg', name: '市场监管局' }, status: 'open', dueOn: '2026-11-30', duePending: null },
    { matterName: '食品经营许可（新办）', department: { id: 'scjg', name: '市场监管局' }, status: 'waiting', dueOn: null, duePending: null },
  ],
  timeline: [
    { seq: 1, type: 'case-registered', date: '2026-11-27', label: '已登记', labelEn: 'Application registered' },
    { seq: 2, type: 'case-accepted', date: '2026-11-27', label: '已受理', labelEn: 'Accepted', dueOn: '2026-12-03' },
    {
      seq: 3,
      type: 'task-released',
      date: '2026-11-27',
      label: '已分送市场监管局审批',
      labelEn: 'Sent to 市场监管局 for review',
      departmentId: 'scjg',
      matterCode: COMPANY_REGISTRATION,
      matterName: '有限责任公司设立登记',
      dueOn: '2026-11-30',
    },
  ],
  certificates: [],
  delivery: null,
};

export const LIBRARY_EXAMPLE: ApplicantLibraryReply = {
  applicant: { id: 'a7c3e1d2-0f4b-4c5d-8e9f-001122334455', kind: 'organisation', name: '杭**********司' },
  items: [DECISION_EXAMPLE.issued!],
};

/** The 422 details of a registered case with its one-time notice. */
export const NOTICE_DETAILS_EXAMPLE = {
  number: NUMBER,
  queryCode: '480913',
  notice: {
    id: '6e5d4c3b-2a19-4807-b6a5-948372615040',
    issuedAt: '2026-11-27T02:15:00.000Z',
    defects: [
      {
        reason: 'missing',
        materialId: 'resident-id-card',
        materialName: '居民身份证',
        message: '缺少必要材料《居民身份证》',
        messageEn: 'Required material missing: 居民身份证',
        fix: '请提交纸质或电子《居民身份证》（原件1份）',
        fixEn: 'Hand in 居民身份证 on paper or electronically (1 original)',
      },
    ],
  },
};
