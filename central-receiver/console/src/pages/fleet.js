// The fleet: every gantry known from traffic or the gantries file, with its online state, last
// status and hotlist version, in a table and on the offline map; refreshed every 15 seconds.
// A gantry's state is always said in words as well as in colour.
import { h, clear, when, notice } from '../dom.js';
import { register, t, language } from '../i18n.js';
import { get } from '../api.js';
import { gantryMap } from '../map.js';

register({
  en: { 'nav.fleet': 'Fleet', 'fleet.title': 'Gantry fleet', 'fleet.refresh': 'Refresh now', 'fleet.updated': 'Updated {at}; refreshed every 15 s.',
    'fleet.summary': 'Gantries online: {online} of {total}', 'fleet.none': 'No gantry has reported and none is in the gantries file.',
    'fleet.gantry': 'Gantry', 'fleet.state': 'State', 'fleet.lastSeen': 'Last seen', 'fleet.fps': 'Frames/s', 'fleet.dropped': 'Frames dropped',
    'fleet.backlog': 'Outbox backlog', 'fleet.clock': 'Clock', 'fleet.temperature': 'Temperature', 'fleet.door': 'Cabinet door',
    'fleet.hotlist': 'Hotlist version', 'fleet.actions': 'Detail', 'fleet.show': 'Show', 'fleet.showGantry': 'Show gantry {id}',
    'fleet.state.online': 'online', 'fleet.state.degraded': 'degraded', 'fleet.state.offline': 'offline', 'fleet.state.never': 'never seen',
    'fleet.door.open': 'open', 'fleet.door.closed': 'closed', 'fleet.door.unknown': 'unknown',
    'fleet.clock.synchronised': 'synchronised', 'fleet.clock.holdover': 'holdover', 'fleet.clock.unsynchronised': 'not synchronised',
    'fleet.clock.unknown': 'unknown', 'fleet.behind': '{n} behind', 'fleet.ofCentre': 'centre {v}', 'fleet.upToDate': 'up to date',
    'fleet.map': 'Gantry map', 'fleet.legend': 'Legend', 'fleet.noPosition': 'Not on the map, without a position in the gantries file: {n}.',
    'fleet.detail': 'Gantry detail', 'fleet.pick': 'Choose a gantry in the table or on the map to see its detail.',
    'fleet.id': 'Identifier', 'fleet.name': 'Name', 'fleet.road': 'Road', 'fleet.position': 'Position', 'fleet.statusAt': 'Last status',
    'fleet.statusDetail': 'Status detail', 'fleet.framesIn': 'Frames in', 'fleet.readsOut': 'Reads sent', 'fleet.diskFree': 'Disk free',
    'fleet.software': 'Software version', 'fleet.uptime': 'Uptime', 'fleet.queues': 'Queue depths', 'fleet.noStatus': 'No status received yet.',
    'fleet.neverDetail': 'This gantry is in the gantries file but has never connected.' },
  fr: { 'nav.fleet': 'Parc', 'fleet.title': 'Parc des portiques', 'fleet.refresh': 'Actualiser', 'fleet.updated': 'Mis à jour à {at} ; actualisé toutes les 15 s.',
    'fleet.summary': 'Portiques en ligne : {online} sur {total}', 'fleet.none': 'Aucun portique ne s\u2019est manifesté et le fichier des portiques est vide.',
    'fleet.gantry': 'Portique', 'fleet.state': 'État', 'fleet.lastSeen': 'Dernier contact', 'fleet.fps': 'Images/s', 'fleet.dropped': 'Images perdues',
    'fleet.backlog': 'File d\u2019envoi', 'fleet.clock': 'Horloge', 'fleet.temperature': 'Température', 'fleet.door': 'Porte de l\u2019armoire',
    'fleet.hotlist': 'Version de la liste', 'fleet.actions': 'Détail', 'fleet.show': 'Afficher', 'fleet.showGantry': 'Afficher le portique {id}',
    'fleet.state.online': 'en ligne', 'fleet.state.degraded': 'dégradé', 'fleet.state.offline': 'hors ligne', 'fleet.state.never': 'jamais vu',
    'fleet.door.open': 'ouverte', 'fleet.door.closed': 'fermée', 'fleet.door.unknown': 'inconnue',
    'fleet.clock.synchronised': 'synchronisée', 'fleet.clock.holdover': 'en maintien', 'fleet.clock.unsynchronised': 'non synchronisée',
    'fleet.clock.unknown': 'inconnue', 'fleet.behind': '{n} de retard', 'fleet.ofCentre': 'centre {v}', 'fleet.upToDate': 'à jour',
    'fleet.map': 'Carte des portiques', 'fleet.legend': 'Légende', 'fleet.noPosition': 'Absents de la carte, faute de position dans le fichier des portiques : {n}.',
    'fleet.detail': 'Détail du portique', 'fleet.pick': 'Choisissez un portique dans le tableau ou sur la carte pour en voir le détail.',
    'fleet.id': 'Identifiant', 'fleet.name': 'Nom', 'fleet.road': 'Route', 'fleet.position': 'Position', 'fleet.statusAt': 'Dernier état',
    'fleet.statusDetail': 'Détail de l\u2019état', 'fleet.framesIn': 'Images reçues', 'fleet.readsOut': 'Lectures envoyées', 'fleet.diskFree': 'Disque libre',
    'fleet.software': 'Version du logiciel', 'fleet.uptime': 'Temps de fonctionnement', 'fleet.queues': 'Files d\u2019attente', 'fleet.noStatus': 'Aucun état reçu pour l\u2019instant.',
    'fleet.neverDetail': 'Ce portique figure dans le fichier des portiques mais ne s\u2019est jamais connecté.' },
  nl: { 'nav.fleet': 'Vloot', 'fleet.title': 'Portaalvloot', 'fleet.refresh': 'Nu vernieuwen', 'fleet.updated': 'Bijgewerkt om {at}; elke 15 s vernieuwd.',
    'fleet.summary': 'Portalen online: {online} van {total}', 'fleet.none': 'Geen enkel portaal heeft zich gemeld en het portalenbestand is leeg.',
    'fleet.gantry': 'Portaal', 'fleet.state': 'Toestand', 'fleet.lastSeen': 'Laatst gezien', 'fleet.fps': 'Beelden/s', 'fleet.dropped': 'Verloren beelden',
    'fleet.backlog': 'Verzendwachtrij', 'fleet.clock': 'Klok', 'fleet.temperature': 'Temperatuur', 'fleet.door': 'Kastdeur',
    'fleet.hotlist': 'Lijstversie', 'fleet.actions': 'Details', 'fleet.show': 'Tonen', 'fleet.showGantry': 'Portaal {id} tonen',
    'fleet.state.online': 'online', 'fleet.state.degraded': 'verminderd', 'fleet.state.offline': 'offline', 'fleet.state.never': 'nooit gezien',
    'fleet.door.open': 'open', 'fleet.door.closed': 'dicht', 'fleet.door.unknown': 'onbekend',
    'fleet.clock.synchronised': 'gesynchroniseerd', 'fleet.clock.holdover': 'holdover', 'fleet.clock.unsynchronised': 'niet gesynchroniseerd',
    'fleet.clock.unknown': 'onbekend', 'fleet.behind': '{n} achter', 'fleet.ofCentre': 'centrum {v}', 'fleet.upToDate': 'bijgewerkt',
    'fleet.map': 'Portalenkaart', 'fleet.legend': 'Legende', 'fleet.noPosition': 'Niet op de kaart, zonder positie in het portalenbestand: {n}.',
    'fleet.detail': 'Details van het portaal', 'fleet.pick': 'Kies een portaal in de tabel of op de kaart om de details te zien.',
    'fleet.id': 'Identificatie', 'fleet.name': 'Naam', 'fleet.road': 'Weg', 'fleet.position': 'Positie', 'fleet.statusAt': 'Laatste status',
    'fleet.statusDetail': 'Statusdetail', 'fleet.framesIn': 'Ontvangen beelden', 'fleet.readsOut': 'Verzonden lezingen', 'fleet.diskFree': 'Vrije schijfruimte',
    'fleet.software': 'Softwareversie', 'fleet.uptime': 'Uptime', 'fleet.queues': 'Wachtrijen', 'fleet.noStatus': 'Nog geen status ontvangen.',
    'fleet.neverDetail': 'Dit portaal staat in het portalenbestand maar heeft nooit verbinding gemaakt.' },
});

