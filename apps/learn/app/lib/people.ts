/**
 * A person as a trainer or an admin picks or reads her: her name and her e-mail, so two
 * trainees called "Mariama Diallo" in one cohort are never one choice (issue 12). The e-mail is
 * the detail every account has and no two accounts share; staff see it on the trainee's page
 * anyway. Learners never see other learners through this.
 */
export type NamedPerson = { displayName: string; email: string };

export function personLabel(person: NamedPerson): string {
  return `${person.displayName} (${person.email})`;
}
