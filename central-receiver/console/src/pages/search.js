// Searching sightings: a plate (exact, wildcard or look-alike characters) and/or a gantry, with
// camera, lane, country, time and confidence filters. Nothing is sent before the investigator has
// given a reason and a case reference (askPurpose); that purpose then goes with every page, image,
// read and export of this enquiry, each of which the server audits. A result opens a read view
// with its metadata and both images, and a link to the plate's trajectory.
import { h, clear, field, when, instant, localInput, notice } from '../dom.js';
import { register, t, language } from '../i18n.js';
import { get, query, withParams } from '../api.js';
import { askPurpose } from '../purpose.js';

register({
  en: { 'nav.search': 'Search', 'search.title': 'Search sightings', 'search.plate': 'Plate', 'search.mode': 'Plate match',
    'search.mode.exact': 'exact', 'search.mode.wildcard': 'wildcard (? and *)', 'search.mode.tolerant': 'look-alike characters',
    'search.gantry': 'Gantry', 'search.camera': 'Camera', 'search.lane': 'Lane', 'search.country': 'Country',
    'search.from': 'From', 'search.to': 'To', 'search.minConfidence': 'Min. confidence', 'search.limit': 'Per page',
    'search.submit': 'Search', 'search.reset': 'Reset', 'search.cursor': 'Page', 'search.reason': 'Reason', 'search.case': 'Case',
    'search.prompt': 'Enter a plate or a gantry and search. You will be asked for the reason and the case reference first.',
    'search.cancelled': 'Search cancelled: nothing was sent.', 'search.none': 'No sightings match these filters.',
    'search.count': '{count} sightings on page {page}', 'search.purpose': 'Reason: {reason} \u00b7 case {case}',
    'search.image': 'Image', 'search.time': 'Time', 'search.confidence': 'Confidence', 'search.actions': 'Actions',
    'search.open': 'Open', 'search.openLabel': 'Open the read of {plate} at {time}',
    'search.first': 'First page', 'search.previous': 'Previous page', 'search.next': 'Next page', 'search.export': 'Export CSV',
    'search.fieldError': '{field}: {message}', 'search.back': 'Back to results', 'search.results': 'Results',
    'read.title': 'Read {plate}', 'read.id': 'Read id', 'read.captured': 'Captured', 'read.received': 'Received',
    'read.clock': 'Clock', 'read.clockError': '\u00b1 {ms} ms', 'read.format': 'Plate format', 'read.engine': 'OCR engine',
    'read.alternatives': 'Alternative readings', 'read.position': 'Position', 'read.crop': 'Plate crop', 'read.overview': 'Overview',
    'read.cropAlt': 'Plate crop of {plate}', 'read.overviewAlt': 'Overview of {plate}', 'read.noImage': 'No {kind} image was sent.',
    'read.trajectory': 'Trajectory of {plate} around this time', 'read.facts': 'Metadata', 'read.images': 'Images',
    'read.clock.synchronised': 'synchronised', 'read.clock.holdover': 'holdover (reference lost)',
    'read.clock.unsynchronised': 'not synchronised', 'read.clock.unknown': 'unknown' },
  fr: { 'nav.search': 'Recherche', 'search.title': 'Rechercher des passages', 'search.plate': 'Plaque', 'search.mode': 'Type de recherche',
    'search.mode.exact': 'exacte', 'search.mode.wildcard': 'jokers (? et *)', 'search.mode.tolerant': 'caractères semblables',
    'search.gantry': 'Portique', 'search.camera': 'Caméra', 'search.lane': 'Voie', 'search.country': 'Pays',
    'search.from': 'Du', 'search.to': 'Au', 'search.minConfidence': 'Confiance min.', 'search.limit': 'Par page',
    'search.submit': 'Rechercher', 'search.reset': 'Réinitialiser', 'search.cursor': 'Page', 'search.reason': 'Motif', 'search.case': 'Dossier',
    'search.prompt': 'Indiquez une plaque ou un portique puis lancez la recherche. Le motif et la référence du dossier vous seront d\u2019abord demandés.',
    'search.cancelled': 'Recherche annulée : rien n\u2019a été envoyé.', 'search.none': 'Aucun passage ne correspond à ces filtres.',
    'search.count': '{count} passages en page {page}', 'search.purpose': 'Motif : {reason} \u00b7 dossier {case}',
    'search.image': 'Image', 'search.time': 'Heure', 'search.confidence': 'Confiance', 'search.actions': 'Actions',
    'search.open': 'Ouvrir', 'search.openLabel': 'Ouvrir la lecture de {plate} à {time}',
    'search.first': 'Première page', 'search.previous': 'Page précédente', 'search.next': 'Page suivante', 'search.export': 'Exporter en CSV',
    'search.fieldError': '{field} : {message}', 'search.back': 'Retour aux résultats', 'search.results': 'Résultats',
    'read.title': 'Lecture {plate}', 'read.id': 'Identifiant', 'read.captured': 'Capturée le', 'read.received': 'Reçue le',
    'read.clock': 'Horloge', 'read.clockError': '\u00b1 {ms} ms', 'read.format': 'Format de plaque', 'read.engine': 'Moteur OCR',
    'read.alternatives': 'Autres lectures', 'read.position': 'Emplacement', 'read.crop': 'Plaque', 'read.overview': 'Vue d\u2019ensemble',
    'read.cropAlt': 'Plaque {plate}', 'read.overviewAlt': 'Vue d\u2019ensemble de {plate}', 'read.noImage': 'Aucune image « {kind} » n\u2019a été envoyée.',
    'read.trajectory': 'Trajet de {plate} autour de ce moment', 'read.facts': 'Métadonnées', 'read.images': 'Images',
    'read.clock.synchronised': 'synchronisée', 'read.clock.holdover': 'en maintien (référence perdue)',
    'read.clock.unsynchronised': 'non synchronisée', 'read.clock.unknown': 'inconnue' },
  nl: { 'nav.search': 'Zoeken', 'search.title': 'Passages zoeken', 'search.plate': 'Kenteken', 'search.mode': 'Zoekwijze',
    'search.mode.exact': 'exact', 'search.mode.wildcard': 'jokers (? en *)', 'search.mode.tolerant': 'gelijkende tekens',
    'search.gantry': 'Portaal', 'search.camera': 'Camera', 'search.lane': 'Rijstrook', 'search.country': 'Land',
    'search.from': 'Van', 'search.to': 'Tot', 'search.minConfidence': 'Min. betrouwbaarheid', 'search.limit': 'Per pagina',
    'search.submit': 'Zoeken', 'search.reset': 'Wissen', 'search.cursor': 'Pagina', 'search.reason': 'Reden', 'search.case': 'Dossier',
    'search.prompt': 'Geef een kenteken of een portaal op en zoek. Eerst wordt naar de reden en de dossierreferentie gevraagd.',
    'search.cancelled': 'Zoekopdracht geannuleerd: er werd niets verzonden.', 'search.none': 'Geen passages gevonden met deze filters.',
    'search.count': '{count} passages op pagina {page}', 'search.purpose': 'Reden: {reason} \u00b7 dossier {case}',
    'search.image': 'Beeld', 'search.time': 'Tijd', 'search.confidence': 'Betrouwbaarheid', 'search.actions': 'Acties',
    'search.open': 'Openen', 'search.openLabel': 'De lezing van {plate} om {time} openen',
    'search.first': 'Eerste pagina', 'search.previous': 'Vorige pagina', 'search.next': 'Volgende pagina', 'search.export': 'Exporteren als CSV',
    'search.fieldError': '{field}: {message}', 'search.back': 'Terug naar de resultaten', 'search.results': 'Resultaten',
    'read.title': 'Lezing {plate}', 'read.id': 'Lezing-id', 'read.captured': 'Vastgelegd', 'read.received': 'Ontvangen',
    'read.clock': 'Klok', 'read.clockError': '\u00b1 {ms} ms', 'read.format': 'Kentekenformaat', 'read.engine': 'OCR-engine',
    'read.alternatives': 'Alternatieve lezingen', 'read.position': 'Locatie', 'read.crop': 'Kentekenuitsnede', 'read.overview': 'Overzicht',
    'read.cropAlt': 'Kentekenuitsnede van {plate}', 'read.overviewAlt': 'Overzicht van {plate}', 'read.noImage': 'Er werd geen beeld ({kind}) verzonden.',
    'read.trajectory': 'Traject van {plate} rond dit tijdstip', 'read.facts': 'Metagegevens', 'read.images': 'Beelden',
    'read.clock.synchronised': 'gesynchroniseerd', 'read.clock.holdover': 'holdover (referentie verloren)',
    'read.clock.unsynchronised': 'niet gesynchroniseerd', 'read.clock.unknown': 'onbekend' },
});

