-- Programme report, pass rates: each person × knowledge check's passed attempt comes first, so
-- the report reads one row per pair in index order (DISTINCT ON, no sort and no hash of every
-- attempt). "submittedAt" keeps a report for a period index-only.

-- CreateIndex
CREATE INDEX "KnowledgeCheckAttempt_userId_knowledgeCheckId_passed_submit_idx" ON "KnowledgeCheckAttempt"("userId", "knowledgeCheckId", "passed" DESC, "submittedAt");
