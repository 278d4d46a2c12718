// The workshop kit (ADR 030): the one page script of the app (ADR 005). It keeps a workshop's
// register on this device — roster, attendance, walk-ins, pre- and post-test answers — in IndexedDB, encrypted with AES-GCM
// under a key derived from the trainer's passphrase (PBKDF2-SHA-256, 600,000 iterations; the
// passphrase and the key are never stored), records every change as an append-only command with
// its own UUID, and syncs: an idempotent batched push, then a pull of what changed since its
// cursor. Attendance conflicts: last writer by device time, ties by command id (the server's
// rule, modules/workshop-kit/last-writer.ts). Plain ES2020 module, no build step.

const config = JSON.parse(document.getElementById("kit-config").textContent);
const strings = config.strings;
const pluralRules = new Intl.PluralRules(config.locale);
const timeFormat = new Intl.DateTimeFormat(config.locale, {
  dateStyle: "medium",
  timeStyle: "short",
});

const PBKDF2_ITERATIONS = 600000;
const BATCH_SIZE = 50;
const CACHE = "kit-v1";
const $ = (id) => document.getElementById(id);

function text(key, values = {}) {
  const template = typeof strings[key] === "string" ? strings[key] : key;
  return template.replace(/\{\{(\w+)\}\}/g, (_, name) => String(values[name] ?? ""));
}
function plural(key, count) {
  const form = pluralRules.select(count) === "one" ? "one" : "other";
  return text(`${key}_${form}`, { count });
}

// ─── IndexedDB ──────────────────────────────────────────────────────────────────────────────

function request(operation) {
  return new Promise((resolve, reject) => {
    operation.onsuccess = () => resolve(operation.result);
    operation.onerror = () => reject(operation.error);
  });
}

function openStore() {
  const opening = indexedDB.open("peacelearn-kit", 1);
  opening.onupgradeneeded = () => {
    const db = opening.result;
    // The device's salt and a sealed check value: whether a passphrase is the right one.
    db.createObjectStore("device", { keyPath: "name" });
    // Per workshop: the sealed snapshot of what the server sent, and the last send (not personal).
    db.createObjectStore("snapshots", { keyPath: "sessionId" });
    db.createObjectStore("sync", { keyPath: "sessionId" });
    // Commands: sealed bodies; the workshop, order and state stay readable to count what waits.
    const commands = db.createObjectStore("commands", { keyPath: "id" });
    commands.createIndex("session", "sessionId");
  };
  return request(opening);
}

async function get(db, store, key) {
  return request(db.transaction(store).objectStore(store).get(key));
}
async function put(db, store, value) {
  const transaction = db.transaction(store, "readwrite");
  transaction.objectStore(store).put(value);
  await new Promise((resolve, reject) => {
    transaction.oncomplete = resolve;
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
}
async function sessionCommands(db) {
  const index = db.transaction("commands").objectStore("commands").index("session");
  const rows = await request(index.getAll(config.sessionId));
  return rows.sort((a, b) => a.order - b.order);
}

// ─── Encryption ─────────────────────────────────────────────────────────────────────────────

const CHECK = "peacelearn-kit-check";

async function deriveKey(passphrase, salt) {
  const material = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(passphrase),
    "PBKDF2",
    false,
    ["deriveKey"],
  );
  return crypto.subtle.deriveKey(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations: PBKDF2_ITERATIONS },
    material,
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt", "decrypt"],
  );
}
async function seal(key, value) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = new TextEncoder().encode(JSON.stringify(value));
  return { iv, data: await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, plain) };
}
async function open(key, sealed) {
  const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: sealed.iv }, key, sealed.data);
  return JSON.parse(new TextDecoder().decode(plain));
}

// ─── State ──────────────────────────────────────────────────────────────────────────────────

const state = {
  db: null,
  key: null,
  /** { workshop, roster, walkIns, marks, cursor } as the server sent it. */
  snapshot: null,
  /** This device's commands, opened: [{ row, command }]. */
  commands: [],
  syncing: false,
  message: "",
};

const personKey = (person) => (person.userId ? `u:${person.userId}` : `w:${person.walkInId}`);
const winsOver = (a, b) => {
  const difference = Date.parse(a.at) - Date.parse(b.at);
  return difference !== 0 ? difference > 0 : a.id > b.id;
};

