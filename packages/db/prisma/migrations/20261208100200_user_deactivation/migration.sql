-- Account deactivation without erasure (issue 14, ADR 027): an admin can stop a person signing in
-- and reactivate her later. Nothing else about her changes, so cohorts and reports keep her.

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "deactivatedAt" TIMESTAMP(3);
