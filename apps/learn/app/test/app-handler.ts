// The whole app as the production server runs it — app/entry.server.tsx, app/root.tsx and every
// route of app/routes.ts behind React Router's own request handler — without a build: tests send
// it a real Request and read the real Response (status, headers, HTML), as a browser would.
import type { RouteConfigEntry } from "@react-router/dev/routes";
import {
  type AppLoadContext,
  type ServerBuild,
  UNSAFE_withComponentProps as withComponentProps,
  UNSAFE_withErrorBoundaryProps as withErrorBoundaryProps,
  UNSAFE_withHydrateFallbackProps as withHydrateFallbackProps,
} from "react-router";
import * as entry from "~/entry.server";
import { createAppRequestHandler } from "~/lib/service-unavailable-handler.server";
import * as root from "~/root";
import routeConfig from "~/routes";

type ServerRouteModule = NonNullable<ServerBuild["routes"][string]>["module"];

const routeFiles = import.meta.glob<ServerRouteModule>(
  ["../routes/**/*.{ts,tsx}", "!../routes/**/*.test.{ts,tsx}"],
  { eager: true },
);

/**
 * What React Router's Vite plugin does to every route module: its components receive
 * `loaderData`, `actionData`, `params` and `matches` as props.
 */
function withProps(module: ServerRouteModule): ServerRouteModule {
  const {
    default: Component,
    ErrorBoundary,
    HydrateFallback,
  } = module as {
    default?: Parameters<typeof withComponentProps>[0];
    ErrorBoundary?: Parameters<typeof withErrorBoundaryProps>[0];
    HydrateFallback?: Parameters<typeof withHydrateFallbackProps>[0];
  };
  return {
    ...module,
    ...(Component ? { default: withComponentProps(Component) } : {}),
    ...(ErrorBoundary ? { ErrorBoundary: withErrorBoundaryProps(ErrorBoundary) } : {}),
    ...(HydrateFallback ? { HydrateFallback: withHydrateFallbackProps(HydrateFallback) } : {}),
  } as ServerRouteModule;
}

/** A route added for a test only (a page that hydrates, a page that asks to be cached). */
export type ExtraRoute = { id: string; path: string; module: ServerRouteModule };

type BuildRoute = { id: string; path?: string; index?: boolean; module: ServerRouteModule };

function appRoutes(): BuildRoute[] {
  return (routeConfig as RouteConfigEntry[]).map((entry) => {
    // React Router names a route after its file, without the extension.
    const id = entry.id ?? entry.file.replace(/\.[jt]sx?$/, "");
    const module = routeFiles[`../${entry.file}`];
    if (!module) throw new Error(`route file ${entry.file} not found`);
    return { id, path: entry.path, index: entry.index, module };
  });
}

/** The server build React Router's compiler would produce, minus the client bundle. */
function testServerBuild(extraRoutes: ExtraRoute[] = []): ServerBuild {
  const children = [...extraRoutes, ...appRoutes()];
  const routes: ServerBuild["routes"] = {
    root: { id: "root", path: "", module: root as unknown as ServerRouteModule },
  };
  const assetRoutes: ServerBuild["assets"]["routes"] = {};
  for (const route of [{ id: "root", path: "", module: root }, ...children]) {
    const module = withProps(route.module as ServerRouteModule);
    const parentId = route.id === "root" ? undefined : "root";
    routes[route.id] = {
      id: route.id,
      parentId,
      path: route.path,
      index: "index" in route ? route.index : undefined,
      module,
    };
    assetRoutes[route.id] = {
      id: route.id,
      parentId,
      path: route.path,
      index: "index" in route ? route.index : undefined,
      hasAction: typeof module.action === "function",
      hasLoader: typeof module.loader === "function",
      hasClientAction: false,
      hasClientLoader: false,
      hasClientMiddleware: false,
      hasErrorBoundary: module.ErrorBoundary !== undefined,
      module: `/assets/${route.id.replace(/\W/g, "-")}.js`,
      clientActionModule: undefined,
      clientLoaderModule: undefined,
      clientMiddlewareModule: undefined,
      hydrateFallbackModule: undefined,
    };
  }
  return {
    entry: { module: entry },
    routes,
    assets: {
      entry: { module: "/assets/entry.client.js", imports: [] },
      routes: assetRoutes,
      url: "/assets/manifest-test.js",
      version: "test",
    },
    publicPath: "/",
    assetsBuildDirectory: "build/client",
    future: {
      v8_middleware: false,
      v8_passThroughRequests: false,
      v8_trailingSlashAwareDataRequests: false,
    },
    ssr: true,
    isSpaMode: false,
    prerender: [],
    routeDiscovery: { mode: "lazy", manifestPath: "/__manifest" },
  };
}

/**
 * Sends `request` through the app in production mode (errors reach pages sanitised, as in
 * production). `context` is the load context server.js would make; pass your own object to
 * look at what the request left on it.
 */
export function handleAppRequest(
  request: Request,
  {
    context = { clientAddress: "198.51.100.7" },
    extraRoutes = [],
  }: { context?: AppLoadContext; extraRoutes?: ExtraRoute[] } = {},
): Promise<Response> {
  // The same factory server.js serves with (it answers resource routes' outages with a 503).
  const handler = createAppRequestHandler(testServerBuild(extraRoutes), "production");
  return handler(request, context);
}
