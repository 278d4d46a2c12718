-- Sessions signed in with "this phone is not only mine" (issue 12): they end with the browser and
-- after a short idle time. Its statements are what `prisma migrate diff` gives from the previous
-- schema.

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "shared" BOOLEAN NOT NULL DEFAULT false;
