// The audit trail, for auditors: entries newest first with filters and pages, the hash chain
// verified on demand (with a head hash noted earlier, to catch a cut-off end), and the CSV export
// of what the filters select. Nothing here changes an entry.
import { h, clear, field, when, instant, notice } from '../dom.js';
import { register, t, language } from '../i18n.js';
import { get, query } from '../api.js';

register({
  en: { 'nav.audit': 'Audit', 'audit.title': 'Audit trail', 'audit.actor': 'Actor', 'audit.action': 'Action', 'audit.from': 'From',
    'audit.to': 'To', 'audit.apply': 'Apply filters', 'audit.reset': 'Clear', 'audit.time': 'Time', 'audit.role': 'Role',
    'audit.address': 'Address', 'audit.target': 'Target', 'audit.reason': 'Reason', 'audit.case': 'Case', 'audit.detail': 'Detail',
    'audit.none': 'No audit entries match.', 'audit.older': 'Older entries', 'audit.newer': 'Newer entries', 'audit.newest': 'Newest',
    'audit.export': 'Export these entries as CSV', 'audit.verifyTitle': 'Integrity of the trail',
    'audit.head': 'Head hash noted at an earlier check (optional)',
    'audit.headHint': 'Note the head hash after each check; pasting it next time shows whether entries were cut off the end.',
    'audit.verify': 'Verify the chain', 'audit.verifying': 'Verifying\u2026',
    'audit.ok': 'OK', 'audit.okText': 'The chain is intact: {count} entries checked.', 'audit.headHash': 'Head hash to note: ',
    'audit.broken': 'BROKEN', 'audit.brokenText': 'The chain is broken at entry {id}: {problem}', 'audit.entries': 'Entries',
    'audit.showing': '{count} entries shown' },
  fr: { 'nav.audit': 'Audit', 'audit.title': 'Journal d\u2019audit', 'audit.actor': 'Acteur', 'audit.action': 'Action', 'audit.from': 'Du',
    'audit.to': 'Au', 'audit.apply': 'Appliquer les filtres', 'audit.reset': 'Effacer', 'audit.time': 'Heure', 'audit.role': 'Rôle',
    'audit.address': 'Adresse', 'audit.target': 'Objet', 'audit.reason': 'Motif', 'audit.case': 'Dossier', 'audit.detail': 'Détail',
    'audit.none': 'Aucune entrée d\u2019audit ne correspond.', 'audit.older': 'Entrées plus anciennes', 'audit.newer': 'Entrées plus récentes',
    'audit.newest': 'Les plus récentes', 'audit.export': 'Exporter ces entrées en CSV', 'audit.verifyTitle': 'Intégrité du journal',
    'audit.head': 'Empreinte de tête notée lors d\u2019une vérification précédente (facultatif)',
    'audit.headHint': 'Notez l\u2019empreinte de tête après chaque vérification ; la coller la fois suivante montre si des entrées ont été retirées à la fin.',
    'audit.verify': 'Vérifier la chaîne', 'audit.verifying': 'Vérification\u2026',
    'audit.ok': 'OK', 'audit.okText': 'La chaîne est intacte : {count} entrées vérifiées.', 'audit.headHash': 'Empreinte de tête à noter : ',
    'audit.broken': 'ROMPUE', 'audit.brokenText': 'La chaîne est rompue à l\u2019entrée {id} : {problem}', 'audit.entries': 'Entrées',
    'audit.showing': '{count} entrées affichées' },
  nl: { 'nav.audit': 'Audit', 'audit.title': 'Auditlogboek', 'audit.actor': 'Actor', 'audit.action': 'Actie', 'audit.from': 'Van',
    'audit.to': 'Tot', 'audit.apply': 'Filters toepassen', 'audit.reset': 'Wissen', 'audit.time': 'Tijd', 'audit.role': 'Rol',
    'audit.address': 'Adres', 'audit.target': 'Onderwerp', 'audit.reason': 'Reden', 'audit.case': 'Dossier', 'audit.detail': 'Details',
    'audit.none': 'Geen auditregels gevonden.', 'audit.older': 'Oudere regels', 'audit.newer': 'Nieuwere regels', 'audit.newest': 'Nieuwste',
    'audit.export': 'Deze regels exporteren als CSV', 'audit.verifyTitle': 'Integriteit van het logboek',
    'audit.head': 'Kophash van een eerdere controle (optioneel)',
    'audit.headHint': 'Noteer de kophash na elke controle; plak hem de volgende keer om te zien of er regels aan het einde zijn weggenomen.',
    'audit.verify': 'Keten controleren', 'audit.verifying': 'Bezig met controleren\u2026',
    'audit.ok': 'OK', 'audit.okText': 'De keten is intact: {count} regels gecontroleerd.', 'audit.headHash': 'Te noteren kophash: ',
    'audit.broken': 'GEBROKEN', 'audit.brokenText': 'De keten is gebroken bij regel {id}: {problem}', 'audit.entries': 'Regels',
    'audit.showing': '{count} regels getoond' },
});

