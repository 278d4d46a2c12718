import { notVerified, pillar, source, sourced } from "./nap-facts";
import type { CountryNaps } from "./nap-schema";

// Liberia, Guinea, Sierra Leone. Every source below is the page actually read; see ADR 032.

const liberia = {
  peacewomen: source(
    "https://www.peacewomen.org/nap-liberia",
    "National Action Plan: Liberia (PeaceWomen, WILPF)",
  ),
  wilpf: source(
    "http://1325naps.peacewomen.org/?p=5351",
    "Liberia — 1325 National Action Plans (WILPF)",
  ),
  securityWomen: source(
    "https://www.securitywomen.org/unscr-1325-and-national-action-plans-nap/liberia",
    "Liberia — UNSCR 1325 and National Action Plans (SecurityWomen)",
  ),
  wpsHub: source(
    "https://wpshub.africa/knowledge-base/liberia-national-action-plan/",
    "Liberia National Action Plan (WPS Hub Africa)",
  ),
  giwps: source(
    "https://giwps.georgetown.edu/?p=5596",
    "The Liberia National Action Plan for the Implementation of United Nations Security Council Resolution 1325 (Georgetown Institute for Women, Peace and Security)",
  ),
  statement: source(
    "http://www.peacewomen.org/node/95156",
    "Liberia's statement on resolution 1325 to the Security Council (PeaceWomen)",
  ),
  secondPlan: source(
    "https://www.readkong.com/page/on-women-peace-and-security-2019-2023-liberia-s-second-5050788",
    "Liberia's Second Phase National Action Plan on Women, Peace and Security 2019-2023 (text of the plan)",
  ),
  cabinet: source(
    "https://www.modernghana.com/news/970926/gender-ministry-welcomes-lnap-endorsement-by-liberian-cabine.html",
    "Gender Ministry welcomes LNAP endorsement by Liberian Cabinet (Modern Ghana, 1 December 2019)",
  ),
  review: source(
    "https://www.hard-facts-media.com/news-stories/gender-ministry-wraps-up-western-region-review-of-women-peace-and-security-plan",
    "Gender Ministry wraps up Western Region review of Women, Peace and Security plan (Hard Facts Media)",
  ),
};

const guinea = {
  peacewomen: source(
    "https://www.peacewomen.org/nap-guinea",
    "National Action Plan: Guinea (PeaceWomen, WILPF)",
  ),
  wilpf: source(
    "https://1325naps.peacewomen.org/index.php/guinea/",
    "Guinea — 1325 National Action Plans (WILPF)",
  ),
  securityWomen: source(
    "https://www.securitywomen.org/unscr-1325-and-national-action-plans-nap/guinea",
    "Guinea — UNSCR 1325 and National Action Plans (SecurityWomen)",
  ),
  presentation: source(
    "https://www.yumpu.com/en/document/view/25206415/guinea-nap-peace-women",
    "National Plan of Strategic Actions for the Implementation of the 1325 and 1820 Resolutions of the United Nations Security Council – 2009-2013 (presentation by the National Directorate of Women's Promotion, English translation, November 2012)",
  ),
  fps: source(
    "https://fps.assistic.net/kb/indicateur-5-resolution-1325%EF%BF%BC-3",
    "Indicateur 5 : Résolution 1325 (base de connaissances Femmes, paix et sécurité)",
  ),
  update: source(
    "https://horoya.net.gn/2023/05/03/conakry-fin-des-ateliers-de-consultation-des-groupes-de-femmes-et-filles-sur-la-resolution-onusienne-1325/",
    "Conakry : fin des ateliers de consultation des groupes de femmes et filles sur la résolution onusienne 1325 (Horoya, 3 mai 2023)",
  ),
};

