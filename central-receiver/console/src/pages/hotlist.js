// The national hotlist: its version and size, the entries (search by plate, filter by category,
// page by page), and for hotlist managers the editor, removal with confirmation, CSV bulk upload
// (applied only when every line is valid) and export. Below: version history and the version each
// gantry has acknowledged. Readers (dispatchers, investigators) get the lists without any editor.
import { h, clear, field, when, instant, localInput, notice } from '../dom.js';
import { register, t, language } from '../i18n.js';
import { request, get, del, query } from '../api.js';

register({
  en: { 'nav.hotlist': 'Hotlist', 'hotlist.title': 'Hotlist', 'hotlist.summary': 'Version {version} \u00b7 {entries} entries',
    'hotlist.search': 'Plate', 'hotlist.category': 'Category', 'hotlist.anyCategory': 'All categories', 'hotlist.find': 'Search',
    'hotlist.reset': 'Clear', 'hotlist.entries': 'Entries', 'hotlist.none': 'No entries match.', 'hotlist.next': 'Next page',
    'hotlist.first': 'First page', 'hotlist.entryId': 'Entry id', 'hotlist.plate': 'Plate', 'hotlist.country': 'Country',
    'hotlist.priority': 'Priority', 'hotlist.priorityHint': '1 (most urgent) to 9', 'hotlist.reference': 'Reference',
    'hotlist.instructions': 'Instructions', 'hotlist.validFrom': 'Valid from', 'hotlist.validUntil': 'Valid until',
    'hotlist.actions': 'Actions', 'hotlist.edit': 'Edit', 'hotlist.remove': 'Remove', 'hotlist.confirmRemove': 'Remove {id}?',
    'hotlist.yesRemove': 'Yes, remove', 'hotlist.cancel': 'Cancel', 'hotlist.removed': 'Entry {id} removed; the hotlist is now version {version}.',
    'hotlist.addTitle': 'Add an entry', 'hotlist.editTitle': 'Change entry {id}', 'hotlist.add': 'Add entry', 'hotlist.save': 'Save changes',
    'hotlist.added': 'Entry {id} added; the hotlist is now version {version}.', 'hotlist.saved': 'Entry {id} changed; the hotlist is now version {version}.',
    'hotlist.fixFields': 'The entry was not saved: {message}', 'hotlist.uploadTitle': 'CSV files', 'hotlist.file': 'Upload a CSV file',
    'hotlist.fileHint': 'Header: entry_id, plate, country, category, priority, valid_from, valid_until, reference, instructions, action',
    'hotlist.upload': 'Upload', 'hotlist.noFile': 'Choose a CSV file first.',
    'hotlist.uploadRejected': 'The file was refused and nothing was applied: {count} line(s) are invalid.',
    'hotlist.uploadFailed': 'The file was refused and nothing was applied: {message}',
    'hotlist.lineError': 'Line {line}, {column}: {reason}', 'hotlist.lineErrorNoColumn': 'Line {line}: {reason}',
    'hotlist.uploaded': 'Applied as version {version}: {upserts} entries added or changed, {removals} removed.',
    'hotlist.export': 'Export the whole list as CSV', 'hotlist.versions': 'Version history', 'hotlist.version': 'Version', 'hotlist.changes': 'Changes',
    'hotlist.upserted': 'added or changed', 'hotlist.removedChange': 'removed', 'hotlist.more': '\u2026 and {count} more',
    'hotlist.older': 'Older versions', 'hotlist.newest': 'Newest versions', 'hotlist.noVersions': 'No versions yet.',
    'hotlist.gantries': 'Gantries', 'hotlist.gantry': 'Gantry', 'hotlist.acknowledged': 'Acknowledged version',
    'hotlist.behind': 'State', 'hotlist.upToDate': 'up to date', 'hotlist.behindBy': '{count} version(s) behind',
    'hotlist.online': 'Online', 'hotlist.offline': 'Offline', 'hotlist.connection': 'Connection', 'hotlist.noGantries': 'No gantries known yet.' },
  fr: { 'nav.hotlist': 'Liste de signalements', 'hotlist.title': 'Liste de signalements', 'hotlist.summary': 'Version {version} \u00b7 {entries} entrées',
    'hotlist.search': 'Plaque', 'hotlist.category': 'Catégorie', 'hotlist.anyCategory': 'Toutes les catégories', 'hotlist.find': 'Rechercher',
    'hotlist.reset': 'Effacer', 'hotlist.entries': 'Entrées', 'hotlist.none': 'Aucune entrée ne correspond.', 'hotlist.next': 'Page suivante',
    'hotlist.first': 'Première page', 'hotlist.entryId': 'Identifiant', 'hotlist.plate': 'Plaque', 'hotlist.country': 'Pays',
    'hotlist.priority': 'Priorité', 'hotlist.priorityHint': 'de 1 (la plus urgente) à 9', 'hotlist.reference': 'Référence',
    'hotlist.instructions': 'Instructions', 'hotlist.validFrom': 'Valable à partir du', 'hotlist.validUntil': 'Valable jusqu\u2019au',
    'hotlist.actions': 'Actions', 'hotlist.edit': 'Modifier', 'hotlist.remove': 'Supprimer', 'hotlist.confirmRemove': 'Supprimer {id} ?',
    'hotlist.yesRemove': 'Oui, supprimer', 'hotlist.cancel': 'Annuler', 'hotlist.removed': 'Entrée {id} supprimée ; la liste est maintenant à la version {version}.',
    'hotlist.addTitle': 'Ajouter une entrée', 'hotlist.editTitle': 'Modifier l\u2019entrée {id}', 'hotlist.add': 'Ajouter l\u2019entrée', 'hotlist.save': 'Enregistrer',
    'hotlist.added': 'Entrée {id} ajoutée ; la liste est maintenant à la version {version}.', 'hotlist.saved': 'Entrée {id} modifiée ; la liste est maintenant à la version {version}.',
    'hotlist.fixFields': 'L\u2019entrée n\u2019a pas été enregistrée : {message}', 'hotlist.uploadTitle': 'Fichiers CSV', 'hotlist.file': 'Importer un fichier CSV',
    'hotlist.fileHint': 'En-tête : entry_id, plate, country, category, priority, valid_from, valid_until, reference, instructions, action',
    'hotlist.upload': 'Importer', 'hotlist.noFile': 'Choisissez d\u2019abord un fichier CSV.',
    'hotlist.uploadRejected': 'Le fichier a été refusé et rien n\u2019a été appliqué : {count} ligne(s) non valable(s).',
    'hotlist.uploadFailed': 'Le fichier a été refusé et rien n\u2019a été appliqué : {message}',
    'hotlist.lineError': 'Ligne {line}, {column} : {reason}', 'hotlist.lineErrorNoColumn': 'Ligne {line} : {reason}',
    'hotlist.uploaded': 'Appliqué comme version {version} : {upserts} entrées ajoutées ou modifiées, {removals} supprimées.',
    'hotlist.export': 'Exporter toute la liste en CSV', 'hotlist.versions': 'Historique des versions', 'hotlist.version': 'Version', 'hotlist.changes': 'Modifications',
    'hotlist.upserted': 'ajoutée ou modifiée', 'hotlist.removedChange': 'supprimée', 'hotlist.more': '\u2026 et {count} de plus',
    'hotlist.older': 'Versions plus anciennes', 'hotlist.newest': 'Versions les plus récentes', 'hotlist.noVersions': 'Pas encore de version.',
    'hotlist.gantries': 'Portiques', 'hotlist.gantry': 'Portique', 'hotlist.acknowledged': 'Version confirmée',
    'hotlist.behind': 'État', 'hotlist.upToDate': 'à jour', 'hotlist.behindBy': 'en retard de {count} version(s)',
    'hotlist.online': 'En ligne', 'hotlist.offline': 'Hors ligne', 'hotlist.connection': 'Connexion', 'hotlist.noGantries': 'Aucun portique connu pour l\u2019instant.' },
  nl: { 'nav.hotlist': 'Signaleringslijst', 'hotlist.title': 'Signaleringslijst', 'hotlist.summary': 'Versie {version} \u00b7 {entries} items',
    'hotlist.search': 'Kenteken', 'hotlist.category': 'Categorie', 'hotlist.anyCategory': 'Alle categorieën', 'hotlist.find': 'Zoeken',
    'hotlist.reset': 'Wissen', 'hotlist.entries': 'Items', 'hotlist.none': 'Geen items gevonden.', 'hotlist.next': 'Volgende pagina',
    'hotlist.first': 'Eerste pagina', 'hotlist.entryId': 'Item-id', 'hotlist.plate': 'Kenteken', 'hotlist.country': 'Land',
    'hotlist.priority': 'Prioriteit', 'hotlist.priorityHint': '1 (dringendst) tot 9', 'hotlist.reference': 'Referentie',
    'hotlist.instructions': 'Instructies', 'hotlist.validFrom': 'Geldig vanaf', 'hotlist.validUntil': 'Geldig tot',
    'hotlist.actions': 'Acties', 'hotlist.edit': 'Wijzigen', 'hotlist.remove': 'Verwijderen', 'hotlist.confirmRemove': '{id} verwijderen?',
    'hotlist.yesRemove': 'Ja, verwijderen', 'hotlist.cancel': 'Annuleren', 'hotlist.removed': 'Item {id} verwijderd; de lijst is nu versie {version}.',
    'hotlist.addTitle': 'Item toevoegen', 'hotlist.editTitle': 'Item {id} wijzigen', 'hotlist.add': 'Item toevoegen', 'hotlist.save': 'Wijzigingen opslaan',
    'hotlist.added': 'Item {id} toegevoegd; de lijst is nu versie {version}.', 'hotlist.saved': 'Item {id} gewijzigd; de lijst is nu versie {version}.',
    'hotlist.fixFields': 'Het item is niet opgeslagen: {message}', 'hotlist.uploadTitle': 'CSV-bestanden', 'hotlist.file': 'CSV-bestand opladen',
    'hotlist.fileHint': 'Kopregel: entry_id, plate, country, category, priority, valid_from, valid_until, reference, instructions, action',
    'hotlist.upload': 'Opladen', 'hotlist.noFile': 'Kies eerst een CSV-bestand.',
    'hotlist.uploadRejected': 'Het bestand is geweigerd en er is niets toegepast: {count} regel(s) zijn ongeldig.',
    'hotlist.uploadFailed': 'Het bestand is geweigerd en er is niets toegepast: {message}',
    'hotlist.lineError': 'Regel {line}, {column}: {reason}', 'hotlist.lineErrorNoColumn': 'Regel {line}: {reason}',
    'hotlist.uploaded': 'Toegepast als versie {version}: {upserts} items toegevoegd of gewijzigd, {removals} verwijderd.',
    'hotlist.export': 'De volledige lijst exporteren als CSV', 'hotlist.versions': 'Versiegeschiedenis', 'hotlist.version': 'Versie', 'hotlist.changes': 'Wijzigingen',
    'hotlist.upserted': 'toegevoegd of gewijzigd', 'hotlist.removedChange': 'verwijderd', 'hotlist.more': '\u2026 en nog {count}',
    'hotlist.older': 'Oudere versies', 'hotlist.newest': 'Nieuwste versies', 'hotlist.noVersions': 'Nog geen versies.',
    'hotlist.gantries': 'Portalen', 'hotlist.gantry': 'Portaal', 'hotlist.acknowledged': 'Bevestigde versie',
    'hotlist.behind': 'Stand', 'hotlist.upToDate': 'bijgewerkt', 'hotlist.behindBy': '{count} versie(s) achter',
    'hotlist.online': 'Online', 'hotlist.offline': 'Offline', 'hotlist.connection': 'Verbinding', 'hotlist.noGantries': 'Nog geen portalen bekend.' },
});

