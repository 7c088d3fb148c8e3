/**
 * A simulated Xiaoshan hall day, drawn once from a seed so that the pooled hall and the dedicated-window
 * hall see exactly the same citizens (common random numbers): same arrival times, same matters, same
 * service times, same no-shows. Only the way windows are organised differs.
 */
import { localTime } from '../core/index.ts';
import { createRandom, drawLognormal, drawWeighted, type Random } from './hall-prng.ts';

const MINUTE = 60_000;

/** The three blocks (板块) windows were dedicated to before 无差别受理. */
export interface Block {
  readonly id: string;
  readonly name: string;
  /** Share of the day's tickets. */
  readonly share: number;
  /** Mean service time in minutes. */
  readonly meanServiceMin: number;
}

/** Overall mean service 0.4·7.5 + 0.35·6 + 0.25·10 = 7.6 minutes. */
export const BLOCKS: readonly Block[] = [
  { id: 'business', name: '商事登记', share: 0.4, meanServiceMin: 7.5 },
  { id: 'social', name: '社会事务', share: 0.35, meanServiceMin: 6 },
  { id: 'investment', name: '投资项目', share: 0.25, meanServiceMin: 10 },
];

/** Winter hours, with relative arrival intensity per span: a morning peak, a quieter early afternoon. */
export const ARRIVAL_PROFILE: readonly { readonly from: string; readonly to: string; readonly weight: number }[] = [
  { from: '08:30', to: '09:00', weight: 1.0 },
  { from: '09:00', to: '10:00', weight: 1.15 },
  { from: '10:00', to: '11:00', weight: 1.1 },
  { from: '11:00', to: '11:45', weight: 0.9 },
  { from: '13:00', to: '14:00', weight: 0.85 },
  { from: '14:00', to: '15:00', weight: 1.0 },
  { from: '15:00', to: '16:00', weight: 1.0 },
  { from: '16:00', to: '16:45', weight: 0.7 },
];

/** The expected rate (tickets an hour) in the busiest span of the profile: the planner's peak-hour rate. */
export const expectPeakRate = (ticketsPerDay: number): number => {
  const minutes = (s: { from: string; to: string }) => clock(s.to) - clock(s.from);
  const mass = ARRIVAL_PROFILE.reduce((sum, s) => sum + s.weight * minutes(s), 0);
  return (ticketsPerDay * Math.max(...ARRIVAL_PROFILE.map((s) => s.weight)) * 60) / mass;
};

export const HALL_HOURS = [
  { from: '08:30', to: '11:45' },
  { from: '13:00', to: '16:45' },
];

export interface DayParameters {
  readonly seed: number;
  readonly tickets: number;
  /** Squared coefficient of variation of service times within a block (lognormal). */
  readonly serviceCs2: number;
  readonly priorityShare: number;
  readonly appointmentShare: number;
  readonly noShowShare: number;
  readonly cancelShare: number;
}

export interface PlannedCitizen {
  readonly ticketId: string;
  readonly block: number;
  readonly class: 'normal' | 'priority' | 'appointment';
  readonly arrivesAt: number;
  readonly slotStart: number | null;
  readonly serviceMs: number;
  /** From the call to the window (走到窗口). */
  readonly walkMs: number;
  readonly noShow: boolean;
  /** Gives up this long after taking the ticket if still waiting, or null. */
  readonly cancelAfterMs: number | null;
  /** Whether a no-show ends by the third recall (true) or by the alarm's timeout (false). */
  readonly noShowByRecall: boolean;
}

export interface DayPlan {
  readonly parameters: DayParameters;
  readonly day: number;
  readonly citizens: readonly PlannedCitizen[];
}

const clock = (text: string): number => {
  const [h, m] = text.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** Epoch ms of a local minute-of-day on the simulated Monday, 2 March 2026. */
export const atMinute = (minuteOfDay: number): number => localTime(2026, 3, 2) + minuteOfDay * MINUTE;

/** A time drawn from the piecewise-constant intensity: span by weight × length, then uniform inside. */
const drawArrival = (random: Random): number => {
  const masses = ARRIVAL_PROFILE.map((s) => s.weight * (clock(s.to) - clock(s.from)));
  const span = ARRIVAL_PROFILE[drawWeighted(random, masses)]!;
  return atMinute(clock(span.from) + random() * (clock(span.to) - clock(span.from)));
};

/** Appointment slots every 15 minutes inside the hours; most arrive early, some late, all while open. */
const drawAppointment = (random: Random): { slotStart: number; arrivesAt: number } => {
  const slots: { slot: number; from: number; to: number }[] = [];
  for (const h of HALL_HOURS) {
    for (let m = clock(h.from); m + 15 <= clock(h.to); m += 15) slots.push({ slot: m, from: clock(h.from), to: clock(h.to) });
  }
  const { slot, from, to } = slots[Math.floor(random() * slots.length)]!;
  const offset = random() < 0.85 ? -random() * 20 : random() * 30;
  const minute = Math.min(to - 0.5, Math.max(from, slot + offset));
  return { slotStart: atMinute(slot), arrivesAt: atMinute(minute) };
};

export const planDay = (parameters: DayParameters): DayPlan => {
  const random = createRandom(parameters.seed);
  const shares = BLOCKS.map((b) => b.share);
  const citizens: PlannedCitizen[] = [];
  for (let i = 0; i < parameters.tickets; i++) {
    const block = drawWeighted(random, shares);
    const kind = random();
    const cls =
      kind < parameters.appointmentShare
        ? 'appointment'
        : kind < parameters.appointmentShare + parameters.priorityShare
          ? 'priority'
          : 'normal';
    const appointment = cls === 'appointment' ? drawAppointment(random) : null;
    const noShow = random() < parameters.noShowShare;
    citizens.push({
      ticketId: `s${parameters.seed}-${i}`,
      block,
      class: cls,
      arrivesAt: appointment ? appointment.arrivesAt : drawArrival(random),
      slotStart: appointment ? appointment.slotStart : null,
      serviceMs: drawLognormal(random, BLOCKS[block]!.meanServiceMin * MINUTE, parameters.serviceCs2),
      walkMs: (20 + random() * 40) * 1000,
      noShow,
      cancelAfterMs: random() < parameters.cancelShare ? (5 + random() * 25) * MINUTE : null,
      noShowByRecall: random() < 0.75,
    });
  }
  citizens.sort((a, b) => a.arrivesAt - b.arrivesAt);
  return { parameters, day: atMinute(0), citizens };
};

/** Tickets an hour at the busiest clock hour of the plan (optionally of one block), e.g. 9:00-10:00. */
export const measurePeakRate = (plan: DayPlan, block?: number): { perHour: number; hour: number } => {
  const counts = new Map<number, number>();
  for (const c of plan.citizens) {
    if (block !== undefined && c.block !== block) continue;
    const hour = Math.floor((c.arrivesAt - plan.day) / (60 * MINUTE));
    counts.set(hour, (counts.get(hour) ?? 0) + 1);
  }
  let best = { perHour: 0, hour: 0 };
  for (const [hour, count] of counts) {
    // 8:30-9:00 and 11:00-11:45 are partial hours: compare rates, not counts.
    const minutes = hour === 8 ? 30 : hour === 11 || hour === 16 ? 45 : 60;
    const perHour = (count * 60) / minutes;
    if (perHour > best.perHour) best = { perHour, hour };
  }
  return best;
};
