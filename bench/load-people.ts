// The people of the load scripts. A trainee reads the dashboard, course and lesson pages, completes
// lessons and answers knowledge checks; a trainer reads the cohort dashboard, fills attendance
// sheets and records accompaniment sessions. Every write is the page's own form (html-forms.ts),
// sometimes loaded on one step and posted on a later one, as a person with a page open would.

import { choiceGroups, fillForm, type HtmlForm, links, postForms } from "./html-forms";
import {
  acknowledged,
  type Client,
  type Ledger,
  pick,
  sleep,
  type TrainerAccount,
} from "./load-client";

/** What a trainee has seen of the courses: keys, lessons, checks, lessons known to be done. */
type Catalogue = Map<string, { lessons: string[]; checks: string[] }>;

/** A form the person has open: loaded on an earlier step, posted on a later one. */
type OpenForm = { path: string; body: URLSearchParams; courseKey: string };

export class Trainee {
  private readonly courses: Catalogue = new Map();
  private readonly done = new Set<string>();
  private openLesson: OpenForm | null = null;
  private openCheck: OpenForm | null = null;

  constructor(
    private readonly client: Client,
    private readonly ledger: Ledger,
  ) {}

  async discover() {
    const page = await this.client.request("catalogue", "/courses");
    for (const key of links(page.html, /^\/courses\/([a-z0-9-]+)$/)) {
      if (!this.courses.has(key)) this.courses.set(key, { lessons: [], checks: [] });
    }
  }

  private async coursePage(key: string) {
    const page = await this.client.request("course page", `/courses/${key}`);
    if (page.outcome !== 200) return;
    const lessons = links(page.html, new RegExp(`^(/courses/${key}/lessons/[a-z0-9-]+)$`));
    const checks = links(page.html, new RegExp(`^(/courses/${key}/modules/[a-z0-9-]+/check)$`));
    this.courses.set(key, { lessons, checks });
  }

  private async known(): Promise<[string, { lessons: string[]; checks: string[] }] | undefined> {
    const key = pick([...this.courses.keys()]);
    if (!key) return undefined;
    if ((this.courses.get(key)?.lessons.length ?? 0) === 0) await this.coursePage(key);
    const course = this.courses.get(key);
    return course ? [key, course] : undefined;
  }

  async step() {
    const roll = Math.random();
    if (this.courses.size === 0) return this.discover();
    if (roll < 0.2) return void (await this.client.request("dashboard", "/learning"));
    if (roll < 0.35) {
      const key = pick([...this.courses.keys()]);
      return key ? this.coursePage(key) : undefined;
    }
    if (roll < 0.55) {
      const course = await this.known();
      const lesson = course && pick(course[1].lessons);
      return lesson ? void (await this.client.request("lesson page", lesson)) : undefined;
    }
    if (roll < 0.8) return this.completeLesson();
    return this.submitCheck();
  }

  /**
   * "Mark as complete and continue" on a lesson: the one left open on an earlier step, or a
   * lesson not yet known to be done, opened now and half the time left open for later — so some
   * posts are of pages loaded before an outage, as on a phone.
   */
  private async completeLesson() {
    let open = this.openLesson;
    this.openLesson = null;
    if (!open) {
      const course = await this.known();
      if (!course) return;
      const [courseKey, { lessons }] = course;
      const notDone = lessons.filter((lesson) => !this.done.has(lesson));
      // Everything done: post one again, as a second tab or a Back press would.
      const path = pick(notDone.length > 0 ? notDone : lessons);
      if (!path) return;
      const page = await this.client.request("lesson page", path);
      if (page.outcome !== 200) return;
      const form = postForms(page.html).find((candidate) =>
        candidate.controls.some((control) => control.name === "intent"),
      );
      if (!form) {
        this.done.add(path);
        return;
      }
      open = { path, body: fillForm(form), courseKey };
      if (Math.random() < 0.5) {
        this.openLesson = open;
        return;
      }
    }
    const post = await this.client.request("complete lesson", open.path, open.body);
    const ok = acknowledged(post.outcome, [303]);
    this.ledger.lessons.push({
      userId: this.client.account.id,
      courseKey: open.courseKey,
      lessonKey: open.path.slice(open.path.lastIndexOf("/") + 1),
      acknowledged: ok,
      start: post.sample.start,
      end: post.sample.end,
    });
    if (ok) this.done.add(open.path);
  }

  /**
   * Answers a knowledge check at random (the form left open earlier, or one opened now). A failed
   * post is sent again once, as a person pressing Submit again would; one in ten acknowledged
   * posts is sent twice (a double tap). Both reuse the form's idempotency token.
   */
  private async submitCheck() {
    let open = this.openCheck;
    this.openCheck = null;
    if (!open) {
      const course = await this.known();
      const path = course && pick(course[1].checks);
      if (!course || !path) return;
      const page = await this.client.request("check page", path);
      if (page.outcome !== 200) return;
      const form = postForms(page.html).find((candidate) =>
        candidate.controls.some((control) => control.name === "token"),
      );
      if (!form) return;
      open = { path, body: answer(form), courseKey: course[0] };
      if (Math.random() < 0.5) {
        this.openCheck = open;
        return;
      }
    }
    const first = await this.postCheck(open, "submit check");
    if (first ? Math.random() < 0.1 : true) {
      if (!first) await sleep(500);
      await this.postCheck(open, "submit check again");
    }
  }

