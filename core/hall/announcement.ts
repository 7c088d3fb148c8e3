import type { Announcement } from './types.ts';

/**
 * The voice and board text of a call (叫号): `请 A023 号到 5 号窗口办理`. Each carries the next
 * hall-wide sequence number so displays speak calls one at a time, in order, and drop repeats.
 */
export const composeAnnouncement = (
  seq: number,
  number: string,
  windowId: string,
  windowName: string,
): Announcement => ({
  seq,
  text: '请 ' + number + ' 号到 ' + windowName + '办理',
  textEn: 'Number ' + number + ', please go to window ' + windowId,
});

/** 'A' + 7 -> 'A007'; numbers past 999 simply grow ('A1000'). */
export const formatTicketNumber = (prefix: string, n: number): string =>
  prefix + (n < 10 ? '00' + n : n < 100 ? '0' + n : String(n));
