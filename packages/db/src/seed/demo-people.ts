import type { Gender, Locale, LocationCode } from "@peacelearn/domain";
import type { UserRole } from "../schemas";
import type { Prng } from "./prng";

/** The one password of every demo account — printed by `pnpm start`, never used for real data. */
export const DEMO_PASSWORD = "peace-demo-2026";

/** Demo addresses use the reserved `.example` domain (RFC 2606): mail can never reach anyone. */
const DEMO_EMAIL_DOMAIN = "demo.peacelearn.example";

export type DemoPerson = {
  email: string;
  displayName: string;
  roles: UserRole[];
  preferredLocale: Locale;
  gender: Gender;
  birthYear: number | null;
  locationCode: LocationCode;
  organisation: string | null;
};

export const DEMO_ADMIN: DemoPerson = {
  email: `admin@${DEMO_EMAIL_DOMAIN}`,
  displayName: "Ingrid Solheim",
  roles: ["admin"],
  preferredLocale: "en",
  gender: "woman",
  birthYear: 1979,
  locationCode: "GE",
  organisation: "Peacelearn programme team",
};

/** Programme staff: reads the disaggregated reports (role "staff"), runs no cohort. */
export const DEMO_STAFF: DemoPerson = {
  email: `me.officer@${DEMO_EMAIL_DOMAIN}`,
  displayName: "Aïssatou Barry",
  roles: ["staff"],
  preferredLocale: "fr",
  gender: "woman",
  birthYear: 1988,
  locationCode: "GN",
  organisation: "Peacelearn programme team",
};

/** Trainers, keyed by the cohort they lead. */
export const DEMO_TRAINERS = {
  monrovia: person(
    "hawa.kpoto",
    "Hawa Kpoto",
    ["trainer"],
    "en",
    "woman",
    1981,
    "LR",
    "Liberia Women's Peace Network",
  ),
  kathmandu: person(
    "anjali.shrestha",
    "Anjali Shrestha",
    ["trainer"],
    "en",
    "woman",
    1986,
    "NP",
    "Sahakarya Nepal",
  ),
  gulu: person(
    "brenda.atim",
    "Brenda Atim",
    ["trainer"],
    "en",
    "woman",
    1984,
    "UG",
    "Acholi Peace Forum",
  ),
  guluCo: person(
    "marc.ndikumana",
    "Marc Ndikumana",
    ["trainer"],
    "fr",
    "man",
    1977,
    "BI",
    "Dushirehamwe",
  ),
} as const;

function person(
  local: string,
  displayName: string,
  roles: DemoPerson["roles"],
  preferredLocale: DemoPerson["preferredLocale"],
  gender: Gender,
  birthYear: number | null,
  locationCode: LocationCode,
  organisation: string | null,
): DemoPerson {
  return {
    email: `${local}@${DEMO_EMAIL_DOMAIN}`,
    displayName,
    roles,
    preferredLocale,
    gender,
    birthYear,
    locationCode,
    organisation,
  };
}

type NamePool = {
  locations: ReadonlyArray<readonly [LocationCode, number]>;
  women: readonly string[];
  men: readonly string[];
  surnames: readonly string[];
  organisations: readonly string[];
  french?: boolean;
};

