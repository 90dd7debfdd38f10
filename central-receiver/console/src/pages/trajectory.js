// A plate's trajectory: its sightings in a window (by default the last 24 hours), in time order,
// as a timeline and on the offline map with a line through the gantries in the order passed.
// Asks for the reason and case reference before anything is sent, also when opened from a read.
import { h, clear, field, when, instant, localInput, notice } from '../dom.js';
import { register, t, language } from '../i18n.js';
import { get, query, withParams } from '../api.js';
import { askPurpose } from '../purpose.js';
import { gantryMap } from '../map.js';
import { problemText } from './search.js';

register({
  en: { 'nav.trajectory': 'Trajectory', 'trajectory.title': 'Trajectory of a plate', 'trajectory.plate': 'Plate',
    'trajectory.from': 'From', 'trajectory.to': 'To', 'trajectory.submit': 'Show trajectory', 'trajectory.reason': 'Reason',
    'trajectory.case': 'Case', 'trajectory.limit': 'Limit',
    'trajectory.prompt': 'Enter an exact plate and a window (at most 31 days). You will be asked for the reason and the case reference first.',
    'trajectory.cancelled': 'Cancelled: nothing was sent.', 'trajectory.none': 'No sightings of {plate} in this window.',
    'trajectory.summary': '{count} sightings of {plate} between {from} and {to}', 'trajectory.purpose': 'Reason: {reason} \u00b7 case {case}',
    'trajectory.number': '#', 'trajectory.time': 'Time', 'trajectory.gantry': 'Gantry', 'trajectory.lane': 'Lane',
    'trajectory.confidence': 'Confidence', 'trajectory.since': 'Since previous', 'trajectory.image': 'Image',
    'trajectory.timeline': 'Sightings in time order', 'trajectory.map': 'Map of the sightings', 'trajectory.notMapped': 'no position: not on the map',
    'trajectory.unmapped': 'Sightings at gantries without a known position ({count}) are listed but not mapped.',
    'trajectory.open': 'Open', 'trajectory.readColumn': 'Read', 'trajectory.openLabel': 'Open the read at {time}', 'trajectory.cropAlt': 'Plate crop of {plate}',
    'trajectory.first': 'first', 'trajectory.last': 'last', 'trajectory.pointLabel': '{n}. {gantry} \u2014 {time}',
    'trajectory.truncated': 'Only the first {count} sightings are shown: narrow the window to see the rest.' },
  fr: { 'nav.trajectory': 'Trajet', 'trajectory.title': 'Trajet d\u2019une plaque', 'trajectory.plate': 'Plaque',
    'trajectory.from': 'Du', 'trajectory.to': 'Au', 'trajectory.submit': 'Afficher le trajet', 'trajectory.reason': 'Motif',
    'trajectory.case': 'Dossier', 'trajectory.limit': 'Limite',
    'trajectory.prompt': 'Indiquez une plaque exacte et une période (31 jours au plus). Le motif et la référence du dossier vous seront d\u2019abord demandés.',
    'trajectory.cancelled': 'Annulé : rien n\u2019a été envoyé.', 'trajectory.none': 'Aucun passage de {plate} sur cette période.',
    'trajectory.summary': '{count} passages de {plate} entre le {from} et le {to}', 'trajectory.purpose': 'Motif : {reason} \u00b7 dossier {case}',
    'trajectory.number': 'N°', 'trajectory.time': 'Heure', 'trajectory.gantry': 'Portique', 'trajectory.lane': 'Voie',
    'trajectory.confidence': 'Confiance', 'trajectory.since': 'Depuis le précédent', 'trajectory.image': 'Image',
    'trajectory.timeline': 'Passages par ordre chronologique', 'trajectory.map': 'Carte des passages', 'trajectory.notMapped': 'position inconnue : pas sur la carte',
    'trajectory.unmapped': 'Les passages à des portiques sans position connue ({count}) sont listés mais pas cartographiés.',
    'trajectory.open': 'Ouvrir', 'trajectory.readColumn': 'Lecture', 'trajectory.openLabel': 'Ouvrir la lecture de {time}', 'trajectory.cropAlt': 'Plaque {plate}',
    'trajectory.first': 'premier', 'trajectory.last': 'dernier', 'trajectory.pointLabel': '{n}. {gantry} \u2014 {time}',
    'trajectory.truncated': 'Seuls les {count} premiers passages sont affichés : réduisez la période pour voir la suite.' },
  nl: { 'nav.trajectory': 'Traject', 'trajectory.title': 'Traject van een kenteken', 'trajectory.plate': 'Kenteken',
    'trajectory.from': 'Van', 'trajectory.to': 'Tot', 'trajectory.submit': 'Traject tonen', 'trajectory.reason': 'Reden',
    'trajectory.case': 'Dossier', 'trajectory.limit': 'Limiet',
    'trajectory.prompt': 'Geef een exact kenteken en een periode (hoogstens 31 dagen) op. Eerst wordt naar de reden en de dossierreferentie gevraagd.',
    'trajectory.cancelled': 'Geannuleerd: er werd niets verzonden.', 'trajectory.none': 'Geen passages van {plate} in deze periode.',
    'trajectory.summary': '{count} passages van {plate} tussen {from} en {to}', 'trajectory.purpose': 'Reden: {reason} \u00b7 dossier {case}',
    'trajectory.number': 'Nr.', 'trajectory.time': 'Tijd', 'trajectory.gantry': 'Portaal', 'trajectory.lane': 'Rijstrook',
    'trajectory.confidence': 'Betrouwbaarheid', 'trajectory.since': 'Sinds vorige', 'trajectory.image': 'Beeld',
    'trajectory.timeline': 'Passages in chronologische volgorde', 'trajectory.map': 'Kaart van de passages', 'trajectory.notMapped': 'geen locatie: niet op de kaart',
    'trajectory.unmapped': 'Passages aan portalen zonder gekende locatie ({count}) staan in de lijst maar niet op de kaart.',
    'trajectory.open': 'Openen', 'trajectory.readColumn': 'Lezing', 'trajectory.openLabel': 'De lezing van {time} openen', 'trajectory.cropAlt': 'Kenteken {plate}',
    'trajectory.first': 'eerste', 'trajectory.last': 'laatste', 'trajectory.pointLabel': '{n}. {gantry} \u2014 {time}',
    'trajectory.truncated': 'Alleen de eerste {count} passages worden getoond: verklein de periode om de rest te zien.' },
});

