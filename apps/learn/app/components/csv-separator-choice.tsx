import { readerDelimiter } from "~/lib/csv";
import { useTranslation } from "~/lib/i18n-react";

/**
 * The "which spreadsheet is this file for?" radios of every CSV download form (`sep`): semicolons
 * for Excel or LibreOffice set to French, commas for the others, checked by the reader's language
 * (the server reads a missing `sep` the same way, `readerDelimiter`).
 */
export function CsvSeparatorChoice({ locale }: { locale: string }) {
  const { t } = useTranslation("common");
  const checked = readerDelimiter(locale) === ";" ? "semicolon" : "comma";
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="font-semibold">{t("csvSeparator.legend")}</legend>
      {(["semicolon", "comma"] as const).map((sep) => (
        <label key={sep} className="flex items-center gap-2">
          <input type="radio" name="sep" value={sep} defaultChecked={sep === checked} />
          {t(sep === "semicolon" ? "csvSeparator.semicolon" : "csvSeparator.comma")}
        </label>
      ))}
    </fieldset>
  );
}