const REFRESH_MS = 15_000;
/** Map colours by state; the same swatch shows in the table and the legend. */
export const STATE_COLOURS = { online: '#1e7a3c', degraded: '#e0a100', offline: '#b3261e', never: '#8a94a6' };
const STATE_CLASSES = { online: 'state-online', degraded: 'state-degraded', offline: 'state-offline', never: 'state-never empty' };
const DASH = '\u2014';

/** online, degraded, offline or never (in the gantries file but never connected). */
export function stateOf(g) {
  if (g.neverSeen) return 'never';
  if (!g.online) return 'offline';
  return g.state === 'degraded' ? 'degraded' : 'online';
}

const num = (v, digits = 0) => (v === undefined || v === null ? DASH
  : Number(v).toLocaleString(language(), { minimumFractionDigits: digits, maximumFractionDigits: digits }));

function swatch(state) {
  const s = h('span', { class: 'swatch', 'aria-hidden': 'true' });
  Object.assign(s.style, { display: 'inline-block', width: '.8em', height: '.8em', borderRadius: '50%', marginRight: '.35em',
    verticalAlign: '-.05em', background: STATE_COLOURS[state], border: '1px solid #14213d' });
  return s;
}

function stateCell(state) {
  const cell = h('span', { class: STATE_CLASSES[state], dataset: { state } }, swatch(state), t('fleet.state.' + state));
  cell.style.whiteSpace = 'nowrap';
  return cell;
}

