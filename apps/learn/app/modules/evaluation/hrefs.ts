import { href } from "react-router";

// Links to the evaluation pages, through React Router's typed `href()`; keys are encoded here.

/** The course's pre- or post-test page. */
export const testHref = (courseKey: string, kind: "pre" | "post") =>
  href("/courses/:courseKey/tests/:kind", { courseKey: encodeURIComponent(courseKey), kind });

/** A module's optional reaction form. */
export const reactionHref = (courseKey: string, moduleKey: string) =>
  href("/courses/:courseKey/modules/:moduleKey/feedback", {
    courseKey: encodeURIComponent(courseKey),
    moduleKey: encodeURIComponent(moduleKey),
  });
