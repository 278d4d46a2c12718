// @vitest-environment node
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { componentFixtures } from "./test/fixtures";

// What a browser without JavaScript gets: the server HTML must already post and navigate.
const html = (name: string) => {
  const render = componentFixtures[name];
  if (!render) throw new Error(`no fixture ${name}`);
  return renderToString(render());
};

describe("server HTML works without JavaScript", () => {
  it("TextField renders a named input wired to its label, description and error", () => {
    const out = html("TextField");
    expect(out).toMatch(/<input[^>]*name="email"/);
    expect(out).toMatch(/<input[^>]*id="email"/);
    expect(out).toMatch(/<input[^>]*aria-invalid="true"/);
    expect(out).toMatch(/<label[^>]*for="email"/);
    expect(out).toContain("Enter an email address");
  });

  it("Select renders a native named select", () => {
    expect(html("Select")).toMatch(/<select[^>]*name="country"/);
  });

  it("Checkbox and RadioGroup render native named inputs with the default checked", () => {
    expect(html("Checkbox")).toMatch(
      /<input[^>]*type="checkbox"[^>]*name="consent"[^>]*value="yes"/,
    );
    const radios = html("RadioGroup");
    expect(radios.match(/type="radio"/g)).toHaveLength(3);
    const woman = radios.match(/<input[^>]*value="woman"[^>]*>/)?.[0] ?? "";
    expect(woman).toContain('checked=""');
    expect(radios.match(/<input[^>]*value="man"[^>]*>/)?.[0]).not.toContain("checked");
  });

  it("Button submits natively", () => {
    expect(html("Button")).toMatch(/<button[^>]*type="submit"/);
  });

  it("Table sorts through links keeping other query parameters and dropping the page", () => {
    const out = html("Table");
    expect(out).toMatch(/<th[^>]*aria-sort="ascending"/);
    // name is sorted ascending, so its link offers descending; lessons offers ascending.
    expect(out).toContain('href="?q=a&amp;sort=name&amp;dir=desc"');
    expect(out).toContain('href="?q=a&amp;sort=lessons&amp;dir=asc"');
  });

  it("Pagination marks the current page and links the others", () => {
    const out = html("Pagination");
    expect(out).toMatch(
      /<a[^>]*href="\?page=3"[^>]*aria-current="page"|aria-current="page"[^>]*href="\?page=3"/,
    );
    expect(out).toContain('href="?page=4"');
  });

  it("Tabs server-render the selected panel's content", () => {
    expect(html("Tabs")).toContain("Overview text");
  });

  it("the toast region is in the HTML from the start, with server toasts in it", () => {
    const out = html("ToastRegion");
    expect(out).toContain('aria-live="polite"');
    expect(out).toContain("Saved");
  });
});
