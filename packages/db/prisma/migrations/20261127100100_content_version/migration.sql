-- One row whose "version" changes with every write to course content (courses, modules,
-- lessons, knowledge checks, questions, options and all their translations). The app caches
-- published content in memory under this version: a page reads one number instead of the whole
-- course, and an import (or any other writer, even plain SQL) makes every cache miss at once.

-- CreateTable
CREATE TABLE "ContentVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "ContentVersion_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ContentVersion_single_row" CHECK ("id" = 1)
);

INSERT INTO "ContentVersion" ("id", "version") VALUES (1, 0);

CREATE FUNCTION "bump_content_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Course_content_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Course" FOR EACH STATEMENT EXECUTE FUNCTION "bump_content_version"();
CREATE TRIGGER "CourseTranslation_content_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "CourseTranslation" FOR EACH STATEMENT EXECUTE FUNCTION "bump_content_version"();
CREATE TRIGGER "Module_content_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Module" FOR EACH STATEMENT EXECUTE FUNCTION "bump_content_version"();
CREATE TRIGGER "ModuleTranslation_content_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ModuleTranslation" FOR EACH STATEMENT EXECUTE FUNCTION "bump_content_version"();
CREATE TRIGGER "Lesson_content_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Lesson" FOR EACH STATEMENT EXECUTE FUNCTION "bump_content_version"();
CREATE TRIGGER "LessonTranslation_content_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "LessonTranslation" FOR EACH STATEMENT EXECUTE FUNCTION "bump_content_version"();
CREATE TRIGGER "KnowledgeCheck_content_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "KnowledgeCheck" FOR EACH STATEMENT EXECUTE FUNCTION "bump_content_version"();
CREATE TRIGGER "KnowledgeCheckTranslation_content_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "KnowledgeCheckTranslation" FOR EACH STATEMENT EXECUTE FUNCTION "bump_content_version"();
CREATE TRIGGER "KnowledgeCheckQuestion_content_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "KnowledgeCheckQuestion" FOR EACH STATEMENT EXECUTE FUNCTION "bump_content_version"();
CREATE TRIGGER "QuestionTranslation_content_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "QuestionTranslation" FOR EACH STATEMENT EXECUTE FUNCTION "bump_content_version"();
CREATE TRIGGER "KnowledgeCheckOption_content_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "KnowledgeCheckOption" FOR EACH STATEMENT EXECUTE FUNCTION "bump_content_version"();
CREATE TRIGGER "OptionTranslation_content_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "OptionTranslation" FOR EACH STATEMENT EXECUTE FUNCTION "bump_content_version"();
