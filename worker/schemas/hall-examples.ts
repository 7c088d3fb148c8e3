import type { CallReply, QueueReply, TicketReply, WindowReply } from './hall-replies.ts';

/** Success examples for the OpenAPI document: what a kiosk, a counter screen and a board see. */

export const TICKET_EXAMPLE: TicketReply = {
  id: '5b0c1f4e-8d1e-4f5a-9a53-0c2b7e1d9a10',
  hall: 'xiaoshan',
  number: 'A023',
  class: 'normal',
  line: 'normal',
  status: 'waiting',
  position: 7,
  estimatedWaitMinutes: 4,
  window: null,
  transferTo: null,
  matterCode: '511A0005200004-330109000000-000-11330109MB20201373-1-00',
  priorityReason: null,
  appointmentSlot: null,
  smsNotice: true,
  takenAt: '2026-03-02T01:12:05.000Z',
  calledAt: null,
  startedAt: null,
  endedAt: null,
  recalls: 0,
  outcome: null,
  caseNumber: null,
};

const CALLED_TICKET: TicketReply = {
  ...TICKET_EXAMPLE,
  status: 'called',
  position: null,
  estimatedWaitMinutes: null,
  window: { id: '5', name: '5 号窗口' },
  calledAt: '2026-03-02T01:16:40.000Z',
};

export const CALL_EXAMPLE: CallReply = {
  ticket: CALLED_TICKET,
  announcement: { seq: 57, text: '请 A023 号到 5 号窗口办理', textEn: 'Number A023, please go to window 5' },
  source: 'normal',
};

export const TICKET_ACTION_EXAMPLE = {
  ticket: { ...CALLED_TICKET, status: 'completed', endedAt: '2026-03-02T01:24:10.000Z', outcome: 'case_accepted' },
  announcement: null,
} satisfies { ticket: TicketReply; announcement: null };

export const WINDOW_EXAMPLE: WindowReply = {
  id: '5',
  name: '5 号窗口',
  status: 'open',
  pauseReason: null,
  ticket: null,
  transfersWaiting: 0,
};

export const QUEUE_EXAMPLE: QueueReply = {
  hall: 'xiaoshan',
  day: '2026-03-02',
  at: '2026-03-02T01:16:41.000Z',
  seq: 412,
  waitingTotal: 1,
  waiting: {
    normal: [
      {
        id: '0e7d4c1a-2b3f-4d5e-8f90-a1b2c3d4e5f6',
        number: 'A024',
        class: 'normal',
        line: 'normal',
        takenAt: '2026-03-02T01:13:30.000Z',
        appointmentSlot: null,
        transferTo: null,
        position: 1,
        estimatedWaitMinutes: 2,
      },
    ],
    priority: [],
    appointment: [],
  },
  windows: [{ ...WINDOW_EXAMPLE, ticket: { id: CALLED_TICKET.id, number: 'A023', status: 'called', calledAt: CALLED_TICKET.calledAt } }],
  recentCalls: [
    {
      ticketId: CALLED_TICKET.id,
      number: 'A023',
      windowId: '5',
      windowName: '5 号窗口',
      at: '2026-03-02T01:16:40.000Z',
      announcementSeq: 57,
      text: '请 A023 号到 5 号窗口办理',
      recall: false,
    },
  ],
  lastAnnouncementSeq: 57,
  estimate: { serviceTimeMinutes: 8, openWindows: 29, arrivalsPerHour: 96, predictedMeanWaitMinutes: 0.3 },
};
