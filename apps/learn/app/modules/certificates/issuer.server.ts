import { renderSVG } from "uqr";
import { env } from "~/lib/env.server";
import type { CertificateIssuer } from "./certificate-document";

export function certificateIssuer(): CertificateIssuer {
  return {
    organisation: env.CERTIFICATE_ISSUER,
    signatory: env.CERTIFICATE_SIGNATORY
      ? { name: env.CERTIFICATE_SIGNATORY, role: env.CERTIFICATE_SIGNATORY_ROLE || null }
      : null,
  };
}

/**
 * The verification address as a QR code: an inline SVG made on the server (no script, no image
 * request), black modules on white with a quiet zone of 4 modules as ISO/IEC 18004 asks, error
 * correction M so a creased paper copy still scans.
 */
export function verificationQrSvg(url: string): string {
  return renderSVG(url, { ecc: "M", border: 4 });
}
