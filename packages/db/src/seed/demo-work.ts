import type { ActivityType } from "@peacelearn/domain";

/** Accompaniment topics trainers pick from (free text in the schema; these are the usual ones). */
export const ACCOMPANIMENT_TOPICS = [
  "advocacy plan",
  "policy brief",
  "media engagement",
  "coalition building",
  "community dialogue",
  "safety planning",
  "public hearing preparation",
] as const;

export const ORDINARY_NOTES = [
  "Reviewed the draft advocacy plan for the district council; agreed to narrow the ask to one budget line.",
  "Practised the two-minute pitch for the community radio programme. Strong on evidence, the ask needs to come first.",
  "Mapped allies in the local peace committee; two members are ready to co-sign the letter.",
  "Discussed how to bring the market women's association into the coalition before the hearing.",
  "Went through the one-page brief line by line; the numbers now have sources.",
  "Planned the follow-up meeting with the chief's council and who will speak first.",
] as const;

/** Notes that would endanger someone if read by the wrong person: flagged sensitive. */
export const SENSITIVE_NOTES = [
  "Received threatening messages after the radio debate. Agreed a safety plan and a daily check-in; referred to the protection partner with consent.",
  "Family pressure to stop attending the workshops. Talked through options; next meeting at the partner office, not at home.",
  "Reports intimidation by a local official after the public hearing. Incident documented with consent; legal aid clinic to be contacted.",
] as const;

export const FOLLOW_UP_TEXTS = [
  "Send the revised one-page ask to the trainer",
  "Share the contact of the protection partner",
  "Confirm the meeting with the district council clerk",
  "Phone check-in about the safety plan",
  "Collect two signatures from peace committee members",
] as const;

export const ACCOMPANIMENT_ACTIVITY_TYPES: ReadonlyArray<readonly [ActivityType, number]> = [
  ["accompaniment", 6],
  ["advocacy-bridging", 2],
  ["specialist-support", 2],
];
