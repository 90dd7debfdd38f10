// The alert board: open alerts, most urgent and newest first, live from the event stream. A new
// alert at or above the chosen priority flashes and sounds; the board says when the live
// connection is lost, and the browser's EventSource resumes from the last event id on its own.
import { h, clear, field, when, notice } from '../dom.js';
import { register, t, language } from '../i18n.js';
import { get, post, query, withParams } from '../api.js';

register({
  en: { 'nav.alerts': 'Alerts', 'alerts.title': 'Alert board', 'alerts.live': 'Live', 'alerts.lost': 'Live connection lost \u2014 reconnecting\u2026',
    'alerts.none': 'No open alerts.', 'alerts.flashAt': 'Flash and sound from priority', 'alerts.showAcked': 'Show acknowledged',
    'alerts.plate': 'Plate', 'alerts.gantry': 'Gantry', 'alerts.lane': 'Lane', 'alerts.time': 'Time', 'alerts.category': 'Category',
    'alerts.priority': 'Priority', 'alerts.reference': 'Reference', 'alerts.instructions': 'Instructions', 'alerts.match': 'Match',
    'alerts.outcome': 'Outcome', 'alerts.note': 'Note', 'alerts.acknowledge': 'Acknowledge', 'alerts.ackedBy': 'Acknowledged by {by} at {at}: {outcome}',
    'alerts.crop': 'Plate crop of {plate}', 'alerts.overview': 'Overview of {plate}', 'alerts.reason': 'Alert board: alert {id}',
    'outcome.intercepted': 'intercepted', 'outcome.not-located': 'not located', 'outcome.misread': 'misread', 'outcome.list-error': 'list error',
    'category.stolen-vehicle': 'stolen vehicle', 'category.wanted-person': 'wanted person', 'category.uninsured': 'uninsured',
    'category.no-inspection': 'no inspection', 'category.low-emission-zone': 'low-emission zone', 'category.missing-person': 'missing person',
    'category.other': 'other', 'match.exact': 'exact', 'match.tolerant': 'look-alike characters',
    'alerts.confirmed': 'confirmed by the centre' },
  fr: { 'nav.alerts': 'Alertes', 'alerts.title': 'Tableau des alertes', 'alerts.live': 'En direct', 'alerts.lost': 'Connexion en direct perdue \u2014 reconnexion\u2026',
    'alerts.none': 'Aucune alerte ouverte.', 'alerts.flashAt': 'Clignoter et sonner à partir de la priorité', 'alerts.showAcked': 'Afficher les alertes traitées',
    'alerts.plate': 'Plaque', 'alerts.gantry': 'Portique', 'alerts.lane': 'Voie', 'alerts.time': 'Heure', 'alerts.category': 'Catégorie',
    'alerts.priority': 'Priorité', 'alerts.reference': 'Référence', 'alerts.instructions': 'Instructions', 'alerts.match': 'Correspondance',
    'alerts.outcome': 'Résultat', 'alerts.note': 'Note', 'alerts.acknowledge': 'Acquitter', 'alerts.ackedBy': 'Acquittée par {by} à {at} : {outcome}',
    'alerts.crop': 'Plaque {plate}', 'alerts.overview': 'Vue d\u2019ensemble de {plate}', 'alerts.reason': 'Tableau des alertes : alerte {id}',
    'outcome.intercepted': 'intercepté', 'outcome.not-located': 'non localisé', 'outcome.misread': 'mauvaise lecture', 'outcome.list-error': 'erreur de liste',
    'category.stolen-vehicle': 'véhicule volé', 'category.wanted-person': 'personne recherchée', 'category.uninsured': 'non assuré',
    'category.no-inspection': 'sans contrôle technique', 'category.low-emission-zone': 'zone de basses émissions', 'category.missing-person': 'personne disparue',
    'category.other': 'autre', 'match.exact': 'exacte', 'match.tolerant': 'caractères semblables',
    'alerts.confirmed': 'confirmée par le central' },
  nl: { 'nav.alerts': 'Alarmen', 'alerts.title': 'Alarmbord', 'alerts.live': 'Live', 'alerts.lost': 'Liveverbinding verbroken \u2014 opnieuw verbinden\u2026',
    'alerts.none': 'Geen open alarmen.', 'alerts.flashAt': 'Knipperen en geluid vanaf prioriteit', 'alerts.showAcked': 'Afgehandelde tonen',
    'alerts.plate': 'Kenteken', 'alerts.gantry': 'Portaal', 'alerts.lane': 'Rijstrook', 'alerts.time': 'Tijd', 'alerts.category': 'Categorie',
    'alerts.priority': 'Prioriteit', 'alerts.reference': 'Referentie', 'alerts.instructions': 'Instructies', 'alerts.match': 'Overeenkomst',
    'alerts.outcome': 'Uitkomst', 'alerts.note': 'Notitie', 'alerts.acknowledge': 'Afhandelen', 'alerts.ackedBy': 'Afgehandeld door {by} om {at}: {outcome}',
    'alerts.crop': 'Kenteken {plate}', 'alerts.overview': 'Overzicht van {plate}', 'alerts.reason': 'Alarmbord: alarm {id}',
    'outcome.intercepted': 'onderschept', 'outcome.not-located': 'niet gevonden', 'outcome.misread': 'verkeerd gelezen', 'outcome.list-error': 'fout in de lijst',
    'category.stolen-vehicle': 'gestolen voertuig', 'category.wanted-person': 'gezochte persoon', 'category.uninsured': 'onverzekerd',
    'category.no-inspection': 'geen keuring', 'category.low-emission-zone': 'lage-emissiezone', 'category.missing-person': 'vermiste persoon',
    'category.other': 'andere', 'match.exact': 'exact', 'match.tolerant': 'gelijkende tekens',
    'alerts.confirmed': 'bevestigd door de centrale' },
});

