import { disaggregate } from "@peacelearn/domain";
import type { ReactElement } from "react";
import { Alert } from "../components/alert";
import { Avatar } from "../components/avatar";
import { Badge } from "../components/badge";
import { Breadcrumbs } from "../components/breadcrumbs";
import { Button, LinkButton } from "../components/button";
import { Card } from "../components/card";
import { Checkbox } from "../components/checkbox";
import { Dialog } from "../components/dialog";
import { DisaggregationChart } from "../components/disaggregation-chart";
import { ActivityTypeTag, MarkerBadge } from "../components/domain-tags";
import { EmptyState } from "../components/empty-state";
import { ErrorSummary } from "../components/error-summary";
import { Field } from "../components/field";
import { CountryName, RegionBadge } from "../components/location";
import { Pagination } from "../components/pagination";
import { ProgressBar } from "../components/progress-bar";
import { RadioGroup } from "../components/radio-group";
import { Select } from "../components/select";
import { Skeleton } from "../components/skeleton";
import { Stat } from "../components/stat";
import { Table } from "../components/table";
import { tableSortHref } from "../components/table-sort";
import { Tabs } from "../components/tabs";
import { TextArea, TextField } from "../components/text-field";
import { ToastProvider, ToastRegion } from "../components/toast";

/** A learner row for table fixtures. */
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

/**
 * One element per component, in a typical (and where relevant, error) state. Shared by the
 * server-render test and the axe test so every component is covered by both.
 */
export const componentFixtures: Record<string, () => ReactElement> = {
  Button: () => <Button type="submit">Save</Button>,
  LinkButton: () => <LinkButton href="/courses">Courses</LinkButton>,
  TextField: () => (
    <TextField
      name="email"
      id="email"
      label="Email"
      type="email"
      description="We never share it."
      error="Enter an email address"
      isRequired
    />
  ),
  TextArea: () => <TextArea name="notes" label="Notes" defaultValue="Hello" />,
  Select: () => (
    <Select
      name="country"
      label="Country"
      placeholder="Choose…"
      options={[
        { value: "GE", label: "Georgia" },
        { value: "FR", label: "France" },
      ]}
      error="Choose a country"
    />
  ),
  Checkbox: () => (
    <Checkbox name="consent" value="yes" description="You can withdraw at any time.">
      I agree
    </Checkbox>
  ),
  RadioGroup: () => (
    <RadioGroup
      name="gender"
      label="Gender"
      defaultValue="woman"
      options={[
        { value: "woman", label: "Woman" },
        { value: "man", label: "Man" },
        { value: "prefer-not-to-say", label: "Prefer not to say" },
      ]}
    />
  ),
  Field: () => (
    <Field label="Birth year" description="Four digits" error="Enter a year">
      {(control) => <input {...control} name="birthYear" inputMode="numeric" />}
    </Field>
  ),
  ErrorSummary: () => (
    <ErrorSummary
      autoFocus={false}
      errors={[{ fieldId: "email", message: "Enter an email address" }]}
    />
  ),
  Card: () => (
    <Card title="Gender and conflict analysis" footer={<Button>Start</Button>}>
      <p>Six lessons.</p>
    </Card>
  ),
  Badge: () => <Badge tone="success">Completed</Badge>,
  Alert: () => (
    <Alert tone="warning" title="Unsaved changes">
      Save before leaving.
    </Alert>
  ),
  ToastRegion: () => (
    <ToastProvider initialToasts={[{ id: "saved", title: "Saved", tone: "success" }]}>
      <ToastRegion />
    </ToastProvider>
  ),
  Dialog: () => (
    <Dialog title="Delete cohort?" trigger={<Button>Delete</Button>}>
      <p>This cannot be undone.</p>
    </Dialog>
  ),
  Tabs: () => (
    <Tabs
      aria-label="Course sections"
      tabs={[
        { id: "overview", label: "Overview", content: <p>Overview text</p> },
        { id: "lessons", label: "Lessons", content: <p>Lesson list</p> },
      ]}
    />
  ),
  Table: () => (
    <Table
      caption="Learners"
      columns={[
        {
          key: "name",
          header: "Name",
          cell: (row: Learner) => row.name,
          sortable: true,
          isRowHeader: true,
        },
        {
          key: "lessons",
          header: "Lessons",
          cell: (row: Learner) => row.lessons,
          sortable: true,
          align: "end",
        },
      ]}
      rows={learners}
      rowKey={(row) => row.id}
      sort={{ column: "name", direction: "ascending" }}
      sortHref={(sort) => tableSortHref(sort, "?page=2&q=a")}
    />
  ),
  Pagination: () => <Pagination page={3} pageCount={10} hrefForPage={(page) => `?page=${page}`} />,
  Breadcrumbs: () => (
    <Breadcrumbs
      items={[
        { label: "Home", href: "/" },
        { label: "Courses", href: "/courses" },
        { label: "Mediation", href: "/courses/mediation" },
      ]}
    />
  ),
  ProgressBar: () => (
    <ProgressBar label="Course progress" value={3} max={8} valueText="3 of 8 lessons" />
  ),
  Stat: () => <Stat label="Learners" value="128" description="since January" />,
  EmptyState: () => (
    <EmptyState
      title="No cohorts yet"
      description="Create one to begin."
      action={<Button>Create</Button>}
    />
  ),
  Skeleton: () => <Skeleton lines={3} />,
  Avatar: () => <Avatar name="Amina Diallo" />,
  DisaggregationChart: () => (
    <DisaggregationChart
      title="Participants by gender and age"
      data={participantsByGenderAndAge()}
    />
  ),
  CountryName: () => (
    <p>
      <CountryName code="GE" showFlag /> and <CountryName code="GE-AB" showFlag />
    </p>
  ),
  RegionBadge: () => <RegionBadge location="GE-AB" />,
  ActivityTypeTag: () => <ActivityTypeTag type="accompaniment" showDescription />,
  MarkerBadge: () => <MarkerBadge marker="dac-gender" code={2} showDefinition />,
};

/**
 * 40 made-up participants: 12 women and 9 men aged 18–29, 6 women and 7 men 30+, 2 women under
 * 18 (a small cell), 4 people of another gender aged 18–29 (small), so the chart shows bars,
 * suppressed cells and the other-genders section.
 */
export function participantsByGenderAndAge() {
  const people = [
    ...Array.from({ length: 12 }, () => ({ gender: "woman" as const, birthYear: 2000 })),
    ...Array.from({ length: 9 }, () => ({ gender: "man" as const, birthYear: 2001 })),
    ...Array.from({ length: 6 }, () => ({ gender: "woman" as const, birthYear: 1980 })),
    ...Array.from({ length: 7 }, () => ({ gender: "man" as const, birthYear: 1975 })),
    ...Array.from({ length: 2 }, () => ({ gender: "woman" as const, birthYear: 2012 })),
    ...Array.from({ length: 4 }, () => ({ gender: "another-gender" as const, birthYear: 1999 })),
  ];
  return disaggregate(people, { by: ["gender", "ageBand"], age: { scheme: "youth", asOf: 2026 } });
}
