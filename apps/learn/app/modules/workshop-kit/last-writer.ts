// Attendance conflicts (ADR 030): the mark made last wins, by the recording device's clock; two
// marks at the same millisecond are ordered by their command UUIDs (lowercase text), so every
// device and the server pick the same one whatever order they learn of them in.
// public/kit/kit.js applies the same rule on the device.

export type AttendanceMark = { id: string; at: Date; status: string };

/** Whether mark `a` wins over mark `b`. */
function winsOver(a: Pick<AttendanceMark, "id" | "at">, b: Pick<AttendanceMark, "id" | "at">) {
  const difference = a.at.getTime() - b.at.getTime();
  return difference !== 0 ? difference > 0 : a.id > b.id;
}

/** The winning mark of each person among `marks` (keyed by `keyOf`). */
export function latestMarks<M extends AttendanceMark>(
  marks: readonly M[],
  keyOf: (mark: M) => string,
): Map<string, M> {
  const winners = new Map<string, M>();
  for (const mark of marks) {
    const key = keyOf(mark);
    const current = winners.get(key);
    if (!current || winsOver(mark, current)) winners.set(key, mark);
  }
  return winners;
}

/**
 * A device's clock may run ahead: a mark dated in the future would win over every later one, so
 * its time is taken as no later than the moment the server received it.
 */
export function clampToArrival(at: Date, receivedAt: Date): Date {
  return at.getTime() > receivedAt.getTime() ? receivedAt : at;
}
