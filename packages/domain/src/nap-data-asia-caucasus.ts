import { notVerified, pillar, source, sourced } from "./nap-facts";
import type { CountryNaps } from "./nap-schema";

// Nepal, Sri Lanka, Georgia. Every source below is the page actually read; see ADR 032.

const nepal = {
  peacewomen: source(
    "https://www.peacewomen.org/nap-nepal",
    "National Action Plan: Nepal (PeaceWomen, WILPF)",
  ),
  wilpf: source(
    "http://1325naps.peacewomen.org/index.php/country/nepal/",
    "Nepal — 1325 National Action Plans (WILPF)",
  ),
  firstPlan: source(
    "https://docslib.org/doc/9686590/national-action-plan-on-implementation-of-the-united-nations-security-council-resolutions-1325-1820-2011-12-2015-16",
    "National Action Plan on Implementation of the United Nations Security Council Resolutions 1325 & 1820 [2011/12 – 2015/16] (text of the plan)",
  ),
  adoption: source(
    "http://www.isiswomen.org/index.php?option=com_content&view=article&id=1442&Itemid=252",
    "Nepal adopts National Action Plan on UN SC Res 1325 & 1820 (press release, Kathmandu, 10 February 2011; Isis International)",
  ),
  launch: source(
    "http://peacewomen.org/content/nepal-nepal-launches-national-action-plan-women-peace-security-internationally",
    "Nepal launches National Action Plan on Women Peace & Security internationally (PeaceWomen)",
  ),
  secondPlan: source(
    "https://asiapacific.unwomen.org/en/digital-library/publications/2023/11/the-second-national-action-plan-fy-2022-2023-2024-2025",
    "The Second National Action Plan for the Implementation of United Nations Security Council Resolution 1325 and 1820 on Women, Peace and Security (FY 2022/2023-2024/2025) (UN Women Asia and the Pacific)",
  ),
};

const sriLanka = {
  wilpf: source(
    "https://1325naps.peacewomen.org/index.php/sri-lanka/",
    "Sri Lanka — 1325 National Action Plans (WILPF)",
  ),
  adoption: source(
    "https://srilankamirror.com/news/japan-welcomes-sl-adopting-national-action-plan-on-women-peace-security",
    "Japan welcomes SL adopting National Action Plan on Women, Peace & Security (Sri Lanka Mirror)",
  ),
  adoptionPress: source(
    "https://www.business-standard.com/article/international/sri-lanka-adopts-first-national-action-plan-on-women-peace-and-security-123030900946_1.html",
    "Sri Lanka adopts first National Action Plan on Women, Peace and Security (Business Standard, 9 March 2023)",
  ),
  unWomen: source(
    "https://asiapacific.unwomen.org/en/countries/sri-lanka/wps",
    "Sri Lanka: Women, Peace and Security (UN Women Asia and the Pacific)",
  ),
};

const georgia = {
  overview: source(
    "http://1325naps.peacewomen.org/index.php/nap-overview/georgia-nap-overview/",
    "Georgia NAP Overview (WILPF)",
  ),
  wilpfThird: source(
    "https://1325naps.peacewomen.org/index.php/country/georgia/",
    "Georgia — 1325 National Action Plans, country page on the 2018-2020 plan (WILPF)",
  ),
  wilpfFourth: source(
    "http://1325naps.peacewomen.org/index.php/georgia/",
    "Georgia — 1325 National Action Plans (WILPF)",
  ),
  localization: source(
    "https://gnwp.org/georgia-responds-to-the-lingering-impact-of-the-war-through-localization-of-resolution-1325/",
    "Georgia Responds to the Lingering Impact of the War Through Localization of Resolution 1325 (GNWP, 12 December 2017)",
  ),
  coordination: source(
    "https://peacewomen.org/content/meeting-national-coordination-group-national-action-plan-2012-2015",
    'Meeting of the National Coordination Group on "National Action Plan for 2012-2015" (PeaceWomen)',
  ),
  secondPlan: source(
    "https://fdocuments.in/document/2016-2017-national-action-plan-of-georgia-for-importance-of-bringing-gender.html",
    "2016-2017 National Action Plan of Georgia for Implementation of the UN Security Council Resolutions on Women, Peace and Security (official translation)",
  ),
  thirdPlan: source(
    "https://vdocuments.site/2018-2020-national-action-plan-of-georgia-for-the-government-of-georgiaas.html",
    "2018-2020 National Action Plan of Georgia for Implementation of the UN Security Council Resolutions on Women, Peace and Security (text of the plan)",
  ),
  thirdDrafting: source(
    "https://georgia.unwomen.org/en/news/stories/2017/10/drafting-process-of-the-third-national-action-plan",
    "Drafting process of the third National Action Plan on Women, Peace and Security of Georgia launched (UN Women Georgia)",
  ),
  securityWomen: source(
    "https://www.securitywomen.org/unscr-1325-and-national-action-plans-nap/georgia",
    "Georgia — UNSCR 1325 and National Action Plans (SecurityWomen)",
  ),
  fourthAdopted: source(
    "https://georgia.unwomen.org/en/stories/news/2022/12/government-adopts-2022-2024-national-action-plan-of-georgia-for-implementation-of-the-un-security-council-resolutions-on-women-peace-and-security",
    "Government adopts 2022–2024 National Action Plan of Georgia for Implementation of the UN Security Council Resolutions on Women, Peace and Security (UN Women Georgia)",
  ),
  fourthPresented: source(
    "https://georgia.unwomen.org/en/stories/news/2023/03/georgia-has-a-new-national-action-plan-for-2022-2024-on-the-implementation-of-the-women-peace-and-security-agenda",
    "Georgia has a new National Action Plan for 2022–2024 on the implementation of the Women, Peace and Security agenda (UN Women Georgia)",
  ),
};