function offset(micros) {
  if (micros === undefined || micros === null) return '';
  const sign = micros > 0 ? '+' : micros < 0 ? '\u2212' : '';
  const abs = Math.abs(micros);
  return abs < 1000 ? sign + num(abs) + '\u00a0\u00b5s' : sign + num(abs / 1000, abs < 100_000 ? 1 : 0) + '\u00a0ms';
}

function clockCell(s) {
  if (!s) return DASH;
  const sync = s.clockSync || 'unknown';
  const cls = sync === 'synchronised' ? '' : sync === 'holdover' ? 'state-degraded' : 'state-offline';
  return h('span', { class: cls || null }, t('fleet.clock.' + sync), s.clockOffsetMicros !== undefined ? ', ' + offset(s.clockOffsetMicros) : '');
}

function doorCell(s) {
  if (!s || s.doorOpen === undefined) return h('span', { class: 'empty' }, t('fleet.door.unknown'));
  return s.doorOpen ? h('span', { class: 'badge bad' }, t('fleet.door.open')) : t('fleet.door.closed');
}

function hotlistCell(g) {
  if (g.hotlistVersion === undefined) return DASH;
  const behind = g.hotlistBehind || 0;
  return h('span', {}, String(g.hotlistVersion), ' ',
    behind > 0
      ? h('span', { class: 'badge bad behind', title: t('fleet.ofCentre', { v: g.centreHotlistVersion }) }, t('fleet.behind', { n: behind }))
      : h('span', { class: 'badge ok', title: t('fleet.ofCentre', { v: g.centreHotlistVersion }) }, t('fleet.upToDate')));
}

function duration(seconds) {
  if (seconds === undefined || seconds === null) return DASH;
  const d = Math.floor(seconds / 86400);
  const hh = Math.floor((seconds % 86400) / 3600);
  const mm = Math.floor((seconds % 3600) / 60);
  return (d ? d + ' d ' : '') + (d || hh ? hh + ' h ' : '') + mm + ' min';
}

function bytes(n) {
  if (n === undefined || n === null) return DASH;
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return num(v, i ? 1 : 0) + ' ' + units[i];
}

function label(g) {
  return g.name && g.name !== g.gantryId ? g.name : g.gantryId;
}

