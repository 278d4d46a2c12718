import { notVerified, pillar, source, sourced } from "./nap-facts";
import type { CountryNaps } from "./nap-schema";

// Burundi, the Democratic Republic of the Congo, Rwanda, Uganda. Every source below is the page
// actually read; see ADR 032.

const burundi = {
  overview: source(
    "https://1325naps.peacewomen.org/index.php/nap-overview/burundi-nap-overview",
    "Burundi NAP Overview (WILPF)",
  ),
  wilpf: source(
    "https://1325naps.peacewomen.org/index.php/burundi/",
    "Burundi — 1325 National Action Plans (WILPF)",
  ),
  wilpfCountry: source(
    "https://1325naps.peacewomen.org/index.php/country/burundi/",
    "Burundi — 1325 National Action Plans, country page (WILPF)",
  ),
  securityWomen: source(
    "https://www.securitywomen.org/unscr-1325-and-national-action-plans-nap/burundi",
    "Burundi — UNSCR 1325 and National Action Plans (SecurityWomen)",
  ),
  firstPlan: source(
    "https://vdocuments.us/national-action-plan-2012-2016-action-plan-for-the-implementation-of-resolution.html",
    "2012-2016 Action Plan for the Implementation of Resolution 1325 (2000) of the Security Council (unofficial English translation, ARC DP160100212)",
  ),
  secondPlan: source(
    "https://fr.readkong.com/page/plan-d-action-national-2017-2021-pour-la-mise-en-uvre-de-la-7257927",
    "Plan d'action national 2017-2021 pour la mise en œuvre de la résolution 1325 du Conseil de sécurité des Nations Unies pour les femmes, la paix et la sécurité (texte du plan, juillet 2017)",
  ),
  secondAxes: source(
    "https://abpinfos.com/le-burundi-a-besoin-de-plus-de-39-milliards-de-fbu-pour-le-nouveau-pan-de-la-r-1325",
    "Le Burundi a besoin de plus de 39 milliards de FBu pour le nouveau PAN de la R 1325 (ABP)",
  ),
};

const congo = {
  peacewomen: source(
    "http://peacewomen.org/nap-drc",
    "National Action Plan: Congo (Kinshasa) (PeaceWomen, WILPF)",
  ),
  wilpf: source(
    "https://1325naps.peacewomen.org/index.php/country/congo-kinshasa/",
    "Congo Kinshasa — 1325 National Action Plans (WILPF)",
  ),
  unWomen: source(
    "https://africa.unwomen.org/en/news-and-events/stories/2018/09/investing-in-women-for-peace-and-security",
    "Investing in women for peace and security: the Democratic Republic of Congo adopts a 2nd Generation National Action Plan (UN Women Africa)",
  ),
  unWomenFr: source(
    "http://africa.unwomen.org/fr/news-and-events/stories/2018/09/drc",
    "Investir dans les femmes pour la paix et la sécurité : la RDC adopte une 2ème Génération du Plan d'Action National (ONU Femmes Afrique)",
  ),
  wpsHub: source(
    "https://wpshub.africa/knowledge-base/democratic-republic-of-the-congo-drc-national-action-plan/",
    "Democratic Republic of the Congo (DRC) National Action Plan (WPS Hub Africa)",
  ),
  helpdesk: source(
    "https://wpshelpdesk.org/articles/review-of-the-national-action-plan-on-women-peace-and-security-second-generation-2020-2023-in-the-democratic-republic-of-the-congo/",
    "Review of the National Action Plan on Women, Peace and Security second generation (2020–2023) in the Democratic Republic of the Congo (WPS Helpdesk)",
  ),
  thirdValidated: source(
    "https://7sur7.cd/index.php/2024/11/20/rdc-validation-du-plan-daction-3-de-la-resolution-1325-evalue-26-millions",
    "RDC : validation du plan d'action 3 de la résolution 1325 évalué à 26 millions (7sur7.cd)",
  ),
  thirdSymposium: source(
    "https://actualite.cd/2024/11/13/24-ans-de-la-resolution-1325-de-lonu-un-symposium-kinshasa-pour-notamment-valider-le",
    "24 ans de la résolution 1325 de l'ONU : un symposium à Kinshasa pour notamment valider le plan d'action national de mise en œuvre (PAN III) (Actualite.cd)",
  ),
  thirdWorkshop: source(
    "https://acp.cd/genre/les-roles-des-acteurs-dans-limplementation-de-la-resolution1325-objet-dun-atelier",
    "Les rôles des acteurs dans l'implémentation de la résolution 1325 objet d'un atelier (ACP, 29 avril 2025)",
  ),
};

