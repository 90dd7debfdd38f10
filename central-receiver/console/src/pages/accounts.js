// Accounts and API tokens, for admins: create operators, change their role, disable or enable
// them, set a new password, remove a lost second factor; issue API tokens (the token is shown
// once, here, and kept nowhere else) and revoke them. Every change ends the account's sessions.
import { h, clear, field, when, notice } from '../dom.js';
import { register, t, language } from '../i18n.js';
import { get, post, patch, del } from '../api.js';

register({
  en: { 'nav.accounts': 'Accounts', 'accounts.title': 'Accounts and API tokens', 'accounts.operators': 'Operators',
    'accounts.name': 'Name', 'accounts.role': 'Role', 'accounts.state': 'State', 'accounts.totp': 'Second factor',
    'accounts.created': 'Created', 'accounts.changed': 'Changed', 'accounts.createdChanged': 'Created / changed', 'accounts.actions': 'Actions', 'accounts.active': 'active',
    'accounts.disabled': 'disabled', 'accounts.totpOn': 'enrolled', 'accounts.totpOff': 'none', 'accounts.changeRole': 'Change role',
    'accounts.disable': 'Disable', 'accounts.enable': 'Enable', 'accounts.resetPassword': 'New password',
    'accounts.newPassword': 'New password for {name}', 'accounts.setPassword': 'Set password', 'accounts.cancel': 'Cancel',
    'accounts.removeTotp': 'Remove second factor', 'accounts.confirmTotp': 'Remove the second factor of {name}?',
    'accounts.yesRemove': 'Yes, remove', 'accounts.you': '(you)', 'accounts.create': 'Create an operator', 'accounts.password': 'Password',
    'accounts.passwordHint': 'At least 12 characters; the operator can change it after signing in.', 'accounts.createButton': 'Create operator',
    'accounts.createdOk': 'Operator {name} created with the role {role}.', 'accounts.roleChanged': '{name} now has the role {role}; their sessions have ended.',
    'accounts.disabledOk': '{name} is disabled and signed out.', 'accounts.enabledOk': '{name} is enabled again.',
    'accounts.passwordOk': 'The password of {name} was changed; their sessions have ended.',
    'accounts.totpRemoved': 'The second factor of {name} was removed; they can enrol a new one after signing in.',
    'accounts.tokens': 'API tokens', 'accounts.tokenId': 'Id', 'accounts.tokenName': 'Name', 'accounts.createdBy': 'Issued by',
    'accounts.expires': 'Expires', 'accounts.never': 'never', 'accounts.lastUsed': 'Last used', 'accounts.revoked': 'revoked',
    'accounts.expired': 'expired', 'accounts.revoke': 'Revoke', 'accounts.confirmRevoke': 'Revoke token {id}?', 'accounts.yesRevoke': 'Yes, revoke',
    'accounts.revokedOk': 'Token {id} is revoked.', 'accounts.issue': 'Issue an API token', 'accounts.days': 'Valid for (days)',
    'accounts.daysHint': '1 to 3650; leave empty for a token that does not expire.', 'accounts.issueButton': 'Issue token',
    'accounts.noOperators': 'No operators.', 'accounts.noTokens': 'No API tokens issued.',
    'accounts.tokenTitle': 'New API token for {name} \u2014 copy it now',
    'accounts.tokenOnce': 'This is the only time the token is shown. It is not stored anywhere you can see it again: if it is lost, revoke it and issue a new one.',
    'accounts.copy': 'Copy', 'accounts.copied': 'Copied to the clipboard.', 'accounts.copyHint': 'Select the token and copy it (Ctrl+C).',
    'accounts.hideToken': 'I have copied it \u2014 hide it', 'accounts.failed': 'Not done: {message}' },
  fr: { 'nav.accounts': 'Comptes', 'accounts.title': 'Comptes et jetons d\u2019API', 'accounts.operators': 'Opérateurs',
    'accounts.name': 'Nom', 'accounts.role': 'Rôle', 'accounts.state': 'État', 'accounts.totp': 'Second facteur',
    'accounts.created': 'Créé le', 'accounts.changed': 'Modifié le', 'accounts.createdChanged': 'Créé / modifié le', 'accounts.actions': 'Actions', 'accounts.active': 'actif',
    'accounts.disabled': 'désactivé', 'accounts.totpOn': 'activé', 'accounts.totpOff': 'aucun', 'accounts.changeRole': 'Changer le rôle',
    'accounts.disable': 'Désactiver', 'accounts.enable': 'Réactiver', 'accounts.resetPassword': 'Nouveau mot de passe',
    'accounts.newPassword': 'Nouveau mot de passe pour {name}', 'accounts.setPassword': 'Définir le mot de passe', 'accounts.cancel': 'Annuler',
    'accounts.removeTotp': 'Retirer le second facteur', 'accounts.confirmTotp': 'Retirer le second facteur de {name} ?',
    'accounts.yesRemove': 'Oui, retirer', 'accounts.you': '(vous)', 'accounts.create': 'Créer un opérateur', 'accounts.password': 'Mot de passe',
    'accounts.passwordHint': 'Au moins 12 caractères ; l\u2019opérateur peut le changer après s\u2019être connecté.', 'accounts.createButton': 'Créer l\u2019opérateur',
    'accounts.createdOk': 'Opérateur {name} créé avec le rôle {role}.', 'accounts.roleChanged': '{name} a maintenant le rôle {role} ; ses sessions ont pris fin.',
    'accounts.disabledOk': '{name} est désactivé et déconnecté.', 'accounts.enabledOk': '{name} est de nouveau actif.',
    'accounts.passwordOk': 'Le mot de passe de {name} a été changé ; ses sessions ont pris fin.',
    'accounts.totpRemoved': 'Le second facteur de {name} a été retiré ; il pourra en activer un nouveau après s\u2019être connecté.',
    'accounts.tokens': 'Jetons d\u2019API', 'accounts.tokenId': 'Identifiant', 'accounts.tokenName': 'Nom', 'accounts.createdBy': 'Émis par',
    'accounts.expires': 'Expire le', 'accounts.never': 'jamais', 'accounts.lastUsed': 'Dernière utilisation', 'accounts.revoked': 'révoqué',
    'accounts.expired': 'expiré', 'accounts.revoke': 'Révoquer', 'accounts.confirmRevoke': 'Révoquer le jeton {id} ?', 'accounts.yesRevoke': 'Oui, révoquer',
    'accounts.revokedOk': 'Le jeton {id} est révoqué.', 'accounts.issue': 'Émettre un jeton d\u2019API', 'accounts.days': 'Validité (jours)',
    'accounts.daysHint': 'De 1 à 3650 ; laissez vide pour un jeton sans expiration.', 'accounts.issueButton': 'Émettre le jeton',
    'accounts.noOperators': 'Aucun opérateur.', 'accounts.noTokens': 'Aucun jeton d\u2019API émis.',
    'accounts.tokenTitle': 'Nouveau jeton d\u2019API pour {name} \u2014 copiez-le maintenant',
    'accounts.tokenOnce': 'Le jeton n\u2019est affiché que cette fois-ci. Il n\u2019est conservé nulle part où vous pourriez le revoir : s\u2019il est perdu, révoquez-le et émettez-en un nouveau.',
    'accounts.copy': 'Copier', 'accounts.copied': 'Copié dans le presse-papiers.', 'accounts.copyHint': 'Sélectionnez le jeton et copiez-le (Ctrl+C).',
    'accounts.hideToken': 'Je l\u2019ai copié \u2014 le masquer', 'accounts.failed': 'Non effectué : {message}' },
  nl: { 'nav.accounts': 'Accounts', 'accounts.title': 'Accounts en API-tokens', 'accounts.operators': 'Operatoren',
    'accounts.name': 'Naam', 'accounts.role': 'Rol', 'accounts.state': 'Status', 'accounts.totp': 'Tweede factor',
    'accounts.created': 'Aangemaakt', 'accounts.changed': 'Gewijzigd', 'accounts.createdChanged': 'Aangemaakt / gewijzigd', 'accounts.actions': 'Acties', 'accounts.active': 'actief',
    'accounts.disabled': 'uitgeschakeld', 'accounts.totpOn': 'ingesteld', 'accounts.totpOff': 'geen', 'accounts.changeRole': 'Rol wijzigen',
    'accounts.disable': 'Uitschakelen', 'accounts.enable': 'Inschakelen', 'accounts.resetPassword': 'Nieuw wachtwoord',
    'accounts.newPassword': 'Nieuw wachtwoord voor {name}', 'accounts.setPassword': 'Wachtwoord instellen', 'accounts.cancel': 'Annuleren',
    'accounts.removeTotp': 'Tweede factor verwijderen', 'accounts.confirmTotp': 'De tweede factor van {name} verwijderen?',
    'accounts.yesRemove': 'Ja, verwijderen', 'accounts.you': '(u)', 'accounts.create': 'Operator aanmaken', 'accounts.password': 'Wachtwoord',
    'accounts.passwordHint': 'Minstens 12 tekens; de operator kan het na het aanmelden wijzigen.', 'accounts.createButton': 'Operator aanmaken',
    'accounts.createdOk': 'Operator {name} aangemaakt met de rol {role}.', 'accounts.roleChanged': '{name} heeft nu de rol {role}; de sessies zijn beëindigd.',
    'accounts.disabledOk': '{name} is uitgeschakeld en afgemeld.', 'accounts.enabledOk': '{name} is weer ingeschakeld.',
    'accounts.passwordOk': 'Het wachtwoord van {name} is gewijzigd; de sessies zijn beëindigd.',
    'accounts.totpRemoved': 'De tweede factor van {name} is verwijderd; na het aanmelden kan een nieuwe worden ingesteld.',
    'accounts.tokens': 'API-tokens', 'accounts.tokenId': 'Id', 'accounts.tokenName': 'Naam', 'accounts.createdBy': 'Uitgegeven door',
    'accounts.expires': 'Verloopt', 'accounts.never': 'nooit', 'accounts.lastUsed': 'Laatst gebruikt', 'accounts.revoked': 'ingetrokken',
    'accounts.expired': 'verlopen', 'accounts.revoke': 'Intrekken', 'accounts.confirmRevoke': 'Token {id} intrekken?', 'accounts.yesRevoke': 'Ja, intrekken',
    'accounts.revokedOk': 'Token {id} is ingetrokken.', 'accounts.issue': 'API-token uitgeven', 'accounts.days': 'Geldig (dagen)',
    'accounts.daysHint': '1 tot 3650; leeg laten voor een token dat niet verloopt.', 'accounts.issueButton': 'Token uitgeven',
    'accounts.noOperators': 'Geen operatoren.', 'accounts.noTokens': 'Geen API-tokens uitgegeven.',
    'accounts.tokenTitle': 'Nieuw API-token voor {name} \u2014 kopieer het nu',
    'accounts.tokenOnce': 'Het token wordt alleen deze keer getoond. Het wordt nergens bewaard waar u het opnieuw kunt zien: bent u het kwijt, trek het dan in en geef een nieuw uit.',
    'accounts.copy': 'Kopiëren', 'accounts.copied': 'Gekopieerd naar het klembord.', 'accounts.copyHint': 'Selecteer het token en kopieer het (Ctrl+C).',
    'accounts.hideToken': 'Ik heb het gekopieerd \u2014 verbergen', 'accounts.failed': 'Niet uitgevoerd: {message}' },
});

