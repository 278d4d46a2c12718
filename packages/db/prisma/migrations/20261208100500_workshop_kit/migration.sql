-- Workshop kit (issue 15 item 2, ADR 030): commands applied once per (workshop, device UUID), the
-- pull cursor is their arrival order; walk-ins are roster entries without an account.
CREATE TABLE "WorkshopKitCommand" (
    "seq" BIGSERIAL NOT NULL,
    "cohortSessionId" TEXT NOT NULL,
    "clientId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "personKey" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordedById" TEXT,

    CONSTRAINT "WorkshopKitCommand_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "WorkshopWalkIn" (
    "id" UUID NOT NULL,
    "cohortSessionId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "gender" TEXT NOT NULL DEFAULT 'not-recorded',
    "ageBand" TEXT NOT NULL DEFAULT 'unknown',
    "status" TEXT,
    "statusRecordedAt" TIMESTAMP(3),
    "statusCommandId" UUID,
    "userId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkshopWalkIn_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WorkshopKitCommand_cohortSessionId_personKey_kind_idx" ON "WorkshopKitCommand"("cohortSessionId", "personKey", "kind");

-- CreateIndex
CREATE INDEX "WorkshopKitCommand_recordedById_idx" ON "WorkshopKitCommand"("recordedById");

-- CreateIndex
CREATE UNIQUE INDEX "WorkshopKitCommand_cohortSessionId_clientId_key" ON "WorkshopKitCommand"("cohortSessionId", "clientId");

-- CreateIndex
CREATE INDEX "WorkshopWalkIn_cohortSessionId_idx" ON "WorkshopWalkIn"("cohortSessionId");

-- CreateIndex
CREATE INDEX "WorkshopWalkIn_userId_idx" ON "WorkshopWalkIn"("userId");

-- AddForeignKey
ALTER TABLE "WorkshopKitCommand" ADD CONSTRAINT "WorkshopKitCommand_cohortSessionId_fkey" FOREIGN KEY ("cohortSessionId") REFERENCES "CohortSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopKitCommand" ADD CONSTRAINT "WorkshopKitCommand_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopWalkIn" ADD CONSTRAINT "WorkshopWalkIn_cohortSessionId_fkey" FOREIGN KEY ("cohortSessionId") REFERENCES "CohortSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopWalkIn" ADD CONSTRAINT "WorkshopWalkIn_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