// The Government of Georgia calls Abkhazia and the Tskhinvali region / South Ossetia "occupied
// territories"; the domain models only Abkhazia (GE-AB) as a conflict context.
const tskhinvali =
  "the Tskhinvali region / South Ossetia, the other territory the Government of Georgia calls occupied; the domain models no conflict context for it";

/** Nepal's, Sri Lanka's and Georgia's plans. */
export const asiaCaucasusNaps: CountryNaps[] = [
  {
    country: "NP",
    plans: [
      {
        id: "NP-1",
        country: "NP",
        edition: 1,
        title: sourced(
          "National Action Plan on Implementation of the United Nations Security Council Resolutions 1325 & 1820 [2011/12 – 2015/16]",
          [nepal.firstPlan],
        ),
        period: sourced(
          { from: "2011-02", to: "2016-02" },
          [nepal.secondPlan, nepal.peacewomen],
          "UN Women gives February 2011 – February 2016; the plan's title counts Nepali fiscal years 2011/12 – 2015/16",
        ),
        adopted: sourced(
          "2011-02-01",
          [nepal.firstPlan, nepal.adoption],
          "approved by the Council of Ministers; launched nationally on 17 February 2011",
        ),
        leadInstitution: sourced("Ministry of Peace and Reconstruction", [
          nepal.peacewomen,
          nepal.firstPlan,
        ]),
        pillars: sourced(
          [
            pillar("NP-1", 1, "Participation", ["participation"], "named", [
              "Ensure participation of women at all levels of decision making, conflict transformation and peace processes.",
            ]),
            pillar("NP-1", 2, "Protection and prevention", ["protection", "prevention"], "named"),
            pillar("NP-1", 3, "Promotion", [], "interpreted"),
            pillar("NP-1", 4, "Relief and recovery", ["relief-and-recovery"], "named"),
            pillar(
              "NP-1",
              5,
              "Resource management and monitoring and evaluation",
              [],
              "interpreted",
            ),
          ],
          [nepal.launch, nepal.adoption],
          "each pillar has one objective in the plan; only the first was read in full",
        ),
      },
      {
        id: "NP-2",
        country: "NP",
        edition: 2,
        title: sourced(
          "The Second National Action Plan for the Implementation of United Nations Security Council Resolution 1325 and 1820 on Women, Peace and Security (FY 2022/2023-2024/2025)",
          [nepal.secondPlan],
        ),
        period: sourced(
          { from: "2022-09", to: "2025-09" },
          [nepal.secondPlan],
          "WILPF gives 2022-2025",
        ),
        adopted: sourced("2022-09-22", [nepal.secondPlan], "endorsed by the Government of Nepal"),
        leadInstitution: sourced(
          "Ministry of Home Affairs",
          [nepal.secondPlan, nepal.wilpf],
          "drafted first by the former Ministry of Peace and Reconstruction",
        ),
        pillars: sourced(
          [
            pillar("NP-2", 1, "Participation", ["participation"], "named"),
            pillar("NP-2", 2, "Protection and prevention", ["protection", "prevention"], "named"),
            pillar("NP-2", 3, "Relief and recovery", ["relief-and-recovery"], "named"),
            pillar(
              "NP-2",
              4,
              "Capacity development, resource management and monitoring and evaluation",
              [],
              "interpreted",
            ),
          ],
          [nepal.wilpf],
          "priority areas as WILPF names them; their activities were not read",
        ),
      },
    ],
    coverage: sourced(
      "Two plans; none was in force between 2016 and the second plan of 2022 (WILPF). No plan after September 2025 was found.",
      [nepal.wilpf, nepal.secondPlan],
    ),
  },
  {
    country: "LK",
    plans: [
      {
        id: "LK-1",
        country: "LK",
        edition: 1,
        title: sourced(
          "National Action Plan on Women, Peace and Security",
          [sriLanka.adoption],
          "as the adoption reports name it; the plan itself was not read",
        ),
        period: sourced({ from: "2023", to: "2027" }, [
          sriLanka.wilpf,
          sriLanka.adoption,
          sriLanka.adoptionPress,
        ]),
        adopted: sourced(
          "2023-02-27",
          [sriLanka.adoption, sriLanka.adoptionPress],
          "approved by the Cabinet of Ministers; launched on 8 March 2023",
        ),
        leadInstitution: sourced("Ministry of Women, Child Affairs and Social Empowerment", [
          sriLanka.wilpf,
        ]),
        pillars: notVerified(
          "WILPF's page shows the plan's objectives in tabs that the stored page did not hold; UN Women describes its themes (climate response and recovery, legal and policy reform, women's leadership, marginalised women including women heads of households), not its pillars",
          [sriLanka.wilpf, sriLanka.unWomen],
        ),
      },
    ],
    coverage: sourced("One plan, Sri Lanka's first, for 2023–2027.", [
      sriLanka.adoption,
      sriLanka.adoptionPress,
    ]),
  },
  {
    country: "GE",
    plans: [
      {
        id: "GE-1",
        country: "GE",
        edition: 1,
        title: sourced(
          "National Action Plan for 2012-2015 on the implementation of UN Security Council Resolutions 1325, 1820, 1888, 1889 and 1960 on Women, Peace and Security",
          [georgia.coordination, georgia.overview],
          "as the sources describe it; the plan itself was not read",
        ),
        period: sourced({ from: "2012", to: "2015" }, [georgia.localization, georgia.overview]),
        adopted: sourced(
          "2012",
          [georgia.localization, georgia.wilpfThird],
          "approved by the Parliament of Georgia; WILPF's overview says it was developed in 2011; the day was not found",
        ),
        leadInstitution: sourced(
          "Gender Equality Council of the Parliament of Georgia",
          [georgia.overview, georgia.coordination],
          "WILPF names the Council for Gender Equality as leading the working group that coordinated the plan",
        ),
        pillars: notVerified("no source read lists the first plan's priority areas", [
          georgia.overview,
        ]),
      },
      {
        id: "GE-2",
        country: "GE",
        edition: 2,
        title: sourced(
          "2016-2017 National Action Plan of Georgia for Implementation of the UN Security Council Resolutions on Women, Peace and Security",
          [georgia.secondPlan],
        ),
        period: sourced({ from: "2016", to: "2017" }, [
          georgia.localization,
          georgia.overview,
          georgia.secondPlan,
        ]),
        adopted: sourced("2016", [georgia.wilpfThird], "the day of adoption was not found"),
        leadInstitution: notVerified(
          "the sources read say the Inter-Agency Commission was formed as a result of this plan, not which body led it",
          [georgia.overview],
        ),
        pillars: notVerified("no source read lists the second plan's priority areas", [
          georgia.overview,
          georgia.secondPlan,
        ]),
      },
      {
        id: "GE-3",
        country: "GE",
        edition: 3,
        title: sourced(
          "2018-2020 National Action Plan of Georgia for Implementation of the UN Security Council Resolutions on Women, Peace and Security",
          [georgia.thirdPlan],
        ),
        period: sourced({ from: "2018", to: "2020" }, [georgia.thirdPlan, georgia.wilpfThird]),
        adopted: sourced("2018", [georgia.wilpfThird], "the day of adoption was not found"),
        leadInstitution: sourced(
          "Inter-Agency Commission on Gender Equality, Violence against Women and Domestic Violence",
          [georgia.wilpfThird, georgia.overview, georgia.thirdDrafting],
        ),
        pillars: sourced(
          [
            pillar("GE-3", 1, "Participation", ["participation"], "named"),
            pillar("GE-3", 2, "Prevention", ["prevention"], "named"),
            pillar("GE-3", 3, "Protection", ["protection"], "named"),
            pillar("GE-3", 4, "Monitoring", [], "interpreted"),
          ],
          [georgia.wilpfThird],
          "priority areas as WILPF names them; their goals and outputs were not attributed with certainty (see the provision below)",
        ),
        conflictContextProvisions: [
          {
            contexts: ["GE-AB"],
            wordingAudience: "georgian-official",
            wording: notVerified(
              "SecurityWomen lists the objective 'IDP, conflict-affected women and women and girls residing in occupied territories have access to public services' for a Georgian plan without naming its years in the part read; it is probably the 2018-2020 plan's, not confirmed",
              [georgia.securityWomen],
            ),
            alsoCovers: tskhinvali,
          },
        ],
      },
      {
        id: "GE-4",
        country: "GE",
        edition: 4,
        title: sourced(
          "2022–2024 National Action Plan of Georgia for Implementation of the UN Security Council Resolutions on Women, Peace and Security",
          [georgia.fourthAdopted],
        ),
        period: sourced(
          { from: "2022", to: "2024" },
          [georgia.fourthAdopted, georgia.securityWomen],
          "WILPF's page heads it '2022-2023'; UN Women, the plan's technical partner, and SecurityWomen give 2022–2024",
        ),
        adopted: sourced(
          "2022-10-26",
          [georgia.fourthAdopted],
          "Ordinance No. 510 of the Government of Georgia",
        ),
        leadInstitution: sourced(
          "Inter-Agency Commission on Gender Equality, Violence against Women and Domestic Violence",
          [georgia.wilpfFourth, georgia.fourthPresented],
          "drafting coordinated by the Human Rights Secretariat of the Government of Georgia",
        ),
        pillars: sourced(
          [
            pillar(
              "GE-4",
              1,
              "Increasing representation and meaningful participation of women (including at the decision-making level) in peace and security processes",
              ["participation"],
              "named",
              [
                "Developing a policy on women's career advancement.",
                "Increasing women's representation and meaningful participation in peace negotiations.",
                "Promoting the development and improvement of the living conditions of women and youth affected by the conflict (including IDPs and those living adjacent to the occupied territories) through integrating their needs and priorities in development/updating/implementation of relevant policies.",
                "Ensuring consideration of the needs, priorities, and recommendations of conflict-affected women (including displaced persons and those living adjacent to the occupied territories) in peace negotiations, and promoting their participation in the peacebuilding process.",
              ],
            ),
            pillar(
              "GE-4",
              2,
              "Promoting the elimination and prevention of all forms of violence against women and girls (including sexual violence, gender-based violence and risks related to human security)",
              ["prevention", "protection"],
              "interpreted",
              [
                'Raising awareness of conflict-affected women and girls on issues related to violence and "human security".',
                "Capacity-building of the security and justice sector personnel to prevent and respond to sexual and gender-based violence in conflict and post-conflict situations.",
              ],
            ),
            pillar(
              "GE-4",
              3,
              "Improving access to public services and the socioeconomic empowerment of women and girls affected by conflict (including IDPs and those living adjacent to the occupied territories)",
              ["protection", "relief-and-recovery"],
              "interpreted",
            ),
          ],
          [georgia.securityWomen, georgia.wilpfFourth],
          "goals and objectives as SecurityWomen lists them; WILPF names the three impact areas women's participation, elimination and prevention of violence, and women's empowerment and protection; the third goal's objectives were cut off in the page read and are left out",
        ),
        conflictContextProvisions: [
          {
            contexts: ["GE-AB"],
            wordingAudience: "georgian-official",
            wording: sourced(
              "women and youth affected by the conflict (including IDPs and those living adjacent to the occupied territories)",
              [georgia.securityWomen],
            ),
            alsoCovers: tskhinvali,
            pillar: "GE-4.p1",
          },
          {
            contexts: ["GE-AB"],
            wordingAudience: "georgian-official",
            wording: sourced(
              "conflict-affected women (including displaced persons and those living adjacent to the occupied territories) in peace negotiations",
              [georgia.securityWomen],
            ),
            alsoCovers: tskhinvali,
            pillar: "GE-4.p1",
          },
          {
            contexts: ["GE-AB"],
            wordingAudience: "georgian-official",
            wording: sourced(
              "women and girls affected by conflict (including IDPs and those living adjacent to the occupied territories)",
              [georgia.securityWomen],
            ),
            alsoCovers: tskhinvali,
            pillar: "GE-4.p3",
          },
        ],
      },
    ],
    coverage: notVerified(
      "four plans were found (2012-2015, 2016-2017, 2018-2020, 2022-2024); whether a fifth followed the 2022-2024 plan was not found in the sources read",
      [georgia.securityWomen, georgia.wilpfFourth, georgia.fourthPresented],
    ),
  },
];