const CATEGORIES = ['stolen-vehicle', 'wanted-person', 'uninsured', 'no-inspection', 'low-emission-zone', 'missing-person', 'other'];
const PAGE_SIZE = 50;
const VERSIONS_PAGE = 10;
const CHANGES_SHOWN = 8;
/** The editor's fields, by the name the API gives them in a problem's {@code field}. */
const EDITOR_FIELDS = ['entryId', 'plate', 'country', 'category', 'priority', 'reference', 'instructions', 'validFrom', 'validUntil'];

const categoryLabel = (c) => (c ? t('category.' + c) : '');

/** A field whose API error is shown under the control (and tied to it for screen readers). */
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

function compactList(ul) {
  ul.style.margin = '0';
  ul.style.paddingLeft = '1.1rem';
  return ul;
}

function section(title, ...children) {
  return h('section', { class: 'panel' }, h('h3', {}, title), children);
}

export default {
  id: 'hotlist',
  label: 'nav.hotlist',
  roles: ['hotlist-manager', 'dispatcher', 'investigator'],
  render(main, ctx) {
    const canEdit = ctx.session.role === 'hotlist-manager';
    const lang = language();
    let alive = true;

    // --- summary and status line
    const summary = h('p', { id: 'hotlist-summary', role: 'status' }, t('app.loading'));
    const status = h('div', { class: 'status', 'aria-live': 'polite' });
    const say = (kind, text) => status.replaceChildren(notice(kind, text));

    async function loadSummary() {
      try {
        const s = await get('/api/v1/hotlist');
        if (alive) summary.textContent = t('hotlist.summary', { version: s.version, entries: s.entries });
      } catch (err) {
        if (alive) summary.textContent = t('app.error', { message: err.message });
      }
    }

    // --- entries: search, filter, pages
    const plateFilter = h('input', { name: 'plate', id: 'hotlist-plate', maxlength: 32, autocomplete: 'off', value: ctx.params.get('plate') || '' });
    const categoryFilter = h('select', { name: 'category', id: 'hotlist-category' },
      h('option', { value: '' }, t('hotlist.anyCategory')),
      CATEGORIES.map((c) => h('option', { value: c, selected: c === ctx.params.get('category') }, categoryLabel(c))));
    const filters = h('form', {
      class: 'filters', role: 'search',
      onsubmit: (e) => {
        e.preventDefault();
        loadEntries(null);
      },
    }, field(t('hotlist.search'), plateFilter), field(t('hotlist.category'), categoryFilter),
    h('button', { type: 'submit', class: 'primary' }, t('hotlist.find')),
    h('button', {
      type: 'button',
      onclick: () => {
        plateFilter.value = '';
        categoryFilter.value = '';
        loadEntries(null);
      },
    }, t('hotlist.reset')));
    const entriesBody = h('tbody');
    const entriesTable = h('table', { class: 'data', id: 'hotlist-entries' },
      h('thead', {}, h('tr', {}, [
        t('hotlist.entryId'), t('hotlist.plate'), t('hotlist.country'), t('hotlist.category'), t('hotlist.priority'),
        t('hotlist.reference'), t('hotlist.instructions'), t('hotlist.validFrom'), t('hotlist.validUntil'),
        canEdit ? t('hotlist.actions') : null].filter((x) => x !== null).map((c) => h('th', { scope: 'col' }, c)))),
      entriesBody);
    const entriesPager = h('div', { class: 'pager' });
    let currentAfter = null;

    function entryRow(e) {
      const cells = [
        h('td', {}, e.entryId), h('td', { class: 'plate' }, h('strong', {}, e.plate)), h('td', {}, e.country || ''),
        h('td', {}, categoryLabel(e.category)), h('td', {}, String(e.priority)), h('td', {}, e.reference || ''),
        h('td', {}, e.instructions || ''), h('td', {}, when(e.validFrom, lang)), h('td', {}, when(e.validUntil, lang))];
      const row = h('tr', { dataset: { entryId: e.entryId } }, cells);
      if (canEdit) {
        const actions = h('td', { class: 'row-actions' });
        const normal = () => actions.replaceChildren(h('div', { class: 'actions' },
          h('button', { type: 'button', class: 'edit', onclick: () => editor.edit(e) }, t('hotlist.edit')),
          h('button', { type: 'button', class: 'remove', onclick: confirm }, t('hotlist.remove'))));
        const confirm = () => {
          const yes = h('button', { type: 'button', class: 'danger confirm-remove', onclick: () => remove(e.entryId) }, t('hotlist.yesRemove'));
          actions.replaceChildren(h('div', { role: 'group', 'aria-label': t('hotlist.confirmRemove', { id: e.entryId }) },
            h('p', { class: 'confirm' }, t('hotlist.confirmRemove', { id: e.entryId })),
            h('div', { class: 'actions' }, yes, h('button', { type: 'button', onclick: normal }, t('hotlist.cancel')))));
          yes.focus();
        };
        normal();
        row.append(actions);
      }
      return row;
    }

    let entriesRequest = 0; // only the latest request's answer is shown
    async function loadEntries(after) {
      currentAfter = after;
      const mine = ++entriesRequest;
      try {
        const page = await get('/api/v1/hotlist/entries' + query({
          plate: plateFilter.value.trim(), category: categoryFilter.value, after, limit: PAGE_SIZE,
        }));
        if (!alive || mine !== entriesRequest) return;
        const cols = canEdit ? 10 : 9;
        clear(entriesBody).append(...(page.items.length ? page.items.map(entryRow)
          : [h('tr', {}, h('td', { colspan: cols, class: 'empty' }, t('hotlist.none')))]));
        clear(entriesPager);
        if (after !== null) {
          entriesPager.append(h('button', { type: 'button', class: 'first', onclick: () => loadEntries(null) }, t('hotlist.first')));
        }
        if (page.next) {
          entriesPager.append(h('button', {
            type: 'button', class: 'next',
            onclick: () => loadEntries(page.next),
          }, t('hotlist.next')));
        }
      } catch (err) {
        if (alive && mine === entriesRequest) clear(entriesBody).append(h('tr', {}, h('td', { colspan: 10 }, notice('error', err.message))));
      }
    }

    // --- versions and gantries
    const versionsBody = h('tbody');
    const versionsPager = h('div', { class: 'pager' });
    let versionsRequest = 0;
    async function loadVersions(before) {
      const mine = ++versionsRequest;
      try {
        const page = await get('/api/v1/hotlist/versions' + query({ before, limit: VERSIONS_PAGE }));
        if (!alive || mine !== versionsRequest) return;
        clear(versionsBody).append(...(page.items.length ? page.items.map((v) => h('tr', { dataset: { version: v.version } },
          h('td', {}, String(v.version)),
          h('td', {}, compactList(h('ul', { class: 'changes' },
            v.changes.slice(0, CHANGES_SHOWN).map((c) => h('li', {},
              h('strong', {}, c.entryId), c.entry ? ' (' + c.entry.plate + ')' : '', ' \u2014 ',
              c.change === 'removed' ? t('hotlist.removedChange') : t('hotlist.upserted'))),
            v.changes.length > CHANGES_SHOWN ? h('li', {}, t('hotlist.more', { count: v.changes.length - CHANGES_SHOWN })) : null)))))
          : [h('tr', {}, h('td', { colspan: 2, class: 'empty' }, t('hotlist.noVersions')))]));
        clear(versionsPager);
        if (before !== undefined) versionsPager.append(h('button', { type: 'button', onclick: () => loadVersions(undefined) }, t('hotlist.newest')));
        const last = page.items[page.items.length - 1];
        if (page.items.length === VERSIONS_PAGE && last.version > 1) {
          versionsPager.append(h('button', { type: 'button', class: 'older', onclick: () => loadVersions(last.version) }, t('hotlist.older')));
        }
      } catch (err) {
        if (alive) clear(versionsBody).append(h('tr', {}, h('td', { colspan: 2 }, notice('error', err.message))));
      }
    }

    const gantriesBody = h('tbody');
    async function loadGantries() {
      try {
        const page = await get('/api/v1/hotlist/gantries');
        if (!alive) return;
        clear(gantriesBody).append(...(page.items.length ? page.items.map((g) => h('tr', { dataset: { gantry: g.gantryId }, class: g.behind > 0 ? 'behind' : null },
          h('td', {}, g.gantryId), h('td', {}, String(g.acknowledgedVersion)),
          h('td', {}, g.behind > 0 ? h('span', { class: 'badge bad' }, t('hotlist.behindBy', { count: g.behind }))
            : h('span', { class: 'badge ok' }, t('hotlist.upToDate'))),
          h('td', {}, h('span', { class: g.online ? 'state-online' : 'state-offline' }, g.online ? t('hotlist.online') : t('hotlist.offline')))))
          : [h('tr', {}, h('td', { colspan: 4, class: 'empty' }, t('hotlist.noGantries')))]));
      } catch (err) {
        if (alive) clear(gantriesBody).append(h('tr', {}, h('td', { colspan: 4 }, notice('error', err.message))));
      }
    }

    function refresh() {
      loadSummary();
      loadEntries(currentAfter);
      loadVersions(undefined);
      loadGantries();
    }

    async function remove(id) {
      try {
        const r = await del('/api/v1/hotlist/entries/' + encodeURIComponent(id));
        say('ok', t('hotlist.removed', { id, version: r.version }));
        if (editor && editor.editing() === id) editor.reset();
      } catch (err) {
        say('error', err.message);
      }
      refresh();
    }

    // --- the editor and the upload (hotlist managers only)
    let editor = null;
    let uploadPanel = null;
    let exportLink = null;
    if (canEdit) {
      editor = buildEditor();
      uploadPanel = buildUpload();
      exportLink = h('a', { href: '/api/v1/hotlist/export', download: 'hotlist.csv', id: 'hotlist-export', class: 'export' }, t('hotlist.export'));
      uploadPanel.append(h('p', {}, exportLink));
    }

    function buildEditor() {
      const controls = {
        entryId: h('input', { name: 'entryId', id: 'entry-entryId', maxlength: 64, autocomplete: 'off' }),
        plate: h('input', { name: 'plate', id: 'entry-plate', maxlength: 32, autocomplete: 'off' }),
        country: h('input', { name: 'country', id: 'entry-country', maxlength: 2, size: 3, autocomplete: 'off' }),
        category: h('select', { name: 'category', id: 'entry-category' }, CATEGORIES.map((c) => h('option', { value: c }, categoryLabel(c)))),
        priority: h('input', { name: 'priority', id: 'entry-priority', type: 'number', min: 1, max: 9, step: 1, value: '5' }),
        reference: h('input', { name: 'reference', id: 'entry-reference', maxlength: 100, autocomplete: 'off' }),
        instructions: h('textarea', { name: 'instructions', id: 'entry-instructions', maxlength: 1000, rows: 2, cols: 40 }),
        validFrom: h('input', { name: 'validFrom', id: 'entry-validFrom', type: 'datetime-local' }),
        validUntil: h('input', { name: 'validUntil', id: 'entry-validUntil', type: 'datetime-local' }),
      };
      const labels = {
        entryId: t('hotlist.entryId'), plate: t('hotlist.plate'), country: t('hotlist.country'), category: t('hotlist.category'),
        priority: t('hotlist.priority'), reference: t('hotlist.reference'), instructions: t('hotlist.instructions'),
        validFrom: t('hotlist.validFrom'), validUntil: t('hotlist.validUntil'),
      };
      const fields = {};
      for (const k of EDITOR_FIELDS) fields[k] = checkedField(labels[k], controls[k], k === 'priority' ? t('hotlist.priorityHint') : null);
      const title = h('h3', { id: 'editor-title' }, t('hotlist.addTitle'));
      const submit = h('button', { type: 'submit', class: 'primary' }, t('hotlist.add'));
      const cancel = h('button', { type: 'button', hidden: true, onclick: () => reset() }, t('hotlist.cancel'));
      const formStatus = h('div', { class: 'status' });
      let editing = null;

      function clearErrors() {
        for (const f of Object.values(fields)) f.hide();
        formStatus.replaceChildren();
      }
      function reset() {
        editing = null;
        form.reset();
        controls.entryId.readOnly = false;
        controls.priority.value = '5';
        title.textContent = t('hotlist.addTitle');
        submit.textContent = t('hotlist.add');
        cancel.hidden = true;
        clearErrors();
      }
      function edit(e) {
        reset();
        editing = e.entryId;
        controls.entryId.value = e.entryId;
        controls.entryId.readOnly = true;
        controls.plate.value = e.plate || '';
        controls.country.value = e.country || '';
        controls.category.value = e.category || CATEGORIES[CATEGORIES.length - 1];
        controls.priority.value = String(e.priority);
        controls.reference.value = e.reference || '';
        controls.instructions.value = e.instructions || '';
        controls.validFrom.value = e.validFrom ? localInput(new Date(e.validFrom)) : '';
        controls.validUntil.value = e.validUntil ? localInput(new Date(e.validUntil)) : '';
        title.textContent = t('hotlist.editTitle', { id: e.entryId });
        submit.textContent = t('hotlist.save');
        cancel.hidden = false;
        form.scrollIntoView({ block: 'nearest' });
        controls.plate.focus();
      }
      const form = h('form', {
        class: 'editor', id: 'hotlist-editor', novalidate: true, 'aria-labelledby': 'editor-title',
        onsubmit: async (ev) => {
          ev.preventDefault();
          clearErrors();
          const body = {
            plate: controls.plate.value.trim(), category: controls.category.value,
          };
          if (!editing) body.entryId = controls.entryId.value.trim();
          const p = controls.priority.value.trim();
          // Whatever is typed goes to the API, which names the field at fault (the browser's own checks are off).
          if (p !== '') body.priority = /^-?\d+$/.test(p) ? Number(p) : p;
          for (const k of ['country', 'reference', 'instructions']) {
            const v = controls[k].value.trim();
            if (v) body[k] = v;
          }
          for (const k of ['validFrom', 'validUntil']) {
            if (controls[k].value) body[k] = instant(controls[k].value);
          }
          try {
            const saved = editing
              ? await request('PUT', '/api/v1/hotlist/entries/' + encodeURIComponent(editing), body)
              : await request('POST', '/api/v1/hotlist/entries', body);
            const text = t(editing ? 'hotlist.saved' : 'hotlist.added', { id: saved.entryId, version: saved.version });
            reset();
            say('ok', text);
            refresh();
          } catch (err) {
            if (err.field && fields[err.field]) {
              fields[err.field].show(err.message); // next to the field at fault, which gets the focus
              controls[err.field].focus();
            } else {
              formStatus.replaceChildren(notice('error', t('hotlist.fixFields', { message: err.message })));
            }
          }
        },
      });
      // Five columns: the short fields on one line, reference and validity on the next, instructions across.
      const grid = h('div', { class: 'editor-grid' }, ['entryId', 'plate', 'country', 'category', 'priority', 'reference', 'validFrom',
        'validUntil', 'instructions'].map((k) => fields[k].wrapper));
      Object.assign(grid.style, { display: 'grid', gridTemplateColumns: 'repeat(5, minmax(0, 1fr))', gap: '0 .8rem', alignItems: 'start' });
      for (const k of EDITOR_FIELDS) {
        controls[k].style.width = '100%';
        if (k === 'validFrom' || k === 'validUntil') fields[k].wrapper.style.gridColumn = 'span 2';
        if (k === 'instructions') fields[k].wrapper.style.gridColumn = '1 / -1';
      }
      form.append(title, grid, formStatus, h('div', { class: 'actions' }, submit, cancel));
      return { form, edit, reset, editing: () => editing };
    }

    function buildUpload() {
      const file = h('input', { type: 'file', name: 'csv', id: 'hotlist-file', accept: '.csv,text/csv' });
      const uploadStatus = h('div', { class: 'status', id: 'upload-status', 'aria-live': 'polite' });
      const button = h('button', { type: 'submit', class: 'primary' }, t('hotlist.upload'));
      const form = h('form', {
        class: 'upload', id: 'hotlist-upload',
        onsubmit: async (ev) => {
          ev.preventDefault();
          uploadStatus.replaceChildren();
          const chosen = file.files && file.files[0];
          if (!chosen) {
            uploadStatus.replaceChildren(notice('error', t('hotlist.noFile')));
            return;
          }
          button.disabled = true;
          try {
            const text = await chosen.text();
            const r = await request('POST', '/api/v1/hotlist/upload', text, 'text/csv');
            uploadStatus.replaceChildren(notice('ok', t('hotlist.uploaded', { version: r.version, upserts: r.upserts, removals: r.removals })));
            file.value = '';
            refresh();
          } catch (err) {
            const lines = Array.isArray(err.problem && err.problem.errors) ? err.problem.errors : [];
            if (lines.length) {
              uploadStatus.replaceChildren(notice('error', t('hotlist.uploadRejected', { count: lines.length })),
                h('ul', { class: 'errors', id: 'upload-errors' }, lines.map((l) => h('li', { dataset: { line: l.line } },
                  l.column ? t('hotlist.lineError', { line: l.line, column: l.column, reason: l.reason })
                    : t('hotlist.lineErrorNoColumn', { line: l.line, reason: l.reason })))));
            } else {
              uploadStatus.replaceChildren(notice('error', t('hotlist.uploadFailed', { message: err.message })));
            }
          } finally {
            button.disabled = false;
          }
        },
      }, h('h3', {}, t('hotlist.uploadTitle')),
      field(t('hotlist.file'), file, t('hotlist.fileHint')),
      h('div', { class: 'actions' }, button), uploadStatus);
      return form;
    }

    // --- layout
    main.append(
      h('h2', {}, t('hotlist.title')),
      summary,
      status);
    if (canEdit) {
      const editorPanel = h('section', { class: 'panel' }, editor.form);
      const uploadBox = h('section', { class: 'panel' }, uploadPanel);
      const row = h('div', { class: 'editing' }, editorPanel, uploadBox);
      row.style.display = 'grid';
      row.style.gridTemplateColumns = 'minmax(0, 2fr) minmax(0, 1fr)';
      row.style.gap = '1rem';
      editorPanel.style.marginBottom = '0';
      uploadBox.style.marginBottom = '0';
      row.style.marginBottom = '1rem';
      main.append(row);
    }
    main.append(
      section(t('hotlist.entries'), filters, entriesTable, entriesPager),
      h('div', { class: 'grid2' },
        section(t('hotlist.versions'), h('table', { class: 'data', id: 'hotlist-versions' },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('hotlist.version')), h('th', { scope: 'col' }, t('hotlist.changes')))),
          versionsBody), versionsPager),
        section(t('hotlist.gantries'), h('table', { class: 'data', id: 'hotlist-gantries' },
          h('thead', {}, h('tr', {}, [t('hotlist.gantry'), t('hotlist.acknowledged'), t('hotlist.behind'), t('hotlist.connection')]
            .map((c) => h('th', { scope: 'col' }, c)))),
          gantriesBody))));

    loadSummary();
    loadEntries(null);
    loadVersions(undefined);
    loadGantries();
    return () => {
      alive = false;
    };
  },
};
