import { act, fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { UiProvider } from "../i18n/locale-context";
import { Button, buttonClassName, LinkButton } from "./button";
import { Checkbox } from "./checkbox";
import { ErrorSummary } from "./error-summary";
import { RadioGroup } from "./radio-group";
import { Select } from "./select";
import { TextField } from "./text-field";

function FakeRouterLink({ to, ...props }: { to: string; className?: string; children: string }) {
  return <a href={`/app${to}`} data-router="yes" {...props} />;
}

function Form() {
  const [error, setError] = useState<string>();
  return (
    <>
      <TextField name="name" label="Name" error={error} />
      <Button onPress={() => setError("Enter your name")}>Check</Button>
    </>
  );
}

describe("Button and LinkButton", () => {
  it("is focusable and activates from the keyboard", () => {
    const onPress = vi.fn();
    render(<Button onPress={onPress}>Save</Button>);
    const button = screen.getByRole("button", { name: "Save" });
    button.focus();
    expect(button).toBe(document.activeElement);
    fireEvent.keyDown(button, { key: "Enter" });
    fireEvent.keyUp(button, { key: "Enter" });
    expect(onPress).toHaveBeenCalledTimes(1);
    expect(button.getAttribute("type")).toBe("button");
  });

  it("renders another component through `as`, passing its props and the button classes", () => {
    render(
      <LinkButton as={FakeRouterLink} to="/courses" variant="secondary">
        Courses
      </LinkButton>,
    );
    const link = screen.getByRole("link", { name: "Courses" });
    expect(link.getAttribute("href")).toBe("/app/courses");
    expect(link.getAttribute("data-router")).toBe("yes");
    expect(link.className).toBe(buttonClassName("secondary", "md"));
    expect(link.className).toContain("focus-ring");
  });
});

describe("TextField", () => {
  it("is labelled, described and marked invalid, with the error read with it", () => {
    render(
      <TextField
        name="email"
        id="email"
        label="Email"
        description="Work address"
        error="Enter an email"
        isRequired
      />,
    );
    const input = screen.getByRole("textbox", { name: /Email/ });
    expect(input.id).toBe("email");
    expect(input.getAttribute("name")).toBe("email");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(input.getAttribute("aria-required")).toBe("true");
    const description = (input.getAttribute("aria-describedby") ?? "")
      .split(" ")
      .map((id) => document.getElementById(id)?.textContent)
      .join(" | ");
    expect(description).toContain("Work address");
    expect(description).toContain("Error: Enter an email");
  });

  it("announces an error that appears later through a polite live region", () => {
    const { container } = render(<Form />);
    const live = container.querySelector('[aria-live="polite"]');
    expect(live?.textContent).toBe("");
    act(() => {
      fireEvent.click(screen.getByRole("button", { name: "Check" }));
    });
    expect(live?.textContent).toContain("Enter your name");
    expect(screen.getByRole("textbox", { name: "Name" }).getAttribute("aria-invalid")).toBe("true");
  });

  it("uses French strings under a French provider", () => {
    render(
      <UiProvider locale="fr">
        <TextField name="nom" label="Nom" error="Saisissez votre nom" isRequired />
      </UiProvider>,
    );
    expect(screen.getByText("(obligatoire)")).toBeTruthy();
    expect(screen.getByText("Erreur :")).toBeTruthy();
  });
});

describe("Select, Checkbox, RadioGroup", () => {
  it("Select is a labelled native select reporting the chosen value", () => {
    const onChange = vi.fn();
    render(
      <Select
        name="country"
        label="Country"
        error="Choose one"
        onChange={onChange}
        options={[
          { value: "GE", label: "Georgia" },
          { value: "FR", label: "France" },
        ]}
      />,
    );
    const select = screen.getByRole("combobox", { name: "Country" });
    expect(select.tagName).toBe("SELECT");
    expect(select.getAttribute("aria-invalid")).toBe("true");
    fireEvent.change(select, { target: { value: "FR" } });
    expect(onChange).toHaveBeenCalledWith("FR", expect.anything());
  });

  it("Checkbox toggles with its label and reports the state", () => {
    const onChange = vi.fn();
    render(
      <Checkbox name="consent" onChange={onChange}>
        I agree
      </Checkbox>,
    );
    fireEvent.click(screen.getByText("I agree"));
    expect(onChange).toHaveBeenCalledWith(true, expect.anything());
    expect((screen.getByRole("checkbox", { name: "I agree" }) as HTMLInputElement).checked).toBe(
      true,
    );
  });

  it("RadioGroup is a named group whose error describes it", () => {
    render(
      <RadioGroup
        name="role"
        label="Role"
        error="Choose a role"
        options={[
          { value: "learner", label: "Learner" },
          { value: "trainer", label: "Trainer" },
        ]}
      />,
    );
    const group = screen.getByRole("group", { name: "Role" });
    const describedBy = group.getAttribute("aria-describedby") ?? "";
    expect(document.getElementById(describedBy)?.textContent).toContain("Choose a role");
    expect(screen.getAllByRole("radio")).toHaveLength(2);
  });
});

describe("ErrorSummary", () => {
  it("takes focus on mount, is an alert with a heading, and links to each field", () => {
    render(
      <>
        <ErrorSummary errors={[{ fieldId: "email", message: "Enter an email" }]} />
        <input id="email" aria-label="Email" />
      </>,
    );
    const alert = screen.getByRole("alert");
    expect(document.activeElement).toBe(alert);
    expect(screen.getByRole("heading", { name: "There is a problem" })).toBeTruthy();
    const link = screen.getByRole("link", { name: "Enter an email" });
    expect(link.getAttribute("href")).toBe("#email");
    fireEvent.click(link);
    expect(document.activeElement).toBe(document.getElementById("email"));
  });

  it("renders nothing without errors", () => {
    const { container } = render(<ErrorSummary errors={[]} />);
    expect(container.innerHTML).toBe("");
  });
});
