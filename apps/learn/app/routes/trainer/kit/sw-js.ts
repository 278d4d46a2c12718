/**
 * The kit's service worker, served from /trainer/kit/ so that its scope is the kit's pages and
 * nothing else (a worker's scope cannot reach above its own address without a special header).
 * Its code is the static file public/kit/kit-sw.js; this one line only gives it its scope.
 * Not cached by the browser's HTTP cache: the browser checks for a new worker on each visit.
 */
export function loader() {
  return new Response('importScripts("/kit/kit-sw.js");\n', {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "no-cache",
    },
  });
}
