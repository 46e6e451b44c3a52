// t/browser/run.mjs — the browser suite of mod_portail (started by t/browser/run).
//
// Every GET screen of the router table (mod_portail/glue/router.c, read here: a route
// with no visit fails) as the public, the demo parent and the demo agent, plus the forms'
// error states and the POST result pages, at 1280 px and 360 px, with and without
// JavaScript: 0 axe-core violations (WCAG 2.1 A/AA), 0 W3C validator errors, no
// horizontal scroll at 360 px, every link answering 200 or a deliberate 30x/403.  Then the
// keyboard-only journeys of a new parent and of an agent.
//
// Environment: PORTAIL_BASE (http://localhost:PORT/portail), PORTAIL_DB_FILE (the SQLite
// database, for the activation mail in the outbox), PORTAIL_TOP, PORTAIL_OUT.
import { chromium } from 'playwright-core';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The town's clock: dates asked of the portal are its « today » (Europe/Paris), also on a
// machine on UTC between 23:00 and midnight.
process.env.TZ = 'Europe/Paris';

const here = path.dirname(fileURLToPath(import.meta.url));
const TOP = process.env.PORTAIL_TOP || path.resolve(here, '../..');
const BASE = (process.env.PORTAIL_BASE || 'http://localhost:8640/portail').replace(/\/$/, '');
const ORIGIN = new URL(BASE).origin;
const BASEPATH = new URL(BASE).pathname;
const DB = process.env.PORTAIL_DB_FILE;
const OUT = process.env.PORTAIL_OUT || path.join(here, 'out');
const AXE = fs.readFileSync(path.join(here, 'node_modules/axe-core/axe.min.js'), 'utf8');
const VNU = path.join(here, 'node_modules/vnu-jar/build/dist/vnu.jar');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const WIDTHS = [1280, 360];
const HEIGHT = { 1280: 800, 360: 740 };
// PORTAIL_ONLY=regex: check only the pages whose path matches (while fixing one screen);
// the forms, journeys and the route coverage are then skipped.
const ONLY = process.env.PORTAIL_ONLY ? new RegExp(process.env.PORTAIL_ONLY) : null;
const PER_ROUTE = 1;   // distinct URLs visited per route and role (a planning view counts apart)

const ACCOUNTS = {
  parent: ['parent@demo.portail.fr', 'Parent-demo-2026'],
  agent: ['agent@demo.portail.fr', 'Agent-demo-2026'],
};

let passed = 0;
const failures = [];
function check(ok, where, rule, element = '') {
  if (ok) { passed++; return true; }
  failures.push({ where, rule, element: String(element).replace(/\s+/g, ' ').slice(0, 200) });
  return false;
}

// --- The router table ----------------------------------------------------------------
function readRoutes() {
  const src = fs.readFileSync(path.join(TOP, 'mod_portail/glue/router.c'), 'utf8');
  const table = src.slice(src.indexOf('portail_routes[] = {'), src.indexOf('{ NULL, NULL'));
  const re = /\{\s*"(GET|POST)",\s*"([^"]+)",\s*(\w+),\s*(PT_ROLE_\w+),\s*(NULL|"[^"]*")\s*\}/g;
  const routes = [];
  for (let m; (m = re.exec(table));) {
    const [, method, pattern, screen, role, sheet] = m;
    const rx = new RegExp('^' + pattern.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
      .replace(/\{[a-z_]+\}/g, '[^/]+') + '$');
    routes.push({ method, pattern, screen, role, page: sheet !== 'NULL', rx });
  }
  if (routes.length < 20) throw new Error('router.c: table des routes illisible');
  return routes;
}
const ROUTES = readRoutes();
const GET_ROUTES = ROUTES.filter((r) => r.method === 'GET');
function routeOf(url) {
  const u = new URL(url, ORIGIN);
  if (u.origin !== ORIGIN || !u.pathname.startsWith(BASEPATH + '/')) return null;
  const p = u.pathname.slice(BASEPATH.length);
  return GET_ROUTES.find((r) => r.rx.test(p)) || null;
}
const visitedRoutes = new Set();

