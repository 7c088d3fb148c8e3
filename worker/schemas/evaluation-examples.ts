import type {
  EvaluationCreatedReply,
  EvaluationReply,
  EvaluationViewReply,
  RectificationListReply,
  RectificationReply,
} from './evaluation-replies.ts';

/**
 * Success examples for the OpenAPI document: a 开办餐饮店 case decided on Friday 2026-11-27, rated 不满意 online on
 * Monday 30 November (contact due Tuesday 1 December, reply due Monday 21 December), then handled by 市场监管局.
 */

const ID = 'case:XS-261127-0042-8';
const DEPARTMENT = { id: 'scjg', name: '市场监管局' };

export const EVALUATION_EXAMPLE: EvaluationReply = {
  id: ID,
  subject: { kind: 'case', caseNumber: 'XS-261127-0042-8', ticketId: null },
  hall: 'xiaoshan',
  department: DEPARTMENT,
  level: 2,
  levelName: '不满意',
  indicators: { efficiency: 2, attitude: 4 },
  comment: '材料来回补了两次',
  channel: 'online',
  evaluatedAt: '2026-11-30T02:15:00.000Z',
  evaluatedOn: '2026-11-30',
  excluded: false,
};

const OPENED: RectificationReply = {
  evaluationId: ID,
  hall: 'xiaoshan',
  department: DEPARTMENT,
  status: 'opened',
  statusName: '待联系',
  level: 2,
  openedAt: '2026-11-30T02:15:00.000Z',
  openedOn: '2026-11-30',
  policy: { contactWithinWorkingDays: 1, replyWithinWorkingDays: 15 },
  contactDue: { dueOn: '2026-12-01', duePending: null },
  replyDue: { dueOn: '2026-12-21', duePending: null },
  deadlines: {
    contact: { state: 'pending', workingDaysLeft: 1 },
    reply: { state: 'pending', workingDaysLeft: 15 },
    overdue: false,
  },
  contact: null,
  reply: null,
  followUp: null,
  closed: null,
  appeal: null,
  version: 0,
};

export const EVALUATION_CREATED_EXAMPLE: EvaluationCreatedReply = {
  evaluation: EVALUATION_EXAMPLE,
  rectification: OPENED,
  followUpCode: null,
};

export const RECTIFICATION_EXAMPLE: RectificationReply = {
  ...OPENED,
  status: 'replied',
  statusName: '已答复',
  deadlines: { contact: { state: 'met', workingDaysLeft: null }, reply: { state: 'met', workingDaysLeft: null }, overdue: false },
  contact: { at: '2026-12-01T01:30:00.000Z', on: '2026-12-01', by: 'scjg-wang', note: '已电话联系群众，了解不满意原因' },
  reply: { at: '2026-12-08T06:00:00.000Z', on: '2026-12-08', by: 'scjg-wang', text: '已优化一次性告知书，材料清单一次讲清' },
  version: 2,
};

export const EVALUATION_VIEW_EXAMPLE: EvaluationViewReply = { evaluation: EVALUATION_EXAMPLE, rectification: RECTIFICATION_EXAMPLE };

export const RECTIFICATION_LIST_EXAMPLE: RectificationListReply = {
  asOf: '2026-12-03',
  rectifications: [
    {
      ...OPENED,
      evaluationId: 'ticket:xiaoshan:5b0c2f1e-8a9d-4c3b-9e7f-6a5d4c3b2a19',
      deadlines: { contact: { state: 'overdue', workingDaysLeft: null }, reply: { state: 'pending', workingDaysLeft: 13 }, overdue: true },
    },
  ],
  truncated: false,
};