const rwanda = {
  peacewomen: source(
    "https://www.peacewomen.org/nap-rwanda",
    "National Action Plan: Rwanda (PeaceWomen, WILPF)",
  ),
  wilpf: source(
    "https://1325naps.peacewomen.org/index.php/rwanda/",
    "Rwanda — 1325 National Action Plans (WILPF)",
  ),
  securityWomen: source(
    "https://www.securitywomen.org/unscr-1325-and-national-action-plans-nap/rwanda",
    "Rwanda — UNSCR 1325 and National Action Plans (SecurityWomen)",
  ),
  wpsHub: source(
    "https://wpshub.africa/knowledge-base/rwanda/",
    "Rwanda National Action Plan (WPS Hub Africa)",
  ),
  firstPlan: source(
    "https://docslib.org/doc/748357/rwanda-national-action-plan-2009-2012",
    "Republic of Rwanda, National Action Plan 2009-2012: The United Nations Security Council Resolution 1325/2000 on Women, Peace and Security (text of the plan, English version of May 2010)",
  ),
};

const uganda = {
  wilpf: source(
    "http://1325naps.peacewomen.org/index.php/uganda/",
    "Uganda — 1325 National Action Plans (WILPF)",
  ),
  overview: source(
    "https://1325naps.peacewomen.org/index.php/nap-overview/uganda-nap-overview",
    "Uganda NAP Overview (WILPF)",
  ),
  securityWomen: source(
    "https://www.securitywomen.org/unscr-1325-and-national-action-plans-nap/uganda",
    "Uganda — UNSCR 1325 and National Action Plans (SecurityWomen)",
  ),
  monitoring: source(
    "https://pdfslide.org/documents/monitoring-implementation-of-uganda-action-plan-6-this-report-presents-an-assessment.html",
    "Monitoring Implementation of Uganda Action Plan (NAP) for UNSCR 1325, 1820 and the Goma Declaration (Centre for Women in Governance, 2012)",
  ),
  thirdLaunch: source(
    "https://wipc.org/women-peace-and-security-reflection-workshop-on-nap-iii-implementation-progress-gaps-and-opportunities/",
    "Women, Peace and Security reflection workshop on NAP III implementation (Women's International Peace Centre)",
  ),
};