const PAGE_SIZE = 50;
const ACTIONS = ['session.sign-in', 'session.sign-in-failed', 'session.sign-out', 'reads.search', 'reads.export', 'reads.trajectory',
  'read.view', 'read.image', 'alert.image', 'violation.image', 'alert.acknowledge', 'hotlist.add', 'hotlist.change', 'hotlist.remove',
  'hotlist.upload', 'hotlist.export', 'operator.create', 'operator.change', 'operator.password', 'operator.totp-start',
  'operator.totp-enabled', 'operator.totp-removed', 'token.issue', 'token.revoke', 'audit.export'];

function nowrap(el) {
  el.style.whiteSpace = 'nowrap';
  return el;
}

/** Long unbroken values (hashes, JSON) may break anywhere rather than widen the table. */
function breakable(el) {
  el.style.overflowWrap = 'anywhere';
  return el;
}

/** The change or query of an entry: short ones in full, long ones folded (opened on demand). */
function detail(text) {
  if (!text || text === '{}') return '';
  if (text.length <= 90) return breakable(h('code', {}, text));
  return h('details', {}, breakable(h('summary', {}, h('code', {}, text.slice(0, 60) + '\u2026'))), breakable(h('code', {}, text)));
}

function tight(el) {
  el.style.margin = '.15rem 0';
  return el;
}

