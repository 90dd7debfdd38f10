// The signed-in operator's own account: a new password, and the authenticator-app second factor.
import { h, field, notice } from '../dom.js';
import { register, t } from '../i18n.js';
import { post } from '../api.js';

register({
  en: { 'nav.account': 'My account', 'account.title': 'My account', 'account.password': 'Change my password',
    'account.current': 'Current password', 'account.new': 'New password (at least 12 characters)', 'account.change': 'Change password',
    'account.changed': 'Password changed. Sign in again with the new one.', 'account.totp': 'Second factor (authenticator app)',
    'account.totpIntro': 'Adds a 6-digit code from an app such as FreeOTP or Google Authenticator to every sign-in.',
    'account.totpStart': 'Set up the second factor', 'account.totpSecret': 'Enter this key in your app (or open the link on your phone):',
    'account.totpCode': 'Code shown by the app', 'account.totpConfirm': 'Confirm', 'account.totpDone': 'The second factor is on: sign-ins now ask for a code.' },
  fr: { 'nav.account': 'Mon compte', 'account.title': 'Mon compte', 'account.password': 'Changer mon mot de passe',
    'account.current': 'Mot de passe actuel', 'account.new': 'Nouveau mot de passe (au moins 12 caractères)', 'account.change': 'Changer le mot de passe',
    'account.changed': 'Mot de passe changé. Reconnectez-vous avec le nouveau.', 'account.totp': 'Second facteur (application d\u2019authentification)',
    'account.totpIntro': 'Ajoute à chaque connexion un code à 6 chiffres d\u2019une application comme FreeOTP ou Google Authenticator.',
    'account.totpStart': 'Configurer le second facteur', 'account.totpSecret': 'Saisissez cette clé dans votre application (ou ouvrez le lien sur votre téléphone) :',
    'account.totpCode': 'Code affiché par l\u2019application', 'account.totpConfirm': 'Confirmer', 'account.totpDone': 'Le second facteur est actif : les connexions demandent désormais un code.' },
  nl: { 'nav.account': 'Mijn account', 'account.title': 'Mijn account', 'account.password': 'Mijn wachtwoord wijzigen',
    'account.current': 'Huidig wachtwoord', 'account.new': 'Nieuw wachtwoord (minstens 12 tekens)', 'account.change': 'Wachtwoord wijzigen',
    'account.changed': 'Wachtwoord gewijzigd. Meld u opnieuw aan met het nieuwe.', 'account.totp': 'Tweede factor (authenticator-app)',
    'account.totpIntro': 'Voegt bij elke aanmelding een code van 6 cijfers toe uit een app zoals FreeOTP of Google Authenticator.',
    'account.totpStart': 'Tweede factor instellen', 'account.totpSecret': 'Voer deze sleutel in uw app in (of open de link op uw telefoon):',
    'account.totpCode': 'Code van de app', 'account.totpConfirm': 'Bevestigen', 'account.totpDone': 'De tweede factor is actief: aanmeldingen vragen nu een code.' },
});

export default {
  id: 'account',
  label: 'nav.account',
  roles: ['viewer', 'dispatcher', 'investigator', 'hotlist-manager', 'admin', 'auditor'],
  render(main) {
    const current = h('input', { type: 'password', name: 'current', autocomplete: 'current-password', required: true });
    const fresh = h('input', { type: 'password', name: 'new', autocomplete: 'new-password', required: true, minlength: 12 });
    const pwStatus = h('div', { class: 'status' });
    const passwordForm = h('form', {
      class: 'panel',
      onsubmit: async (e) => {
        e.preventDefault();
        try {
          await post('/api/v1/session/password', { current: current.value, new: fresh.value });
          pwStatus.replaceChildren(notice('ok', t('account.changed')));
          setTimeout(() => location.reload(), 1500); // every session of the account has ended
        } catch (err) {
          pwStatus.replaceChildren(notice('error', err.message));
        }
      },
    }, h('h3', {}, t('account.password')), field(t('account.current'), current), field(t('account.new'), fresh),
    h('button', { type: 'submit', class: 'primary' }, t('account.change')), pwStatus);

    const totpArea = h('div', {});
    const totpStatus = h('div', { class: 'status' });
    const start = h('button', {
      type: 'button',
      onclick: async () => {
        try {
          const enrol = await post('/api/v1/session/totp');
          const code = h('input', { name: 'code', inputmode: 'numeric', pattern: '[0-9]{6}', maxlength: 6, required: true });
          totpArea.replaceChildren(
            h('p', {}, t('account.totpSecret')),
            h('p', {}, h('code', { class: 'totp-secret' }, enrol.secret)),
            h('p', {}, h('a', { href: enrol.otpauthUri }, enrol.otpauthUri)),
            h('form', {
              onsubmit: async (e) => {
                e.preventDefault();
                try {
                  await post('/api/v1/session/totp/confirm', { code: code.value.trim() });
                  totpArea.replaceChildren();
                  totpStatus.replaceChildren(notice('ok', t('account.totpDone')));
                } catch (err) {
                  totpStatus.replaceChildren(notice('error', err.message));
                }
              },
            }, field(t('account.totpCode'), code), h('button', { type: 'submit', class: 'primary' }, t('account.totpConfirm'))));
        } catch (err) {
          totpStatus.replaceChildren(notice('error', err.message));
        }
      },
    }, t('account.totpStart'));
    main.append(h('h2', {}, t('account.title')),
      h('div', { class: 'grid2' }, passwordForm,
        h('section', { class: 'panel' }, h('h3', {}, t('account.totp')), h('p', {}, t('account.totpIntro')), start, totpArea, totpStatus)));
  },
};
