import type { Meta, StoryObj } from "@storybook/react-vite";
import { Alert } from "./alert";
import { Badge } from "./badge";
import { Button } from "./button";
import { Card } from "./card";
import { Dialog } from "./dialog";
import { Tabs } from "./tabs";
import { ToastProvider, ToastRegion, useToast } from "./toast";

const meta = { title: "Layout and feedback" } satisfies Meta;
export default meta;
type Story = StoryObj;

export const Cards: Story = {
  render: () => (
    <div className="grid max-w-3xl gap-4 sm:grid-cols-2">
      <Card title="Gender and conflict analysis" footer={<Button size="sm">Continue</Button>}>
        <p>Lesson 3 of 8 · 20 minutes</p>
      </Card>
      <Card>
        <p>A card without a title is a plain panel.</p>
      </Card>
    </div>
  ),
};

export const Badges: Story = {
  render: () => (
    <div className="flex flex-wrap gap-2">
      <Badge>Draft</Badge>
      <Badge tone="info">In progress</Badge>
      <Badge tone="success">Completed</Badge>
      <Badge tone="warning">Due soon</Badge>
      <Badge tone="danger">Overdue</Badge>
    </div>
  ),
};

export const Alerts: Story = {
  render: () => (
    <div className="flex max-w-xl flex-col gap-3">
      <Alert tone="info" title="New lesson">
        Mediation basics is now available.
      </Alert>
      <Alert tone="success" title="Saved">
        Your answers were saved.
      </Alert>
      <Alert tone="warning" title="Slow connection">
        Videos are replaced by transcripts.
      </Alert>
      <Alert tone="danger" title="Could not send" role="none">
        Check your connection and try again.
      </Alert>
      <Alert tone="info">An alert with no title.</Alert>
    </div>
  ),
};

function ToastDemo() {
  const { add } = useToast();
  return (
    <div className="flex gap-2">
      <Button
        onPress={() =>
          add({ title: "Saved", description: "Your notes were saved.", tone: "success" })
        }
      >
        Show toast
      </Button>
      <Button
        variant="secondary"
        onPress={() => add({ title: "Reconnected", tone: "info", timeout: 8000 })}
      >
        Show timed toast
      </Button>
    </div>
  );
}

export const Toasts: Story = {
  render: () => (
    <ToastProvider
      initialToasts={[
        {
          id: "flash",
          title: "Welcome back",
          description: "You have 2 lessons left.",
          tone: "info",
        },
      ]}
    >
      <ToastDemo />
      <ToastRegion />
    </ToastProvider>
  ),
};

export const DialogClosed: Story = {
  render: () => (
    <Dialog title="Leave the cohort?" trigger={<Button variant="danger">Leave cohort</Button>}>
      {(close) => (
        <>
          <p>Your progress is kept for 12 months.</p>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onPress={close}>
              Stay
            </Button>
            <Button variant="danger" onPress={close}>
              Leave
            </Button>
          </div>
        </>
      )}
    </Dialog>
  ),
};

export const DialogOpen: Story = {
  render: () => (
    <Dialog title="About this course" defaultOpen trigger={<Button>About</Button>}>
      <p>Eight lessons on gender-responsive mediation.</p>
    </Dialog>
  ),
};

export const TabsStory: Story = {
  name: "Tabs",
  render: () => (
    <Tabs
      aria-label="Course sections"
      tabs={[
        { id: "overview", label: "Overview", content: <p>What you will learn.</p> },
        { id: "lessons", label: "Lessons", content: <p>Eight lessons.</p> },
        { id: "resources", label: "Resources", content: <p>Readings.</p>, isDisabled: true },
      ]}
    />
  ),
};