const sierraLeone = {
  wilpf: source(
    "https://1325naps.peacewomen.org/index.php/sierra-leone/",
    "Sierra Leone — 1325 National Action Plans (WILPF)",
  ),
  overview: source(
    "http://1325naps.peacewomen.org/index.php/nap-overview/sierra-leone-nap-overview/",
    "Sierra Leone NAP Overview (WILPF)",
  ),
  giwps: source(
    "https://giwps.georgetown.edu/resource/the-sierra-leone-national-action-plan-for-the-full-implementation-of-united-nations-security-council-resolutions-1325-2000-1820-2008/",
    "The Sierra Leone National Action Plan for the Full Implementation of United Nations Security Council Resolutions 1325 (2000) & 1820 (2008) (Georgetown Institute for Women, Peace and Security)",
  ),
  securityWomen: source(
    "https://www.securitywomen.org/unscr-1325-and-national-action-plans-nap/sierra-leone",
    "Sierra Leone — UNSCR 1325 and National Action Plans (SecurityWomen)",
  ),
  secondPlan: source(
    "https://www.readkong.com/page/the-sierra-leone-national-action-plan-silnap-ii-united-4499652",
    "The Sierra Leone National Action Plan (SiLNAP) II for the Full Implementation of United Nations Security Council Resolutions 1325 (2000) and 1820 (2008) (2019-2023) (text of the plan)",
  ),
  focalPoints: source(
    "https://wpsfocalpointsnetwork.org/sierra-leone/",
    "Sierra Leone (WPS Focal Points Network)",
  ),
  thirdLaunch: source(
    "https://southafricanewsgazette.com/sierra-leone-launches-third-national-action-plan-to-boost-womens-role-in-peace-and-development",
    "Sierra Leone Launches Third National Action Plan to Boost Women's Role in Peace and Development (South Africa News Gazette)",
  ),
  thirdLaunchAz: source(
    "https://a-zsl.com/?p=56458",
    "Launch of the Third Generation National Action Plan (SILNAP 3) (A-Z SL)",
  ),
};

