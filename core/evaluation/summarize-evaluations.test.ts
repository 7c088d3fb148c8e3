import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approvedCase, cal, codeOf, completedTicket, on, rate, valueOf } from './evaluation-fixture.ts';
import { recordEvaluation } from './record-evaluation.ts';
import { decideAppeal, fileAppeal, recordContact, recordFollowUp, recordReply } from './rectification-lifecycle.ts';
import { summarizeEvaluations } from './summarize-evaluations.ts';
import type { Evaluation, EvaluationInput, Rectification, SatisfactionLevel } from './types.ts';

const DEPT = 'department:scjg';

/** Every rating given on 2026-09-30 at 15:00: a 差评's contact is due 10-08, its reply 10-27. */
const give = (input: EvaluationInput) => valueOf(recordEvaluation(cal, null, input, on(9, 30, 15)));
const contact = (r: Rectification, day: number) => valueOf(recordContact(r, { by: DEPT }, on(10, day)));
const reply = (r: Rectification, day: number) => valueOf(recordReply(r, { by: DEPT, text: '已整改' }, on(10, day)));
const followUp = (r: Rectification, level: SatisfactionLevel, day: number) => valueOf(recordFollowUp(r, { level }, on(10, day)));
const appeal = (r: Rectification, day: number) => valueOf(fileAppeal(r, { by: DEPT, reason: '恶意差评' }, on(10, day)));
const decide = (r: Rectification, upheld: boolean, day: number) =>
  valueOf(decideAppeal(r, { upheld, by: 'staff:s', reason: upheld ? '成立' : '不成立' }, on(10, day)));

const good = [
  give(rate(approvedCase('A'), 5)),
  give(rate(approvedCase('B'), 5)),
  give(rate(completedTicket('T1'), 4)),
  give(rate(completedTicket('T2'), 4)),
  give(rate(approvedCase('C'), 3)),
];
const [d, e, t3, f, g] = [
  give(rate(approvedCase('D'), 2)),
  give(rate(approvedCase('E'), 1)),
  give(rate(completedTicket('T3'), 1)),
  give(rate(approvedCase('F'), 2)),
  give(rate(approvedCase('G'), 2)),
] as const;
const rectifications: Rectification[] = [
  followUp(reply(contact(d.rectification!, 8), 20), 4, 21), // on time; follow-up 2 → 4
  followUp(reply(contact(e.rectification!, 9), 27), 2, 28), // contact late; follow-up 1 → 2, still a 差评
  decide(appeal(t3.rectification!, 8), true, 9), // malicious: excluded
  decide(appeal(f.rectification!, 8), false, 9), // appeal rejected, never contacted: overdue by 10-12
  appeal(contact(g.rectification!, 8), 9), // appeal pending, reply still pending
  { ...d.rectification!, evaluationId: 'case:NOT-IN-THE-PERIOD' }, // ignored: its rating is not summarized
];
const evaluations: Evaluation[] = [...good, d, e, t3, f, g].map((x) => x.evaluation);

describe('summarizeEvaluations', () => {
  it('reports levels, both satisfaction rates, 差评 and their handling on a small fixture', () => {
    const summary = valueOf(summarizeEvaluations(evaluations, rectifications, cal, '2026-10-12'));
    expect(summary).toEqual({
      total: 10,
      excluded: 1,
      counted: 9,
      byLevel: { 5: 2, 4: 2, 3: 1, 2: 3, 1: 1 },
      satisfactionRate: 5 / 9,
      satisfiedOrBetterRate: 4 / 9,
      negative: 4,
      negativeRate: 4 / 9,
      rectifications: {
        opened: 4,
        open: 2,
        contactedOnTime: 2,
        rectifiedOnTime: 2,
        overdue: 2,
        contactOverdue: 2,
        replyOverdue: 0,
        appealsFiled: 3,
        appealsPending: 1,
        appealsUpheld: 1,
        appealsRejected: 1,
        followUps: 2,
        followUpsImproved: 2,
        followUpsSatisfied: 1,
      },
    });
  });

  it('shows the pending replies as overdue once their day has passed', () => {
    const later = valueOf(summarizeEvaluations(evaluations, rectifications, cal, '2026-10-28'));
    expect(later.rectifications).toMatchObject({ overdue: 3, contactOverdue: 2, replyOverdue: 2 });
  });

  it('answers null rates when nothing is counted', () => {
    const none = valueOf(summarizeEvaluations([], [], cal, '2026-10-12'));
    expect(none).toMatchObject({ total: 0, counted: 0, satisfactionRate: null, satisfiedOrBetterRate: null, negativeRate: null });
    const onlyExcluded = valueOf(summarizeEvaluations([t3.evaluation], rectifications, cal, '2026-10-12'));
    expect(onlyExcluded).toMatchObject({ total: 1, excluded: 1, counted: 0, satisfactionRate: null });
  });

  it('fails as the assessment does on a malformed today', () => {
    expect(codeOf(summarizeEvaluations(evaluations, rectifications, cal, '12/10/2026'))).toBe('INVALID_DATE');
  });

  it('keeps its figures consistent for any mix of ratings', () => {
    const levels = fc.array(fc.constantFrom<SatisfactionLevel>(1, 2, 3, 4, 5), { maxLength: 40 });
    fc.assert(
      fc.property(levels, (given) => {
        const recorded = given.map((level, i) => give(rate(approvedCase(`P${i}`), level)));
        const summary = valueOf(
          summarizeEvaluations(
            recorded.map((x) => x.evaluation),
            recorded.flatMap((x) => (x.rectification === null ? [] : [x.rectification])),
            cal,
            '2026-10-09',
          ),
        );
        const sum = Object.values(summary.byLevel).reduce((a, b) => a + b, 0);
        expect(sum).toBe(summary.counted);
        expect(summary.rectifications.opened).toBe(summary.negative);
        expect(summary.rectifications.contactOverdue).toBe(summary.negative); // nobody was contacted by 10-08
        if (summary.counted > 0) expect(summary.satisfactionRate! + summary.negativeRate!).toBeCloseTo(1, 12);
      }),
    );
  });
});
