// Serves the floor build exactly like apps/learn/server.js serves the app.
import { createRequestHandler } from "@react-router/express";
import compression from "compression";
import express from "express";

const app = express();
app.disable("x-powered-by");
app.use(compression());
app.use(
  "/assets",
  express.static(new URL("./build/client/assets", import.meta.url).pathname, {
    immutable: true,
    maxAge: "1y",
  }),
);
const build = await import("./build/server/index.js");
app.all("*", createRequestHandler({ build, mode: "production" }));
const port = Number(process.env.PORT ?? 4500);
app.listen(port, "127.0.0.1", () => console.log(`floor on http://127.0.0.1:${port}`));
