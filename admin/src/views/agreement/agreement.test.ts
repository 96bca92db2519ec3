import { expect } from '@open-wc/testing';
import { apiSignIn, apiSignOut, button, deep, heading, mountApp, until, within } from '../../testing/fixtures.js';

const csrf = { 'x-aftercare-csrf': '1', 'content-type': 'application/json' };

/** As the operator: publishes a new version (the built-in text, made unique), so the gate closes. */
async function publishVersion(): Promise<number> {
  await apiSignIn('operator');
  const list = await (await fetch('/v1/admin/platform-agreements')).json();
  const base = list.items[0]?.text ?? list.template;
  const stamp = `\n\n(${new Date().toISOString()})`;
  const res = await fetch('/v1/admin/platform-agreements', { method: 'POST', headers: csrf, body: JSON.stringify({ text: { nl: base.nl + stamp, en: base.en + stamp } }) });
  if (res.status !== 201) throw new Error(`publish: ${res.status} ${await res.text()}`);
  const v = (await res.json()).version as number;
  await apiSignOut();
  return v;
}

describe('processor agreement gate (real API)', () => {
  let version = 0;
  before(async () => (version = await publishVersion()));
  afterEach(apiSignOut);
  // Whatever happened above, leave the owner un-gated: other files' tests sign in as this owner.
  after(async () => {
    await apiSignIn('owner');
    const a = await (await fetch('/v1/admin/agreement')).json();
    if (a.agreementRequired) await fetch('/v1/admin/agreement/accept', { method: 'POST', headers: csrf, body: JSON.stringify({ version: a.current.version, sha256: a.current.sha256 }) });
    await apiSignOut();
  });

  it('an auditor sees a banner that the owner must accept, and the views as usual', async () => {
    await apiSignIn('auditor');
    const app = await mountApp('#/logs/exports', 'nl');
    await heading(app, /^Logboeken/);
    await until(() => within(app, 'admin-agreement-banner', '.notice')[0], 'the banner');
    expect(within(app, 'admin-agreement-banner', '.notice')[0]!.textContent).to.contain('wacht op acceptatie door een eigenaar');
    await expect(app).to.be.accessible();
  });

  it('the owner sees the agreement first (version and hash), accepts, then reaches cases', async () => {
    await apiSignIn('owner');
    const app = await mountApp('#/cases', 'nl');
    await heading(app, 'Verwerkersovereenkomst');
    expect(deep(app, 'admin-cases')).to.equal(undefined);
    // The shell may replace the view once the gate's check answers: look the heading up each time.
    await until(() => {
      const root = deep(app, 'admin-agreement')?.shadowRoot;
      const current = root?.querySelector('h1');
      return !!current && root!.activeElement === current;
    }, 'focus on the agreement heading');
    await until(() => within(app, 'admin-agreement', 'dl.facts')[0], 'the facts');
    const facts = within(app, 'admin-agreement', 'dl.facts')[0]!.textContent!;
    expect(facts).to.contain(String(version));
    expect(facts).to.match(/[0-9a-f]{64}/);
    expect(within(app, 'admin-agreement', 'section.text')[0]!.getAttribute('lang')).to.equal('nl');
    await expect(app).to.be.accessible();
    button(app, `Versie ${version} accepteren`)!.click();
    await heading(app, 'Zaken');
    const a = await (await fetch('/v1/admin/agreement')).json();
    expect(a.agreementRequired).to.equal(false);
    expect(a.accepted.user).to.equal('Test owner');
  });

  it('after acceptance the agreement page shows who accepted, when and from which IP', async () => {
    await apiSignIn('owner');
    const app = await mountApp('#/agreement', 'nl');
    await heading(app, 'Verwerkersovereenkomst');
    await until(() => within(app, 'admin-agreement', 'dl.facts')[0], 'the facts');
    expect(within(app, 'admin-agreement', 'dl.facts')[0]!.textContent).to.match(/Geaccepteerd op .* door Test owner \(IP-adres /);
    expect(within(app, 'admin-agreement', 'button.primary').length).to.equal(0);
  });
});

describe('<admin-notices> (real API)', () => {
  afterEach(apiSignOut);

  it('the owner sees the unread count in the navigation and marks a notice read', async () => {
    await apiSignIn('owner');
    const before = (await (await fetch('/v1/admin/notices')).json()).unread as number;
    expect(before).to.be.greaterThan(0); // the agreement version published above
    const app = await mountApp('#/notices', 'nl');
    await heading(app, 'Meldingen');
    await until(() => within(app, 'admin-unread-count', '.sr-only')[0], 'the count in the navigation');
    expect(within(app, 'admin-unread-count', '.sr-only')[0]!.textContent).to.equal(`${before} ongelezen`);
    await until(() => button(app, 'Markeren als gelezen'), 'an unread notice');
    await expect(app).to.be.accessible();
    button(app, 'Markeren als gelezen')!.click();
    await until(() => (before === 1 ? !within(app, 'admin-unread-count', '.sr-only')[0] : within(app, 'admin-unread-count', '.sr-only')[0]?.textContent === `${before - 1} ongelezen`), 'the lower count');
  });
});