function detail(g) {
  const s = g.status;
  const state = stateOf(g);
  const rows = [
    ['fleet.id', g.gantryId], ['fleet.name', g.name || DASH], ['fleet.road', g.road || DASH],
    ['fleet.position', g.latitude !== undefined ? num(g.latitude, 5) + ', ' + num(g.longitude, 5) : DASH],
    ['fleet.state', stateCell(state)], ['fleet.lastSeen', g.lastSeen ? when(g.lastSeen, language()) : DASH],
  ];
  if (s) {
    rows.push(['fleet.statusAt', when(s.at, language())]);
    if (s.detail) rows.push(['fleet.statusDetail', s.detail]);
    rows.push(['fleet.fps', num(s.framesPerSecond, 1)], ['fleet.framesIn', num(s.framesIn)], ['fleet.dropped', num(s.framesDropped)],
      ['fleet.readsOut', num(s.readsOut)], ['fleet.backlog', num(g.outboxBacklog)], ['fleet.diskFree', bytes(s.diskFreeBytes)],
      ['fleet.clock', clockCell(s)], ['fleet.temperature', s.temperatureC !== undefined ? num(s.temperatureC, 1) + '\u00a0\u00b0C' : DASH],
      ['fleet.door', doorCell(s)], ['fleet.software', s.softwareVersion || DASH], ['fleet.uptime', duration(s.uptimeSeconds)]);
    const queues = Object.entries(s.queues || {});
    if (queues.length) rows.push(['fleet.queues', queues.map(([k, v]) => k + ': ' + num(v)).join(', ')]);
  }
  if (g.hotlistVersion !== undefined) {
    rows.push(['fleet.hotlist', h('span', {}, hotlistCell(g), ' (' + t('fleet.ofCentre', { v: g.centreHotlistVersion }) + ')')]);
  }
  const out = [h('h3', {}, label(g)), h('dl', { class: 'facts' }, rows.map(([k, v]) => [h('dt', {}, t(k)), h('dd', {}, v)]))];
  if (g.neverSeen) out.push(h('p', { class: 'empty' }, t('fleet.neverDetail')));
  else if (!s) out.push(h('p', { class: 'empty' }, t('fleet.noStatus')));
  return out;
}

