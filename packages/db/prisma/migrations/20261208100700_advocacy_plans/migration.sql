-- Advocacy action plans (issue 16 item 2, ADR 033): a trainee's plan, its dated steps, and the
-- accompaniment follow-up actions a trainer links to them.
CREATE TABLE "AdvocacyPlan" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "change" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "napObjectiveIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "resolutions" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "moduleIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AdvocacyPlan_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "AdvocacyPlanStep" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,

    CONSTRAINT "AdvocacyPlanStep_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "AdvocacyStepFollowUp" (
    "followUpActionId" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "linkedById" TEXT,
    "linkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AdvocacyStepFollowUp_pkey" PRIMARY KEY ("followUpActionId")
);

CREATE INDEX "AdvocacyPlan_userId_createdAt_idx" ON "AdvocacyPlan"("userId", "createdAt");

CREATE UNIQUE INDEX "AdvocacyPlanStep_planId_position_key" ON "AdvocacyPlanStep"("planId", "position");

CREATE INDEX "AdvocacyStepFollowUp_stepId_idx" ON "AdvocacyStepFollowUp"("stepId");

CREATE INDEX "AdvocacyStepFollowUp_linkedById_idx" ON "AdvocacyStepFollowUp"("linkedById");

ALTER TABLE "AdvocacyPlan" ADD CONSTRAINT "AdvocacyPlan_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "AdvocacyPlanStep" ADD CONSTRAINT "AdvocacyPlanStep_planId_fkey" FOREIGN KEY ("planId") REFERENCES "AdvocacyPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "AdvocacyStepFollowUp" ADD CONSTRAINT "AdvocacyStepFollowUp_followUpActionId_fkey" FOREIGN KEY ("followUpActionId") REFERENCES "FollowUpAction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "AdvocacyStepFollowUp" ADD CONSTRAINT "AdvocacyStepFollowUp_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "AdvocacyPlanStep"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "AdvocacyStepFollowUp" ADD CONSTRAINT "AdvocacyStepFollowUp_linkedById_fkey" FOREIGN KEY ("linkedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