// --- Browser ---------------------------------------------------------------------------
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

// Without JavaScript: the page's own scripts never load.  (Chromium's switch would stop
// axe-core too; the portal has no <noscript>, so both are the same page.)
async function newContext(state, js) {
  const ctx = await browser.newContext({
    viewport: { width: 1280, height: HEIGHT[1280] }, storageState: state, acceptDownloads: true,
    locale: 'fr-FR', timezoneId: 'Europe/Paris',
  });
  if (!js) await ctx.route(/\.m?js(\?|$)/, (r) => r.abort());
  return ctx;
}

async function login(role) {
  const ctx = await newContext(undefined, true);
  const page = await ctx.newPage();
  await page.goto(BASE + '/connexion');
  await page.fill('#f-email', ACCOUNTS[role][0]);
  await page.fill('#f-password', ACCOUNTS[role][1]);
  await Promise.all([page.waitForNavigation(), page.click('form.formulaire button[type=submit]')]);
  const state = await ctx.storageState();
  await ctx.close();
  return state;
}

// The checks of the page shown now, at both widths: axe-core, horizontal scroll.
const VERBOSE = !!process.env.PORTAIL_VERBOSE;
async function checkShown(page, label, js) {
  if (VERBOSE) console.log(`  ${label} ${js ? 'JS' : 'sans JS'}`);
  await page.evaluate(AXE);
  for (const w of WIDTHS) {
    await page.setViewportSize({ width: w, height: HEIGHT[w] });
    const where = `${label} [${w} px, ${js ? 'JS' : 'sans JS'}]`;
    const res = await page.evaluate((tags) => window.axe.run(document, {
      resultTypes: ['violations'], runOnly: { type: 'tag', values: tags },
    }), AXE_TAGS);
    if (!res.violations.length) passed++;
    for (const v of res.violations) {
      for (const n of v.nodes.slice(0, 3)) check(false, where, `axe ${v.id} (${v.impact})`, n.target.join(' ') + ' ' + n.html);
    }
    if (w === 360) {
      const over = await page.evaluate(() => {
        const d = document.documentElement;
        if (d.scrollWidth <= d.clientWidth) return null;
        const wide = [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > d.clientWidth + 1)
          .map((e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : ''));
        return `scrollWidth ${d.scrollWidth} > ${d.clientWidth} : ${wide.slice(-4).join(', ')}`;
      });
      check(!over, where, 'défilement horizontal à 360 px', over || '');
    }
  }
  await page.setViewportSize({ width: 1280, height: HEIGHT[1280] });
}

// --- The pages: saved for the validator, links collected ---------------------------------
let saved = 0;
const savedFiles = new Map();   // file -> label
fs.mkdirSync(path.join(OUT, 'html'), { recursive: true });
function saveHtml(label, html) {
  const f = path.join(OUT, 'html', `${String(++saved).padStart(3, '0')}.html`);
  fs.writeFileSync(f, html);
  savedFiles.set(f, label);
}
const links = { public: new Map(), parent: new Map(), agent: new Map() };  // url -> first page
async function collectLinks(page, role, label) {
  const hrefs = await page.evaluate(() => [
    ...[...document.querySelectorAll('a[href]')]
      .filter((a) => !a.getAttribute('href').startsWith('#')).map((a) => a.href),
    ...[...document.querySelectorAll('link[href], img[src]')].map((e) => e.href || e.src),
  ]);
  for (const h of hrefs) {
    const u = new URL(h);
    if (u.origin !== ORIGIN) continue;
    u.hash = '';
    if (!links[role].has(u.href)) links[role].set(u.href, label);
  }
}

