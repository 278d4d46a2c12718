import { describe, expect, it } from "vitest";
import { findMentions, identifiersOf, replaceSpans } from "./mentions";

const cut = (text: string, terms: string[]) =>
  findMentions(text, terms).map(({ start, end }) => text.slice(start, end));

describe("findMentions", () => {
  it("ignores case, accents and spacing, and gives offsets in the original text", () => {
    expect(cut("Call ZANELE   qx7-okonkwo today", ["Zanele Qx7-Okonkwo"])).toEqual([
      "ZANELE   qx7-okonkwo",
    ]);
    expect(cut("Mâriama said no; Mariama said yes", ["Mariama"])).toEqual(["Mâriama", "Mariama"]);
    // Decomposed input (a + combining acute) is the same name, and the mark is inside the span.
    expect(cut("Seen: Mariama\u0301 at noon", ["Mariamá"])).toEqual(["Mariama\u0301"]);
    expect(cut("Bénédicte Ngoy", ["benedicte ngoy"])).toEqual(["Bénédicte Ngoy"]);
  });

  it("matches whole words only", () => {
    expect(cut("Banana and Anastasia", ["Ana"])).toEqual([]);
    expect(cut("Ana, Ana's and (Ana)", ["Ana"])).toEqual(["Ana", "Ana", "Ana"]);
  });

  it("finds e-mail addresses and prefers the longest term", () => {
    const text = "write to zanele.qx7@demo.example or Zanele Qx7";
    expect(cut(text, ["zanele.qx7@demo.example", "Zanele Qx7", "Zanele"])).toEqual([
      "zanele.qx7@demo.example",
      "Zanele Qx7",
    ]);
  });

  it("ignores terms shorter than three letters and empty text", () => {
    expect(findMentions("Al and Bo", ["Al", "Bo"])).toEqual([]);
    expect(findMentions("", ["Mariama"])).toEqual([]);
  });

  it("finds names in other scripts too", () => {
    expect(cut("შეხვედრა მარიამთან და მარიამ", ["მარიამ"])).toEqual(["მარიამ"]);
    expect(cut("सीता राई आइन्", ["सीता राई"])).toEqual(["सीता राई"]);
  });
});

describe("replaceSpans", () => {
  it("replaces each mention and keeps the text around it", () => {
    const text = "Met Zanele Qx7 and zanele qx7 again";
    expect(replaceSpans(text, findMentions(text, ["Zanele Qx7"]), "[erased]")).toBe(
      "Met [erased] and [erased] again",
    );
  });
});

describe("identifiersOf", () => {
  it("is certain of the full name and e-mail, unsure of a name part or the organisation", () => {
    expect(
      identifiersOf({
        email: "Zanele.Qx7@demo.example",
        displayName: "Zanele Qx7-Okonkwo",
        organisation: "Qx7 Widows Association",
      }),
    ).toEqual({
      certain: ["Zanele.Qx7@demo.example", "Zanele Qx7-Okonkwo", "Zanele.Qx7"],
      uncertain: ["Zanele", "Qx7", "Okonkwo", "Qx7 Widows Association"],
    });
  });

  it("does not hold a one-word name twice, nor a short e-mail name", () => {
    expect(
      identifiersOf({ email: "mb@x.org", displayName: "Mariama", organisation: null }),
    ).toEqual({ certain: ["mb@x.org", "Mariama"], uncertain: [] });
  });
});