/** Burundi's, the DRC's, Rwanda's and Uganda's plans. */
export const greatLakesNaps: CountryNaps[] = [
  {
    country: "BI",
    plans: [
      {
        id: "BI-1",
        country: "BI",
        edition: 1,
        title: sourced(
          "2012-2016 Action Plan for the Implementation of Resolution 1325 (2000) of the Security Council",
          [burundi.firstPlan],
          "the title of an unofficial English translation; the French original was not read",
        ),
        period: sourced({ from: "2012", to: "2016" }, [burundi.wilpfCountry, burundi.firstPlan]),
        adopted: notVerified(
          "sources disagree: WILPF's overview says the plan was launched in December 2011, its country page that it was adopted in 2012",
          [burundi.overview, burundi.wilpfCountry],
        ),
        leadInstitution: notVerified(
          "WILPF lists the ministries involved (Gender, Defence, Public Security, Agriculture, Foreign Relations, Planning, Justice, National Solidarity) and Parliament without naming a lead",
          [burundi.overview],
        ),
        pillars: sourced(
          [
            pillar("BI-1", 1, "Promotion of Resolution 1325 for implementation", [], "interpreted"),
            pillar(
              "BI-1",
              2,
              "Equality and equity in the participation of men and women in decision-making positions",
              ["participation"],
              "named",
            ),
            pillar(
              "BI-1",
              3,
              "Strengthening of mechanisms for the protection of women's rights in periods of conflict and post-conflict",
              ["protection"],
              "named",
            ),
            pillar(
              "BI-1",
              4,
              "Legislative reform in favour of gender equality",
              ["protection"],
              "interpreted",
            ),
            pillar(
              "BI-1",
              5,
              "Consideration of the rights and needs of women and young girls in post-conflict programmes",
              ["relief-and-recovery"],
              "interpreted",
            ),
            pillar(
              "BI-1",
              6,
              "Consideration of the rights and needs of women and young girls in post-conflict justice",
              ["protection", "relief-and-recovery"],
              "interpreted",
            ),
            pillar(
              "BI-1",
              7,
              "Effective participation of women in peace negotiations, peacekeeping and peacebuilding operations",
              ["participation"],
              "named",
            ),
            pillar(
              "BI-1",
              8,
              "Coordination and funding of the implementation of R1325",
              [],
              "interpreted",
            ),
          ],
          [burundi.securityWomen, burundi.wilpfCountry],
          "SecurityWomen lists these eight as Burundi's objectives without naming the plan's years in the part read; they are the eight axes WILPF describes for the 2012-2016 plan",
        ),
      },
      {
        id: "BI-2",
        country: "BI",
        edition: 2,
        title: sourced(
          "Plan d'action national 2017-2021 pour la mise en œuvre de la résolution 1325 du Conseil de sécurité des Nations Unies pour les femmes, la paix et la sécurité",
          [burundi.secondPlan],
        ),
        period: sourced({ from: "2017", to: "2021" }, [burundi.secondPlan, burundi.secondAxes]),
        adopted: sourced("2017", [burundi.wilpfCountry], "the plan's cover is dated July 2017"),
        leadInstitution: sourced(
          "Ministère des Droits de la Personne Humaine, des Affaires Sociales et du Genre",
          [burundi.secondPlan],
        ),
        pillars: sourced(
          [
            pillar(
              "BI-2",
              1,
              "Promotion de la Résolution et de la mise en œuvre du PAN 2017-2021",
              [],
              "interpreted",
            ),
            pillar(
              "BI-2",
              2,
              "Égalité et équité en matière de participation des hommes et des femmes dans les postes de prise de décisions et dans les mécanismes de consolidation de la paix (participation et empowerment des femmes)",
              ["participation"],
              "named",
            ),
            pillar(
              "BI-2",
              3,
              "Renforcement du cadre légal ainsi que des mécanismes de consolidation de la paix et de justice post-conflit en vue d'une protection effective des droits des femmes en période de conflit et post-conflit",
              ["protection"],
              "named",
            ),
            pillar(
              "BI-2",
              4,
              "Protection des droits et prise en charge des victimes des violences sexuelles et basées sur le genre",
              ["protection"],
              "named",
            ),
            pillar(
              "BI-2",
              5,
              "Implication des femmes et prise en compte des besoins des femmes et des filles dans l'élaboration, la mise en œuvre, le suivi et l'évaluation des programmes post-conflit",
              ["relief-and-recovery"],
              "interpreted",
            ),
            pillar(
              "BI-2",
              6,
              "Financement, coordination, suivi et évaluation de la mise en œuvre du PAN",
              [],
              "interpreted",
            ),
          ],
          [burundi.secondAxes],
          "six axes developed into ten objectives and fourteen results (ABP); the objectives were not read",
        ),
      },
      {
        id: "BI-3",
        country: "BI",
        edition: 3,
        title: sourced(
          "Third National Action Plan for the implementation of UNSCR 1325 (2022-2027)",
          [burundi.wilpf],
          "as WILPF describes it; the plan itself was not read",
        ),
        period: sourced({ from: "2022", to: "2027" }, [burundi.wilpf]),
        adopted: sourced("2022", [burundi.wilpf], "the day of adoption was not found"),
        leadInstitution: sourced(
          "Ministry of National Solidarity, Social Affairs, Human Rights and Gender",
          [burundi.wilpf],
          "in charge of collecting and validating the contributions of 25 institutions and organisations (WILPF)",
        ),
        pillars: sourced(
          [
            pillar("BI-3", 1, "Promotion of UNSCR 1325", [], "interpreted"),
            pillar(
              "BI-3",
              2,
              "Equality and equity in men and women's participation in decision-making positions and in peace-consolidation mechanisms",
              ["participation"],
              "named",
            ),
            pillar(
              "BI-3",
              3,
              "Reinforce the legal framework for the prevention of conflicts and violence against women and girls",
              ["prevention"],
              "named",
            ),
            pillar(
              "BI-3",
              4,
              "Protection of rights and care for victims of sexual and gender-based violence",
              ["protection"],
              "named",
            ),
            pillar(
              "BI-3",
              5,
              "Involvement of women and taking into account the needs of women and girls for the development and implementation of economic recovery programs",
              ["relief-and-recovery"],
              "interpreted",
            ),
            pillar(
              "BI-3",
              6,
              "Coordination and mobilization of financing for the implementation of NAP 2022-2027",
              [],
              "interpreted",
            ),
          ],
          [burundi.wilpf],
        ),
      },
    ],
    coverage: sourced("Three plans: 2012–2016, 2017–2021 and 2022–2027.", [burundi.wilpf]),
  },
  {
    country: "CD",
    plans: [
      {
        id: "CD-1",
        country: "CD",
        edition: 1,
        title: sourced(
          "National Action Plan for the implementation of UNSCR 1325 (2010)",
          [congo.peacewomen],
          "as PeaceWomen lists it ('DRC NAP 2010'); the plan itself was not read",
        ),
        period: sourced(
          { from: "2010", to: null },
          [congo.peacewomen, congo.wilpf],
          "the plan set no period of implementation",
        ),
        adopted: sourced(
          "2010",
          [congo.peacewomen, congo.wilpf],
          "the day of adoption was not found",
        ),
        leadInstitution: notVerified("no source read names the body that led the first plan", [
          congo.peacewomen,
          congo.unWomen,
        ]),
        pillars: notVerified("no source read lists the first plan's pillars", [
          congo.peacewomen,
          congo.wilpf,
        ]),
      },
      {
        id: "CD-2",
        country: "CD",
        edition: 2,
        title: sourced(
          "Second Generation National Action Plan for the implementation of United Nations Security Council Resolution 1325",
          [congo.unWomen],
          "as UN Women names it; the plan itself was not read",
        ),
        period: sourced(
          { from: "2019", to: "2022" },
          [congo.peacewomen, congo.wilpf, congo.wpsHub],
          "the WPS Helpdesk review gives 2020–2023; WILPF, who quote the plan by page, give 2019-2022",
        ),
        adopted: sourced("2018-09-07", [congo.unWomen, congo.unWomenFr]),
        leadInstitution: sourced(
          "Ministry of Gender, Child and Family",
          [congo.unWomen],
          "with the National Secretariat of 1325 and civil society organisations",
        ),
        pillars: sourced(
          [
            pillar(
              "CD-2",
              1,
              "Inclusion (women's participation)",
              ["participation"],
              "interpreted",
            ),
            pillar("CD-2", 2, "Prevention", ["prevention"], "named"),
            pillar("CD-2", 3, "Protection", ["protection"], "named"),
            pillar("CD-2", 4, "Recovery", ["relief-and-recovery"], "named"),
          ],
          [congo.wilpf, congo.unWomen],
          "WILPF names the axes inclusion, prevention, protection and recovery, with 11 objectives; UN Women names the first 'women's participation' and adds coordination; the objectives were not read",
        ),
      },
      {
        id: "CD-3",
        country: "CD",
        edition: 3,
        title: sourced(
          "Plan d'action national 1325 de 3e génération",
          [congo.thirdValidated, congo.thirdWorkshop],
          "as the Ministry of Gender calls it; the plan itself was not read",
        ),
        period: notVerified(
          "its cost is given for four years (US$26 million), but its first and last years were not found",
          [congo.thirdValidated, congo.thirdWorkshop],
        ),
        adopted: notVerified(
          "technically validated at a symposium on 12–14 November 2024 and announced on 19 November 2024; the minister was to submit it to the Council of Ministers, whose adoption was not found",
          [congo.thirdSymposium, congo.thirdValidated],
        ),
        leadInstitution: sourced(
          "Ministère du Genre, Famille et Enfant",
          [congo.thirdValidated, congo.thirdSymposium],
          "through its Secrétariat national permanent 1325",
        ),
        pillars: notVerified("the articles read do not list its pillars", [
          congo.thirdValidated,
          congo.thirdWorkshop,
        ]),
      },
    ],
    coverage: sourced(
      "Three plans: 2010, the second generation and the third, validated in November 2024.",
      [congo.peacewomen, congo.thirdValidated],
    ),
  },
  {
    country: "RW",
    plans: [
      {
        id: "RW-1",
        country: "RW",
        edition: 1,
        title: sourced(
          "National Action Plan 2009-2012: The United Nations Security Council Resolution 1325/2000 on Women, Peace and Security",
          [rwanda.firstPlan],
        ),
        period: sourced({ from: "2009", to: "2012" }, [rwanda.firstPlan, rwanda.peacewomen]),
        adopted: sourced(
          "2009",
          [rwanda.peacewomen],
          "the English version read is dated May 2010 (original: French)",
        ),
        leadInstitution: notVerified(
          "the plan's text read lists the ministries involved, the Ministry of Gender and Family Promotion (MIGEPROF) among them, but the part read does not name the lead",
          [rwanda.firstPlan],
        ),
        pillars: sourced(
          [
            pillar("RW-1", 1, "Prevention of gender-based violence", ["prevention"], "named"),
            pillar(
              "RW-1",
              2,
              "Protection and rehabilitation of victims' dignity",
              ["protection"],
              "named",
            ),
            pillar("RW-1", 3, "Participation and representation", ["participation"], "named"),
            pillar("RW-1", 4, "Women and gender promotion", [], "interpreted"),
            pillar(
              "RW-1",
              5,
              "Coordination, monitoring and evaluation of the activities",
              [],
              "interpreted",
            ),
          ],
          [rwanda.firstPlan],
        ),
      },
      {
        id: "RW-2",
        country: "RW",
        edition: 2,
        title: sourced(
          "National Action Plan 2018-2022 for the implementation of UNSCR 1325",
          [rwanda.peacewomen, rwanda.securityWomen],
          "as the sources describe it; the plan itself was not read",
        ),
        period: sourced({ from: "2018", to: "2022" }, [
          rwanda.peacewomen,
          rwanda.wilpf,
          rwanda.securityWomen,
        ]),
        adopted: sourced(
          "2018",
          [rwanda.peacewomen, rwanda.wilpf],
          "the day of adoption was not found",
        ),
        leadInstitution: notVerified(
          "WILPF says a Steering Committee of ten ministries developed the plan, without naming a lead",
          [rwanda.wilpf, rwanda.wpsHub],
        ),
        pillars: sourced(
          [
            pillar(
              "RW-2",
              1,
              "Participation and leadership of women in decision-making",
              ["participation"],
              "named",
              [
                {
                  text: "Meaningful and increased participation of women at decision-making levels in all institutions and mechanisms of governance, in particular at local levels.",
                  levels: ["community"],
                },
              ],
            ),
            pillar(
              "RW-2",
              2,
              "Prevention of violence against women and involvement in conflict prevention",
              ["prevention"],
              "named",
              [
                {
                  text: "Increased efforts in conflict and SGBV prevention at the local level.",
                  levels: ["community"],
                },
              ],
            ),
            pillar("RW-2", 3, "Protection from violence", ["protection"], "named", [
              {
                text: "Effective and operational Isange One Stop Centres across the country that provide free and comprehensive services to SGBV victims.",
                levels: ["national"],
              },
            ]),
            pillar(
              "RW-2",
              4,
              "Equal access to means of relief, economic recovery and rehabilitation",
              ["relief-and-recovery"],
              "named",
              [
                "Increased accountability for gender in humanitarian assistance including disarmament and demobilization programs and economic reconstruction efforts in Rwanda.",
              ],
            ),
            pillar(
              "RW-2",
              5,
              "Women's promotion and gender mainstreaming in Rwanda's foreign service and international and regional cooperation",
              ["participation"],
              "interpreted",
              [
                {
                  text: "Policy frameworks to support effective participation of women in regional and international peace processes are developed.",
                  levels: ["regional", "international"],
                },
              ],
            ),
          ],
          [rwanda.wilpf, rwanda.securityWomen, rwanda.wpsHub],
          "pillars as WILPF names them, objectives as SecurityWomen lists them",
        ),
      },
    ],
    coverage: notVerified(
      "whether a third plan followed the 2018-2022 plan was not found in the sources read",
      [rwanda.peacewomen, rwanda.wilpf, rwanda.securityWomen, rwanda.wpsHub],
    ),
  },
  {
    country: "UG",
    plans: [
      {
        id: "UG-1",
        country: "UG",
        edition: 1,
        title: sourced(
          "Uganda Action Plan for UNSCR 1325, 1820 and the Goma Declaration",
          [uganda.monitoring, uganda.overview],
          "as the civil-society monitoring report names it; the plan itself was not read",
        ),
        period: sourced({ from: "2008", to: "2010" }, [uganda.wilpf]),
        adopted: sourced(
          "2008",
          [uganda.wilpf, uganda.overview],
          "the day of adoption was not found",
        ),
        leadInstitution: sourced("Ministry of Gender, Labour and Social Development", [
          uganda.wilpf,
          uganda.overview,
        ]),
        pillars: notVerified(
          "WILPF's overview lists priority areas identified in Uganda's Beijing+25 review without saying which plan they belong to",
          [uganda.overview],
        ),
      },
      {
        id: "UG-2",
        country: "UG",
        edition: 2,
        title: notVerified(
          "the only source read says that a second plan was adopted, not its title",
          [uganda.wilpf],
        ),
        period: sourced({ from: "2011", to: "2015" }, [uganda.wilpf]),
        adopted: notVerified("the source read gives the plan's period, not when it was adopted", [
          uganda.wilpf,
        ]),
        leadInstitution: notVerified("no source read names the body that led the second plan", [
          uganda.wilpf,
        ]),
        pillars: notVerified("no source read lists the second plan's pillars", [uganda.wilpf]),
      },
      {
        id: "UG-3",
        country: "UG",
        edition: 3,
        title: sourced(
          "Third National Action Plan (NAP III) on Women, Peace and Security 2021-2025",
          [uganda.thirdLaunch, uganda.wilpf],
          "as the sources describe it; the plan itself was not read",
        ),
        period: sourced({ from: "2021", to: "2025" }, [uganda.wilpf, uganda.securityWomen]),
        adopted: sourced(
          "2021-03-08",
          [uganda.thirdLaunch],
          "the day the Ministry of Gender, Labour and Social Development launched it",
        ),
        leadInstitution: sourced("Ministry of Gender, Labour and Social Development", [
          uganda.thirdLaunch,
        ]),
        pillars: sourced(
          [
            pillar(
              "UG-3",
              1,
              "All forms of violence prevented and conflicts resolved",
              ["prevention"],
              "interpreted",
              [
                {
                  text: "Prevent all forms of violence and promote peace within families, communities and the nation.",
                  levels: ["household", "community", "national"],
                },
              ],
            ),
            pillar(
              "UG-3",
              2,
              "Good governance enhanced at all levels",
              ["participation"],
              "interpreted",
              [
                "Promote meaningful participation of women in leadership and governance at all levels.",
              ],
            ),
            pillar(
              "UG-3",
              3,
              "Natural and human-made disasters prevented and mitigated",
              ["prevention", "relief-and-recovery"],
              "interpreted",
              [
                "Strengthen the capacity of women to mitigate and prevent natural and human made disasters.",
              ],
            ),
            pillar(
              "UG-3",
              4,
              "Systems and structures for the implementation and coordination of the NAP III strengthened",
              [],
              "interpreted",
              [
                "Strengthen the institutional and coordination mechanism for WPS agenda at all levels.",
              ],
            ),
          ],
          [uganda.wilpf, uganda.securityWomen],
          "goals as WILPF names them, objectives as SecurityWomen lists them",
        ),
      },
    ],
    coverage: sourced("Three plans: 2008–2010, 2011–2015 and 2021–2025.", [uganda.wilpf]),
  },
];
