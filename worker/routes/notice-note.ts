/** How an incomplete intake or correction answers (both case routes' descriptions end with it). */
export const NOTICE_NOTE =
  ' 材料不齐：422 `MATERIALS_INCOMPLETE`，`details` 为 `{ number, queryCode?, notice: { id, issuedAt, defects } }`，' +
  '一次列明全部问题（一次性告知）。 Incomplete: 422 MATERIALS_INCOMPLETE whose `details` are the case number (the case is' +
  ' registered, awaiting correction), the query code (intake only) and the one-time notice listing every defect' +
  ' with its reason code and fix.';