// --- Crawl: every screen reachable from the role's start pages ---------------------------
// Routes no page links to, visited with what their URL needs (a token, a file name).
// The month before this one, « AAAA-MM »: the demo town's bookings make its invoice run.
const LAST_MONTH = (() => { const d = new Date(); d.setDate(1); d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`; })();
const SEEDS = {
  public: ['/', '/connexion', '/inscription', '/mot-de-passe-oublie',
    '/activation/jeton-inconnu', '/reinitialisation/jeton-inconnu',
    '/confirmation-email/jeton-inconnu', '/agenda/jeton-inconnu', '/actualites/1/image'],
  parent: ['/', '/espace', '/espace/compte', '/espace/abonnements', '/famille/', '/famille/photos/inconnu.jpg',
    '/famille/documents', '/famille/documents/999999'],
  agent: ['/', '/espace', '/admin/', '/admin/activites/1/jour', '/admin/photos/inconnu.jpg',
    `/admin/facturation/apercu?regie=CANT&mois=${LAST_MONTH}`,
    '/admin/documents', '/admin/documents/types', '/admin/documents/999999/fichier'],
};
// PayFiP (h15payfip): the top-up form and a return page (t/browser/run adds its data).
SEEDS.parent.push('/famille/porte-monnaie/recharger', '/famille/paiement/retour?idop=navigateur0001');
const ROLE_OF = { PT_ROLE_ANY: ['public', 'parent', 'agent'], PT_ROLE_USER: ['parent', 'agent'],
  PT_ROLE_PARENT: ['parent'], PT_ROLE_AGENT: ['agent'] };

async function crawl(role, state) {
  const ctx = await newContext(state, true);
  const page = await ctx.newPage();
  const queue = SEEDS[role].map((p) => BASE + p);
  const seen = new Set();
  const quota = new Map();
  const pages = [];
  while (queue.length) {
    const url = queue.shift();
    const u = new URL(url); u.hash = '';
    if (seen.has(u.href)) continue;
    seen.add(u.href);
    const rt = routeOf(u.href);
    // An agent role (PT_ROLE_ACCUEIL…): the demo agent holds them all.
    if (!rt || !(ROLE_OF[rt.role] || ['agent']).includes(role)) continue;
    const key = rt.pattern + '|' + (u.searchParams.get('vue') || '');
    if ((quota.get(key) || 0) >= PER_ROUTE) continue;
    quota.set(key, (quota.get(key) || 0) + 1);
    if (!rt.page) {
      const r = await ctx.request.get(u.href, { maxRedirects: 0 });
      visitedRoutes.add(rt.pattern);
      check([200, 404].includes(r.status()), `${role} ${u.pathname}`, `réponse ${r.status()}`);
      continue;
    }
    const resp = await page.goto(u.href);
    const status = resp.status();
    const label = `${role} ${u.pathname}${u.search}`;
    if (VERBOSE) console.log(`  ${label} : ${status}`);
    // A token or file name of no one's: the error screen, which must be as good.
    const bogus = /inconnu/.test(u.pathname);
    if (!check(bogus ? status < 500 : status === 200, label, `réponse ${status}`)) continue;
    visitedRoutes.add(rt.pattern);
    await collectLinks(page, role, label);
    for (const l of await page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => a.href))) {
      queue.push(l);
    }
    if (ONLY && !ONLY.test(u.pathname + u.search)) continue;
    saveHtml(label, await resp.text());
    pages.push(u.href);
  }
  await ctx.close();
  return pages;
}

// --- Forms: error states and POST result pages -----------------------------------------
// Each runs once with and once without JavaScript and changes nothing (errors, previews);
// confirmations are the journeys' (below).
// Weekday wd (1 = Monday) of the week n weeks from this one, 'AAAA-MM-JJ' (as the
// living town's {S+n.wd}: demo-ville books up to week +2, so week +3 is free).
function weekDay(n, wd) {
  const d = new Date();
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7) + 7 * n + wd - 1);
  return isoDay(d);
}
// 'AAAA-MM-JJ' of a Date, on the town's clock.
function isoDay(d) {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
async function submitRaw(page, formSel) {
  await page.evaluate((s) => { for (const f of document.querySelectorAll(s)) f.noValidate = true; }, formSel);
  const [resp] = await Promise.all([page.waitForNavigation(),
    page.locator(`${formSel} [type=submit]`).first().click()]);
  return resp;
}
const FORMS = [
  { role: 'public', name: 'connexion : mot de passe faux', url: '/connexion', form: 'main form.formulaire',
    fill: async (p) => { await p.fill('#f-email', 'personne@exemple.fr'); await p.fill('#f-password', 'faux mot de passe'); } },
  { role: 'public', name: 'inscription : vide', url: '/inscription', form: 'main form.formulaire' },
  { role: 'public', name: 'mot de passe oublié : vide', url: '/mot-de-passe-oublie', form: 'main form' },
  { role: 'parent', name: 'abonnement : code inconnu', url: '/espace/abonnements', form: 'main form.formulaire',
    fill: async (p) => { await p.locator('main form.formulaire input[type=text]').first().fill('ZZZZ-ZZZZ-ZZZZ'); } },
  { role: 'parent', name: 'compte : mot de passe vide', url: '/espace/compte', form: 'main form.formulaire' },
  { role: 'parent', name: 'pré-inscription : vide', url: '/famille/preinscriptions/nouvelle?activite=1', form: 'main form.formulaire' },
  { role: 'parent', name: 'réservations : vide', url: '/famille/reservations', form: 'main form.formulaire' },
  { role: 'parent', name: 'réservations : aperçu', url: '/famille/reservations', form: 'main form.formulaire', status: 200,
    fill: async (p) => {
      await p.selectOption('#activite', '1');
      await p.check('#enfant_1'); await p.check('#enfant_2');
      await p.fill('#date_debut', weekDay(3, 1)); await p.fill('#date_fin', weekDay(3, 5));
    } },
  { role: 'parent', name: 'dossier : adresse vide', url: '/famille/dossier/famille/1/adresse', form: 'main form.formulaire',
    fill: async (p) => { await p.fill('[name=adresse]', ''); } },
  { role: 'agent', name: 'nouvelle famille : vide', url: '/admin/familles/nouvelle', form: 'main form.formulaire' },
  { role: 'agent', name: 'nouvelle activité : vide', url: '/admin/activites/nouvelle', form: 'main form.formulaire' },
  { role: 'agent', name: 'fermeture : vide', url: '/admin/fermetures', form: 'main form.formulaire' },
  { role: 'agent', name: 'refus sans message', url: '/admin/reservations', form: 'main form[action$="/refuser"]' },
  // h14more: closing a month, an activity's régie, a medical certificate (the living
  // town's child excused on Tuesday last week at activity 1)
  { role: 'agent', name: 'clôture : vide', url: '/admin/facturation', form: 'main form[action$="/cloturer"]' },
  { role: 'agent', name: "régie d'une activité : vide", url: '/admin/tarifs', form: 'main form[action$="/tarifs/activite"]' },
  { role: 'agent', name: 'certificat : date future', url: `/admin/activites/1/jour?date=${weekDay(-1, 2)}`,
    form: 'main form[action$="/jour/certificat"]',
    fill: async (p) => { await p.locator('main form[action$="/jour/certificat"] input[type=date]').first().fill(weekDay(2, 1)); } },
  { role: 'parent', name: 'document : aucun fichier', url: '/famille/documents', form: 'main form.formulaire' },
  { role: 'agent', name: 'type de document : vide', url: '/admin/documents/types', form: 'main form[action$="/documents/types"]' },
  { role: 'agent', name: 'actualité : vide', url: '/admin/actualites/nouvelle', form: 'main form.formulaire' },
  { role: 'agent', name: 'actualité : fin avant début', url: '/admin/actualites/nouvelle', form: 'main form.formulaire',
    fill: async (p) => { await p.fill('#f-title', 'Essai'); await p.fill('#f-body', 'Texte.');
      await p.fill('#f-visible_from', weekDay(2, 1)); await p.fill('#f-visible_until', weekDay(1, 1)); } },
  { role: 'agent', name: 'porte-monnaie : ajustement vide', url: '/admin/porte-monnaie', form: 'main form.formulaire' },
  { role: 'agent', name: 'régie : paramètres vides', url: '/admin/tarifs', form: 'main form[action$="/regies/parametres"]' },
  // PayFiP (h15payfip): a top-up below the régie's minimum.
  { role: 'parent', name: 'recharge : montant trop bas', url: '/famille/porte-monnaie/recharger', form: 'main form.formulaire',
    fill: async (p) => { await p.selectOption('#f-regie', { index: 1 }); await p.fill('#f-montant', '1'); } },
  { role: 'agent', name: 'anonymiser sans confirmer', url: '/admin/familles/1/anonymiser', form: 'main form.formulaire' },
];

async function checkForms(states) {
  await Promise.all([true, false].map(async (js) => {
    const ctxs = {};
    for (const f of FORMS) {
      ctxs[f.role] ||= await newContext(states[f.role], js);
      const page = await ctxs[f.role].newPage();
      const label = `${f.role} POST ${f.url} (${f.name})`;
      try {
        await page.goto(BASE + f.url);
        if (f.fill) await f.fill(page);
        const resp = await submitRaw(page, f.form);
        const want = f.status || 400;
        const said = async () => (await page.locator('main .message, main .erreur').allTextContents()).join(' | ');
        if (check(resp.status() === want, label, `réponse ${resp.status()} au lieu de ${want}`, await said())) {
          if (js) saveHtml(label, await resp.text());
          await checkShown(page, label, js);
          if (js) await collectLinks(page, f.role, label);
        }
      } catch (e) {
        check(false, label, 'formulaire', e.message.split('\n')[0]);
      }
      await page.close();
    }
    for (const c of Object.values(ctxs)) await c.close();
  }));
}

// --- Every page at both widths, with and without JavaScript ------------------------------
async function checkPages(role, state, urls) {
  await Promise.all([true, false].map(async (js) => {
    const ctx = await newContext(state, js);
    const page = await ctx.newPage();
    for (const url of urls) {
      const u = new URL(url);
      const label = `${role} ${u.pathname}${u.search}`;
      await page.goto(url);
      await checkShown(page, label, js);
    }
    await ctx.close();
  }));
}

// --- Links: 200, or a deliberate 30x / 403 -----------------------------------------------
async function checkLinks(role, state) {
  const ctx = await newContext(state, true);
  for (const [url, from] of links[role]) {
    const r = await ctx.request.get(url, { maxRedirects: 0 });
    const s = r.status();
    const rt = routeOf(url);
    if (rt && s < 400) visitedRoutes.add(rt.pattern);
    check(s === 200 || (s >= 301 && s <= 308) || s === 403, `${from} (${role})`,
      `lien ${s}`, new URL(url).pathname + new URL(url).search);
  }
  await ctx.close();
}

// --- The W3C validator, once over every saved page -----------------------------------------
function validate() {
  const files = [...savedFiles.keys()];
  // vnu writes its JSON on stderr, and exits 1 when it found errors.
  const run = spawnSync('java', ['-jar', VNU, '--errors-only', '--format', 'json', ...files],
    { encoding: 'utf8', maxBuffer: 64 << 20 });
  const out = run.stderr || run.stdout || String(run.error || '');
  let msgs;
  try { msgs = JSON.parse(out).messages; } catch { check(false, 'vnu', 'sortie illisible', out.slice(0, 200)); return; }
  const bad = new Map();
  for (const m of msgs) {
    const f = decodeURIComponent(new URL(m.url).pathname);
    if (!bad.has(f)) bad.set(f, []);
    bad.get(f).push(m);
  }
  for (const f of files) {
    const ms = bad.get(f) || [];
    if (!ms.length) { passed++; continue; }
    for (const m of ms.slice(0, 5)) check(false, `${savedFiles.get(f)} [HTML]`, `vnu : ${m.message}`, m.extract || `ligne ${m.lastLine}`);
  }
}

// --- Keyboard only -----------------------------------------------------------------------
// Tab until `sel` has the focus (at most 150 presses), as a keyboard user reaches it.
async function tabTo(page, sel, what) {
  for (let i = 0; i < 150; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, sel)) return;
  }
  throw new Error(`« ${what} » ne reçoit jamais le focus au clavier (${sel})`);
}
async function typeIn(page, sel, text, what) {
  await tabTo(page, sel, what);
  await page.keyboard.type(text);
}
async function follow(page, sel, what) {   // a link or a submit button: Enter, then its page
  await tabTo(page, sel, what);
  const [resp] = await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  return resp;
}
// A date field takes its day, month and year in the browser's order (which Chromium takes
// from its build, not from the page's language): jj/mm/aaaa, else mm/jj/aaaa.  Tab moves
// between the parts of the field; after the year, two Shift+Tab go back to the first.
async function typeDate(page, sel, iso, what) {
  const [y, m, d] = iso.split('-');
  await tabTo(page, sel, what);
  for (const digits of [d + m + y, m + d + y]) {
    await page.keyboard.type(digits);
    if (await page.inputValue(sel) === iso) return;
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
  }
  throw new Error(`la date ${iso} ne se saisit pas au clavier dans « ${what} »`);
}
async function spaceOn(page, sel, what) { // a checkbox or a radio
  await tabTo(page, sel, what);
  await page.keyboard.press('Space');
}

function outboxLink(email, kind) {
  const q = `SELECT data FROM outbox WHERE to_addr = '${email}' ORDER BY id DESC LIMIT 1`;
  const data = execFileSync('sqlite3', [DB, q], { encoding: 'utf8' });
  const m = data.match(new RegExp(`https?://[^<"\\s]*/${kind}/[A-Za-z0-9_-]+`));
  if (!m) throw new Error(`pas de lien /${kind}/ dans le courriel à ${email}`);
  return m[0];
}

const NUMBERS = { un: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10 };

async function journeyParent() {
  const ctx = await newContext(undefined, true);
  const page = await ctx.newPage();
  const email = `nouveau.parent.${Date.now()}@exemple.fr`;
  const password = 'une phrase de passe solide';
  const step = async (what, fn) => {
    try { await fn(); passed++; return true; } catch (e) {
      check(false, `parcours parent : ${what}`, 'clavier', e.message.split('\n')[0] + ` (page ${page.url()})`);
      return false;
    }
  };
  await page.goto(BASE + '/');
  if (!await step('s\'inscrire', async () => {
    await follow(page, `a[href$="/inscription"]`, 'Créer un compte');
    await typeIn(page, '#f-prenom', 'Camille', 'Prénom');
    await typeIn(page, '#f-nom', 'BENALI', 'Nom');
    await typeIn(page, '#f-email', email, 'Adresse e-mail');
    await typeIn(page, '#f-password', password, 'Mot de passe');
    await typeIn(page, '#f-confirmation', password, 'Confirmation');
    const q = await page.textContent('label[for=f-captcha]');
    const m = q.match(/Combien font (\S+) plus (\S+) \?/);
    await typeIn(page, '#f-captcha', String(NUMBERS[m[1]] + NUMBERS[m[2]]), 'Captcha');
    const r = await follow(page, 'main form.formulaire button[type=submit]', 'Créer mon compte');
    if (!/\/connexion$/.test(page.url())) throw new Error(`après l'inscription : ${page.url()} (${r.status()})`);
  })) return ctx.close();
  if (!await step('activer le compte (lien du courriel)', async () => {
    await page.goto(outboxLink(email, 'activation'));   // the link of the mail, opened
    await checkShown(page, 'parcours : activation', true);
    saveHtml('parcours : activation', await page.content());
    // Proving the address sets the password (a password typed at sign-up by someone else
    // never works): it is chosen again here.
    await typeIn(page, '#f-password', password, 'Mot de passe');
    await typeIn(page, '#f-confirmation', password, 'Confirmation');
    await follow(page, 'main form button[type=submit]', 'Activer mon compte');
    if ((await page.textContent('main')).match(/erreur|invalide/i)) throw new Error('activation refusée');
  })) return ctx.close();
  if (!await step('se connecter', async () => {
    if (!/\/connexion/.test(page.url())) await follow(page, `a[href$="/connexion"]`, 'Se connecter');
    await typeIn(page, '#f-email', email, 'Adresse e-mail');
    await typeIn(page, '#f-password', password, 'Mot de passe');
    await follow(page, 'main form.formulaire button[type=submit]', 'Se connecter');
  })) return ctx.close();
  if (!await step('s\'abonner avec le code abonné', async () => {
    await follow(page, `a[href$="/espace/abonnements"]`, 'Mes abonnements');
    await typeIn(page, 'main form.formulaire input[type=text]', 'R3ZD-8NVE-2KQB', 'Code abonné');
    await follow(page, 'main form.formulaire button[type=submit]', 'Rattacher');
    if (!(await page.textContent('main')).includes('BENALI')) throw new Error('la famille BENALI n\'est pas rattachée');
  })) return ctx.close();
  const day = weekDay(3, 2);
  if (!await step('réserver un jour', async () => {
    await follow(page, `nav a[href$="/famille/planning"]`, 'Planning');
    await follow(page, `main a[href$="/famille/reservations"]`, 'Réservations sur une période');
    await tabTo(page, '#activite', 'Activité');
    await page.keyboard.type('Restauration');   // a select takes the typed start of an option
    if (await page.inputValue('#activite') !== '1') throw new Error('l\'activité ne se choisit pas au clavier');
    await spaceOn(page, 'input[type=checkbox][id^=enfant_]', 'Enfant');
    await typeDate(page, '#date_debut', day, 'Du');
    await typeDate(page, '#date_fin', day, 'Au');
    const r = await follow(page, 'main form.formulaire button[type=submit]', 'Voir l\'aperçu');
    if (r.status() !== 200) throw new Error(`aperçu : ${r.status()} ${(await page.textContent('main')).slice(0, 200)}`);
    await checkShown(page, 'parcours : aperçu', true);
    saveHtml('parcours : aperçu', await r.text());
    await follow(page, 'main form button[type=submit][name=confirmer]', 'Confirmer');
    await checkShown(page, 'parcours : confirmation', true);
  })) return ctx.close();
  await step('voir la demande dans « Mes demandes »', async () => {
    await follow(page, `nav a[href$="/famille/demandes"]`, 'Mes demandes');
    const text = await page.textContent('main');
    if (!/Réservation/.test(text)) throw new Error('la réservation n\'est pas dans « Mes demandes »');
  });
  await ctx.close();
}

async function journeyAgent(state) {
  const ctx = await newContext(state, true);
  const page = await ctx.newPage();
  const step = async (what, fn) => {
    try { await fn(); passed++; return true; } catch (e) {
      check(false, `parcours agent : ${what}`, 'clavier', e.message.split('\n')[0] + ` (page ${page.url()})`);
      return false;
    }
  };
  await page.goto(BASE + '/admin/');
  await step('accepter une demande', async () => {
    await follow(page, `main a[href$="/admin/reservations"], nav a[href$="/admin/reservations"]`, 'Réservations');
    // The first request's own « Accepter » (not the bulk form's).
    const action = await page.evaluate(() => [...document.querySelectorAll('main form')]
      .map((f) => f.getAttribute('action')).find((a) => /\/reservations\/\d+\/accepter$/.test(a)));
    if (!action) throw new Error('aucune demande à accepter');
    await follow(page, `main form[action="${action}"] button[type=submit]`, 'Accepter');
    if (await page.locator(`main form[action="${action}"]`).count()) throw new Error('la demande est toujours en attente');
  });
  await step('pointer sur la feuille du jour', async () => {
    // The latest day with children to mark: the canteen is closed on Wednesdays, at
    // weekends and in the holidays, and this suite runs on any day.
    const radio = 'main input[type=radio][value=present]:not(:checked)';
    const d = new Date();
    for (let k = 0; k < 21; k++, d.setDate(d.getDate() - 1)) {
      await page.goto(BASE + `/admin/activites/1/jour?date=${isoDay(d)}`);
      if (await page.locator(radio).count()) break;
    }
    await checkShown(page, 'parcours : feuille du jour', true);
    if (!await page.locator(radio).count()) throw new Error('aucun enfant à pointer ces trois dernières semaines');
    // As with a keyboard: Tab enters the child's group (on its checked radio, if any),
    // the arrows move to « Présent », Space confirms.
    const name = await page.locator(radio).first().getAttribute('name');
    await tabTo(page, `main input[name="${name}"]`, 'le pointage de l\'enfant');
    for (let i = 0; i < 6; i++) {
      if (await page.evaluate(() => document.activeElement?.value === 'present')) break;
      await page.keyboard.press('ArrowLeft');
    }
    await page.keyboard.press('Space');
    await follow(page, 'main form button[type=submit]', 'Enregistrer le pointage');
    if (!await page.locator(`input[name="${name}"][value=present]:checked`).count()) throw new Error('le pointage n\'est pas enregistré');
  });
  await step('télécharger le CSV', async () => {
    const [dl] = await Promise.all([page.waitForEvent('download'),
      tabTo(page, 'main a[href*="/export"]', 'Export CSV').then(() => page.keyboard.press('Enter'))]);
    const file = await dl.path();
    const text = fs.readFileSync(file, 'latin1');
    if (!text.includes(';')) throw new Error('le fichier n\'est pas un CSV');
  });
  await ctx.close();
}

// --- Run -----------------------------------------------------------------------------------
const t0 = Date.now();
const states = { public: undefined, parent: await login('parent'), agent: await login('agent') };
if (process.env.PORTAIL_PARCOURS) {   // the journeys alone, while working on them
  await journeyParent();
  await journeyAgent(states.agent);
  await browser.close();
  for (const f of failures) console.log(`  ${f.where} — ${f.rule}${f.element ? ' — ' + f.element : ''}`);
  console.log(`\nbrowser: ${passed} passed, ${failures.length} failed`);
  process.exit(failures.length ? 1 : 0);
}
for (const role of ['public', 'parent', 'agent']) {
  const urls = await crawl(role, states[role]);
  console.log(`${role} : ${urls.length} pages (${Math.round((Date.now() - t0) / 1000)} s)`);
  await checkPages(role, states[role], urls);
}
if (!ONLY) {
  await checkForms(states);
  console.log(`formulaires (${Math.round((Date.now() - t0) / 1000)} s)`);
  await journeyParent();
  await journeyAgent(states.agent);
  console.log(`parcours (${Math.round((Date.now() - t0) / 1000)} s)`);
}
for (const role of ['public', 'parent', 'agent']) await checkLinks(role, states[role]);
await browser.close();
for (const r of ONLY ? [] : GET_ROUTES) {
  check(visitedRoutes.has(r.pattern), `route GET ${r.pattern}`, 'jamais visitée (ajoutez-la aux SEEDS de t/browser/run.mjs ou liez-la)');
}
validate();
console.log(`validateur (${Math.round((Date.now() - t0) / 1000)} s)`);

if (failures.length) {
  console.log('\nÉchecs (page [largeur, JS] — règle — élément) :');
  for (const f of failures) console.log(`  ${f.where} — ${f.rule}${f.element ? ' — ' + f.element : ''}`);
}
console.log(`\nbrowser: ${passed} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
