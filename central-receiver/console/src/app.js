// The console's shell: who is signed in, the navigation their role allows, the language, and a
// hash router (#/alerts, #/search?plate=...) that renders one page at a time.
import { h, clear } from './dom.js';
import { register, t, language, setLanguage, LANGUAGES, LANGUAGE_NAMES, missingKeys } from './i18n.js';
import { get, del, setCsrfToken, whenSessionLost } from './api.js';
import { loginPage } from './pages/login.js';
import alerts from './pages/alerts.js';
import search from './pages/search.js';
import trajectory from './pages/trajectory.js';
import violations from './pages/violations.js';
import fleet from './pages/fleet.js';
import hotlist from './pages/hotlist.js';
import stats from './pages/stats.js';
import audit from './pages/audit.js';
import accounts from './pages/accounts.js';
import account from './pages/account.js';

register({
  en: { 'app.title': 'ANPR operators\u2019 console', 'app.skip': 'Skip to content', 'app.signOut': 'Sign out',
    'app.language': 'Language', 'app.expired': 'Your session has ended. Please sign in again.',
    'app.notAllowed': 'Your role does not give access to this page.', 'app.loading': 'Loading\u2026',
    'app.error': 'Something went wrong: {message}', 'app.navigation': 'Main navigation',
    'role.viewer': 'viewer', 'role.dispatcher': 'dispatcher', 'role.investigator': 'investigator',
    'role.hotlist-manager': 'hotlist manager', 'role.admin': 'administrator', 'role.auditor': 'auditor' },
  fr: { 'app.title': 'Console des opérateurs ANPR', 'app.skip': 'Aller au contenu', 'app.signOut': 'Se déconnecter',
    'app.language': 'Langue', 'app.expired': 'Votre session a pris fin. Veuillez vous reconnecter.',
    'app.notAllowed': 'Votre rôle ne donne pas accès à cette page.', 'app.loading': 'Chargement\u2026',
    'app.error': 'Une erreur est survenue : {message}', 'app.navigation': 'Navigation principale',
    'role.viewer': 'observateur', 'role.dispatcher': 'dispatcheur', 'role.investigator': 'enquêteur',
    'role.hotlist-manager': 'gestionnaire de listes', 'role.admin': 'administrateur', 'role.auditor': 'auditeur' },
  nl: { 'app.title': 'ANPR-operatorconsole', 'app.skip': 'Naar de inhoud', 'app.signOut': 'Afmelden',
    'app.language': 'Taal', 'app.expired': 'Uw sessie is beëindigd. Meld u opnieuw aan.',
    'app.notAllowed': 'Uw rol geeft geen toegang tot deze pagina.', 'app.loading': 'Laden\u2026',
    'app.error': 'Er ging iets mis: {message}', 'app.navigation': 'Hoofdnavigatie',
    'role.viewer': 'kijker', 'role.dispatcher': 'dispatcher', 'role.investigator': 'onderzoeker',
    'role.hotlist-manager': 'lijstbeheerder', 'role.admin': 'beheerder', 'role.auditor': 'auditor' },
});

/** Every page: id (the hash path), roles that see it, nav label key, render(main, ctx) -> optional dispose. */
const PAGES = [alerts, search, trajectory, violations, fleet, hotlist, stats, audit, accounts, account];
const root = document.getElementById('app');
let session = null;
let disposeCurrent = null;

function allowed(page) {
  return session && page.roles.includes(session.role);
}

function homePage() {
  return PAGES.find(allowed);
}

function parseHash() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path, qs] = raw.split('?');
  return { id: path || '', params: new URLSearchParams(qs || '') };
}

export function navigate(id, params) {
  const qs = params ? new URLSearchParams(params).toString() : '';
  location.hash = '#/' + id + (qs ? '?' + qs : '');
}

function renderShell() {
  const nav = h('nav', { 'aria-label': t('app.navigation') },
    h('ul', {}, PAGES.filter(allowed).map((p) => h('li', {}, h('a', { href: '#/' + p.id, dataset: { page: p.id } }, t(p.label))))));
  const lang = h('select', {
    id: 'language', 'aria-label': t('app.language'),
    onchange: (e) => {
      setLanguage(e.target.value);
      renderShell();
      route();
    },
  }, LANGUAGES.map((l) => h('option', { value: l, selected: l === language() }, LANGUAGE_NAMES[l])));
  const header = h('header', { class: 'top' },
    h('a', { class: 'skip', href: '#main', onclick: (e) => { e.preventDefault(); document.getElementById('main').focus(); } }, t('app.skip')),
    h('h1', { title: t('app.title') }, 'ANPR'),
    nav,
    h('div', { class: 'who' },
      h('span', { class: 'user', title: t('role.' + session.role) }, session.name, ' \u00b7 ', t('role.' + session.role)),
      lang,
      h('button', { type: 'button', id: 'sign-out', onclick: signOut }, t('app.signOut'))));
  clear(root).append(header, h('main', { id: 'main', tabindex: '-1' }));
}

function markCurrent(id) {
  for (const a of root.querySelectorAll('nav a')) {
    if (a.dataset.page === id) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

function route() {
  if (!session) return;
  const { id, params } = parseHash();
  const page = PAGES.find((p) => p.id === id);
  if (!page) {
    const home = homePage();
    if (home) navigate(home.id);
    return;
  }
  if (disposeCurrent) {
    disposeCurrent();
    disposeCurrent = null;
  }
  const main = clear(document.getElementById('main'));
  markCurrent(page.id);
  document.title = t(page.label) + ' \u2014 ' + t('app.title');
  if (!allowed(page)) {
    main.append(h('p', { class: 'notice error', role: 'alert' }, t('app.notAllowed')));
    return;
  }
  try {
    const dispose = page.render(main, { session, params, navigate });
    if (typeof dispose === 'function') disposeCurrent = dispose;
  } catch (e) {
    main.append(h('p', { class: 'notice error', role: 'alert' }, t('app.error', { message: e.message })));
    throw e;
  }
}

async function signOut() {
  try {
    await del('/api/v1/session');
  } finally {
    sessionEnded(null);
  }
}

function sessionEnded(message) {
  if (disposeCurrent) {
    disposeCurrent();
    disposeCurrent = null;
  }
  session = null;
  setCsrfToken(null);
  loginPage(clear(root), { message, onSignedIn: start });
}

async function start() {
  try {
    session = await get('/api/v1/session');
  } catch (e) {
    sessionEnded(null);
    return;
  }
  setCsrfToken(session.csrfToken);
  document.documentElement.lang = language();
  renderShell();
  route();
}

whenSessionLost(() => {
  if (session) sessionEnded(t('app.expired'));
});
window.addEventListener('hashchange', route);
// For the browser tests: strings a language lacks.
window.anprMissingTranslations = missingKeys;
start();