export default {
  id: 'audit',
  label: 'nav.audit',
  roles: ['auditor'],
  render(main, ctx) {
    const lang = language();
    let alive = true;
    const actor = h('input', { name: 'actor', id: 'audit-actor', maxlength: 100, autocomplete: 'off', value: ctx.params.get('actor') || '' });
    const action = h('input', { name: 'action', id: 'audit-action', list: 'audit-actions', maxlength: 64, autocomplete: 'off',
      value: ctx.params.get('action') || '' });
    const actions = h('datalist', { id: 'audit-actions' }, ACTIONS.map((a) => h('option', { value: a })));
    const from = h('input', { name: 'from', id: 'audit-from', type: 'datetime-local' });
    const to = h('input', { name: 'to', id: 'audit-to', type: 'datetime-local' });
    const exportLink = h('a', { id: 'audit-export', class: 'export', href: '/api/v1/audit/export', download: 'audit.csv' }, t('audit.export'));
    const status = h('div', { class: 'status' });
    const body = h('tbody');
    const pager = h('div', { class: 'pager' });
    let filters = {};
    let befores = []; // the "before" of each newer page, for going back
    let currentBefore = null;

    function readFilters() {
      filters = { actor: actor.value.trim(), action: action.value.trim(), from: instant(from.value), to: instant(to.value) };
      exportLink.href = '/api/v1/audit/export' + query(filters);
    }

    function row(e) {
      return h('tr', { dataset: { auditId: e.id } },
        nowrap(h('td', {}, when(e.at, lang))), nowrap(h('td', {}, e.actor)), nowrap(h('td', {}, e.role)), h('td', {}, e.address || ''),
        h('td', {}, h('code', {}, e.action)), breakable(h('td', {}, e.target || '')), h('td', {}, e.reason || ''), h('td', {}, e.case || ''),
        h('td', { class: 'detail' }, detail(e.detail)));
    }

    let latest = 0; // only the latest request's answer is shown
    async function load(before) {
      currentBefore = before;
      const mine = ++latest;
      try {
        const page = await get('/api/v1/audit' + query({ ...filters, before, limit: PAGE_SIZE }));
        if (!alive || mine !== latest) return;
        status.replaceChildren();
        clear(body).append(...(page.items.length ? page.items.map(row)
          : [h('tr', {}, h('td', { colspan: 9, class: 'empty' }, t('audit.none')))]));
        clear(pager);
        if (befores.length) {
          pager.append(h('button', { type: 'button', class: 'newest', onclick: () => { befores = []; load(null); } }, t('audit.newest')),
            h('button', { type: 'button', class: 'newer', onclick: () => load(befores.pop()) }, t('audit.newer')));
        }
        if (page.next && page.items.length === PAGE_SIZE) {
          pager.append(h('button', {
            type: 'button', class: 'older',
            onclick: () => {
              befores.push(currentBefore);
              load(page.next);
            },
          }, t('audit.older')));
        }
      } catch (err) {
        if (alive && mine === latest) status.replaceChildren(notice('error', err.message));
      }
    }

    const form = h('form', {
      class: 'filters', role: 'search', id: 'audit-filters',
      onsubmit: (e) => {
        e.preventDefault();
        readFilters();
        befores = [];
        load(null);
      },
    }, field(t('audit.actor'), actor), field(t('audit.action'), action), actions, field(t('audit.from'), from), field(t('audit.to'), to),
    h('button', { type: 'submit', class: 'primary' }, t('audit.apply')),
    h('button', {
      type: 'button',
      onclick: () => {
        form.reset();
        actor.value = '';
        action.value = '';
        readFilters();
        befores = [];
        load(null);
      },
    }, t('audit.reset')));

    // --- verification
    const head = h('input', { name: 'head', id: 'audit-head', maxlength: 128, autocomplete: 'off', spellcheck: 'false' });
    head.size = 66;
    const verifyButton = h('button', { type: 'submit', class: 'primary', id: 'audit-verify' }, t('audit.verify'));
    const result = h('div', { id: 'verify-result', 'aria-live': 'polite' });
    const verify = h('form', {
      class: 'filters verify',
      onsubmit: async (e) => {
        e.preventDefault();
        verifyButton.disabled = true;
        result.replaceChildren(h('p', {}, t('audit.verifying')));
        try {
          const v = await get('/api/v1/audit/verify' + query({ head: head.value.trim() }));
          if (!alive) return;
          if (v.ok) {
            result.replaceChildren(h('div', { class: 'notice ok', role: 'status' },
              tight(h('p', {}, h('span', { class: 'badge ok verdict' }, t('audit.ok')), ' ', t('audit.okText', { count: v.checked }))),
              v.headHash ? tight(h('p', {}, t('audit.headHash'), breakable(h('code', { class: 'head-hash' }, v.headHash)))) : null));
          } else {
            result.replaceChildren(h('div', { class: 'notice error', role: 'alert' },
              tight(h('p', {}, h('span', { class: 'badge bad verdict' }, t('audit.broken')), ' ',
                t('audit.brokenText', { id: v.brokenAt ?? '?', problem: v.problem || '' }))),
              v.headHash ? tight(h('p', {}, t('audit.headHash'), breakable(h('code', { class: 'head-hash' }, v.headHash)))) : null));
          }
        } catch (err) {
          if (alive) result.replaceChildren(notice('error', err.message));
        } finally {
          verifyButton.disabled = false;
        }
      },
    }, field(t('audit.head'), head, t('audit.headHint')), verifyButton);

    const table = h('table', { class: 'data', id: 'audit-entries' },
      h('thead', {}, h('tr', {}, ['audit.time', 'audit.actor', 'audit.role', 'audit.address', 'audit.action', 'audit.target', 'audit.reason',
        'audit.case', 'audit.detail'].map((k) => h('th', { scope: 'col' }, t(k))))),
      body);
    main.append(h('h2', {}, t('audit.title')),
      h('section', { class: 'panel' }, h('h3', {}, t('audit.verifyTitle')), verify, result),
      h('section', { class: 'panel' }, h('h3', {}, t('audit.entries')), form, h('div', { class: 'toolbar' }, exportLink), status, table, pager));
    readFilters();
    load(null);
    return () => {
      alive = false;
    };
  },
};
