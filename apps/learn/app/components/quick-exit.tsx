import { buttonClassName } from "@peacelearn/ui";
import { href } from "react-router";
import { useTranslation } from "~/lib/i18n-react";

/** The quick-exit form's id: the inline script below finds it by this. */
const FORM_ID = "quick-exit";
/** Set in this tab just before leaving, so a page the browser restores from its cache hides. */
const LEFT_KEY = "peacelearn-left";

/**
 * "Leave this site quickly" (docs/decisions/018-quick-exit.md): a plain form, so it works with no
 * JavaScript at all (POST /exit signs this browser out and answers with the everyday site), kept
 * in view at any scroll position. Where scripts run, {@link quickExitScript} makes it faster and
 * leaves no entry behind.
 */
export function QuickExit({
  destination,
  discreet = false,
}: {
  destination: string;
  /** Discreet mode: labels that say nothing about why the button is there. */
  discreet?: boolean;
}) {
  const { t } = useTranslation("safety");
  return (
    <aside
      aria-label={discreet ? t("quickExit.neutralRegion") : t("quickExit.region")}
      className="sticky top-0 z-50 border-b border-border bg-surface-muted"
    >
      <form
        id={FORM_ID}
        method="post"
        action={href("/exit")}
        data-destination={destination}
        className="mx-auto flex max-w-5xl items-center justify-end gap-3 px-4 py-1"
      >
        <span id="quick-exit-help" className="hidden text-sm text-ink-muted sm:inline">
          {discreet ? t("quickExit.neutralDescription") : t("quickExit.description")}
        </span>
        <button
          type="submit"
          aria-describedby="quick-exit-help"
          className={buttonClassName("danger", "sm")}
        >
          {discreet ? t("quickExit.neutralLabel") : t("quickExit.label")}
        </button>
      </form>
    </aside>
  );
}

/**
 * Inline (every page, hydrated or not; plain ES5 so the oldest phones run it):
 * - pressing the button, or Escape twice within a second, hides the page at once, sends the same
 *   POST /exit in the background (keepalive, so it completes after the page is gone) and replaces
 *   this history entry with the everyday site — Back cannot return to the page that was open;
 * - a page of this site the browser restores from its back-forward cache after that hides and
 *   leaves again, before it is painted.
 */
export const quickExitScript = `(function(){var K=${JSON.stringify(LEFT_KEY)},I=${JSON.stringify(FORM_ID)};function f(){return document.getElementById(I)}function hide(){document.documentElement.style.visibility="hidden"}function go(e){var q=f();if(!q)return;if(e)e.preventDefault();hide();try{sessionStorage.setItem(K,"1")}catch(x){}var to=q.getAttribute("data-destination"),d=false,l=function(){if(!d){d=true;location.replace(to)}};try{fetch(q.action,{method:"POST",body:new URLSearchParams(new FormData(q)),credentials:"same-origin",keepalive:true,redirect:"manual"}).then(l,l)}catch(x){l()}setTimeout(l,1500)}document.addEventListener("submit",function(e){if(e.target&&e.target.id===I)go(e)},true);var t=0;document.addEventListener("keydown",function(e){if(e.key!=="Escape"&&e.key!=="Esc")return;var n=Date.now();if(n-t<1000){t=0;go()}else t=n},true);addEventListener("pageshow",function(e){var s=null;try{s=sessionStorage.getItem(K)}catch(x){}if(e.persisted&&s){hide();var q=f();location.replace(q?q.getAttribute("data-destination"):"about:blank")}else if(!e.persisted){try{sessionStorage.removeItem(K)}catch(x){}}})})()`;