const MODES = ['exact', 'wildcard', 'tolerant'];
const LIMITS = [10, 25, 50, 100];
const FILTERS = ['plate', 'mode', 'gantry', 'camera', 'lane', 'country', 'from', 'to', 'minConfidence'];

/** A plate in the monospaced style of a number plate. */
export function plateText(text, country) {
  const el = h('span', { class: 'plate' }, text);
  Object.assign(el.style, { fontFamily: '"DejaVu Sans Mono", monospace', letterSpacing: '.06em', fontWeight: '600' });
  if (!country) return el;
  const c = h('span', { class: 'country badge' }, country);
  c.style.marginLeft = '.4rem';
  return h('span', {}, el, c);
}

export function percent(value) {
  return new Intl.NumberFormat(language(), { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

/** The message of an API error, naming the field at fault ("Plate: has characters other than ..."). */
export function problemText(err, labels) {
  let message = err.message;
  if (err.field && message.startsWith(err.field + ':')) message = message.slice(err.field.length + 1).trim();
  if (!err.field) return message;
  return t('search.fieldError', { field: labels[err.field] || err.field, message });
}

/** Gantry ids (and names) of the fleet for a datalist; a failure leaves the list empty. */
export function gantryList(id) {
  const list = h('datalist', { id });
  get('/api/v1/fleet').then((fleet) => {
    list.append(...(fleet.items || []).map((g) => h('option', { value: g.gantryId }, g.name || g.gantryId)));
  }).catch(() => {});
  return list;
}

function fieldLabels() {
  const out = {};
  for (const f of FILTERS) out[f] = t('search.' + f);
  Object.assign(out, { limit: t('search.limit'), cursor: t('search.cursor'), reason: t('search.reason'), case: t('search.case') });
  return out;
}

/** The trajectory page for {@code plate}: a day around {@code captured} (ending now at the latest). */
function trajectoryLink(plate, captured) {
  const at = new Date(captured).getTime();
  const to = Math.min(Date.now(), at + 12 * 3600_000);
  return '#/trajectory?' + new URLSearchParams({ plate, from: new Date(to - 24 * 3600_000).toISOString(), to: new Date(to).toISOString() });
}

function image(link, purpose, alt, cls) {
  const img = h('img', { src: withParams(link, { reason: purpose.reason, case: purpose.case }), alt, class: cls });
  return img;
}

/** The read view: metadata, both images, alternatives, and the way on to the trajectory. */
function readView(read, purpose, onBack) {
  const lang = language();
  const heading = h('h2', { tabindex: '-1', id: 'read-title' }, t('read.title', { plate: '' }), plateText(read.plate, read.country));
  heading.style.outline = 'none'; // focused for screen readers, not a control
  const clock = h('span', {}, t('read.clock.' + (read.clock || 'unknown')),
    read.clockErrorMicros ? ' ' + t('read.clockError', { ms: (read.clockErrorMicros / 1000).toLocaleString(lang) }) : '');
  const rows = [
    ['read.id', h('code', {}, read.id)],
    ['search.gantry', read.position && read.position.name ? read.gantryId + ' \u2014 ' + read.position.name : read.gantryId],
    ['search.camera', read.cameraId], ['search.lane', read.lane], ['search.country', read.country],
    ['search.confidence', percent(read.confidence)],
    ['read.captured', when(read.captured, lang)], ['read.received', when(read.received, lang)], ['read.clock', clock],
    ['read.format', read.plateFormat], ['read.engine', read.engineVersion],
  ];
  if (read.position) {
    rows.push(['read.position', `${read.position.latitude.toFixed(5)}, ${read.position.longitude.toFixed(5)}`]);
  }
  const facts = h('dl', { class: 'facts' }, rows.filter(([, v]) => v !== '' && v !== undefined && v !== null)
    .map(([k, v]) => [h('dt', {}, t(k)), h('dd', {}, v)]));
  const alternatives = (read.alternatives || []).length ? [h('h3', {}, t('read.alternatives')),
    h('ul', { class: 'alternatives' }, read.alternatives.map((a) => h('li', {}, plateText(a.plate), ' \u2014 ', percent(a.score))))] : [];
  const figures = ['crop', 'overview'].map((kind) => {
    const link = read.images && read.images[kind];
    const body = link ? image(link, purpose, t('read.' + kind + 'Alt', { plate: read.plate }), kind)
      : h('p', { class: 'empty' }, t('read.noImage', { kind: t('read.' + kind) }));
    if (link) Object.assign(body.style, { display: 'block', width: '100%', maxWidth: kind === 'crop' ? '360px' : '100%', background: '#eee' });
    return h('figure', { class: 'image-' + kind }, body, h('figcaption', { class: 'hint' }, t('read.' + kind)));
  });
  for (const f of figures) f.style.margin = '0 0 .6rem';
  const view = h('section', { class: 'read-view', 'aria-labelledby': 'read-title' },
    h('div', { class: 'toolbar' },
      h('button', { type: 'button', class: 'back', onclick: onBack }, '\u2190 ', t('search.back')),
      h('a', { class: 'trajectory-link', href: trajectoryLink(read.plate, read.captured) }, t('read.trajectory', { plate: read.plate })),
      h('span', { class: 'hint purpose' }, t('search.purpose', purpose))),
    heading,
    h('div', { class: 'grid2' },
      h('div', { class: 'panel' }, h('h3', {}, t('read.facts')), facts, alternatives),
      h('div', { class: 'panel' }, h('h3', {}, t('read.images')), figures)));
  return view;
}

export default {
  id: 'search',
  label: 'nav.search',
  roles: ['investigator'],
  render(main, ctx) {
    const params = ctx.params;
    let alive = true;
    let sequence = 0; // answers to older requests are dropped
    let purpose = null;
    let filters = null; // the filters of the search shown
    let cursors = [null]; // cursors[i]: the cursor of page i + 1
    let next = null;

    const control = {
      plate: h('input', { name: 'plate', maxlength: 20, autocomplete: 'off', spellcheck: 'false', value: params.get('plate') || '' }),
      mode: h('select', { name: 'mode' }, MODES.map((m) => h('option', { value: m, selected: m === (params.get('mode') || 'exact') },
        t('search.mode.' + m)))),
      gantry: h('input', { name: 'gantry', list: 'search-gantries', autocomplete: 'off', value: params.get('gantry') || '' }),
      camera: h('input', { name: 'camera', autocomplete: 'off', size: 8 }),
      lane: h('input', { name: 'lane', type: 'number', min: 0, max: 255, step: 1 }),
      country: h('input', { name: 'country', maxlength: 2, size: 3, autocomplete: 'off' }),
      from: h('input', { name: 'from', type: 'datetime-local' }),
      to: h('input', { name: 'to', type: 'datetime-local' }),
      minConfidence: h('input', { name: 'minConfidence', type: 'number', min: 0, max: 1, step: 0.05 }),
    };
    control.plate.style.width = '9rem';
    control.gantry.style.width = '9rem';
    control.camera.style.width = '6rem';
    control.lane.style.width = '4.5rem';
    control.country.style.width = '3.5rem';
    control.minConfidence.style.width = '6rem';
    const limit = h('select', { name: 'limit' }, LIMITS.map((n) => h('option', { value: n, selected: n === 25 }, String(n))));
    const status = h('div', { class: 'status', 'aria-live': 'polite' });
    const results = h('section', { class: 'results', 'aria-label': t('search.results') },
      h('p', { class: 'empty' }, t('search.prompt')));
    const detail = h('div', { class: 'detail', hidden: true });

    const form = h('form', { class: 'filters', novalidate: true, onsubmit: (e) => { e.preventDefault(); start(); } },
      field(t('search.plate'), control.plate), field(t('search.mode'), control.mode),
      field(t('search.gantry'), control.gantry), gantryList('search-gantries'),
      field(t('search.camera'), control.camera), field(t('search.lane'), control.lane),
      field(t('search.country'), control.country), field(t('search.from'), control.from), field(t('search.to'), control.to),
      field(t('search.minConfidence'), control.minConfidence), field(t('search.limit'), limit),
      h('div', { class: 'actions' },
        h('button', { type: 'submit', class: 'primary' }, t('search.submit')),
        h('button', { type: 'button', onclick: reset }, t('search.reset'))));
    const searchPart = h('div', { class: 'search-part' }, form, status, results);
    main.append(h('h2', {}, t('search.title')), searchPart, detail);

    function reset() {
      form.reset();
      for (const c of Object.values(control)) c.removeAttribute('aria-invalid');
      status.replaceChildren();
    }

    function currentFilters() {
      const f = {};
      for (const name of FILTERS) {
        const v = control[name].value.trim();
        if (name === 'from' || name === 'to') f[name] = instant(v);
        else if (name === 'plate' || name === 'country') f[name] = v.toUpperCase();
        else f[name] = v;
      }
      if (!f.plate) delete f.mode; // the API refuses a mode without a plate
      return f;
    }

    function showError(err) {
      for (const c of Object.values(control)) c.removeAttribute('aria-invalid');
      status.replaceChildren(notice('error', problemText(err, fieldLabels())));
      const c = err.field && control[err.field];
      if (c) {
        c.setAttribute('aria-invalid', 'true');
        c.focus();
      }
    }

    async function start() {
      const f = currentFilters();
      const p = await askPurpose();
      if (!alive) return;
      if (!p) {
        status.replaceChildren(notice('info', t('search.cancelled')));
        return;
      }
      purpose = p;
      filters = f;
      cursors = [null];
      load(0);
    }

    async function load(pageIndex) {
      const mine = ++sequence;
      const q = { ...filters, limit: limit.value, cursor: cursors[pageIndex], reason: purpose.reason, case: purpose.case };
      status.replaceChildren(h('p', { class: 'hint' }, t('app.loading')));
      try {
        const page = await get('/api/v1/reads' + query(q));
        if (!alive || mine !== sequence) return;
        for (const c of Object.values(control)) c.removeAttribute('aria-invalid');
        status.replaceChildren();
        next = page.next || null;
        cursors = cursors.slice(0, pageIndex + 1);
        if (next) cursors.push(next);
        draw(page.items, pageIndex);
      } catch (err) {
        if (!alive || mine !== sequence) return;
        showError(err);
      }
    }

    function draw(items, pageIndex) {
      const lang = language();
      const exportLink = h('a', {
        class: 'export', download: 'reads.csv',
        href: '/api/v1/reads/export' + query({ ...filters, reason: purpose.reason, case: purpose.case }),
      }, t('search.export'));
      const head = h('div', { class: 'toolbar' },
        h('strong', { class: 'count' }, t('search.count', { count: items.length, page: pageIndex + 1 })),
        h('span', { class: 'hint purpose' }, t('search.purpose', purpose)),
        exportLink);
      head.style.alignItems = 'baseline';
      head.style.marginBottom = '.4rem';
      exportLink.style.marginLeft = 'auto';
      if (!items.length) {
        clear(results).append(head, h('p', { class: 'empty' }, t('search.none')), pager(pageIndex));
        return;
      }
      const rows = items.map((r) => {
        const time = when(r.captured, lang);
        const open = h('button', { type: 'button', class: 'open', 'aria-label': t('search.openLabel', { plate: r.plate, time }),
          onclick: () => openRead(r.id, open) }, t('search.open'));
        return h('tr', { dataset: { readId: r.id } },
          h('td', { class: 'thumb' }, r.images && r.images.crop ? image(r.images.crop, purpose, t('read.cropAlt', { plate: r.plate }), 'crop') : ''),
          h('td', {}, plateText(r.plate)), h('td', {}, r.country || ''),
          h('td', {}, r.gantryId), h('td', {}, r.cameraId), h('td', {}, r.lane),
          h('td', {}, h('time', { datetime: r.captured }, time)), h('td', {}, percent(r.confidence)),
          h('td', {}, open));
      });
      const table = h('table', { class: 'data results-table' },
        h('thead', {}, h('tr', {}, ['search.image', 'search.plate', 'search.country', 'search.gantry', 'search.camera', 'search.lane',
          'search.time', 'search.confidence', 'search.actions'].map((k) => h('th', { scope: 'col' }, t(k))))),
        h('tbody', {}, rows));
      clear(results).append(head, table, pager(pageIndex));
    }

    function pager(pageIndex) {
      const first = h('button', { type: 'button', class: 'first', disabled: pageIndex === 0, onclick: () => load(0) }, t('search.first'));
      const previous = h('button', { type: 'button', class: 'previous', disabled: pageIndex === 0, onclick: () => load(pageIndex - 1) },
        '\u2039 ', t('search.previous'));
      const nextButton = h('button', { type: 'button', class: 'next', disabled: !next, onclick: () => load(pageIndex + 1) },
        t('search.next'), ' \u203a');
      return h('nav', { class: 'pager', 'aria-label': t('search.results') }, first, previous, nextButton);
    }

    async function openRead(id, returnFocus) {
      if (!purpose) {
        const p = await askPurpose();
        if (!alive || !p) return;
        purpose = p;
      }
      const mine = ++sequence;
      try {
        const read = await get('/api/v1/reads/' + encodeURIComponent(id) + query({ reason: purpose.reason, case: purpose.case }));
        if (!alive || mine !== sequence) return;
        const back = () => {
          detail.hidden = true;
          clear(detail);
          searchPart.hidden = false;
          if (returnFocus && returnFocus.isConnected) returnFocus.focus();
        };
        clear(detail).append(readView(read, purpose, back));
        searchPart.hidden = true;
        detail.hidden = false;
        detail.querySelector('#read-title').focus();
      } catch (err) {
        if (!alive || mine !== sequence) return;
        status.replaceChildren(notice('error', problemText(err, fieldLabels())));
      }
    }

    // #/search?read=<id> opens one read (after the purpose); #/search?plate=X prefills the form.
    if (params.get('read')) openRead(params.get('read'), null);
    else control.plate.focus();
    if (params.get('from')) control.from.value = localInput(new Date(params.get('from')));
    if (params.get('to')) control.to.value = localInput(new Date(params.get('to')));

    return () => {
      alive = false;
    };
  },
};
