#!/usr/bin/env node
// `npm start`: install, build, prepare the embedded database with demo data, serve the app.
import { install, pnpm, run } from "./lib.mjs";

install();
run("turbo", ["run", "build", "--filter=@peacelearn/learn..."]);
pnpm(["--filter", "@peacelearn/learn", "run", "db:prepare"]);
pnpm(["--filter", "@peacelearn/learn", "run", "start"]);
