// `pnpm db:prepare` (run by `npm start`): opens the database — the embedded one is created and
// migrated on first start — imports the bundled courses (a no-op when they are up to date),
// seeds the demo data when the database is empty, and prints the demo logins.
import { CurriculumError, formatReport, importBundledCourses } from "@peacelearn/curriculum";
import { createDb, DatabaseSetupError, demoLogins, seedDemo } from "@peacelearn/db";

async function main() {
  const db = await createDb({ migrate: "apply" });
  try {
    const report = await importBundledCourses(db);
    console.log(formatReport(report).join("\n"));
    const seeded = await seedDemo(db);
    if (seeded.status === "seeded") {
      // Fresh tables have no planner statistics until autovacuum gets to them (the embedded
      // database has no autovacuum at all): gather them now, after the bulk writes.
      await db.$executeRawUnsafe("ANALYZE");
      console.log(`Demo data created: ${seeded.trainees} trainees in ${seeded.cohorts} cohorts.`);
    } else if (seeded.reason === "demo-data-present") {
      console.log("Demo data already present.");
    } else {
      console.log("The database already holds data of its own: no demo data added.");
    }
  } finally {
    await db.$disconnect();
  }

  const width = Math.max(...demoLogins.map((login) => login.email.length));
  console.log("\nDemo logins (every account shares one password):");
  for (const login of demoLogins) {
    console.log(`  ${login.email.padEnd(width)}  ${login.role.padEnd(8)}  ${login.password}`);
  }
  console.log("");
}

main().catch((error: unknown) => {
  if (error instanceof DatabaseSetupError || error instanceof CurriculumError) {
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
  throw error;
});
