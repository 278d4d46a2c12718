import type { Meta, StoryObj } from "@storybook/react-vite";
import { Button, LinkButton } from "./button";
import { Checkbox } from "./checkbox";
import { ErrorSummary } from "./error-summary";
import { Field } from "./field";
import { RadioGroup } from "./radio-group";
import { Select } from "./select";
import { TextArea, TextField } from "./text-field";

const meta = { title: "Form" } satisfies Meta;
export default meta;
type Story = StoryObj;

const countries = [
  { value: "GN", label: "Guinea" },
  { value: "GE", label: "Georgia" },
  { value: "NP", label: "Nepal" },
];

export const Buttons: Story = {
  render: () => (
    <div className="flex flex-col gap-4">
      {(["primary", "secondary", "ghost", "danger"] as const).map((variant) => (
        <div key={variant} className="flex flex-wrap items-center gap-2">
          {(["sm", "md", "lg"] as const).map((size) => (
            <Button key={size} variant={variant} size={size}>
              {`${variant} ${size}`}
            </Button>
          ))}
          <Button variant={variant} isDisabled>
            {`${variant} disabled`}
          </Button>
          <Button variant={variant} isPending>
            {`${variant} pending`}
          </Button>
        </div>
      ))}
    </div>
  ),
};

export const LinkButtons: Story = {
  render: () => (
    <div className="flex flex-wrap gap-2">
      <LinkButton href="#courses">Browse courses</LinkButton>
      <LinkButton href="#help" variant="secondary">
        Get help
      </LinkButton>
      <LinkButton href="#later" variant="ghost" size="sm">
        Later
      </LinkButton>
    </div>
  ),
};

export const TextFields: Story = {
  render: () => (
    <form className="flex max-w-md flex-col gap-6" method="post">
      <TextField name="name" label="Full name" autoComplete="name" />
      <TextField
        name="email"
        id="email"
        label="Email"
        type="email"
        description="Used to sign in."
        isRequired
      />
      <TextField
        name="phone"
        label="Phone"
        type="tel"
        error="Enter a phone number, like 0712 345 678"
        defaultValue="07"
      />
      <TextField name="code" label="Cohort code" isDisabled defaultValue="GN-2026-01" />
      <TextField name="hours" label="Hours" type="number" suffix="h" />
      <TextArea name="notes" label="Notes" description="Only you and admins can read them." />
      <TextArea name="summary" label="Summary" error="Write at least one sentence" isRequired />
      <Button type="submit">Save</Button>
    </form>
  ),
};

export const Selects: Story = {
  render: () => (
    <div className="flex max-w-md flex-col gap-6">
      <Select name="country" label="Country" placeholder="Choose a country" options={countries} />
      <Select
        name="country2"
        label="Country of work"
        options={countries}
        description="Where most of your activities take place."
        isRequired
      />
      <Select
        name="country3"
        label="Country of birth"
        options={countries}
        placeholder="Choose…"
        error="Choose a country"
      />
      <Select name="country4" label="Locked country" options={countries} disabled />
    </div>
  ),
};

export const ChoiceControls: Story = {
  render: () => (
    <div className="flex max-w-md flex-col gap-6">
      <Checkbox name="consent" value="yes">
        I agree to the code of conduct
      </Checkbox>
      <Checkbox name="news" defaultChecked description="At most one email a month.">
        Send me news
      </Checkbox>
      <Checkbox name="terms" error="Accept the terms to continue" isRequired>
        I accept the terms
      </Checkbox>
      <Checkbox name="off" disabled>
        Disabled choice
      </Checkbox>
      <RadioGroup
        name="gender"
        label="Gender (optional)"
        description="Used only for anonymous statistics."
        defaultValue="prefer-not-to-say"
        options={[
          { value: "woman", label: "Woman" },
          { value: "man", label: "Man" },
          {
            value: "another-gender",
            label: "Another gender",
            description: "You can describe it later.",
          },
          { value: "prefer-not-to-say", label: "Prefer not to say" },
        ]}
      />
      <RadioGroup
        name="role"
        label="Role"
        orientation="horizontal"
        isRequired
        error="Choose a role"
        options={[
          { value: "learner", label: "Learner" },
          { value: "trainer", label: "Trainer" },
        ]}
      />
    </div>
  ),
};

export const CustomField: Story = {
  render: () => (
    <Field
      label="Birth year"
      description="Four digits, e.g. 1994. Optional."
      error="Enter a year between 1900 and 2026"
    >
      {(control) => (
        <input
          {...control}
          name="birthYear"
          inputMode="numeric"
          className="focus-ring min-h-11 max-w-32 rounded-control border-2 border-danger-border px-3"
        />
      )}
    </Field>
  ),
};

export const ErrorSummaryAboveForm: Story = {
  render: () => (
    <div className="flex max-w-md flex-col gap-6">
      <ErrorSummary
        autoFocus={false}
        errors={[
          { fieldId: "summary-email", message: "Enter an email address" },
          { fieldId: "summary-country", message: "Choose a country" },
        ]}
      />
      <TextField id="summary-email" name="email" label="Email" error="Enter an email address" />
      <Select
        id="summary-country"
        name="country"
        label="Country"
        placeholder="Choose…"
        options={countries}
        error="Choose a country"
      />
    </div>
  ),
};