const ROLES = ['viewer', 'dispatcher', 'investigator', 'hotlist-manager', 'admin', 'auditor'];
const roleLabel = (r) => t('role.' + r);

/** A field whose API error is shown under the control. */
function checkedField(label, control, hint) {
  const error = h('small', { class: 'field-error', id: control.id + '-error', hidden: true });
  error.style.color = 'var(--bad)';
  error.style.fontWeight = '600';
  const wrapper = field(label, control, hint);
  wrapper.append(error);
  return {
    wrapper,
    show(text) {
      error.textContent = text;
      error.hidden = false;
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('aria-describedby', error.id);
    },
    hide() {
      error.textContent = '';
      error.hidden = true;
      control.removeAttribute('aria-invalid');
      control.removeAttribute('aria-describedby');
    },
  };
}

/** A form whose fields show the API's field errors; {@code send(values)} returns the success text. */
function apiForm(attrs, specs, submitLabel, send, say) {
  const fields = {};
  for (const s of specs) fields[s.name] = checkedField(s.label, s.control, s.hint);
  const formStatus = h('div', { class: 'status' });
  const form = h('form', {
    ...attrs,
    novalidate: true,
    onsubmit: async (e) => {
      e.preventDefault();
      for (const f of Object.values(fields)) f.hide();
      formStatus.replaceChildren();
      try {
        const text = await send();
        if (text) say('ok', text);
      } catch (err) {
        if (err.field && fields[err.field]) {
          fields[err.field].show(err.message);
          specs.find((s) => s.name === err.field).control.focus();
        } else {
          formStatus.replaceChildren(notice('error', t('accounts.failed', { message: err.message })));
        }
      }
    },
  }, specs.map((s) => fields[s.name].wrapper), h('button', { type: 'submit', class: 'primary' }, submitLabel), formStatus);
  topAligned(form);
  return form;
}

