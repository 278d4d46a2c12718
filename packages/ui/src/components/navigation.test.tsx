import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { Breadcrumbs } from "./breadcrumbs";
import { Button } from "./button";
import { Dialog } from "./dialog";
import { Pagination, paginationItems } from "./pagination";
import { Table } from "./table";
import { nextSort, parseTableSort, type TableSort, tableSortHref } from "./table-sort";
import { Tabs } from "./tabs";
import { ToastProvider, ToastRegion, useToast } from "./toast";

interface Row {
  name: string;
  lessons: number;
}
const rows: Row[] = [
  { name: "Beridze", lessons: 8 },
  { name: "Abdi", lessons: 2 },
  { name: "Camara", lessons: 5 },
];

function SortableTable() {
  const [sort, setSort] = useState<TableSort>({ column: "name", direction: "ascending" });
  const key = sort.column as keyof Row;
  const sorted = [...rows].sort((a, b) => {
    const order = a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0;
    return sort.direction === "ascending" ? order : -order;
  });
  return (
    <Table
      caption="Learners"
      columns={[
        {
          key: "name",
          header: "Name",
          cell: (r: Row) => r.name,
          sortable: true,
          isRowHeader: true,
        },
        { key: "lessons", header: "Lessons", cell: (r: Row) => r.lessons, sortable: true },
      ]}
      rows={sorted}
      rowKey={(r) => r.name}
      sort={sort}
      onSortChange={setSort}
    />
  );
}

describe("Table", () => {
  it("has a caption and sorts through header buttons, updating aria-sort", () => {
    render(<SortableTable />);
    const table = screen.getByRole("table", { name: "Learners" });
    const names = () =>
      within(table)
        .getAllByRole("rowheader")
        .map((cell) => cell.textContent);
    expect(names()).toEqual(["Abdi", "Beridze", "Camara"]);
    const [nameHeader, lessonsHeader] = within(table).getAllByRole("columnheader");
    expect(nameHeader?.getAttribute("aria-sort")).toBe("ascending");
    expect(lessonsHeader?.hasAttribute("aria-sort")).toBe(false);

    fireEvent.click(within(nameHeader as HTMLElement).getByRole("button"));
    expect(names()).toEqual(["Camara", "Beridze", "Abdi"]);
    expect(nameHeader?.getAttribute("aria-sort")).toBe("descending");

    const lessonsButton = within(lessonsHeader as HTMLElement).getByRole("button", {
      name: "Lessons, sort ascending",
    });
    fireEvent.click(lessonsButton);
    expect(names()).toEqual(["Abdi", "Camara", "Beridze"]);
    expect(lessonsHeader?.getAttribute("aria-sort")).toBe("ascending");
    expect(nameHeader?.hasAttribute("aria-sort")).toBe(false);
  });

  it("keeps the row-header column (the name) in view while a wide table scrolls sideways", () => {
    render(<SortableTable />);
    const table = screen.getByRole("table", { name: "Learners" });
    const [nameHeader, lessonsHeader] = within(table).getAllByRole("columnheader");
    expect(nameHeader?.className).toMatch(/\bsticky\b/);
    expect(lessonsHeader?.className).not.toMatch(/\bsticky\b/);
    for (const cell of within(table).getAllByRole("rowheader")) {
      expect(cell.className).toMatch(/\bsticky\b/);
      // Opaque, so the cells that scroll pass under it.
      expect(cell.className).toContain("bg-inherit");
    }
    for (const cell of within(table).getAllByRole("cell")) {
      expect(cell.className).not.toMatch(/\bsticky\b/);
    }
  });

  it("builds and parses server sort links", () => {
    expect(tableSortHref({ column: "name", direction: "descending" }, "?page=3&q=x")).toBe(
      "?q=x&sort=name&dir=desc",
    );
    expect(parseTableSort("?sort=name&dir=desc", ["name"])).toEqual({
      column: "name",
      direction: "descending",
    });
    expect(parseTableSort("?sort=password&dir=asc", ["name"])).toBeUndefined();
    expect(nextSort(undefined, "name").direction).toBe("ascending");
  });
});

