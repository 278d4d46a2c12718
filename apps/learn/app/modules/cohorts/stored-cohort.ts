import type {
  ActivityType,
  DacGenderMarker,
  LocationCode,
  ProgrammeRegion,
} from "@peacelearn/domain";

/** The cohort fields every cohort page shows, as stored. */
type StoredCohort = {
  id: string;
  name: string;
  locationCode: string;
  programmeRegion: string;
  place: string | null;
  startsOn: Date;
  endsOn: Date | null;
  activityType: string;
  dacGenderMarker: number;
};

/**
 * A stored cohort's fields with its codes as the domain's types: they passed the domain's
 * schemas on the way in (CohortInputSchema), so reading them back needs no second check.
 */
export function cohortFields(row: StoredCohort) {
  return {
    id: row.id,
    name: row.name,
    locationCode: row.locationCode as LocationCode,
    programmeRegion: row.programmeRegion as ProgrammeRegion,
    place: row.place,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    activityType: row.activityType as ActivityType,
    dacGenderMarker: row.dacGenderMarker as DacGenderMarker,
  };
}