/** A row of fields aligned on their labels (hints and errors hang below), buttons level with the inputs. */
function topAligned(form) {
  form.style.alignItems = 'flex-start';
  for (const b of form.querySelectorAll(':scope > button')) b.style.marginTop = '1.41rem';
  return form;
}

/** Buttons that keep their label on one line. */
function oneLine(el) {
  el.style.flexWrap = 'wrap';
  el.style.marginTop = '0';
  for (const b of el.querySelectorAll('button')) b.style.whiteSpace = 'nowrap';
  return el;
}

function roleSelect(attrs, selected) {
  return h('select', attrs, ROLES.map((r) => h('option', { value: r, selected: r === selected }, roleLabel(r))));
}

export default {
  id: 'accounts',
  label: 'nav.accounts',
  roles: ['admin'],
  render(main, ctx) {
    const lang = language();
    const me = ctx.session.name;
    let alive = true;
    const status = h('div', { class: 'status', id: 'accounts-status', 'aria-live': 'polite' });
    const say = (kind, text) => status.replaceChildren(notice(kind, text));
    const tokenBox = h('div', { id: 'token-box' });
    const operatorsBody = h('tbody');
    const tokensBody = h('tbody');

    /** Waits for a change, says how it went, and reloads the table it changed. */
    async function act(promise, text, reload) {
      try {
        await promise;
        say('ok', text);
      } catch (err) {
        say('error', t('accounts.failed', { message: err.message }));
      }
      reload();
    }

    function operatorRow(o) {
      const path = '/api/v1/operators/' + encodeURIComponent(o.name);
      const self = o.name === me;
      const actions = h('td', { class: 'row-actions' });
      const role = roleSelect({ name: 'role', 'aria-label': t('accounts.role') + ' \u2014 ' + o.name, disabled: self }, o.role);
      function normal() {
        actions.replaceChildren(oneLine(h('div', { class: 'actions' },
          role,
          h('button', {
            type: 'button', class: 'change-role', disabled: self,
            onclick: () => act(patch(path, { role: role.value }), t('accounts.roleChanged', { name: o.name, role: roleLabel(role.value) }), loadOperators),
          }, t('accounts.changeRole')),
          o.disabled
            ? h('button', { type: 'button', class: 'enable', onclick: () => act(patch(path, { disabled: false }), t('accounts.enabledOk', { name: o.name }), loadOperators) },
              t('accounts.enable'))
            : h('button', { type: 'button', class: 'disable danger', disabled: self,
              onclick: () => act(patch(path, { disabled: true }), t('accounts.disabledOk', { name: o.name }), loadOperators) }, t('accounts.disable')),
          h('button', { type: 'button', class: 'reset-password', onclick: askPassword }, t('accounts.resetPassword')),
          o.totp ? h('button', { type: 'button', class: 'remove-totp', onclick: confirmTotp }, t('accounts.removeTotp')) : null)));
      }
      function askPassword() {
        const input = h('input', { type: 'password', name: 'new-password', autocomplete: 'new-password', minlength: 12,
          id: 'pw-' + o.name.replace(/[^a-z0-9]/gi, '_') });
        const err = h('div', { class: 'status' });
        actions.replaceChildren(h('form', {
          class: 'reset-password',
          onsubmit: async (e) => {
            e.preventDefault();
            try {
              await patch(path, { password: input.value });
              input.value = '';
              say('ok', t('accounts.passwordOk', { name: o.name }));
              loadOperators();
            } catch (ex) {
              err.replaceChildren(notice('error', ex.message));
              input.focus();
            }
          },
        }, field(t('accounts.newPassword', { name: o.name }), input),
        h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('accounts.setPassword')),
          h('button', { type: 'button', onclick: normal }, t('accounts.cancel'))), err));
        input.focus();
      }
      function confirmTotp() {
        const yes = h('button', { type: 'button', class: 'danger confirm-remove-totp',
          onclick: () => act(del(path + '/totp'), t('accounts.totpRemoved', { name: o.name }), loadOperators) }, t('accounts.yesRemove'));
        actions.replaceChildren(h('p', {}, t('accounts.confirmTotp', { name: o.name })),
          h('div', { class: 'actions' }, yes, h('button', { type: 'button', onclick: normal }, t('accounts.cancel'))));
        yes.focus();
      }
      normal();
      return h('tr', { dataset: { operator: o.name } },
        h('td', {}, h('strong', {}, o.name), self ? ' ' + t('accounts.you') : ''),
        h('td', {}, roleLabel(o.role)),
        h('td', {}, h('span', { class: o.disabled ? 'badge bad state' : 'badge ok state' }, o.disabled ? t('accounts.disabled') : t('accounts.active'))),
        h('td', {}, o.totp ? h('span', { class: 'badge ok' }, t('accounts.totpOn')) : h('span', { class: 'badge' }, t('accounts.totpOff'))),
        h('td', {}, when(o.created, lang), h('br'), h('small', { class: 'hint' }, when(o.changed, lang))), actions);
    }

    let loadOperatorsSeq = 0; // only the latest answer is shown
    async function loadOperators() {
      const mine = ++loadOperatorsSeq;
      try {
        const page = await get('/api/v1/operators');
        if (!alive || mine !== loadOperatorsSeq) return;
        clear(operatorsBody).append(...(page.items.length ? page.items.map(operatorRow)
          : [h('tr', {}, h('td', { colspan: 6, class: 'empty' }, t('accounts.noOperators')))]));
      } catch (err) {
        if (alive) clear(operatorsBody).append(h('tr', {}, h('td', { colspan: 6 }, notice('error', err.message))));
      }
    }

    function tokenRow(k) {
      const actions = h('td', { class: 'row-actions' });
      const state = k.revoked ? h('span', { class: 'badge bad state' }, t('accounts.revoked'))
        : k.active ? h('span', { class: 'badge ok state' }, t('accounts.active')) : h('span', { class: 'badge state' }, t('accounts.expired'));
      function normal() {
        actions.replaceChildren(k.active ? h('button', { type: 'button', class: 'revoke', onclick: confirm }, t('accounts.revoke')) : '');
      }
      function confirm() {
        const yes = h('button', { type: 'button', class: 'danger confirm-revoke',
          onclick: () => act(del('/api/v1/tokens/' + encodeURIComponent(k.id)), t('accounts.revokedOk', { id: k.id }), loadTokens) }, t('accounts.yesRevoke'));
        actions.replaceChildren(h('p', {}, t('accounts.confirmRevoke', { id: k.id })),
          h('div', { class: 'actions' }, yes, h('button', { type: 'button', onclick: normal }, t('accounts.cancel'))));
        yes.focus();
      }
      normal();
      return h('tr', { dataset: { token: k.id } },
        h('td', {}, h('code', {}, k.id)), h('td', {}, k.name), h('td', {}, roleLabel(k.role)), h('td', {}, k.createdBy),
        h('td', {}, when(k.created, lang)), h('td', {}, k.expires ? when(k.expires, lang) : t('accounts.never')),
        h('td', {}, when(k.lastUsed, lang)), h('td', {}, state), actions);
    }

    let loadTokensSeq = 0; // only the latest answer is shown
    async function loadTokens() {
      const mine = ++loadTokensSeq;
      try {
        const page = await get('/api/v1/tokens');
        if (!alive || mine !== loadTokensSeq) return;
        clear(tokensBody).append(...(page.items.length ? page.items.map(tokenRow)
          : [h('tr', {}, h('td', { colspan: 9, class: 'empty' }, t('accounts.noTokens')))]));
      } catch (err) {
        if (alive) clear(tokensBody).append(h('tr', {}, h('td', { colspan: 9 }, notice('error', err.message))));
      }
    }

    /** The new token, in the page only until hidden or the page is left; nothing keeps it. */
    function showToken(issued) {
      const code = h('code', { id: 'new-token', class: 'token' }, issued.token);
      code.style.display = 'block';
      code.style.padding = '.5rem';
      code.style.background = '#fff';
      code.style.border = '1px dashed var(--line)';
      code.style.fontSize = '1.05rem';
      code.style.overflowWrap = 'anywhere';
      code.style.userSelect = 'all';
      const copyStatus = h('small', { class: 'hint', 'aria-live': 'polite' }, t('accounts.copyHint'));
      const box = h('section', { class: 'notice info token-once', role: 'alert', 'aria-labelledby': 'token-title' },
        h('h3', { id: 'token-title' }, t('accounts.tokenTitle', { name: issued.name })),
        h('p', {}, h('strong', {}, t('accounts.tokenOnce'))),
        code,
        h('div', { class: 'actions' },
          h('button', {
            type: 'button', class: 'copy',
            onclick: async () => {
              try {
                await navigator.clipboard.writeText(code.textContent);
                copyStatus.textContent = t('accounts.copied');
              } catch (e) {
                const range = document.createRange();
                range.selectNodeContents(code);
                const sel = window.getSelection();
                sel.removeAllRanges();
                sel.addRange(range);
                copyStatus.textContent = t('accounts.copyHint');
              }
            },
          }, t('accounts.copy')),
          h('button', { type: 'button', class: 'hide-token', onclick: () => clear(tokenBox) }, t('accounts.hideToken')),
          copyStatus));
      box.style.borderColor = 'var(--warn)';
      box.style.background = '#fff6e0';
      clear(tokenBox).append(box);
      box.scrollIntoView({ block: 'nearest' });
    }

    // --- create an operator
    const newName = h('input', { name: 'name', id: 'new-operator-name', maxlength: 64, autocomplete: 'off' });
    const newRole = roleSelect({ name: 'role', id: 'new-operator-role' }, 'viewer');
    const newPassword = h('input', { name: 'password', id: 'new-operator-password', type: 'password', autocomplete: 'new-password' });
    const createForm = apiForm({ class: 'filters', id: 'create-operator' }, [
      { name: 'name', label: t('accounts.name'), control: newName },
      { name: 'role', label: t('accounts.role'), control: newRole },
      { name: 'password', label: t('accounts.password'), control: newPassword, hint: t('accounts.passwordHint') },
    ], t('accounts.createButton'), async () => {
      const created = await post('/api/v1/operators', { name: newName.value.trim(), role: newRole.value, password: newPassword.value });
      newName.value = '';
      newPassword.value = '';
      loadOperators();
      return t('accounts.createdOk', { name: created.name, role: roleLabel(created.role) });
    }, say);

    // --- issue a token
    const tokenName = h('input', { name: 'name', id: 'token-name', maxlength: 100, autocomplete: 'off' });
    const tokenRole = roleSelect({ name: 'role', id: 'token-role' }, 'viewer');
    const tokenDays = h('input', { name: 'expiresInDays', id: 'token-days', type: 'number', min: 1, max: 3650, value: '90' });
    const issueForm = apiForm({ class: 'filters', id: 'issue-token' }, [
      { name: 'name', label: t('accounts.tokenName'), control: tokenName },
      { name: 'role', label: t('accounts.role'), control: tokenRole },
      { name: 'expiresInDays', label: t('accounts.days'), control: tokenDays, hint: t('accounts.daysHint') },
    ], t('accounts.issueButton'), async () => {
      const body = { name: tokenName.value.trim(), role: tokenRole.value };
      const d = tokenDays.value.trim();
      if (d) body.expiresInDays = /^\d+$/.test(d) ? Number(d) : d;
      const issued = await post('/api/v1/tokens', body);
      tokenName.value = '';
      status.replaceChildren();
      showToken(issued);
      loadTokens();
      return null;
    }, say);

    const head = (keys) => h('thead', {}, h('tr', {}, keys.map((k) => h('th', { scope: 'col' }, t(k)))));
    main.append(h('h2', {}, t('accounts.title')), status,
      h('section', { class: 'panel' }, h('h3', {}, t('accounts.operators')),
        h('table', { class: 'data', id: 'operators' },
          head(['accounts.name', 'accounts.role', 'accounts.state', 'accounts.totp', 'accounts.createdChanged', 'accounts.actions']),
          operatorsBody),
        h('h3', { class: 'sub' }, t('accounts.create')), createForm),
      h('section', { class: 'panel' }, h('h3', {}, t('accounts.tokens')), tokenBox,
        h('table', { class: 'data', id: 'tokens' },
          head(['accounts.tokenId', 'accounts.tokenName', 'accounts.role', 'accounts.createdBy', 'accounts.created', 'accounts.expires',
            'accounts.lastUsed', 'accounts.state', 'accounts.actions']),
          tokensBody),
        h('h3', { class: 'sub' }, t('accounts.issue')), issueForm));
    for (const sub of main.querySelectorAll('h3.sub')) sub.style.marginTop = '1rem';
    loadOperators();
    loadTokens();
    return () => {
      alive = false;
      clear(tokenBox); // the token goes with the page
    };
  },
};
