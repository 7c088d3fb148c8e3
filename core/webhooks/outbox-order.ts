/** What the dispatcher reads of a pending message to choose what to send. */
export interface PendingMessage {
  readonly id: string;
  readonly caseNumber: string | null;
  readonly createdAt: number;
  readonly nextAttemptAt: number;
}

/** The event seq in a `${caseNumber}:${seq}:${tenant}` id (0 when the id has another form). */
const seqOf = (id: string): number => {
  const parts = id.split(':');
  const seq = parts.length >= 3 ? Number(parts[parts.length - 2]) : NaN;
  return Number.isInteger(seq) ? seq : 0;
};

/**
 * The pending messages to send now, at most one per case: a case's changes reach the partner in the order they
 * happened, so a later one waits behind an earlier one still being retried (head-of-line, per case only: other
 * cases go on). A failed message no longer holds its case back (it is given up until an administrator re-sends).
 */
export const pickSendable = <M extends PendingMessage>(pending: readonly M[], now: number): M[] => {
  const firstOfCase = new Map<string, M>();
  const loose: M[] = [];
  for (const message of pending) {
    if (message.caseNumber === null) {
      loose.push(message);
      continue;
    }
    const first = firstOfCase.get(message.caseNumber);
    const earlier = first === undefined || message.createdAt < first.createdAt || (message.createdAt === first.createdAt && seqOf(message.id) < seqOf(first.id));
    if (earlier) firstOfCase.set(message.caseNumber, message);
  }
  return [...firstOfCase.values(), ...loose].filter((message) => message.nextAttemptAt <= now).sort((a, b) => a.createdAt - b.createdAt);
};
