-- E-mail invitations to a cohort, accepted or declined by the person on "my learning"
-- (docs/decisions/011-cohort-invitations.md). Its statements are what
-- `prisma migrate diff` gives from the previous schema. Existing memberships are untouched.

-- CreateTable
CREATE TABLE "CohortInvitation" (
    "id" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "email" CITEXT NOT NULL,
    "invitedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "declinedAt" TIMESTAMP(3),
    "gender" TEXT,
    "birthYear" INTEGER,
    "locationCode" TEXT,

    CONSTRAINT "CohortInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CohortInvitation_email_idx" ON "CohortInvitation"("email");

-- CreateIndex
CREATE UNIQUE INDEX "CohortInvitation_cohortId_email_key" ON "CohortInvitation"("cohortId", "email");

-- AddForeignKey
ALTER TABLE "CohortInvitation" ADD CONSTRAINT "CohortInvitation_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CohortInvitation" ADD CONSTRAINT "CohortInvitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

