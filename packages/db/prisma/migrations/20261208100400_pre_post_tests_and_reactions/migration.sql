-- Learning gain and reaction (issue 15, ADR 029). A knowledge check gets a kind ("practice", the
-- module checks that exist; "pre" and "post", a course's tests) and a form ("A" | "B" for tests).
-- A test belongs to its course, not to a module: moduleId becomes optional and courseId appears;
-- exactly one of the two is set. Test answers go to their own table, so pass rates, completion
-- and 'may need help' keep reading practice checks only.

-- AlterTable
ALTER TABLE "KnowledgeCheck" ALTER COLUMN "moduleId" DROP NOT NULL,
ADD COLUMN     "courseId" TEXT,
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'practice',
ADD COLUMN     "form" TEXT;

-- Hand-kept: Prisma does not model CHECK constraints.
ALTER TABLE "KnowledgeCheck" ADD CONSTRAINT "KnowledgeCheck_owner_check"
  CHECK (("kind" = 'practice' AND "moduleId" IS NOT NULL AND "courseId" IS NULL AND "form" IS NULL)
      OR ("kind" IN ('pre', 'post') AND "moduleId" IS NULL AND "courseId" IS NOT NULL
          AND "form" IN ('A', 'B')));

-- CreateTable
CREATE TABLE "PrePostTestAttempt" (
    "id" TEXT NOT NULL,
    "knowledgeCheckId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "answers" JSONB NOT NULL,
    "score" INTEGER NOT NULL,
    "takenAt" TIMESTAMP(3) NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordedById" TEXT,

    CONSTRAINT "PrePostTestAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModuleReaction" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "moduleId" TEXT NOT NULL,
    "usefulness" INTEGER NOT NULL,
    "confidence" INTEGER NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModuleReaction_pkey" PRIMARY KEY ("id")
);

-- Hand-kept: the ranges the app validates, also held by the database.
ALTER TABLE "PrePostTestAttempt" ADD CONSTRAINT "PrePostTestAttempt_score_check"
  CHECK ("score" BETWEEN 0 AND 100);
ALTER TABLE "ModuleReaction" ADD CONSTRAINT "ModuleReaction_scale_check"
  CHECK ("usefulness" BETWEEN 1 AND 5 AND "confidence" BETWEEN 1 AND 5);

-- CreateIndex
CREATE INDEX "PrePostTestAttempt_knowledgeCheckId_userId_takenAt_idx" ON "PrePostTestAttempt"("knowledgeCheckId", "userId", "takenAt");

-- CreateIndex
CREATE INDEX "PrePostTestAttempt_recordedById_idx" ON "PrePostTestAttempt"("recordedById");

-- CreateIndex
CREATE UNIQUE INDEX "PrePostTestAttempt_userId_clientId_key" ON "PrePostTestAttempt"("userId", "clientId");

-- CreateIndex
CREATE INDEX "ModuleReaction_moduleId_idx" ON "ModuleReaction"("moduleId");

-- CreateIndex
CREATE UNIQUE INDEX "ModuleReaction_userId_moduleId_key" ON "ModuleReaction"("userId", "moduleId");

-- CreateIndex
CREATE UNIQUE INDEX "KnowledgeCheck_courseId_key_key" ON "KnowledgeCheck"("courseId", "key");

-- AddForeignKey
ALTER TABLE "KnowledgeCheck" ADD CONSTRAINT "KnowledgeCheck_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrePostTestAttempt" ADD CONSTRAINT "PrePostTestAttempt_knowledgeCheckId_fkey" FOREIGN KEY ("knowledgeCheckId") REFERENCES "KnowledgeCheck"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrePostTestAttempt" ADD CONSTRAINT "PrePostTestAttempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrePostTestAttempt" ADD CONSTRAINT "PrePostTestAttempt_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModuleReaction" ADD CONSTRAINT "ModuleReaction_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModuleReaction" ADD CONSTRAINT "ModuleReaction_moduleId_fkey" FOREIGN KEY ("moduleId") REFERENCES "Module"("id") ON DELETE CASCADE ON UPDATE CASCADE;