/** Everyone on the register: roster members, then walk-ins (the server's and this device's). */
function people() {
  const list = state.snapshot.roster.map((member) => ({
    key: `u:${member.userId}`,
    person: { userId: member.userId },
    name: member.displayName,
    walkIn: false,
  }));
  const seen = new Set();
  const walkIns = [
    ...state.snapshot.walkIns,
    ...state.commands
      .filter(({ command }) => command.kind === "walk-in")
      .map(({ command }) => command),
  ];
  for (const walkIn of walkIns) {
    if (seen.has(walkIn.id)) continue;
    seen.add(walkIn.id);
    list.push({
      key: `w:${walkIn.id}`,
      person: { walkInId: walkIn.id },
      name: walkIn.displayName,
      walkIn: true,
    });
  }
  return list;
}

/** Each person's winning mark among the server's and this device's. */
function currentMarks() {
  const marks = [
    ...state.snapshot.marks,
    ...state.commands
      .filter(({ command }) => command.kind === "attendance")
      .map(({ command }) => ({
        person: personKey(command.person),
        status: command.status,
        at: command.at,
        id: command.id,
      })),
  ];
  const winners = new Map();
  for (const mark of marks) {
    const current = winners.get(mark.person);
    if (!current || winsOver(mark, current)) winners.set(mark.person, mark);
  }
  return winners;
}

// ─── Rendering ──────────────────────────────────────────────────────────────────────────────

async function renderStatus() {
  const rows = state.db ? await sessionCommands(state.db) : [];
  const waiting = rows.filter((row) => row.state === "waiting").length;
  const refused = rows.filter((row) => row.state === "refused").length;
  const sync = state.db ? await get(state.db, "sync", config.sessionId) : null;
  const parts = [
    sync?.lastSentAt
      ? text("lastSent", { time: timeFormat.format(new Date(sync.lastSentAt)) })
      : text("neverSent"),
    plural("waiting", waiting),
  ];
  if (refused > 0) parts.push(plural("refused", refused));
  $("kit-sync-status").textContent =
    parts.join(" · ") + (state.message ? ` — ${state.message}` : "");
}

/** The register, rebuilt only when its people change: a sync never moves the trainer's focus. */
function renderRegister() {
  const { workshop } = state.snapshot;
  const when = timeFormat.format(new Date(workshop.startsAt));
  $("kit-workshop").textContent =
    `${workshop.title} — ${workshop.cohort} · ${when}${workshop.place ? ` · ${workshop.place}` : ""}`;
  const marks = currentMarks();
  const list = $("kit-roster");
  const everyone = people();
  $("kit-empty-roster").hidden = everyone.length > 0;
  const signature = everyone.map((entry) => entry.key).join(" ");
  if (list.dataset.signature !== signature) {
    list.dataset.signature = signature;
    list.replaceChildren(...everyone.map(personRow));
  }
  for (const row of list.children) {
    const status = marks.get(row.dataset.person)?.status;
    for (const input of row.querySelectorAll("input")) input.checked = input.value === status;
  }
  renderTests();
}

function personRow(entry, index) {
  const row = $("kit-person-template").content.firstElementChild.cloneNode(true);
  row.dataset.person = entry.key;
  row.querySelector("[data-name]").textContent = entry.name;
  row.querySelector("[data-badge]").textContent = entry.walkIn ? `(${text("walkInBadge")})` : "";
  const options = row.querySelector("[data-options]");
  for (const [status, label] of config.statuses) {
    const option = $("kit-option-template").content.firstElementChild.cloneNode(true);
    const input = option.querySelector("input");
    input.name = `kit-status-${index}`;
    input.value = status;
    input.addEventListener("change", () => {
      if (input.checked) void record({ kind: "attendance", person: entry.person, status });
    });
    option.querySelector("span").textContent = label;
    options.append(option);
  }
  return row;
}

// ─── Tests ──────────────────────────────────────────────────────────────────────────────────

const otherForm = (form) => (form === "A" ? "B" : "A");

/** { kind, form } of each test form the server sent, by its check id. */
function testIndex() {
  const index = new Map();
  const tests = state.snapshot.tests;
  if (!tests) return index;
  for (const kind of ["pre", "post"]) {
    for (const form of ["A", "B"]) index.set(tests[kind][form].checkId, { kind, form });
  }
  return index;
}

function answerSets(entry, kind) {
  const index = testIndex();
  return state.commands.filter(
    ({ command }) =>
      command.kind === "test-answers" &&
      personKey(command.person) === entry.key &&
      index.get(command.testId)?.kind === kind,
  );
}