export default {
  id: 'fleet',
  label: 'nav.fleet',
  roles: ['viewer', 'dispatcher', 'investigator', 'hotlist-manager', 'admin'],
  render(main, ctx) {
    let disposed = false;
    let selected = ctx.params.get('gantry') || null;
    let items = [];
    let fitted = false;
    const markers = new Map(); // gantry id -> Leaflet circle marker

    const summary = h('p', { class: 'summary', role: 'status' });
    const updated = h('p', { class: 'hint updated' });
    const problem = h('div', { class: 'problem' });
    const refresh = h('button', { type: 'button', class: 'refresh', onclick: () => load() }, t('fleet.refresh'));
    const tbody = h('tbody');
    const table = h('table', { class: 'data fleet' },
      h('thead', {}, h('tr', {}, ['fleet.gantry', 'fleet.state', 'fleet.lastSeen', 'fleet.fps', 'fleet.dropped', 'fleet.backlog',
        'fleet.clock', 'fleet.temperature', 'fleet.door', 'fleet.hotlist', 'fleet.actions'].map((k) => h('th', { scope: 'col' }, t(k))))),
      tbody);
    const scroller = h('div', { class: 'table-scroll' }, table);
    scroller.style.overflowX = 'auto';
    scroller.style.marginBottom = '1rem';
    const mapEl = h('div', { class: 'map', role: 'region', 'aria-label': t('fleet.map') });
    const unplaced = h('p', { class: 'hint unplaced' });
    const legend = h('ul', { class: 'legend', 'aria-label': t('fleet.legend') },
      Object.keys(STATE_COLOURS).map((s) => h('li', {}, swatch(s), t('fleet.state.' + s))));
    Object.assign(legend.style, { display: 'flex', flexWrap: 'wrap', gap: '.4rem 1.2rem', listStyle: 'none', padding: '0', margin: '.5rem 0 0' });
    const detailBox = h('section', { class: 'panel detail', 'aria-label': t('fleet.detail'), tabindex: '-1' }, h('p', { class: 'empty' }, t('fleet.pick')));

    main.append(h('h2', {}, t('fleet.title')),
      h('div', { class: 'toolbar' }, summary, refresh, updated),
      problem, scroller,
      h('div', { class: 'grid2' },
        h('section', { class: 'panel' }, h('h3', {}, t('fleet.map')), mapEl, legend, unplaced),
        detailBox));
    for (const p of [summary, updated]) p.style.margin = '0';

    const map = gantryMap(mapEl);

    function select(id, focus) {
      selected = id;
      history.replaceState(null, '', '#/fleet?gantry=' + encodeURIComponent(id));
      drawTable();
      drawDetail();
      if (focus) {
        detailBox.focus({ preventScroll: true });
        detailBox.scrollIntoView({ block: 'nearest' });
      }
    }

    function drawTable() {
      // a refresh rebuilds the rows: keep the keyboard focus on the same gantry's button
      const focused = tbody.contains(document.activeElement) ? document.activeElement.closest('tr')?.dataset.gantry : null;
      clear(tbody).append(...(items.length ? items.map((g) => {
        const s = g.status;
        const state = stateOf(g);
        const isSelected = g.gantryId === selected;
        const row = h('tr', { dataset: { gantry: g.gantryId, state } },
          h('th', { scope: 'row' }, label(g), g.name && g.name !== g.gantryId ? h('div', {}, h('small', { class: 'hint' }, g.gantryId)) : null),
          h('td', { class: 'state' }, stateCell(state)),
          h('td', { class: 'last-seen' }, g.lastSeen ? when(g.lastSeen, language()) : DASH),
          h('td', { class: 'fps' }, s ? num(s.framesPerSecond, 1) : DASH),
          h('td', { class: 'dropped' }, s ? num(s.framesDropped) : DASH),
          h('td', { class: 'backlog' }, g.outboxBacklog !== undefined ? num(g.outboxBacklog) : DASH),
          h('td', { class: 'clock' }, clockCell(s)),
          h('td', { class: 'temperature' }, s && s.temperatureC !== undefined ? num(s.temperatureC, 1) + '\u00a0\u00b0C' : DASH),
          h('td', { class: 'door' }, g.neverSeen ? DASH : doorCell(s)),
          h('td', { class: 'hotlist' }, hotlistCell(g)),
          h('td', {}, h('button', { type: 'button', class: 'show', 'aria-pressed': String(isSelected),
            'aria-label': t('fleet.showGantry', { id: label(g) }), onclick: () => select(g.gantryId, true) }, t('fleet.show'))));
        if (isSelected) row.style.background = '#fff6e0';
        return row;
      }) : [h('tr', {}, h('td', { colspan: 11, class: 'empty' }, t('fleet.none')))]));
      if (focused) [...tbody.rows].find((r) => r.dataset.gantry === focused)?.querySelector('button.show')?.focus({ preventScroll: true });
    }

    function drawDetail() {
      const g = items.find((x) => x.gantryId === selected);
      clear(detailBox).append(h('h3', { class: 'hint' }, t('fleet.detail')));
      detailBox.append(...(g ? detail(g) : [h('p', { class: 'empty' }, t('fleet.pick'))]));
    }

    function drawMap() {
      const seen = new Set();
      let noPosition = 0;
      for (const g of items) {
        if (g.latitude === undefined || g.longitude === undefined) {
          noPosition++;
          continue;
        }
        seen.add(g.gantryId);
        const state = stateOf(g);
        const text = label(g) + ' \u2014 ' + t('fleet.state.' + state) + (g.lastSeen ? ' \u2014 ' + t('fleet.lastSeen') + ' ' + when(g.lastSeen, language()) : '');
        let m = markers.get(g.gantryId);
        if (!m) {
          m = map.addPoint(g.latitude, g.longitude, { colour: STATE_COLOURS[state], label: text, radius: 9 });
          m.on('click', () => select(g.gantryId, false));
          markers.set(g.gantryId, m);
        } else {
          m.setStyle({ fillColor: STATE_COLOURS[state] });
          m.setTooltipContent(h('span', {}, text)); // an element, never an HTML string
        }
        const path = m.getElement && m.getElement();
        if (path) {
          path.dataset.gantry = g.gantryId;
          path.dataset.state = state;
        }
      }
      for (const [id, m] of markers) {
        if (!seen.has(id)) {
          m.remove();
          markers.delete(id);
        }
      }
      unplaced.textContent = noPosition ? t('fleet.noPosition', { n: noPosition }) : '';
      if (!fitted && seen.size) {
        map.fit();
        fitted = true;
      }
    }

    async function load() {
      refresh.disabled = true;
      try {
        const fleet = await get('/api/v1/fleet');
        if (disposed) return;
        items = fleet.items;
        const said = t('fleet.summary', { online: fleet.online, total: fleet.gantries });
        if (summary.textContent !== said) summary.textContent = said; // announced only when it changes
        updated.textContent = t('fleet.updated', { at: new Date().toLocaleTimeString(language()) });
        clear(problem);
        drawTable();
        drawDetail();
        drawMap();
      } catch (err) {
        if (!disposed) clear(problem).append(notice('error', err.message));
      } finally {
        refresh.disabled = false;
      }
    }

    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      disposed = true;
      clearInterval(timer);
      map.remove();
    };
  },
};
