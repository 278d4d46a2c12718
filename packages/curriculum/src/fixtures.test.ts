import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CurriculumError, type CurriculumIssue, checkCurriculum, loadCurriculum } from "./index";

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const lesson = "minimal-course/en/01-first-module/01-hello.md";
const frLesson = "minimal-course/fr/01-first-module/01-hello.md";
const enCheck = "minimal-course/en/01-first-module/check.yaml";
const frCheck = "minimal-course/fr/01-first-module/check.yaml";

async function issuesOf(name: string): Promise<CurriculumIssue[]> {
  try {
    await loadCurriculum(fixture(name));
  } catch (error) {
    expect(error).toBeInstanceOf(CurriculumError);
    return [...(error as CurriculumError).issues];
  }
  throw new Error(`${name} loaded without error`);
}

// Each fixture is valid-minimal with one defect; the expected line is where that defect sits in
// the fixture file (open it to check), and undefined where the problem is a whole folder.
const cases: [string, string, number | undefined, RegExp][] = [
  ["invalid-yaml-syntax", "minimal-course/course.yaml", 4, /YAML: Flow sequence/],
  ["invalid-lesson-front-matter", lesson, 3, /estimatedMinutes: .*expected number/],
  ["invalid-pass-mark", enCheck, 1, /pass mark must be between 1 and 100/],
  ["invalid-unknown-key", enCheck, 3, /Unrecognized key: "pasMark"/],
  [
    "invalid-single-two-correct",
    enCheck,
    7,
    /"sky-colour" › options: a single-choice question must have exactly one correct option \(found 2\)/,
  ],
  [
    "invalid-true-false-options",
    enCheck,
    19,
    /"water-wet" › options: a true-false question must have exactly two options \(found 3\)/,
  ],
  ["invalid-no-correct", enCheck, 31, /"primes" › options: no option is marked correct/],
  ["invalid-raw-html", lesson, 8, /raw HTML <script> is not allowed/],
  ["invalid-image-alt", frLesson, 10, /has no alt text/],
  ["invalid-missing-image", lesson, 10, /square\.svg" does not exist/],
  [
    "invalid-link-scheme",
    lesson,
    8,
    /link "javascript:alert\(1\)" must be an http\(s\) URL or a relative path/,
  ],
  ["invalid-callout-kind", lesson, 12, /unknown call-out "\[!DANGER\]"/],
  ["invalid-missing-front-matter", frLesson, 1, /missing YAML front matter/],
  ["invalid-heading-level", lesson, 6, /use ## or deeper headings/],
  [
    "invalid-locale-lesson-mismatch",
    "minimal-course/fr/01-first-module",
    undefined,
    /lessons differ from the en version: missing hello; unexpected bonjour/,
  ],
  [
    "invalid-correct-mismatch",
    frCheck,
    22,
    /option "true" of question "water-wet" is marked correct: false but the en version says true/,
  ],
  [
    "invalid-option-id-mismatch",
    frCheck,
    7,
    /options of question "sky-colour" differ from the en version: missing green; unexpected vert/,
  ],
  ["invalid-module-list", "minimal-course/en", undefined, /missing second-module/],
  [
    "invalid-course-minutes",
    "minimal-course/course.yaml",
    6,
    /estimatedMinutes is 12 but the lessons and knowledge checks add up to 10/,
  ],
];

describe("invalid fixtures", () => {
  it.each(cases)(
    "%s names the file, the line and the problem",
    async (name, file, line, message) => {
      const issues = await issuesOf(name);
      const match = issues.find((issue) => message.test(issue.message));
      expect(match, JSON.stringify(issues, null, 2)).toBeDefined();
      expect(match?.file.endsWith(file)).toBe(true);
      expect(match?.line).toBe(line);
    },
  );

  it("collects every problem, not only the first", async () => {
    const issues = await issuesOf("invalid-many");
    expect(issues.map((issue) => [issue.file.split("minimal-course/")[1], issue.line])).toEqual([
      ["course.yaml", 5],
      ["en/01-first-module/01-hello.md", 8],
      ["fr/01-first-module/check.yaml", 29],
    ]);
    expect(issues[1]?.message).toMatch(/<iframe>/);
  });

  it("puts every problem in the error message", async () => {
    await expect(loadCurriculum(fixture("invalid-many"))).rejects.toThrow(
      /3 problems:[\s\S]*course\.yaml:5 — activityType[\s\S]*01-hello\.md:8:1 — raw HTML <iframe>[\s\S]*check\.yaml:29 — questions\[2\] "primes" › kind/,
    );
  });

  it("reports a missing folder instead of crashing", async () => {
    const { issues } = await checkCurriculum(fixture("does-not-exist"));
    expect(issues).toEqual([
      { file: fixture("does-not-exist"), message: "curriculum folder does not exist" },
    ]);
  });
});

describe("valid minimal fixture", () => {
  it("loads into the model the importer maps onto Course → Module → Lesson → Check → Question → Option", async () => {
    const curriculum = await loadCurriculum(fixture("valid-minimal"));
    const [course] = curriculum.courses;
    expect(course).toMatchObject({
      slug: "minimal-course",
      locales: ["en", "fr"],
      regions: ["west-africa"],
      themes: ["access-to-justice-and-security"],
      activityType: "capacity-building-training",
      estimatedMinutes: 10,
      passMark: 70,
      translations: {
        en: { title: "Minimal course", summary: "The smallest valid course." },
        fr: { title: "Cours minimal", summary: "Le plus petit cours valide." },
      },
    });
    const [mod] = course?.modules ?? [];
    expect(mod?.slug).toBe("first-module");
    expect(mod?.position).toBe(1);
    expect(mod?.translations.fr?.title).toBe("Premier module");
    expect(mod?.lessons.map((l) => [l.slug, l.position, l.estimatedMinutes])).toEqual([
      ["hello", 1, 5],
    ]);
    // Word count by hand: "A heading" 2 + "Five words are in here" 5 + "See" 1 + "the resolution" 2 +
    // "and" 1 + "the next lesson" 3 + "TIP" 1 + "Read slowly" 2 = 17 (alt text is not counted).
    expect(mod?.lessons[0]?.translations.en?.wordCount).toBe(17);
    expect(mod?.lessons[0]?.translations.en?.bodyMarkdown.startsWith("## A heading")).toBe(true);
    expect(mod?.check.passMark).toBe(50);
    expect(
      mod?.check.questions.map((q) => [
        q.id,
        q.kind,
        q.options.filter((o) => o.isCorrect).map((o) => o.id),
      ]),
    ).toEqual([
      ["sky-colour", "single", ["blue"]],
      ["water-wet", "true-false", ["true"]],
      ["primes", "multiple", ["two", "three"]],
    ]);
    expect(mod?.check.questions[0]?.options[1]?.translations).toEqual({
      en: { text: "Green", feedback: "No, that is grass." },
      fr: { text: "Vert", feedback: "Non, c’est l’herbe." },
    });
  });

  it("round-trips through JSON unchanged and loads identically twice (stable ids for upserts)", async () => {
    const first = await loadCurriculum(fixture("valid-minimal"));
    const second = await loadCurriculum(fixture("valid-minimal"));
    expect(JSON.parse(JSON.stringify(first))).toEqual(first);
    expect(second).toEqual(first);
  });
});
