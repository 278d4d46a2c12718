import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { copyCourses, editYaml } from "./import/test-helpers";
import { CurriculumError, type CurriculumIssue, loadCurriculum } from "./index";

type Question = { id: string; options: { id: string; correct: boolean }[] };
type Forms = { A: Question[]; B: Question[] };

let copy: ReturnType<typeof copyCourses> | undefined;
afterEach(() => copy?.remove());

async function issuesAfter(edit: (dir: string) => void): Promise<CurriculumIssue[]> {
  copy = copyCourses();
  edit(copy.dir);
  try {
    await loadCurriculum(copy.dir);
  } catch (error) {
    expect(error).toBeInstanceOf(CurriculumError);
    return [...(error as CurriculumError).issues];
  }
  throw new Error("the edited curriculum loaded without error");
}

const testsFile = (dir: string, locale: string) =>
  join(dir, "wps-in-practice", locale, "tests.yaml");
const editForms = (file: string, edit: (forms: Forms) => void) =>
  editYaml(file, (data) => edit(data.forms as Forms));

describe("tests.yaml (a course's pre/post test)", () => {
  it("loads both forms of the bundled courses, each with the same number of questions", async () => {
    const curriculum = await loadCurriculum(copyCourses().dir);
    for (const course of curriculum.courses) {
      const tests = course.tests;
      expect(tests, course.slug).toBeDefined();
      expect(tests?.forms.A.questions.length).toBe(tests?.forms.B.questions.length);
      const idsA = new Set(tests?.forms.A.questions.map((question) => question.id));
      expect(tests?.forms.B.questions.some((question) => idsA.has(question.id))).toBe(false);
      expect(tests?.forms.A.questions[0]?.translations.fr?.prompt).toBeTruthy();
    }
  });

  it("refuses forms that share a question: a learner would see it twice", async () => {
    const issues = await issuesAfter((dir) =>
      editForms(testsFile(dir, "en"), (forms) => {
        (forms.B[0] as Question).id = (forms.A[0] as Question).id;
      }),
    );
    expect(issues.map((issue) => issue.message)).toContainEqual(
      expect.stringMatching(/"a-1325-adopted" is also in form A/),
    );
  });

  it("refuses forms of different lengths", async () => {
    const issues = await issuesAfter((dir) =>
      editForms(testsFile(dir, "en"), (forms) => {
        forms.B.pop();
      }),
    );
    expect(issues.map((issue) => issue.message)).toContainEqual(
      expect.stringMatching(/form B has 4 questions but form A has 5/),
    );
  });

  it("is in every language or none", async () => {
    const issues = await issuesAfter((dir) => rmSync(testsFile(dir, "fr")));
    expect(issues).toContainEqual(
      expect.objectContaining({
        file: expect.stringMatching(/wps-in-practice\/fr\/tests\.yaml$/),
        message: expect.stringMatching(/tests\.yaml is missing/),
      }),
    );
  });

  it("names a translation whose correct answer differs from the reference, with its line", async () => {
    const issues = await issuesAfter((dir) =>
      editForms(testsFile(dir, "fr"), (forms) => {
        // Liberia marked right instead of Denmark: still one correct option, but not the same.
        const [denmark, liberia] = (forms.B[1] as Question).options;
        if (denmark && liberia) [denmark.correct, liberia.correct] = [false, true];
      }),
    );
    const issue = issues.find((found) =>
      /option "denmark" of question "b-first-nap"/.test(found.message),
    );
    expect(issue?.file).toMatch(/fr\/tests\.yaml$/);
    expect(issue?.line).toBeGreaterThan(1);
  });
});
