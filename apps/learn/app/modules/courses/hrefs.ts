// Links into the course pages, through React Router's typed `href()`: a path that is not in
// app/routes.ts, or a missing param, is a type error. Keys are encoded here because `href()`
// inserts params as they are.
import { href } from "react-router";

/** Course URLs use the stable keys, never per-locale slugs, so switching language keeps the page. */
export const courseHref = (courseKey: string) =>
  href("/courses/:courseKey", { courseKey: encodeURIComponent(courseKey) });
export const lessonHref = (courseKey: string, lessonKey: string) =>
  href("/courses/:courseKey/lessons/:lessonKey", {
    courseKey: encodeURIComponent(courseKey),
    lessonKey: encodeURIComponent(lessonKey),
  });
export const checkHref = (courseKey: string, moduleKey: string) =>
  href("/courses/:courseKey/modules/:moduleKey/check", {
    courseKey: encodeURIComponent(courseKey),
    moduleKey: encodeURIComponent(moduleKey),
  });
/** "Save this course on my phone" (docs/decisions/028-offline-writes.md). */
export const offlinePackHref = (courseKey: string) =>
  href("/courses/:courseKey/offline", { courseKey: encodeURIComponent(courseKey) });
export const resumeHref = (courseKey: string) =>
  href("/courses/:courseKey/resume", { courseKey: encodeURIComponent(courseKey) });
export const certificateHref = (courseKey: string) =>
  href("/courses/:courseKey/certificate", { courseKey: encodeURIComponent(courseKey) });
/**
 * The id of a module's section (course page, a trainee's progress page), for links to it: by its
 * number, not its key, so the address bar never shows a module's words (discreet mode).
 */
export const moduleAnchor = (moduleNumber: number) => `module-${moduleNumber}`;
