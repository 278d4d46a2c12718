/**
 * Enter in a text field submits a form with its first submit button: in a form whose first
 * visible button is "add another row", this one comes first and says "save". Off-screen and out
 * of the tab order, not a visible control.
 */
export function DefaultSubmit({ name = "intent", value }: { name?: string; value: string }) {
  return (
    <button
      type="submit"
      name={name}
      value={value}
      tabIndex={-1}
      aria-hidden="true"
      className="sr-only"
    />
  );
}
