/**
 * Open Badges 3.0 "baking" of SVG images (1EdTech OB 3.0 §5.3.2): the signed credential inside an
 * `<openbadges:credential>` element, as CDATA, in the badge picture itself, so the one file both
 * shows and proves.
 */
const OB_NAMESPACE = "https://purl.imsglobal.org/ob/v3p0";

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Splits a title into lines of at most `width` characters, at spaces. */
function wrap(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && `${line} ${word}`.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length > maxLines
    ? [
        ...lines.slice(0, maxLines - 1),
        `${lines
          .slice(maxLines - 1)
          .join(" ")
          .slice(0, width - 1)}…`,
      ]
    : lines;
}

/** The badge picture with `credential` baked in. */
export function bakeSvg(
  credential: Record<string, unknown>,
  { title, issuerName, date }: { title: string; issuerName: string; date: string },
): string {
  // "]]>" would end the CDATA early; in JSON, ">" may be written \u003e with the same meaning.
  const json = JSON.stringify(credential).replaceAll("]]>", "]]\\u003e");
  const lines = wrap(title, 22, 3);
  const titleLines = lines
    .map(
      (line, i) =>
        `<text x="150" y="${128 + i * 22}" font-size="18" font-weight="bold" text-anchor="middle" fill="#1f2937">${escapeXml(line)}</text>`,
    )
    .join("\n  ");
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="${OB_NAMESPACE}" width="300" height="300" viewBox="0 0 300 300" role="img" aria-labelledby="badge-title">
  <openbadges:credential><![CDATA[${json}]]></openbadges:credential>
  <title id="badge-title">${escapeXml(`${title} — ${issuerName}, ${date}`)}</title>
  <circle cx="150" cy="150" r="140" fill="#ecfdf5" stroke="#047857" stroke-width="10"/>
  <circle cx="150" cy="150" r="122" fill="none" stroke="#047857" stroke-width="2"/>
  <path d="M132 70 l12 12 l24 -24" fill="none" stroke="#047857" stroke-width="8" stroke-linecap="round" stroke-linejoin="round"/>
  ${titleLines}
  <text x="150" y="212" font-size="14" text-anchor="middle" fill="#374151">${escapeXml(issuerName)}</text>
  <text x="150" y="234" font-size="13" text-anchor="middle" fill="#374151">${escapeXml(date)}</text>
</svg>
`;
}

const BAKED =
  /<openbadges:credential(?:\s[^>]*)?>\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*<\/openbadges:credential>/;

/**
 * The credential in an uploaded file: a JSON document, or the JSON baked into an SVG badge.
 * Null when the file holds neither.
 */
export function readCredentialFile(text: string): unknown {
  const trimmed = text.replace(/^\uFEFF/, "").trim();
  const source = trimmed.startsWith("{") ? trimmed : BAKED.exec(trimmed)?.[1];
  if (!source) return null;
  try {
    return JSON.parse(source);
  } catch {
    return null;
  }
}