/** Name pools per group of trainees (fictional combinations of common names in each place). */
const TRAINEE_GROUPS = {
  monrovia: {
    locations: [
      ["LR", 12],
      ["SL", 3],
      ["GN", 3],
    ],
    women: [
      "Comfort",
      "Musu",
      "Korto",
      "Aminata",
      "Fatu",
      "Isatu",
      "Mariama",
      "Yah",
      "Ruth",
      "Massa",
    ],
    men: ["Joseph", "Emmanuel", "Mohamed", "Alpha", "Moses"],
    surnames: [
      "Kollie",
      "Flomo",
      "Togba",
      "Kamara",
      "Sesay",
      "Diallo",
      "Camara",
      "Pewee",
      "Kromah",
      "Sumo",
    ],
    organisations: [
      "Bong County Women's Forum",
      "Montserrado Youth Dialogue",
      "West Point Market Women",
      "Mano River Women's Network",
    ],
  },
  kathmandu: {
    locations: [
      ["NP", 14],
      ["LK", 4],
    ],
    women: [
      "Sita",
      "Pooja",
      "Bishnu",
      "Kamala",
      "Sunita",
      "Nirmala",
      "Tharshini",
      "Dilani",
      "Rekha",
      "Maya",
    ],
    men: ["Ramesh", "Bikash", "Suresh", "Kasun"],
    surnames: [
      "Gurung",
      "Tamang",
      "Thapa",
      "Rai",
      "Magar",
      "Perera",
      "Sivakumar",
      "Fernando",
      "Karki",
      "Adhikari",
    ],
    organisations: [
      "Local Peace Committee, Dang",
      "Women Human Rights Defenders' Network",
      "Jaffna Women's Collective",
    ],
  },
  gulu: {
    locations: [
      ["UG", 10],
      ["CD", 3],
      ["BI", 3],
      ["RW", 2],
    ],
    women: [
      "Grace",
      "Esther",
      "Aline",
      "Claudine",
      "Florence",
      "Agnes",
      "Christine",
      "Beatrice",
      "Josephine",
      "Immaculée",
    ],
    men: ["Dennis", "Patrick", "Jean-Paul", "Innocent", "Samuel"],
    surnames: [
      "Akello",
      "Okello",
      "Atim",
      "Ojok",
      "Lamwaka",
      "Mwamba",
      "Uwase",
      "Ndayisaba",
      "Nshimirimana",
      "Kabasele",
      "Aciro",
    ],
    organisations: [
      "Gulu Women's Economic Development",
      "Réseau Femmes et Paix Bukavu",
      "Kitgum Youth Peace Club",
    ],
    french: true,
  },
  caucasus: {
    locations: [
      ["GE", 3],
      ["GE-AB", 3],
    ],
    women: ["Nino", "Tamar", "Madina", "Saida", "Eka"],
    men: ["Giorgi", "Inal", "Lasha"],
    surnames: ["Beridze", "Kapanadze", "Gublia", "Chkadua", "Tarba", "Jikia"],
    organisations: ["Women's Dialogue Platform", "Zugdidi Community Mediation Group"],
  },
} as const satisfies Record<string, NamePool>;

export type TraineeGroup = keyof typeof TRAINEE_GROUPS;

/** Roughly the programme's mix, with deliberate prefer-not-to-say / not-recorded answers. */
const GENDER_WEIGHTS: ReadonlyArray<readonly [Gender, number]> = [
  ["woman", 62],
  ["man", 20],
  ["another-gender", 4],
  ["prefer-not-to-say", 8],
  ["not-recorded", 6],
];

/** Generates `count` trainees of a group, unique by e-mail (a counter breaks name collisions). */
export function demoTrainees(
  prng: Prng,
  group: TraineeGroup,
  count: number,
  usedEmails: Set<string>,
): DemoPerson[] {
  const pool: NamePool = TRAINEE_GROUPS[group];
  const people: DemoPerson[] = [];
  for (let index = 0; index < count; index++) {
    const gender = prng.weighted(GENDER_WEIGHTS);
    const firstNames =
      gender === "woman"
        ? pool.women
        : gender === "man"
          ? pool.men
          : prng.chance(0.5)
            ? pool.women
            : pool.men;
    const first = prng.pick(firstNames);
    const last = prng.pick(pool.surnames);
    let local = slugify(`${first}.${last}`);
    for (let n = 2; usedEmails.has(local); n++) local = slugify(`${first}.${last}${n}`);
    usedEmails.add(local);
    people.push({
      email: `${local}@${DEMO_EMAIL_DOMAIN}`,
      displayName: `${first} ${last}`,
      roles: ["trainee"],
      preferredLocale: pool.french && prng.chance(0.5) ? "fr" : "en",
      gender,
      // Ages 19–58 in 2026; about one in ten did not give a birth year.
      birthYear: prng.chance(0.1) ? null : prng.int(1968, 2007),
      locationCode: prng.weighted(pool.locations),
      organisation: prng.chance(0.8) ? prng.pick(pool.organisations) : null,
    });
  }
  return people;
}

function slugify(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, "-");
}
