// What the production server (server.js) hands every loader and action.
declare module "react-router" {
  interface AppLoadContext {
    /** The client's network address, for per-IP rate limits. */
    clientAddress?: string;
  }
}

export {};
