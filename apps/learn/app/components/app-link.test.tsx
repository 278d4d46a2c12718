import { renderToStaticMarkup } from "react-dom/server";
import { MemoryRouter } from "react-router";
import { describe, expect, it } from "vitest";
import { AppLink, AppNavLink, ClientRouterContext, isCurrentSection, withSearch } from "./app-link";

const at = (pathname: string, node: React.ReactNode, client = false) =>
  renderToStaticMarkup(
    <MemoryRouter initialEntries={[pathname]}>
      <ClientRouterContext.Provider value={client}>{node}</ClientRouterContext.Provider>
    </MemoryRouter>,
  );

describe("AppLink", () => {
  it("is a plain anchor on pages without the client router, React Router's Link otherwise", () => {
    expect(
      at(
        "/",
        <AppLink to="/courses" className="x">
          Courses
        </AppLink>,
      ),
    ).toBe('<a href="/courses" class="x">Courses</a>');
    expect(at("/", <AppLink to="/courses">Courses</AppLink>, true)).toContain("data-discover");
  });

  it("marks the current section like NavLink does", () => {
    expect(at("/courses/wps/lessons/a", <AppNavLink to="/courses">C</AppNavLink>)).toBe(
      '<a href="/courses" aria-current="page">C</a>',
    );
    expect(at("/coursesx", <AppNavLink to="/courses">C</AppNavLink>)).toBe(
      '<a href="/courses">C</a>',
    );
    expect(isCurrentSection("/Courses", "/courses/")).toBe(true);
    expect(isCurrentSection("/learning", "/courses")).toBe(false);
    expect(isCurrentSection("/courses", "/")).toBe(false);
    expect(isCurrentSection("/", "/")).toBe(true);
    expect(isCurrentSection("/trainer/cohorts/c1/sessions", "/trainer/cohorts/c1", true)).toBe(
      false,
    );
    expect(isCurrentSection("/trainer/cohorts/c1/", "/trainer/cohorts/c1", true)).toBe(true);
    expect(
      at(
        "/a/b",
        <AppNavLink to="/a" end>
          A
        </AppNavLink>,
      ),
    ).toBe('<a href="/a">A</a>');
    // The client version agrees.
    expect(at("/courses/wps", <AppNavLink to="/courses">C</AppNavLink>, true)).toContain(
      'aria-current="page"',
    );
  });
});

describe("withSearch", () => {
  it("adds the query only when there is one", () => {
    expect(withSearch("/signup", new URLSearchParams())).toBe("/signup");
    expect(withSearch("/signup", new URLSearchParams({ redirectTo: "/courses/x" }))).toBe(
      "/signup?redirectTo=%2Fcourses%2Fx",
    );
  });
});
