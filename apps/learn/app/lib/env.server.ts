import { z } from "zod";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** A PostgreSQL server; when unset the app uses embedded PGlite. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Folder of the embedded database (ignored when DATABASE_URL is set). */
  PGLITE_DIR: z.string().min(1).optional(),
  /**
   * The site's public address (e.g. `https://learn.example.org`) for links that leave the page;
   * empty or unset means the request's own origin. `publicOrigin` (http.server.ts) validates it.
   */
  PUBLIC_ORIGIN: z.string().optional(),
  /**
   * Where "Leave this site quickly" goes: an everyday https site that says nothing about the
   * person visiting it (docs/decisions/018-quick-exit.md). Chosen per deployment: what is
   * everyday in Monrovia is not in Kathmandu.
   */
  QUICK_EXIT_URL: z.url({ protocol: /^https$/ }).default("https://www.bbc.com/weather"),
  /** The organisation that issues the certificates, as printed on them. */
  CERTIFICATE_ISSUER: z.string().trim().min(1).max(200).default("Peacelearn"),
  /** Who signs the certificates (a name, and the role under it); unset prints no signature. */
  CERTIFICATE_SIGNATORY: z.string().trim().max(200).optional(),
  CERTIFICATE_SIGNATORY_ROLE: z.string().trim().max(200).optional(),
  /**
   * The Ed25519 key that signs Open Badges credentials: its 32-byte seed in base64url
   * (docs/decisions/031-open-badges-credentials.md). Unset: a key is generated on first start
   * into CREDENTIAL_KEY_FILE (for the demo; never committed).
   */
  CREDENTIAL_SIGNING_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, "32 bytes in base64url (43 characters)")
    .optional(),
  /** Where the generated demo key is kept when CREDENTIAL_SIGNING_KEY is unset. */
  CREDENTIAL_KEY_FILE: z.string().min(1).default(".data/credential-signing-key.json"),
  /**
   * Public keys (multibase, `z6Mk…`, comma-separated) of retired signing keys: credentials they
   * signed keep verifying. Remove a key from here only when it leaked.
   */
  CREDENTIAL_RETIRED_KEYS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((key) => key.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^z6Mk[1-9A-HJ-NP-Za-km-z]{44}$/, "a multibase Ed25519 key"))),
});

export type Env = z.infer<typeof EnvSchema>;

function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment variables:\n${problems.join("\n")}`);
  }
  return result.data;
}

/** The environment, parsed once. Nothing else in the app reads `process.env`. */
export const env: Env = parseEnv(process.env);
