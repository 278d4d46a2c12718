/** What the seed's parts need to know about a created cohort. */
export type SeedCohort = {
  id: string;
  key: string;
  place: string;
  startsOn: Date;
  trainerIds: string[];
  memberIds: string[];
};

export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}
