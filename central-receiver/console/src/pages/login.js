// Signing in: name and password, then the second factor when the account has one.
import { h, field, notice } from '../dom.js';
import { register, t, language, setLanguage, LANGUAGES, LANGUAGE_NAMES } from '../i18n.js';
import { request } from '../api.js';

register({
  en: { 'login.title': 'Sign in', 'login.name': 'Name', 'login.password': 'Password', 'login.totp': 'Code from your authenticator app',
    'login.submit': 'Sign in', 'login.failed': 'Sign-in failed: {message}', 'login.wait': 'Too many attempts. Try again in {seconds} s.' },
  fr: { 'login.title': 'Connexion', 'login.name': 'Nom', 'login.password': 'Mot de passe', 'login.totp': 'Code de votre application d\u2019authentification',
    'login.submit': 'Se connecter', 'login.failed': 'Échec de la connexion : {message}', 'login.wait': 'Trop de tentatives. Réessayez dans {seconds} s.' },
  nl: { 'login.title': 'Aanmelden', 'login.name': 'Naam', 'login.password': 'Wachtwoord', 'login.totp': 'Code uit uw authenticator-app',
    'login.submit': 'Aanmelden', 'login.failed': 'Aanmelden mislukt: {message}', 'login.wait': 'Te veel pogingen. Probeer het over {seconds} s opnieuw.' },
});

export function loginPage(root, { message, onSignedIn }) {
  const name = h('input', { name: 'name', autocomplete: 'username', required: true, maxlength: 64 });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const totp = h('input', { name: 'totp', inputmode: 'numeric', autocomplete: 'one-time-code', pattern: '[0-9]{6}', maxlength: 6 });
  const totpField = field(t('login.totp'), totp);
  totpField.hidden = true;
  const status = h('div', { class: 'status' }, message ? notice('info', message) : null);
  const lang = h('select', {
    'aria-label': 'Language / Langue / Taal',
    onchange: (e) => {
      setLanguage(e.target.value);
      root.replaceChildren();
      loginPage(root, { message, onSignedIn });
    },
  }, LANGUAGES.map((l) => h('option', { value: l, selected: l === language() }, LANGUAGE_NAMES[l])));
  const form = h('form', {
    class: 'login',
    onsubmit: async (e) => {
      e.preventDefault();
      const body = { name: name.value.trim(), password: password.value };
      if (!totpField.hidden && totp.value) body.totp = totp.value.trim();
      try {
        await request('POST', '/api/v1/session', body);
        password.value = '';
        onSignedIn();
      } catch (err) {
        if (err.field === 'totp') {
          totpField.hidden = false;
          totp.focus();
        }
        const text = err.status === 429 ? t('login.wait', { seconds: Math.ceil(Number(err.problem.retryAfter || 0)) || '\u2026' })
          : t('login.failed', { message: err.message });
        status.replaceChildren(notice('error', text));
      }
    },
  },
  h('h1', {}, t('login.title')),
  field(t('login.name'), name),
  field(t('login.password'), password),
  totpField,
  status,
  h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('login.submit')), lang));
  root.append(h('main', { id: 'main', class: 'login-page' }, form));
  name.focus();
}
