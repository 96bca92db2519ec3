/**
 * The script-tag entry, published as `/widget/v1/aftercare.js`:
 *
 *   <script type="module" src="https://API/widget/v1/aftercare.js"></script>
 *   <aftercare-repair publishable-key="pk_…"></aftercare-repair>
 *
 * It registers the four forms lazily: when an `aftercare-*` tag appears in the page, that
 * form's code (and, from there, its locale) is imported once, and the browser upgrades every
 * instance. Safe to include twice (one observer per page; elements define themselves only once)
 * and safe to import without a DOM (server-side rendering): nothing runs then.
 */
const FORMS = {
  'aftercare-registration': () => import('./elements/registration/index.js'),
  'aftercare-warranty': () => import('./elements/warranty/index.js'),
  'aftercare-repair': () => import('./elements/repair/index.js'),
  'aftercare-return': () => import('./elements/return/index.js'),
};
export type FormTag = keyof typeof FORMS;
const TAGS = Object.keys(FORMS) as FormTag[];
const loading = new Map<FormTag, Promise<unknown>>();

/** Loads (once) and defines one form; resolves when the tag is defined. */
export function load(tag: FormTag): Promise<unknown> {
  let p = loading.get(tag);
  if (!p) {
    p = FORMS[tag]().then(() => customElements.whenDefined(tag));
    loading.set(tag, p);
  }
  return p;
}

function scan(root: ParentNode) {
  for (const tag of TAGS) if (!customElements.get(tag) && root.querySelector(tag)) void load(tag);
}

type LoaderWindow = Window & { __aftercareLoader?: true };

if (typeof window !== 'undefined' && typeof document !== 'undefined' && typeof customElements !== 'undefined') {
  const w = window as LoaderWindow;
  if (!w.__aftercareLoader) {
    w.__aftercareLoader = true;
    scan(document);
    new MutationObserver((records) => {
      for (const r of records) for (const node of r.addedNodes) if (node.nodeType === 1) {
        const el = node as Element;
        if (el.localName in FORMS) void load(el.localName as FormTag);
        scan(el);
      }
    }).observe(document.documentElement, { childList: true, subtree: true });
  }
}