/** Liberia's, Guinea's and Sierra Leone's plans. */
export const westAfricaNaps: CountryNaps[] = [
  {
    country: "LR",
    plans: [
      {
        id: "LR-1",
        country: "LR",
        edition: 1,
        title: sourced(
          "The Liberia National Action Plan for the Implementation of United Nations Security Council Resolution 1325",
          [liberia.giwps],
        ),
        period: sourced({ from: "2009", to: "2013" }, [liberia.peacewomen, liberia.wilpf]),
        adopted: sourced(
          "2009",
          [liberia.giwps, liberia.statement],
          "the day of adoption was not found",
        ),
        leadInstitution: sourced("Ministry of Gender and Development", [
          liberia.peacewomen,
          liberia.giwps,
        ]),
        pillars: sourced(
          [
            pillar("LR-1", 1, "Protection", ["protection"], "named"),
            pillar("LR-1", 2, "Prevention", ["prevention"], "named"),
            pillar("LR-1", 3, "Participation and empowerment", ["participation"], "named"),
            pillar("LR-1", 4, "Promotion", [], "interpreted"),
          ],
          [liberia.wilpf, liberia.statement],
          "the plan groups ten strategic issues under these pillars (PeaceWomen); the issues were not read",
        ),
      },
      {
        id: "LR-2",
        country: "LR",
        edition: 2,
        title: sourced(
          "Liberia's Second Phase National Action Plan on Women, Peace and Security 2019-2023",
          [liberia.secondPlan],
        ),
        period: sourced({ from: "2019", to: "2023" }, [liberia.secondPlan, liberia.peacewomen]),
        extendedTo: sourced("2025-12", [liberia.review]),
        adopted: sourced(
          "2019-11-25",
          [liberia.peacewomen, liberia.cabinet],
          "endorsed by the Cabinet at its monthly meeting",
        ),
        leadInstitution: sourced("Ministry of Gender, Children and Social Protection", [
          liberia.wilpf,
          liberia.secondPlan,
        ]),
        pillars: sourced(
          [
            pillar("LR-2", 1, "Prevention", ["prevention"], "named", [
              "Prevention of relapse into conflict and all forms of structural and physical violence against women and girls, including SGBV and the threat of terrorism.",
            ]),
            pillar("LR-2", 2, "Protection", ["protection"], "named", [
              "Women, young women and girls' safety, physical and mental health are assured, and their human rights respected.",
            ]),
            pillar("LR-2", 3, "Participation", ["participation"], "named", [
              "Participation of women, young women and girls in decision-making processes related to the prevention, management and resolution of conflicts and countering terrorism.",
            ]),
            pillar("LR-2", 4, "Relief and recovery", ["relief-and-recovery"], "named", [
              "Women and girls' specific needs are met in relief, recovery and peacebuilding interventions, including under threat of terrorism and especially those most vulnerable to violence.",
            ]),
            pillar("LR-2", 5, "Coordination and accountability", [], "interpreted"),
          ],
          [liberia.wilpf, liberia.securityWomen, liberia.wpsHub],
          "objectives as SecurityWomen lists them for the 2019-2023 plan",
        ),
      },
    ],
    coverage: sourced(
      "A third plan, for 2026–2031, was being prepared after a final assessment of the second; no third plan adopted was found.",
      [liberia.review],
    ),
  },
  {
    country: "GN",
    plans: [
      {
        id: "GN-1",
        country: "GN",
        edition: 1,
        title: sourced(
          "National Plan of Strategic Actions for the Implementation of the 1325 and 1820 Resolutions of the United Nations Security Council – 2009-2013",
          [guinea.presentation],
          "the title of the English translation; the French original was not read",
        ),
        period: sourced({ from: "2009", to: "2013" }, [
          guinea.peacewomen,
          guinea.wilpf,
          guinea.securityWomen,
          guinea.presentation,
        ]),
        adopted: sourced(
          "2009",
          [guinea.peacewomen, guinea.wilpf],
          "a national workshop of 11–19 August 2009 identified its five priority axes (the presentation); the day of adoption was not found",
        ),
        leadInstitution: sourced("Ministry of Social Affairs, of Women and Childhood Promotion", [
          guinea.peacewomen,
          guinea.wilpf,
          guinea.presentation,
        ]),
        pillars: sourced(
          [
            pillar(
              "GN-1",
              1,
              "Integration of gender in development policies and programmes",
              [],
              "interpreted",
              ["Integrate a gender focus into development policies and programmes."],
            ),
            pillar(
              "GN-1",
              2,
              "Involvement of women and girls in the peace process and in the prevention, management and settlement of conflicts",
              ["participation", "prevention"],
              "interpreted",
              [
                "Promote the involvement of women and girls in prevention, management and settlement of conflicts.",
              ],
            ),
            pillar(
              "GN-1",
              3,
              "Protection of women and girls from sexual violence and female genital mutilation",
              ["protection"],
              "named",
              [
                "Contribute to the protection of women's and girls' rights in terms of sexual violence and female genital mutilation.",
              ],
            ),
            pillar(
              "GN-1",
              4,
              "Integration of women in policy decision processes",
              ["participation"],
              "interpreted",
              [
                "Strengthen and promote the integration of women into the policy design and decision-making processes.",
              ],
            ),
            pillar("GN-1", 5, "Coordination and partnership", [], "interpreted", [
              "Strengthen the co-ordination and implementation of the consultation and partnership processes to ensure improved harmonisation.",
            ]),
          ],
          [guinea.wilpf, guinea.securityWomen, guinea.presentation],
        ),
      },
      {
        id: "GN-2",
        country: "GN",
        edition: 2,
        title: sourced(
          "Second National Action Plan for the implementation of UN Security Council Resolution 1325 on Women, Peace and Security",
          [guinea.wilpf, guinea.fps],
          "as Guinea's Beijing+25 report (quoted by WILPF) and the FPS knowledge base describe it; the plan itself was not read",
        ),
        period: notVerified(
          "sources disagree: Guinea's Beijing+25 report, as WILPF quotes it, gives 2014–2018; the FPS knowledge base gives 2013–2017; neither is the plan",
          [guinea.wilpf, guinea.fps],
        ),
        adopted: notVerified(
          "the FPS knowledge base says the plan was validated but gives no date",
          [guinea.fps],
        ),
        leadInstitution: notVerified(
          "the sources read say the ministry in charge of women's promotion coordinated the first two plans' activities, not which body led the second plan",
          [guinea.fps],
        ),
        pillars: notVerified("no source read lists the second plan's axes", [
          guinea.wilpf,
          guinea.fps,
        ]),
      },
    ],
    coverage: sourced(
      "No third plan adopted was found: the FPS knowledge base says Guinea could not draw up a third plan after changes of minister; in April–May 2023 the ministry in charge of women's promotion held consultations to update the plan.",
      [guinea.fps, guinea.update],
    ),
  },
  {
    country: "SL",
    plans: [
      {
        id: "SL-1",
        country: "SL",
        edition: 1,
        title: sourced(
          "The Sierra Leone National Action Plan for the Full Implementation of United Nations Security Council Resolutions 1325 (2000) & 1820 (2008)",
          [sierraLeone.giwps],
        ),
        period: sourced({ from: "2010", to: "2014" }, [
          sierraLeone.wilpf,
          sierraLeone.overview,
          sierraLeone.giwps,
        ]),
        adopted: notVerified(
          "sources disagree: WILPF says adopted in 2010; the Minister of Gender said at SiLNAP III's launch that SiLNAP I started in 2009; Georgetown catalogues the document under 2011",
          [sierraLeone.wilpf, sierraLeone.thirdLaunchAz, sierraLeone.giwps],
        ),
        leadInstitution: sourced(
          "Ministry of Social Welfare, Gender and Children's Affairs",
          [sierraLeone.overview, sierraLeone.giwps],
          "it led the Government–Civil Society Task Force that drafted the plan",
        ),
        pillars: notVerified("no source read lists the first plan's pillars", [
          sierraLeone.overview,
          sierraLeone.wilpf,
        ]),
      },
      {
        id: "SL-2",
        country: "SL",
        edition: 2,
        title: sourced(
          "The Sierra Leone National Action Plan (SiLNAP) II for the Full Implementation of United Nations Security Council Resolutions 1325 (2000) and 1820 (2008) (2019-2023)",
          [sierraLeone.secondPlan],
        ),
        period: sourced(
          { from: "2019", to: "2023" },
          [sierraLeone.secondPlan, sierraLeone.wilpf],
          "SecurityWomen gives 2018–2023; the plan's own title says 2019-2023",
        ),
        adopted: sourced(
          "2019",
          [sierraLeone.wilpf, sierraLeone.thirdLaunchAz],
          "the day of adoption was not found",
        ),
        leadInstitution: notVerified(
          "the source read names 'the National Machinery for the Advancement of Women' as coordinator, not a ministry by name",
          [sierraLeone.focalPoints],
        ),
        pillars: sourced(
          [
            pillar(
              "SL-2",
              1,
              "Prevention of conflict in communities and addressing the root causes of conflicts at all levels",
              ["prevention"],
              "named",
              [
                "Contribute to achieving reduced conflict in communities and addressing their root causes at all levels.",
              ],
            ),
            pillar(
              "SL-2",
              2,
              "Protection and support of women, girls and SGBV survivors and other vulnerable persons",
              ["protection"],
              "named",
              [
                "To protect women, girls and other vulnerable persons from SGBV, and promote human dignity and equality.",
              ],
            ),
            pillar(
              "SL-2",
              3,
              "Prosecute and punish perpetrators of SGBV effectively, and safeguard women's, adolescents' and girls' rights at all times as well as rehabilitate perpetrators",
              ["protection"],
              "interpreted",
              [
                "Contribute to increased conviction of perpetrators and promotion of women's, young adults' and girls' rights.",
              ],
            ),
            pillar(
              "SL-2",
              4,
              "Participation and representation of women in leadership at all levels of decision-making in peacebuilding and development processes",
              ["participation"],
              "named",
              [
                "Contribute to increased women's meaningful participation and representation in decision-making in all sectors, and at all levels.",
              ],
            ),
            pillar(
              "SL-2",
              5,
              "Promote peace culture and empower communities to generate and sustain their own well-being, environmental security and early response to health emergencies",
              ["prevention", "relief-and-recovery"],
              "interpreted",
              [
                {
                  text: "Contribute to sustainable peace and community resilience to environmental and health emergencies.",
                  levels: ["community"],
                },
              ],
            ),
            pillar(
              "SL-2",
              6,
              "Promote effective coordination, implementation, monitoring and evaluation and reporting of the National Action Plan",
              [],
              "interpreted",
              [
                "Capacity and systems for effective and efficient implementation, coordination, monitoring, evaluation and reporting strengthened.",
              ],
            ),
          ],
          [sierraLeone.securityWomen, sierraLeone.wilpf],
          "pillars and outcome objectives as SecurityWomen lists them",
        ),
      },
      {
        id: "SL-3",
        country: "SL",
        edition: 3,
        title: sourced(
          "Third Generation National Action Plan (SiLNAP III)",
          [sierraLeone.thirdLaunch, sierraLeone.thirdLaunchAz],
          "as the launch reports name it; the plan itself was not read",
        ),
        period: notVerified("the launch reports read give no period", [
          sierraLeone.thirdLaunch,
          sierraLeone.thirdLaunchAz,
        ]),
        adopted: sourced(
          "2024-10-03",
          [sierraLeone.thirdLaunch, sierraLeone.thirdLaunchAz],
          "the day the Ministry of Gender and Children's Affairs launched it; a separate adoption date was not found",
        ),
        leadInstitution: sourced("Ministry of Gender and Children's Affairs", [
          sierraLeone.thirdLaunch,
          sierraLeone.thirdLaunchAz,
        ]),
        pillars: notVerified("the launch reports read do not list its pillars", [
          sierraLeone.thirdLaunch,
          sierraLeone.thirdLaunchAz,
        ]),
      },
    ],
    coverage: sourced(
      "Three plans: SiLNAP I, SiLNAP II and SiLNAP III, launched on 3 October 2024.",
      [sierraLeone.thirdLaunchAz, sierraLeone.thirdLaunch],
    ),
  },
];
