import { call, errorText } from '../state/errors.js';
import { store } from '../state/store.js';

/** Saves `content` as a file through a temporary object URL (no new window, nothing stored). */
export function saveFile(name: string, content: string, type: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  clickLink(url, name);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const CHECKED = 'adminSessionChecked';

function clickLink(href: string, download: string, checked = false) {
  const a = document.createElement('a');
  a.href = href;
  a.download = download;
  a.hidden = true;
  if (checked) a.dataset[CHECKED] = '1';
  document.body.append(a);
  a.click();
  a.remove();
}

/**
 * Export links are plain `<a download href="/v1/admin/…">` (the browser streams the file to disk
 * with the session cookie). A session that ended would make the browser save the 401 problem
 * JSON as the "export": so a click on such a link first asks `GET /me`; when the session has
 * ended, `call()` sends the page back to sign-in and nothing is downloaded; otherwise the same
 * link is followed. One listener on the document sees clicks inside every shadow root.
 */
export function guardDownloads(doc: Document = document) {
  doc.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    const a = e.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement);
    if (!a || !a.hasAttribute('download') || a.dataset[CHECKED]) return;
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin || !url.pathname.startsWith('/v1/admin/')) return;
    e.preventDefault();
    void (async () => {
      const { error } = await call(store.client.me.get());
      if (!error) return clickLink(a.href, a.download, true);
      if (store.me) store.announce(errorText(error), true);
    })();
  });
}

if (typeof document !== 'undefined') guardDownloads();
