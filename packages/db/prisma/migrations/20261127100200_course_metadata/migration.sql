-- The course's programme metadata from course.yaml: the regions it is written for, its thematic
-- domains and its activity type, so the catalogue can filter a course by region before anyone
-- has run a cohort of it. Existing rows get empty lists and no activity type until the next
-- curriculum import fills them. ALTER TABLE fires none of the content_version statement
-- triggers; the import that fills the columns does.

-- AlterTable
ALTER TABLE "Course" ADD COLUMN     "activityType" TEXT,
ADD COLUMN     "regions" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "themes" TEXT[] DEFAULT ARRAY[]::TEXT[];
