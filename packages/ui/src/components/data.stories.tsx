import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { Avatar } from "./avatar";
import { Breadcrumbs } from "./breadcrumbs";
import { Button } from "./button";
import { EmptyState } from "./empty-state";
import { Pagination } from "./pagination";
import { ProgressBar } from "./progress-bar";
import { Skeleton } from "./skeleton";
import { Stat } from "./stat";
import { Table, type TableColumn } from "./table";
import { type TableSort, tableSortHref } from "./table-sort";

const meta = { title: "Data and status" } satisfies Meta;
export default meta;
type Story = StoryObj;

interface Learner {
  id: string;
  name: string;
  lessons: number;
}
const learners: Learner[] = [
  { id: "1", name: "Amina Diallo", lessons: 5 },
  { id: "2", name: "Nino Beridze", lessons: 8 },
  { id: "3", name: "Claire Martin", lessons: 2 },
];
const columns: TableColumn<Learner>[] = [
  { key: "name", header: "Name", cell: (row) => row.name, sortable: true, isRowHeader: true },
  {
    key: "lessons",
    header: "Lessons done",
    cell: (row) => row.lessons,
    sortable: true,
    align: "end",
  },
];

function ClientSortedTable() {
  const [sort, setSort] = useState<TableSort>({ column: "name", direction: "ascending" });
  const key = sort.column as "name" | "lessons";
  const rows = [...learners].sort((a, b) => {
    const order = a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0;
    return sort.direction === "ascending" ? order : -order;
  });
  return (
    <Table
      caption="Learners (sorted in the browser)"
      columns={columns}
      rows={rows}
      rowKey={(r) => r.id}
      sort={sort}
      onSortChange={setSort}
    />
  );
}

export const TableSortedOnClient: Story = { render: () => <ClientSortedTable /> };

export const TableSortedOnServer: Story = {
  render: () => (
    <Table
      caption="Learners (sorted by the server through links)"
      columns={columns}
      rows={learners}
      rowKey={(r) => r.id}
      sort={{ column: "lessons", direction: "descending" }}
      sortHref={(sort) => tableSortHref(sort, "?page=2")}
    />
  ),
};

export const TableEmpty: Story = {
  render: () => (
    <Table
      caption="Learners"
      columns={columns}
      rows={[]}
      rowKey={(r) => r.id}
      emptyMessage="No learners yet."
    />
  ),
};

export const PaginationStory: Story = {
  name: "Pagination",
  render: () => (
    <div className="flex flex-col gap-4">
      <Pagination
        page={1}
        pageCount={10}
        hrefForPage={(p) => `?page=${p}`}
        aria-label="Learners, first page"
      />
      <Pagination
        page={5}
        pageCount={10}
        hrefForPage={(p) => `?page=${p}`}
        aria-label="Learners, middle page"
      />
      <Pagination
        page={10}
        pageCount={10}
        hrefForPage={(p) => `?page=${p}`}
        aria-label="Learners, last page"
      />
    </div>
  ),
};

export const BreadcrumbsStory: Story = {
  name: "Breadcrumbs",
  render: () => (
    <Breadcrumbs
      items={[
        { label: "Home", href: "#home" },
        { label: "Courses", href: "#courses" },
        { label: "Gender-responsive mediation", href: "#mediation" },
      ]}
    />
  ),
};

export const BreadcrumbsCollapsed: Story = {
  name: "Breadcrumbs (parent only on phones)",
  render: () => (
    <Breadcrumbs
      collapseOnNarrow
      items={[
        { label: "Courses", href: "#courses" },
        { label: "Gender-responsive mediation", href: "#mediation" },
        { label: "Listening before speaking", href: "#module-1" },
        { label: "Who is at the table", href: "#lesson" },
      ]}
    />
  ),
};

export const Progress: Story = {
  render: () => (
    <div className="flex max-w-md flex-col gap-4">
      <ProgressBar label="Course progress" value={3} max={8} valueText="3 of 8 lessons" />
      <ProgressBar label="Not started" value={0} max={8} />
      <ProgressBar label="Done" value={8} max={8} />
    </div>
  ),
};

export const Stats: Story = {
  render: () => (
    <div className="grid max-w-2xl gap-4 sm:grid-cols-3">
      <Stat label="Learners" value="128" description="since January" />
      <Stat label="Cohorts" value="6" />
      <Stat label="Completion" value="74 %" description="of enrolled learners" />
    </div>
  ),
};

export const EmptyStateStory: Story = {
  name: "Empty state",
  render: () => (
    <EmptyState
      title="No cohorts yet"
      description="Create a cohort to invite learners."
      action={<Button>Create cohort</Button>}
    />
  ),
};

export const Skeletons: Story = {
  render: () => (
    <div aria-busy="true" className="flex max-w-md flex-col gap-4">
      <p className="sr-only">Loading…</p>
      <Skeleton shape="circle" />
      <Skeleton lines={3} />
      <Skeleton shape="block" />
    </div>
  ),
};

export const Avatars: Story = {
  render: () => (
    <div className="flex items-center gap-3">
      <Avatar name="Amina Diallo" size="sm" />
      <Avatar name="Nino Beridze" />
      <Avatar name="Claire Martin" size="lg" />
      <Avatar name="Broken Image" src="data:image/png;base64,broken" />
      <span className="flex items-center gap-2">
        <Avatar name="Ana Lima" decorative />
        Ana Lima
      </span>
    </div>
  ),
};