/**
 * The form a person takes (ADR 029's rule): the post-test is the other form of her pre-test on
 * record; her pre-test form is the server's assignment for members, else her place on the
 * register (even places A, odd places B), so the group's halves get different questions.
 */
function formFor(entry, position, kind) {
  const index = testIndex();
  const taken = answerSets(entry, "pre")[0];
  let pre = taken ? index.get(taken.command.testId).form : null;
  if (!pre && entry.person.userId) pre = state.snapshot.forms?.[entry.person.userId]?.pre ?? null;
  if (!pre) pre = position % 2 === 0 ? "A" : "B";
  return kind === "pre" ? pre : otherForm(pre);
}

function renderTests() {
  const tests = state.snapshot.tests;
  $("kit-no-tests").hidden = Boolean(tests);
  $("kit-test-form").hidden = !tests;
  if (!tests) return;
  const kind = $("kit-test-kind").value;
  const select = $("kit-test-person");
  const everyone = people();
  const chosen =
    select.value || everyone.find((entry) => answerSets(entry, kind).length === 0)?.key;
  select.replaceChildren(
    ...everyone.map((entry, position) => {
      const done = answerSets(entry, kind).length > 0 ? ` — ✓ ${text("answered")}` : "";
      const label = `${entry.name} (${text("formLabel", { form: formFor(entry, position, kind) })})${done}`;
      return new Option(label, entry.key, false, entry.key === chosen);
    }),
  );
  const shown = `${kind} ${select.value}`;
  if ($("kit-test-questions").dataset.shown !== shown) renderQuestions(kind);
}

function renderQuestions(kind) {
  const everyone = people();
  const position = everyone.findIndex((entry) => entry.key === $("kit-test-person").value);
  const entry = everyone[position];
  const container = $("kit-test-questions");
  container.dataset.shown = `${kind} ${entry?.key ?? ""}`;
  if (!entry) {
    container.replaceChildren();
    $("kit-test-heading").textContent = text("choosePerson");
    return;
  }
  const form = formFor(entry, position, kind);
  const test = state.snapshot.tests[kind][form];
  container.dataset.testId = test.checkId;
  $("kit-test-heading").textContent = text("testFor", { test: test.title, name: entry.name, form });
  container.replaceChildren(
    ...test.questions.map((question, number) => {
      const fieldset = $("kit-question-template").content.firstElementChild.cloneNode(true);
      fieldset.dataset.question = question.key;
      fieldset.querySelector("legend").textContent = `${number + 1}. ${question.prompt}`;
      const options = fieldset.querySelector("[data-options]");
      for (const option of question.options) {
        const label = $("kit-option-template").content.firstElementChild.cloneNode(true);
        const input = label.querySelector("input");
        input.type = question.kind === "multiple" ? "checkbox" : "radio";
        input.name = `kit-q-${question.key}`;
        input.value = option.key;
        label.querySelector("span").textContent = option.label;
        options.append(label);
      }
      return fieldset;
    }),
  );
}

async function saveAnswers(event) {
  event.preventDefault();
  const container = $("kit-test-questions");
  const answers = {};
  let missing = null;
  for (const fieldset of container.querySelectorAll("[data-question]")) {
    const chosen = [...fieldset.querySelectorAll("input:checked")].map((input) => input.value);
    if (chosen.length === 0 && !missing) missing = fieldset.querySelector("input");
    answers[fieldset.dataset.question] = chosen;
  }
  if (missing) {
    $("kit-test-error").textContent = text("answerAll");
    missing.focus();
    return;
  }
  $("kit-test-error").textContent = "";
  const entry = people().find((person) => person.key === $("kit-test-person").value);
  if (!entry) return;
  await record({
    kind: "test-answers",
    person: entry.person,
    testId: container.dataset.testId,
    answers,
  });
  state.message = text("answersSaved", { name: entry.name });
  const kind = $("kit-test-kind").value;
  const next = people().find((person) => answerSets(person, kind).length === 0);
  $("kit-test-person").value = next?.key ?? entry.key;
  renderTests();
  await renderStatus();
  $("kit-test-heading").tabIndex = -1;
  $("kit-test-heading").focus();
}

function show(section) {
  $("kit-lock").hidden = section !== "lock";
  $("kit-main").hidden = section !== "main";
}

// ─── Commands ───────────────────────────────────────────────────────────────────────────────