const LIMIT = 1000;
const COLOURS = { first: '#1e7a3c', middle: '#1d3a6e', last: '#b3261e' };

/** "1 h 05 min", "3 min 20 s": the time between two sightings. */
function duration(ms) {
  const s = Math.round(ms / 1000);
  const d = Math.floor(s / 86400);
  const hh = Math.floor((s % 86400) / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = s % 60;
  if (d) return `${d} d ${hh} h`;
  if (hh) return `${hh} h ${String(mm).padStart(2, '0')} min`;
  if (mm) return `${mm} min ${String(ss).padStart(2, '0')} s`;
  return `${ss} s`;
}

function hasPosition(s) {
  return typeof s.latitude === 'number' && typeof s.longitude === 'number';
}

export default {
  id: 'trajectory',
  label: 'nav.trajectory',
  roles: ['investigator'],
  render(main, ctx) {
    const params = ctx.params;
    let alive = true;
    let sequence = 0;
    let map = null;
    const now = new Date();
    const plate = h('input', { name: 'plate', required: true, maxlength: 20, autocomplete: 'off', spellcheck: 'false',
      value: params.get('plate') || '' });
    plate.style.width = '9rem';
    const from = h('input', { name: 'from', type: 'datetime-local',
      value: localInput(params.get('from') ? new Date(params.get('from')) : new Date(now.getTime() - 24 * 3600_000)) });
    const to = h('input', { name: 'to', type: 'datetime-local', value: localInput(params.get('to') ? new Date(params.get('to')) : now) });
    const controls = { plate, from, to };
    const status = h('div', { class: 'status', 'aria-live': 'polite' });
    const result = h('div', { class: 'trajectory' }, h('p', { class: 'empty' }, t('trajectory.prompt')));
    const form = h('form', { class: 'filters', novalidate: true, onsubmit: (e) => { e.preventDefault(); start(); } },
      field(t('trajectory.plate'), plate), field(t('trajectory.from'), from), field(t('trajectory.to'), to),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('trajectory.submit'))));
    main.append(h('h2', {}, t('trajectory.title')), form, status, result);

    const labels = () => ({ plate: t('trajectory.plate'), from: t('trajectory.from'), to: t('trajectory.to'),
      limit: t('trajectory.limit'), reason: t('trajectory.reason'), case: t('trajectory.case') });

    function dropMap() {
      if (map) {
        map.remove();
        map = null;
      }
    }

    async function start() {
      const p = await askPurpose();
      if (!alive) return;
      if (!p) {
        status.replaceChildren(notice('info', t('trajectory.cancelled')));
        return;
      }
      const mine = ++sequence;
      for (const c of Object.values(controls)) c.removeAttribute('aria-invalid');
      status.replaceChildren(h('p', { class: 'hint' }, t('app.loading')));
      try {
        const answer = await get('/api/v1/trajectory' + query({ plate: plate.value.trim().toUpperCase(), from: instant(from.value),
          to: instant(to.value), limit: LIMIT, reason: p.reason, case: p.case }));
        if (!alive || mine !== sequence) return;
        status.replaceChildren();
        draw(answer, p);
      } catch (err) {
        if (!alive || mine !== sequence) return;
        status.replaceChildren(notice('error', problemText(err, labels())));
        const c = err.field && controls[err.field];
        if (c) {
          c.setAttribute('aria-invalid', 'true');
          c.focus();
        }
      }
    }

    function draw(answer, purpose) {
      const lang = language();
      dropMap();
      const sightings = [...answer.sightings].sort((a, b) => (a.captured < b.captured ? -1 : a.captured > b.captured ? 1 : 0));
      const summary = h('div', { class: 'toolbar' },
        h('strong', { class: 'summary' }, t('trajectory.summary', { count: sightings.length, plate: answer.plate,
          from: when(answer.from, lang), to: when(answer.to, lang) })),
        h('span', { class: 'hint purpose' }, t('trajectory.purpose', purpose)));
      summary.style.alignItems = 'baseline';
      if (!sightings.length) {
        clear(result).append(summary, h('p', { class: 'empty' }, t('trajectory.none', { plate: answer.plate })));
        return;
      }
      const rows = sightings.map((s, i) => {
        const time = when(s.captured, lang);
        const since = i === 0 ? '' : duration(new Date(s.captured) - new Date(sightings[i - 1].captured));
        const gantry = h('td', {}, h('span', { class: 'gantry-id' }, s.gantryId),
          s.gantryName ? h('small', { class: 'hint gantry-name' }, s.gantryName) : null,
          hasPosition(s) ? null : h('small', { class: 'badge unmapped' }, t('trajectory.notMapped')));
        for (const e of gantry.querySelectorAll('small')) e.style.display = 'block';
        gantry.querySelector('.gantry-id').style.fontWeight = '600';
        const marker = h('span', { class: 'badge' }, String(i + 1));
        if (hasPosition(s)) {
          const colour = i === 0 ? COLOURS.first : i === sightings.length - 1 ? COLOURS.last : COLOURS.middle;
          Object.assign(marker.style, { background: colour, color: '#fff', minWidth: '1.6rem', textAlign: 'center' });
        }
        const thumb = s.images && s.images.crop
          ? h('img', { class: 'crop', alt: t('trajectory.cropAlt', { plate: s.plate }),
            src: withParams(s.images.crop, { reason: purpose.reason, case: purpose.case }) }) : '';
        const timeCell = h('td', {}, h('time', { datetime: s.captured }, time));
        const sinceCell = h('td', {}, since);
        timeCell.style.whiteSpace = 'nowrap';
        sinceCell.style.whiteSpace = 'nowrap';
        return h('tr', { dataset: { readId: s.id, mapped: String(hasPosition(s)) } },
          h('td', {}, marker), timeCell, gantry, h('td', {}, s.lane), sinceCell, h('td', { class: 'thumb' }, thumb),
          h('td', {}, h('a', { href: '#/search?' + new URLSearchParams({ read: s.id }), 'aria-label': t('trajectory.openLabel', { time }) },
            t('trajectory.open'))));
      });
      const table = h('table', { class: 'data timeline' },
        h('caption', { class: 'hint' }, t('trajectory.timeline')),
        h('thead', {}, h('tr', {}, ['trajectory.number', 'trajectory.time', 'trajectory.gantry', 'trajectory.lane', 'trajectory.since',
          'trajectory.image', 'trajectory.readColumn'].map((k) => h('th', { scope: 'col' }, t(k))))),
        h('tbody', {}, rows));
      table.querySelector('caption').style.textAlign = 'left';
      const unmapped = sightings.filter((s) => !hasPosition(s)).length;
      const mapBox = h('div', { class: 'map', role: 'region', 'aria-label': t('trajectory.map') });
      const listBox = h('div', { class: 'timeline-box' }, table);
      listBox.style.overflowY = 'auto';
      const notes = [];
      if (sightings.length >= LIMIT) notes.push(notice('info', t('trajectory.truncated', { count: LIMIT })));
      const mapColumn = h('div', { class: 'map-column' }, mapBox,
        unmapped ? h('p', { class: 'hint unmapped-note' }, t('trajectory.unmapped', { count: unmapped })) : null);
      const grid = h('div', { class: 'grid2' }, listBox, mapColumn);
      if (window.innerWidth > 1000) grid.style.gridTemplateColumns = 'minmax(0, 7fr) minmax(0, 5fr)';
      clear(result).append(summary, ...notes, grid);
      // As tall as the window allows (at least 320 px), the timeline scrolling beside the map.
      const height = Math.max(320, Math.round(window.innerHeight - grid.getBoundingClientRect().top - (unmapped ? 70 : 40)));
      mapBox.style.height = height + 'px';
      listBox.style.maxHeight = height + 'px';

      map = gantryMap(mapBox);
      const line = sightings.filter(hasPosition).map((s) => [s.latitude, s.longitude]);
      if (line.length > 1) map.addLine(line); // first, so that the points are drawn on top of it
      sightings.forEach((s, i) => {
        if (!hasPosition(s)) return;
        const colour = i === 0 ? COLOURS.first : i === sightings.length - 1 ? COLOURS.last : COLOURS.middle;
        const label = t('trajectory.pointLabel', { n: i + 1, gantry: s.gantryName || s.gantryId, time: when(s.captured, lang) });
        map.addPoint(s.latitude, s.longitude, { colour, label, radius: i === 0 || i === sightings.length - 1 ? 9 : 7 });
      });
      map.fit();
    }

    plate.focus();
    return () => {
      alive = false;
      dropMap();
    };
  },
};
