// vitest setupFiles entry (apps/learn/vitest.config.ts): the route-outcome matchers.
import "./matchers";