describe("Pagination and Breadcrumbs", () => {
  it("lists first, last and neighbours with gaps", () => {
    expect(paginationItems(1, 1)).toEqual([1]);
    expect(paginationItems(5, 10)).toEqual([1, null, 4, 5, 6, null, 10]);
    expect(paginationItems(3, 10)).toEqual([1, 2, 3, 4, null, 10]);
  });

  it("is a labelled nav marking the current page", () => {
    render(<Pagination page={3} pageCount={10} hrefForPage={(p) => `?page=${p}`} locale="fr" />);
    const nav = screen.getByRole("navigation", { name: "Pagination" });
    expect(within(nav).getByText("Page 3 sur 10")).toBeTruthy();
    const current = within(nav).getByRole("link", { name: "Page 3" });
    expect(current.getAttribute("aria-current")).toBe("page");
    expect(
      within(nav)
        .getByRole("link", { name: /Page suivante/ })
        .getAttribute("href"),
    ).toBe("?page=4");
  });

  it("Breadcrumbs mark the last item as the current page", () => {
    render(
      <Breadcrumbs
        items={[
          { label: "Home", href: "/" },
          { label: "Courses", href: "/courses" },
        ]}
      />,
    );
    const nav = screen.getByRole("navigation", { name: "Breadcrumb" });
    expect(within(nav).getByRole("link", { name: "Courses" }).getAttribute("aria-current")).toBe(
      "page",
    );
    expect(within(nav).getByRole("link", { name: "Home" }).hasAttribute("aria-current")).toBe(
      false,
    );
  });

  it("Breadcrumbs collapsed on narrow screens keep only the parent page there", () => {
    render(
      <Breadcrumbs
        collapseOnNarrow
        items={[
          { label: "Courses", href: "/courses" },
          { label: "A course", href: "/courses/a" },
          { label: "Module 1", href: "/courses/a#module-1" },
          { label: "Lesson 1.1", href: "/courses/a/lessons/l" },
        ]}
      />,
    );
    const nav = screen.getByRole("navigation", { name: "Breadcrumb" });
    const hiddenOnPhones = within(nav)
      .getAllByRole("listitem")
      .map((item) => item.className.includes("max-sm:hidden"));
    expect(hiddenOnPhones).toEqual([true, true, false, true]);
    expect(within(nav).getByRole("link", { name: "Module 1" }).className).toContain(
      "max-sm:truncate",
    );
  });
});

describe("Tabs", () => {
  it("moves between tabs with the arrow keys and shows the matching panel", () => {
    render(
      <Tabs
        aria-label="Sections"
        tabs={[
          { id: "a", label: "Overview", content: "Overview text" },
          { id: "b", label: "Lessons", content: "Lesson list" },
        ]}
      />,
    );
    const [first, second] = screen.getAllByRole("tab");
    act(() => first?.focus());
    fireEvent.keyDown(first as HTMLElement, { key: "ArrowRight" });
    expect(document.activeElement).toBe(second);
    expect(second?.getAttribute("aria-selected")).toBe("true");
    expect(screen.getByRole("tabpanel").textContent).toBe("Lesson list");
  });
});

describe("Dialog", () => {
  it("opens from its trigger, takes focus, closes on Escape and gives focus back", async () => {
    render(
      <Dialog title="Delete cohort?" trigger={<Button>Delete</Button>}>
        <p>This cannot be undone.</p>
      </Dialog>,
    );
    const trigger = screen.getByRole("button", { name: "Delete" });
    act(() => trigger.focus());
    fireEvent.click(trigger);
    const dialog = await screen.findByRole("dialog", { name: "Delete cohort?" });
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
    expect(within(dialog).getByRole("button", { name: "Close" })).toBeTruthy();
    fireEvent.keyDown(document.activeElement as Element, { key: "Escape" });
    fireEvent.keyUp(document.activeElement as Element, { key: "Escape" });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(trigger));
  });
});

function AddButton() {
  const { add } = useToast();
  return (
    <button type="button" onClick={() => add({ title: "Saved", tone: "success" })}>
      Add
    </button>
  );
}

describe("Toast", () => {
  it("adds toasts to a polite live list present from the start, and dismisses them", () => {
    render(
      <ToastProvider>
        <AddButton />
        <ToastRegion />
      </ToastProvider>,
    );
    const region = screen.getByRole("region", { name: "Notifications" });
    const live = region.querySelector('[aria-live="polite"]');
    expect(live).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Add" }));
    expect(live?.textContent).toContain("Saved");
    fireEvent.click(within(region).getByRole("button", { name: "Dismiss notification" }));
    expect(live?.textContent).toBe("");
  });
});
