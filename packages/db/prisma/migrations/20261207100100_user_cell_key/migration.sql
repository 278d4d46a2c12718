-- A permanent cell key per person (issue 13, ADR 021 and 024): 32 random bits, a whole number in
-- [0, 2^32), from which report exploration tables are perturbed (`perturbTable`). Drawn once, by
-- the database, for every existing row (PostgreSQL evaluates a volatile default per row when a
-- column is added) and for every new one; never changed afterwards, kept by erasure (ADR 002).
-- The bits are the first 8 hex digits of a version-4 UUID: all random (the version and variant
-- bits come later), from PostgreSQL's strong random source, built in since PostgreSQL 13.

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "cellKey" BIGINT NOT NULL DEFAULT ('x' || left(gen_random_uuid()::text, 8))::bit(32)::bigint;