const OUTCOMES = ['intercepted', 'not-located', 'misread', 'list-error'];
let flashFrom = 2;

/** A short two-tone beep (no sound file: the Web Audio API makes it). */
function beep() {
  try {
    const ctx = new AudioContext();
    [880, 660].forEach((f, i) => {
      const o = ctx.createOscillator();
      const g = ctx.createGain();
      o.frequency.value = f;
      g.gain.value = 0.15;
      o.connect(g).connect(ctx.destination);
      o.start(ctx.currentTime + i * 0.18);
      o.stop(ctx.currentTime + i * 0.18 + 0.15);
    });
    setTimeout(() => ctx.close(), 800);
  } catch (e) {
    // no audio device (or autoplay blocked before any click): the flash still shows
  }
}

function imageUrl(alert, kind) {
  const link = alert.read.images[kind];
  if (!link) return null;
  return withParams(link, { reason: t('alerts.reason', { id: alert.id }), case: alert.entry.reference || alert.id });
}

function card(alert, onAcknowledged) {
  const r = alert.read;
  const e = alert.entry;
  const images = h('div', { class: 'images' },
    ['crop', 'overview'].map((kind) => {
      const src = imageUrl(alert, kind);
      return src ? h('img', { src, alt: t('alerts.' + kind, { plate: r.plate }), class: kind, loading: 'lazy' }) : null;
    }));
  const facts = h('dl', { class: 'facts' },
    [['alerts.gantry', r.gantryId], ['alerts.lane', r.lane], ['alerts.time', when(r.captured, language())],
      ['alerts.category', e.category ? t('category.' + e.category) : ''], ['alerts.priority', e.priority],
      ['alerts.reference', e.reference], ['alerts.match', t('match.' + alert.matchKind)
        + (alert.confirmedByCentre && alert.source === 'edge' ? ' \u00b7 ' + t('alerts.confirmed') : '')]]
      .map(([k, v]) => [h('dt', {}, t(k)), h('dd', {}, v)]));
  const body = [h('h3', { class: 'plate' }, r.plate, r.country ? h('span', { class: 'country' }, r.country) : null), facts];
  if (e.instructions) body.push(h('p', { class: 'instructions' }, h('strong', {}, t('alerts.instructions'), ': '), e.instructions));
  if (alert.acknowledgement) {
    const a = alert.acknowledgement;
    body.push(h('p', { class: 'acked' }, t('alerts.ackedBy', { by: a.by, at: when(a.at, language()), outcome: t('outcome.' + a.outcome) }),
      a.note ? ' \u2014 ' + a.note : ''));
  } else {
    const outcome = h('select', { name: 'outcome' }, OUTCOMES.map((o) => h('option', { value: o }, t('outcome.' + o))));
    const note = h('input', { name: 'note', maxlength: 2000 });
    const status = h('div', { class: 'status' });
    body.push(h('form', {
      class: 'ack',
      onsubmit: async (ev) => {
        ev.preventDefault();
        try {
          const updated = await post('/api/v1/alerts/' + alert.id + '/acknowledge', { outcome: outcome.value, note: note.value });
          onAcknowledged(updated);
        } catch (err) {
          status.replaceChildren(notice('error', err.message));
        }
      },
    }, field(t('alerts.outcome'), outcome), field(t('alerts.note'), note),
    h('button', { type: 'submit', class: 'primary' }, t('alerts.acknowledge')), status));
  }
  return h('article', { class: 'alert-card priority-' + e.priority, dataset: { alertId: alert.id }, 'aria-label': r.plate },
    images, h('div', { class: 'body' }, body));
}

