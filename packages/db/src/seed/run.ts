// `pnpm --filter @peacelearn/db db:seed`: seeds the demo data into the configured database
// (DATABASE_URL, else the embedded one) and prints the demo logins.
import { createDb } from "../create-db";
import { DatabaseSetupError } from "../errors";
import { demoLogins, seedDemo } from "./seed-demo";

try {
  const db = await createDb();
  try {
    const started = performance.now();
    const result = await seedDemo(db);
    if (result.status === "seeded") {
      console.log(
        `Demo data created: ${result.users} people (${result.trainees} trainees), ${result.cohorts} cohorts in ${Math.round(performance.now() - started)} ms.`,
      );
    } else if (result.reason === "demo-data-present") {
      console.log("Demo data is already there; nothing changed.");
    } else {
      console.log(
        "The database already holds people who are not demo data; demo data was not added.",
      );
    }
    console.log("\nDemo logins (all share the same password):");
    for (const login of demoLogins) {
      console.log(`  ${login.role.padEnd(8)} ${login.email.padEnd(44)} ${login.password}`);
    }
  } finally {
    await db.$disconnect();
  }
} catch (error) {
  if (error instanceof DatabaseSetupError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
