// Accompaniment dates are calendar days (`@db.Date`, stored at UTC midnight). Comparing them in
// UTC keeps "overdue" the same for a trainer in Kathmandu and one in Monrovia.

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** UTC midnight of the day `now` falls on. */
export function utcToday(now: Date = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

export function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * DAY_MS);
}

/** "2026-03-04" → UTC midnight of that day; null for anything that is not a real calendar day. */
export function parseDay(value: string): Date | null {
  const match = DAY_PATTERN.exec(value);
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  // Rejects 2026-02-30, which Date.UTC would roll over into March.
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) {
    return null;
  }
  return day;
}

/** UTC midnight → "2026-03-04", the value of an `<input type="date">`. */
export function dayString(day: Date | string): string {
  return new Date(day).toISOString().slice(0, 10);
}

/** An action is overdue when it is still open and its due day is before today (UTC). */
export function isOverdue(
  action: { status: string; dueOn: Date | string },
  today: Date = utcToday(),
): boolean {
  return action.status === "open" && new Date(action.dueOn).getTime() < today.getTime();
}