export default {
  id: 'alerts',
  label: 'nav.alerts',
  roles: ['viewer', 'dispatcher', 'investigator', 'hotlist-manager', 'admin'],
  render(main, ctx) {
    const canAck = ctx.session.role === 'dispatcher';
    const canSeeImages = ctx.session.role === 'dispatcher' || ctx.session.role === 'investigator';
    const byId = new Map();
    let showAcked = false;
    const state = h('p', { class: 'live', role: 'status' }, t('app.loading'));
    const list = h('div', { class: 'alert-list' });
    const threshold = h('select', { onchange: (e) => { flashFrom = Number(e.target.value); } },
      [1, 2, 3, 4, 5, 6, 7, 8, 9].map((p) => h('option', { value: p, selected: p === flashFrom }, String(p))));
    const acked = h('input', { type: 'checkbox', onchange: (e) => { showAcked = e.target.checked; load(); } });
    main.append(h('h2', {}, t('alerts.title')),
      h('div', { class: 'toolbar' }, state, field(t('alerts.flashAt'), threshold),
        h('label', { class: 'check' }, acked, ' ', t('alerts.showAcked'))),
      list);

    const order = (a, b) => (a.entry.priority - b.entry.priority) || (a.received < b.received ? 1 : a.received > b.received ? -1 : 0);
    function draw() {
      const shown = [...byId.values()].filter((a) => showAcked || !a.acknowledgement).sort(order);
      clear(list).append(...(shown.length ? shown.map((a) => {
        const c = card(canSeeImages ? a : { ...a, read: { ...a.read, images: {} } }, (updated) => { byId.set(key(updated), updated); draw(); });
        if (!canAck) c.querySelector('form.ack')?.remove();
        if (a.fresh) c.classList.add('flash');
        return c;
      }) : [h('p', { class: 'empty' }, t('alerts.none'))]));
      for (const a of byId.values()) a.fresh = false;
    }
    // One card per sighting: the gantry's alert and the centre's second check of the same read share it.
    const key = (a) => a.read.id + '|' + a.entry.entryId;
    function keep(a) {
      const known = byId.get(key(a));
      if (known && known.id !== a.id && a.source === 'central') {
        known.confirmedByCentre = true;
        return known;
      }
      byId.set(key(a), a);
      return a;
    }
    async function load() {
      try {
        const page = await get('/api/v1/alerts' + query({ state: showAcked ? 'all' : 'open', limit: 200 }));
        byId.clear();
        for (const a of page.items) keep(a);
        draw();
      } catch (err) {
        clear(list).append(notice('error', err.message));
      }
    }
    async function arrived(id) {
      try {
        const fetched = await get('/api/v1/alerts/' + id);
        const isNew = !byId.has(key(fetched));
        const a = keep(fetched);
        a.fresh = isNew && a.entry.priority <= flashFrom;
        draw();
        if (a.fresh) beep();
      } catch (err) {
        // the next load shows it
      }
    }

    const events = new EventSource('/api/v1/events');
    events.onopen = () => {
      state.textContent = t('alerts.live');
      state.className = 'live ok';
      load(); // catch up on anything decided while we were away (acknowledged elsewhere)
    };
    events.onerror = () => {
      state.textContent = t('alerts.lost');
      state.className = 'live lost';
      if (events.readyState === EventSource.CLOSED) {
        get('/api/v1/session').catch(() => {}); // a 401 there brings the sign-in page
      }
    };
    events.addEventListener('alert', (e) => arrived(JSON.parse(e.data).alertId));
    events.addEventListener('alert-acknowledged', (e) => {
      const id = JSON.parse(e.data).alertId;
      if ([...byId.values()].some((a) => a.id === id)) {
        get('/api/v1/alerts/' + id).then((a) => { byId.set(key(a), a); draw(); }).catch(() => {});
      }
    });
    return () => events.close();
  },
};
