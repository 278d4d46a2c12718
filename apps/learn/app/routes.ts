import { index, type RouteConfig, route } from "@react-router/dev/routes";

export default [
  index("routes/home.tsx"),
  route("locale", "routes/locale.ts"),
  route("login", "routes/auth/login.tsx"),
  route("signup", "routes/auth/signup.tsx"),
  route("logout", "routes/auth/logout.ts"),
  route("account/security", "routes/account/security.tsx"),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
