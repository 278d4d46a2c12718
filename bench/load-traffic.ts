// The load of the load and fault scripts: signs the simulated people in, then runs each in a loop
// of steps with think time in between, for a set time. Each request becomes a sample; each write
// is entered in a ledger that load-verify.ts later checks against the database.
import { setMaxListeners } from "node:events";
import { performance } from "node:perf_hooks";
import { signIn } from "./lib.mjs";
import {
  type Account,
  Client,
  clientAddress,
  type Ledger,
  type Sample,
  sleep,
  type TrainerAccount,
} from "./load-client";
import { Trainee, Trainer } from "./load-people";

export type LoadOptions = {
  app: string;
  trainees: Account[];
  trainers: TrainerAccount[];
  /** Trainee users (each signs in on its own; accounts are reused when there are more users). */
  users: number;
  /** Trainer users, each with a cohort of its own where possible. */
  trainerUsers: number;
  seconds: number;
  thinkMs: number;
  timeoutMs: number;
  signal: AbortSignal;
  /** ms origin shared with the caller's own events (fault script). */
  origin: number;
};

export type LoadResult = {
  samples: Sample[];
  ledger: Ledger;
  elapsedMs: number;
  users: number;
  trainers: number;
};

/** Signs everyone in, a few at a time (each login hashes a password: ~65 ms of CPU). */
async function signInAll<T extends Account>(app: string, accounts: T[], offset: number) {
  const cookies: string[] = new Array(accounts.length);
  let next = 0;
  const worker = async () => {
    while (next < accounts.length) {
      const index = next++;
      const account = accounts[index] as T;
      const { cookie } = await signIn(app, account.email, {
        "x-forwarded-for": clientAddress(offset + index),
      });
      cookies[index] = cookie;
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return cookies;
}

/**
 * Runs `options.users` trainees and `options.trainerUsers` trainers for `options.seconds`
 * (or until `signal` aborts), then waits for the requests in flight (each bounded by the
 * time-out). Every loop is bounded in time and in count.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const samples: Sample[] = [];
  const ledger: Ledger = {
    runId: `${process.pid.toString(36)}${Date.now().toString(36)}`,
    lessons: [],
    attempts: [],
    attendance: [],
    accompaniment: [],
  };
  if (options.trainees.length === 0) throw new Error("no demo trainee in the database");
  const traineeAccounts = Array.from(
    { length: options.users },
    (_, i) => options.trainees[i % options.trainees.length] as Account,
  );
  // Trainers with cohorts of their own first: two trainers on one sheet would race each other.
  const trainers = [...options.trainers].sort((a, b) => b.cohortIds.length - a.cohortIds.length);
  const distinct: TrainerAccount[] = [];
  const taken = new Set<string>();
  for (const trainer of trainers) {
    if (trainer.cohortIds.some((id) => taken.has(id))) continue;
    distinct.push(trainer);
    for (const id of trainer.cohortIds) taken.add(id);
  }
  const trainerAccounts = distinct.slice(0, options.trainerUsers);

  const [traineeCookies, trainerCookies] = await Promise.all([
    signInAll(options.app, traineeAccounts, 0),
    signInAll(options.app, trainerAccounts, traineeAccounts.length),
  ]);
  const client = (account: Account, index: number, cookie: string) =>
    new Client(options.app, account, clientAddress(index), cookie, options, samples);
  const trainees = traineeAccounts.map(
    (account, i) => new Trainee(client(account, i, traineeCookies[i] as string), ledger),
  );
  const trainerUsers = trainerAccounts.map(
    (account, i) =>
      new Trainer(
        client(account, traineeAccounts.length + i, trainerCookies[i] as string),
        account,
        ledger,
      ),
  );

  // Every user waits on the one abort signal between steps.
  setMaxListeners(trainees.length + trainerUsers.length + 10, options.signal);
  const started = performance.now() - options.origin;
  const deadline = started + options.seconds * 1000;
  const now = () => performance.now() - options.origin;
  // A bound on steps as well as on time: no user can spin faster than one step per 10 ms.
  const maxSteps = Math.ceil((options.seconds * 1000) / 10);
  const loop = async (step: () => Promise<void>, thinkMs: number, stagger: number) => {
    await sleep(Math.random() * stagger, options.signal);
    for (let i = 0; i < maxSteps && now() < deadline && !options.signal.aborted; i++) {
      try {
        await step();
      } catch (error) {
        // A bug in the script, not an answer of the app: show it and keep the user going.
        console.error(`load: ${(error as Error).message}`);
      }
      await sleep(Math.random() * 2 * thinkMs, options.signal);
    }
  };
  await Promise.all([
    ...trainees.map((trainee) => loop(() => trainee.step(), options.thinkMs, options.thinkMs)),
    ...trainerUsers.map((trainer) => loop(() => trainer.step(), 1000, 1000)),
  ]);
  return {
    samples,
    ledger,
    elapsedMs: now() - started,
    users: trainees.length,
    trainers: trainerUsers.length,
  };
}
