import { z } from "zod";
import type { LocalizedText } from "./locale";

/** CRS sector groups (three-digit "sector" level) the programme's purpose codes belong to. */
export const dacSectorGroupCodes = ["151", "152"] as const;

/** One of {@link dacSectorGroupCodes}. */
export type DacSectorGroup = (typeof dacSectorGroupCodes)[number];

/**
 * The CRS sector groups. Source: OECD DAC, CRS purpose codes list (sector category names, English
 * and French, as republished in the IATI `SectorCategory` codelist).
 */
export const dacSectorGroups: Readonly<
  Record<DacSectorGroup, { code: DacSectorGroup; name: LocalizedText }>
> = {
  "151": {
    code: "151",
    name: { en: "Government & Civil Society-general", fr: "Gouvernement & Société Civile-général" },
  },
  "152": {
    code: "152",
    name: { en: "Conflict, Peace & Security", fr: "Conflits, Paix et Sécurité" },
  },
};

/** The five-digit CRS purpose codes relevant to gender, peace and security programming. */
export const dacSectorCodes = [
  "15130",
  "15150",
  "15160",
  "15170",
  "15180",
  "15210",
  "15220",
  "15230",
  "15240",
  "15250",
  "15261",
] as const;

/** One of {@link dacSectorCodes}. */
export type DacSectorCode = (typeof dacSectorCodes)[number];

/** Validates a {@link DacSectorCode} (a five-digit string). */
export const DacSectorCodeSchema = /* @__PURE__ */ z.enum(dacSectorCodes);

/** A CRS purpose code. */
export interface DacSector {
  readonly code: DacSectorCode;
  readonly group: DacSectorGroup;
  /** Official CRS name in English and French. */
  readonly name: LocalizedText;
}

const sector = (code: DacSectorCode, en: string, fr: string): DacSector => ({
  code,
  group: code.slice(0, 3) as DacSectorGroup,
  name: { en, fr },
});

/**
 * CRS purpose codes: group 152 Conflict, Peace & Security in full, and the 151 codes on justice,
 * participation, human rights and women's rights. Source: OECD DAC, CRS purpose codes list; names
 * copied from the English and French versions as republished in the IATI `Sector` codelist.
 */
export const dacSectors: Readonly<Record<DacSectorCode, DacSector>> = {
  "15130": /* @__PURE__ */ sector(
    "15130",
    "Legal and judicial development",
    "Développement des services légaux et judiciaires",
  ),
  "15150": /* @__PURE__ */ sector(
    "15150",
    "Democratic participation and civil society",
    "Participation démocratique et société civile",
  ),
  "15160": /* @__PURE__ */ sector("15160", "Human rights", "Droits de la personne"),
  "15170": /* @__PURE__ */ sector(
    "15170",
    "Women's rights organisations and movements, and government institutions",
    "Organisations et mouvements de défense des droits des femmes et institutions gouvernementales",
  ),
  "15180": /* @__PURE__ */ sector(
    "15180",
    "Ending violence against women and girls",
    "Élimination de la violence à l'égard des femmes et des filles",
  ),
  "15210": /* @__PURE__ */ sector(
    "15210",
    "Security system management and reform",
    "Gestion et réforme des systèmes de sécurité",
  ),
  "15220": /* @__PURE__ */ sector(
    "15220",
    "Civilian peace-building, conflict prevention and resolution",
    "Dispositifs civils de construction de la paix, et de prévention et de règlement des conflits",
  ),
  "15230": /* @__PURE__ */ sector(
    "15230",
    "Participation in international peacekeeping operations",
    "Participation à des opérations internationales de maintien de la paix",
  ),
  "15240": /* @__PURE__ */ sector(
    "15240",
    "Reintegration and SALW control",
    "Réintégration et contrôle des armes légères et de petit calibre",
  ),
  "15250": /* @__PURE__ */ sector(
    "15250",
    "Removal of land mines and explosive remnants of war",
    "Enlèvement des mines terrestres et restes explosifs de guerre",
  ),
  "15261": /* @__PURE__ */ sector(
    "15261",
    "Child soldiers (prevention and demobilisation)",
    "Enfants soldats (Prévention et démobilisation)",
  ),
};