async function record(fields) {
  const command = { ...fields, id: crypto.randomUUID(), at: new Date().toISOString() };
  const order =
    state.commands.length === 0 ? 1 : state.commands[state.commands.length - 1].row.order + 1;
  const row = {
    id: command.id,
    sessionId: config.sessionId,
    order,
    state: "waiting",
    ...(await seal(state.key, command)),
  };
  await put(state.db, "commands", row);
  state.commands.push({ row, command });
  state.message = text("saved");
  await renderStatus();
  if (navigator.onLine) void sync();
}

// ─── Sync ───────────────────────────────────────────────────────────────────────────────────

class SyncError extends Error {}

async function push() {
  const waiting = state.commands.filter(({ row }) => row.state === "waiting");
  for (let start = 0; start < waiting.length; start += BATCH_SIZE) {
    const batch = waiting.slice(start, start + BATCH_SIZE);
    const body = new URLSearchParams({
      batch: JSON.stringify({ commands: batch.map(({ command }) => command) }),
    });
    const response = await fetch(config.commands, {
      method: "POST",
      body,
      credentials: "same-origin",
      redirect: "manual",
    });
    if (response.type === "opaqueredirect" || response.status === 401 || response.status === 403) {
      throw new SyncError(text("sessionEnded"));
    }
    if (!response.ok) throw new SyncError(text("sendFailed"));
    const answer = await response.json();
    const done = new Set([...answer.applied, ...answer.duplicates]);
    const refused = new Set(answer.refused.map((item) => item.id));
    for (const entry of batch) {
      if (!done.has(entry.row.id) && !refused.has(entry.row.id)) continue;
      entry.row = { ...entry.row, state: refused.has(entry.row.id) ? "refused" : "sent" };
      await put(state.db, "commands", entry.row);
    }
    await put(state.db, "sync", {
      sessionId: config.sessionId,
      lastSentAt: new Date().toISOString(),
    });
  }
}

async function pull() {
  const since = state.snapshot?.cursor ?? "0";
  const response = await fetch(`${config.changes}?since=${encodeURIComponent(since)}`, {
    credentials: "same-origin",
    redirect: "manual",
    headers: { Accept: "application/json" },
  });
  if (response.type === "opaqueredirect" || response.status === 401 || response.status === 403) {
    throw new SyncError(text("sessionEnded"));
  }
  if (!response.ok) throw new SyncError(text("sendFailed"));
  const changes = await response.json();
  const previous = state.snapshot ?? { walkIns: [], marks: [] };
  const known = new Set(previous.walkIns.map((walkIn) => walkIn.id));
  state.snapshot = {
    workshop: changes.workshop,
    roster: changes.roster,
    walkIns: [...previous.walkIns, ...changes.walkIns.filter((walkIn) => !known.has(walkIn.id))],
    marks: [...previous.marks, ...changes.marks],
    cursor: changes.cursor,
    tests: changes.tests,
    forms: changes.forms,
  };
  await put(state.db, "snapshots", {
    sessionId: config.sessionId,
    ...(await seal(state.key, state.snapshot)),
  });
}

async function sync() {
  if (state.syncing || !state.key) return;
  state.syncing = true;
  $("kit-sync").setAttribute("aria-disabled", "true");
  try {
    await push();
    await pull();
    state.message = "";
  } catch (error) {
    state.message =
      error instanceof SyncError
        ? error.message
        : navigator.onLine
          ? text("sendFailed")
          : text("offline");
  } finally {
    state.syncing = false;
    $("kit-sync").removeAttribute("aria-disabled");
  }
  if (state.snapshot) renderRegister();
  await renderStatus();
}

// ─── Unlocking ──────────────────────────────────────────────────────────────────────────────

async function unlock(passphrase, again) {
  const device = await get(state.db, "device", "device");
  if (!device) {
    if (passphrase.length < 8) return text("passphraseTooShort");
    if (passphrase !== again) return text("passphrasesDiffer");
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const key = await deriveKey(passphrase, salt);
    await put(state.db, "device", { name: "device", salt, check: await seal(key, CHECK) });
    state.key = key;
  } else {
    const key = await deriveKey(passphrase, device.salt);
    try {
      if ((await open(key, device.check)) !== CHECK) return text("wrongPassphrase");
    } catch {
      return text("wrongPassphrase");
    }
    state.key = key;
  }
  const saved = await get(state.db, "snapshots", config.sessionId);
  state.snapshot = saved ? await open(state.key, saved) : null;
  state.commands = [];
  for (const row of await sessionCommands(state.db)) {
    state.commands.push({ row, command: await open(state.key, row) });
  }
  if (!state.snapshot) {
    try {
      await pull();
    } catch {
      state.key = null;
      return text("offlineFirstTime");
    }
  }
  return null;
}

