/** Course URLs use the stable keys, never per-locale slugs, so switching language keeps the page. */
export const courseHref = (courseKey: string) => `/courses/${encodeURIComponent(courseKey)}`;
export const lessonHref = (courseKey: string, lessonKey: string) =>
  `${courseHref(courseKey)}/lessons/${encodeURIComponent(lessonKey)}`;
export const checkHref = (courseKey: string, moduleKey: string) =>
  `${courseHref(courseKey)}/modules/${encodeURIComponent(moduleKey)}/check`;
export const resumeHref = (courseKey: string) => `${courseHref(courseKey)}/resume`;
export const certificateHref = (courseKey: string) => `${courseHref(courseKey)}/certificate`;
/** The id of a module's section on the course page, for links back to it. */
export const moduleAnchor = (moduleKey: string) => `module-${moduleKey}`;