  private async postCheck(open: OpenForm, action: string): Promise<boolean> {
    const post = await this.client.request(action, open.path, open.body);
    const ok = acknowledged(post.outcome, [303]);
    const attemptId = ok
      ? new URL(post.location ?? "", this.client.app).searchParams.get("attempt")
      : null;
    this.ledger.attempts.push({
      userId: this.client.account.id,
      token: open.body.get("token") ?? "",
      attemptId,
      acknowledged: ok,
      start: post.sample.start,
      end: post.sample.end,
    });
    return ok;
  }
}

/** Random answers: one option per radio group, one or more per checkbox group. */
function answer(form: HtmlForm): URLSearchParams {
  return fillForm(form, {
    choose: (_name, kind, values) => {
      if (kind === "radio") return [pick(values) ?? ""];
      const chosen = values.filter(() => Math.random() < 0.5);
      return chosen.length > 0 ? chosen : [pick(values) ?? ""];
    },
  });
}

let markerCount = 0;

export class Trainer {
  constructor(
    private readonly client: Client,
    private readonly account: TrainerAccount,
    private readonly ledger: Ledger,
  ) {}

  async step() {
    const roll = Math.random();
    const cohortId = pick(this.account.cohortIds);
    if (roll < 0.3 && cohortId) {
      return void (await this.client.request("cohort dashboard", `/trainer/cohorts/${cohortId}`));
    }
    if (roll < 0.7 && cohortId) return this.attendance(cohortId);
    return this.accompaniment();
  }

  private openSheet: { path: string; body: URLSearchParams } | null = null;

  /** Marks everyone on a workshop's sheet at random (a sheet left open earlier, or one opened now). */
  private async attendance(cohortId: string) {
    let open = this.openSheet;
    this.openSheet = null;
    if (!open) {
      const list = await this.client.request("workshops", `/trainer/cohorts/${cohortId}/sessions`);
      if (list.outcome !== 200) return;
      const path = pick(
        links(list.html, new RegExp(`^(/trainer/cohorts/${cohortId}/sessions/[a-z0-9]+)$`)),
      );
      if (!path) return;
      const sheet = await this.client.request("attendance sheet", path);
      if (sheet.outcome !== 200) return;
      const form = postForms(sheet.html).find((candidate) =>
        [...choiceGroups(candidate).keys()].some((name) => name.startsWith("status.")),
      );
      if (!form) return;
      const body = fillForm(form, {
        choose: (name, kind, values) =>
          kind === "radio" && name.startsWith("status.") ? [pick(values) ?? ""] : undefined,
      });
      open = { path, body };
      if (Math.random() < 0.5) {
        this.openSheet = open;
        return;
      }
    }
    const statuses: Record<string, string> = {};
    for (const [name, value] of open.body) {
      if (name.startsWith("status.")) statuses[name.slice("status.".length)] = value;
    }
    const post = await this.client.request("record attendance", open.path, open.body);
    this.ledger.attendance.push({
      sessionId: open.path.slice(open.path.lastIndexOf("/") + 1),
      statuses,
      acknowledged: acknowledged(post.outcome, [200, 303]),
      start: post.sample.start,
      end: post.sample.end,
    });
  }

  /** Records an accompaniment session whose notes carry a marker unique to this post. */
  private async accompaniment() {
    const page = await this.client.request("new session form", "/trainer/accompaniment/new");
    if (page.outcome !== 200) return;
    const form = postForms(page.html).find((candidate) =>
      candidate.controls.some((control) => control.name === "traineeId"),
    );
    const trainee = form?.controls.find((control) => control.name === "traineeId");
    const traineeId =
      trainee?.kind === "select" ? pick(trainee.options.filter((option) => option.value)) : null;
    if (!form || !traineeId) return;
    markerCount += 1;
    const marker = `bench-${this.ledger.runId}-${markerCount}`;
    const body = fillForm(form, {
      set: {
        traineeId: traineeId.value,
        notes: `${marker}: follow-up call after the workshop.`,
        durationMinutes: "30",
        topics: "safety planning, advocacy plan",
      },
      submit: "save",
    });
    const post = await this.client.request(
      "record accompaniment",
      "/trainer/accompaniment/new",
      body,
    );
    const ok = acknowledged(post.outcome, [303]);
    const match = ok ? /\/trainer\/accompaniment\/([a-z0-9]+)/.exec(post.location ?? "") : null;
    this.ledger.accompaniment.push({
      marker,
      sessionId: match?.[1] ?? null,
      acknowledged: ok && match !== null,
      start: post.sample.start,
      end: post.sample.end,
    });
  }
}