async function showLock() {
  const device = await get(state.db, "device", "device");
  const setUp = !device;
  $("kit-lock").querySelector("[data-lock-title]").textContent = setUp
    ? text("setUpTitle")
    : text("lockTitle");
  $("kit-lock").querySelector("[data-lock-intro]").textContent = setUp
    ? `${text("lockIntro")} ${text("setUpIntro")}`
    : text("lockIntro");
  $("kit-lock").querySelector("[data-confirm]").hidden = !setUp;
  $("kit-passphrase").autocomplete = setUp ? "new-password" : "current-password";
  $("kit-unlock-form").querySelector("button").textContent = setUp ? text("setUp") : text("unlock");
  show("lock");
}

// ─── Start ──────────────────────────────────────────────────────────────────────────────────

async function keepForOffline() {
  if (!("serviceWorker" in navigator)) return;
  await navigator.serviceWorker.register(config.worker, { scope: config.scope });
  await navigator.serviceWorker.ready;
  // The first visit was not served through the worker: save what this page needs now.
  const cache = await caches.open(CACHE);
  const sheets = [...document.querySelectorAll('link[rel="stylesheet"]')].map((link) => link.href);
  await cache.addAll([
    config.page,
    "/kit/kit.js",
    "/kit/manifest.webmanifest",
    "/kit/icon.svg",
    ...sheets,
  ]);
}

async function start() {
  if (!("indexedDB" in window) || !window.crypto?.subtle) {
    $("kit-sync-status").textContent = text("unsupported");
    return;
  }
  keepForOffline().catch(() => undefined);
  state.db = await openStore();
  await renderStatus();
  await showLock();

  $("kit-unlock-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = event.currentTarget.querySelector("button");
    const label = button.textContent;
    button.textContent = text("working");
    button.disabled = true;
    const problem = await unlock($("kit-passphrase").value, $("kit-passphrase-again").value).catch(
      () => text("wrongPassphrase"),
    );
    button.disabled = false;
    button.textContent = label;
    if (problem) {
      $("kit-lock-error").textContent = problem;
      $("kit-passphrase").setAttribute("aria-invalid", "true");
      $("kit-passphrase").focus();
      return;
    }
    $("kit-lock-error").textContent = "";
    $("kit-passphrase").removeAttribute("aria-invalid");
    $("kit-passphrase").value = "";
    $("kit-passphrase-again").value = "";
    renderRegister();
    show("main");
    $("kit-workshop").tabIndex = -1;
    $("kit-workshop").focus();
    await renderStatus();
    if (navigator.onLine) void sync();
  });

  $("kit-walk-in-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    const name = $("kit-walk-in-name").value.trim();
    if (!name) {
      $("kit-walk-in-error").textContent = text("walkInNameRequired");
      $("kit-walk-in-name").setAttribute("aria-invalid", "true");
      $("kit-walk-in-name").focus();
      return;
    }
    $("kit-walk-in-error").textContent = "";
    $("kit-walk-in-name").removeAttribute("aria-invalid");
    await record({
      kind: "walk-in",
      displayName: name,
      gender: form.gender.value,
      ageBand: form.ageBand.value,
    });
    renderRegister();
    form.reset();
    state.message = text("walkInAdded", { name });
    await renderStatus();
    $("kit-walk-in-name").focus();
  });

  $("kit-test-form").addEventListener("submit", saveAnswers);
  $("kit-test-kind").addEventListener("change", () => {
    $("kit-test-person").value = "";
    renderTests();
  });
  $("kit-test-person").addEventListener("change", () => renderTests());
  $("kit-sync").addEventListener("click", () => void sync());
  $("kit-lock-now").addEventListener("click", async () => {
    state.key = null;
    state.snapshot = null;
    state.commands = [];
    $("kit-roster").replaceChildren();
    await showLock();
    $("kit-passphrase").focus();
  });
  window.addEventListener("online", () => void sync());
  window.addEventListener("offline", async () => {
    state.message = text("offline");
    await renderStatus();
  });
}

void start();
