// Section-speed violations: a list by section, gantry, outcome and time, newest first; one
// violation with the entry and exit reads side by side (their images for investigators only,
// after the reason and case reference), both clock states, the speed calculation from distance and
// time to the enforced speed, and the check of the evidence chain, marked OK or BROKEN.
import { h, clear, field, instant, notice } from '../dom.js';
import { register, t, language } from '../i18n.js';
import { get, query, withParams } from '../api.js';
import { askPurpose } from '../purpose.js';
import { plateText, percent, problemText, gantryList } from './search.js';

register({
  en: { 'nav.violations': 'Violations', 'violations.title': 'Section-speed violations', 'violations.section': 'Section',
    'violations.gantry': 'Exit gantry', 'violations.outcome': 'Outcome', 'violations.from': 'Received from', 'violations.to': 'Received before',
    'violations.any': 'any', 'violations.outcome.violation': 'violation', 'violations.outcome.not-enforceable': 'not enforceable',
    'violations.submit': 'Show', 'violations.reset': 'Reset', 'violations.cursor': 'Page', 'violations.limit': 'Per page',
    'violations.received': 'Received', 'violations.plate': 'Plate', 'violations.enforced': 'Enforced speed', 'violations.limitKmh': 'Limit',
    'violations.over': 'Over the limit', 'violations.actions': 'Actions', 'violations.open': 'Open',
    'violations.openLabel': 'Open the violation of {plate} received {time}', 'violations.none': 'No violations match these filters.',
    'violations.count': '{count} violations on page {page}', 'violations.first': 'First page', 'violations.previous': 'Previous page',
    'violations.next': 'Next page', 'violations.back': 'Back to the list', 'violations.list': 'Violations',
    'violations.detail': 'Violation {plate}', 'violations.entry': 'Entry', 'violations.exit': 'Exit',
    'violations.camera': 'Camera', 'violations.lane': 'Lane', 'violations.captured': 'Captured', 'violations.clock': 'Clock',
    'violations.clockError': '\u00b1 {ms} ms', 'violations.confidence': 'Confidence', 'violations.readId': 'Read id',
    'violations.clock.synchronised': 'synchronised', 'violations.clock.holdover': 'holdover (reference lost)',
    'violations.clock.unsynchronised': 'not synchronised', 'violations.clock.unknown': 'unknown',
    'violations.images': 'Evidence images', 'violations.showImages': 'Show the evidence images',
    'violations.imagesInvestigators': 'Evidence images are shown to investigators only.',
    'violations.imagesReason': 'Opening the images is recorded with your reason and case reference.',
    'violations.cropAlt': '{which} plate crop of {plate}', 'violations.overviewAlt': '{which} overview of {plate}',
    'violations.noImages': 'No image was sent with this read.',
    'violations.calculation': 'Speed calculation', 'violations.distance': 'Distance', 'violations.distanceValue': '{m} m \u00b1 {u} m',
    'violations.elapsed': 'Elapsed (clocks)', 'violations.conservativeElapsed': 'Elapsed (conservative)', 'violations.seconds': '{s} s',
    'violations.measured': 'Measured speed', 'violations.conservative': 'Conservative speed', 'violations.margin': 'Margin',
    'violations.rule': 'Margin rule', 'violations.kmh': '{v} km/h', 'violations.notEnforceable': 'Not enforceable',
    'violations.chain': 'Evidence chain', 'violations.sequence': 'Sequence', 'violations.digest': 'Digest',
    'violations.previousLink': 'Previous link', 'violations.nextLink': 'Next link', 'violations.intact': 'Chain check',
    'violations.chain.ok': 'OK', 'violations.chain.broken': 'BROKEN',
    'violations.digest.valid': 'valid', 'violations.digest.invalid': 'INVALID \u2014 changed after it was sealed',
    'violations.link.genesis': 'first of its chain', 'violations.link.linked': 'linked', 'violations.link.missing': 'not received here (gap)',
    'violations.link.broken': 'BROKEN', 'violations.link.none-yet': 'none yet',
    'violations.intactText': 'Sealed at the gantry and unchanged since; linked to its neighbours.',
    'violations.brokenText': 'This record does not match its seal or its neighbours: do not use it as evidence before it is explained.' },
  fr: { 'nav.violations': 'Infractions', 'violations.title': 'Infractions de vitesse sur tronçon', 'violations.section': 'Tronçon',
    'violations.gantry': 'Portique de sortie', 'violations.outcome': 'Résultat', 'violations.from': 'Reçues à partir du', 'violations.to': 'Reçues avant le',
    'violations.any': 'tous', 'violations.outcome.violation': 'infraction', 'violations.outcome.not-enforceable': 'non verbalisable',
    'violations.submit': 'Afficher', 'violations.reset': 'Réinitialiser', 'violations.cursor': 'Page', 'violations.limit': 'Par page',
    'violations.received': 'Reçue le', 'violations.plate': 'Plaque', 'violations.enforced': 'Vitesse retenue', 'violations.limitKmh': 'Limite',
    'violations.over': 'Dépassement', 'violations.actions': 'Actions', 'violations.open': 'Ouvrir',
    'violations.openLabel': 'Ouvrir l\u2019infraction de {plate} reçue le {time}', 'violations.none': 'Aucune infraction ne correspond à ces filtres.',
    'violations.count': '{count} infractions en page {page}', 'violations.first': 'Première page', 'violations.previous': 'Page précédente',
    'violations.next': 'Page suivante', 'violations.back': 'Retour à la liste', 'violations.list': 'Infractions',
    'violations.detail': 'Infraction {plate}', 'violations.entry': 'Entrée', 'violations.exit': 'Sortie',
    'violations.camera': 'Caméra', 'violations.lane': 'Voie', 'violations.captured': 'Capturée le', 'violations.clock': 'Horloge',
    'violations.clockError': '\u00b1 {ms} ms', 'violations.confidence': 'Confiance', 'violations.readId': 'Identifiant de lecture',
    'violations.clock.synchronised': 'synchronisée', 'violations.clock.holdover': 'en maintien (référence perdue)',
    'violations.clock.unsynchronised': 'non synchronisée', 'violations.clock.unknown': 'inconnue',
    'violations.images': 'Images de preuve', 'violations.showImages': 'Afficher les images de preuve',
    'violations.imagesInvestigators': 'Les images de preuve ne sont montrées qu\u2019aux enquêteurs.',
    'violations.imagesReason': 'L\u2019ouverture des images est enregistrée avec votre motif et la référence du dossier.',
    'violations.cropAlt': '{which} : plaque {plate}', 'violations.overviewAlt': '{which} : vue d\u2019ensemble de {plate}',
    'violations.noImages': 'Aucune image n\u2019a été envoyée avec cette lecture.',
    'violations.calculation': 'Calcul de la vitesse', 'violations.distance': 'Distance', 'violations.distanceValue': '{m} m \u00b1 {u} m',
    'violations.elapsed': 'Durée (horloges)', 'violations.conservativeElapsed': 'Durée (prudente)', 'violations.seconds': '{s} s',
    'violations.measured': 'Vitesse mesurée', 'violations.conservative': 'Vitesse prudente', 'violations.margin': 'Marge',
    'violations.rule': 'Règle de marge', 'violations.kmh': '{v} km/h', 'violations.notEnforceable': 'Non verbalisable',
    'violations.chain': 'Chaîne de preuve', 'violations.sequence': 'Numéro d\u2019ordre', 'violations.digest': 'Empreinte',
    'violations.previousLink': 'Lien précédent', 'violations.nextLink': 'Lien suivant', 'violations.intact': 'Contrôle de la chaîne',
    'violations.chain.ok': 'OK', 'violations.chain.broken': 'ROMPUE',
    'violations.digest.valid': 'valide', 'violations.digest.invalid': 'INVALIDE \u2014 modifiée après scellement',
    'violations.link.genesis': 'premier de sa chaîne', 'violations.link.linked': 'lié', 'violations.link.missing': 'non reçu ici (lacune)',
    'violations.link.broken': 'ROMPU', 'violations.link.none-yet': 'pas encore',
    'violations.intactText': 'Scellée au portique et inchangée depuis ; liée à ses voisines.',
    'violations.brokenText': 'Cet enregistrement ne correspond pas à son sceau ou à ses voisins : ne l\u2019utilisez pas comme preuve avant explication.' },
  nl: { 'nav.violations': 'Overtredingen', 'violations.title': 'Trajectcontrole: overtredingen', 'violations.section': 'Traject',
    'violations.gantry': 'Uitgangsportaal', 'violations.outcome': 'Uitkomst', 'violations.from': 'Ontvangen vanaf', 'violations.to': 'Ontvangen vóór',
    'violations.any': 'alle', 'violations.outcome.violation': 'overtreding', 'violations.outcome.not-enforceable': 'niet handhaafbaar',
    'violations.submit': 'Tonen', 'violations.reset': 'Wissen', 'violations.cursor': 'Pagina', 'violations.limit': 'Per pagina',
    'violations.received': 'Ontvangen', 'violations.plate': 'Kenteken', 'violations.enforced': 'Weerhouden snelheid', 'violations.limitKmh': 'Limiet',
    'violations.over': 'Overschrijding', 'violations.actions': 'Acties', 'violations.open': 'Openen',
    'violations.openLabel': 'De overtreding van {plate}, ontvangen {time}, openen', 'violations.none': 'Geen overtredingen gevonden met deze filters.',
    'violations.count': '{count} overtredingen op pagina {page}', 'violations.first': 'Eerste pagina', 'violations.previous': 'Vorige pagina',
    'violations.next': 'Volgende pagina', 'violations.back': 'Terug naar de lijst', 'violations.list': 'Overtredingen',
    'violations.detail': 'Overtreding {plate}', 'violations.entry': 'Ingang', 'violations.exit': 'Uitgang',
    'violations.camera': 'Camera', 'violations.lane': 'Rijstrook', 'violations.captured': 'Vastgelegd', 'violations.clock': 'Klok',
    'violations.clockError': '\u00b1 {ms} ms', 'violations.confidence': 'Betrouwbaarheid', 'violations.readId': 'Lezing-id',
    'violations.clock.synchronised': 'gesynchroniseerd', 'violations.clock.holdover': 'holdover (referentie verloren)',
    'violations.clock.unsynchronised': 'niet gesynchroniseerd', 'violations.clock.unknown': 'onbekend',
    'violations.images': 'Bewijsbeelden', 'violations.showImages': 'Bewijsbeelden tonen',
    'violations.imagesInvestigators': 'Bewijsbeelden worden alleen aan onderzoekers getoond.',
    'violations.imagesReason': 'Het openen van de beelden wordt met uw reden en dossierreferentie vastgelegd.',
    'violations.cropAlt': '{which}: kentekenuitsnede van {plate}', 'violations.overviewAlt': '{which}: overzicht van {plate}',
    'violations.noImages': 'Bij deze lezing werd geen beeld verzonden.',
    'violations.calculation': 'Snelheidsberekening', 'violations.distance': 'Afstand', 'violations.distanceValue': '{m} m \u00b1 {u} m',
    'violations.elapsed': 'Verstreken tijd (klokken)', 'violations.conservativeElapsed': 'Verstreken tijd (voorzichtig)', 'violations.seconds': '{s} s',
    'violations.measured': 'Gemeten snelheid', 'violations.conservative': 'Voorzichtige snelheid', 'violations.margin': 'Marge',
    'violations.rule': 'Margeregel', 'violations.kmh': '{v} km/u', 'violations.notEnforceable': 'Niet handhaafbaar',
    'violations.chain': 'Bewijsketen', 'violations.sequence': 'Volgnummer', 'violations.digest': 'Digest',
    'violations.previousLink': 'Vorige schakel', 'violations.nextLink': 'Volgende schakel', 'violations.intact': 'Ketencontrole',
    'violations.chain.ok': 'OK', 'violations.chain.broken': 'VERBROKEN',
    'violations.digest.valid': 'geldig', 'violations.digest.invalid': 'ONGELDIG \u2014 gewijzigd na verzegeling',
    'violations.link.genesis': 'eerste van de keten', 'violations.link.linked': 'gekoppeld', 'violations.link.missing': 'hier niet ontvangen (hiaat)',
    'violations.link.broken': 'VERBROKEN', 'violations.link.none-yet': 'nog geen',
    'violations.intactText': 'Verzegeld aan het portaal en sindsdien ongewijzigd; gekoppeld aan de vorige en volgende.',
    'violations.brokenText': 'Dit record klopt niet met zijn zegel of zijn buren: gebruik het niet als bewijs zolang dit niet verklaard is.' },
});

const OUTCOMES = ['violation', 'not-enforceable'];
const FILTERS = ['section', 'gantry', 'outcome', 'from', 'to'];
const PAGE = 25;

function number(v, digits) {
  return new Intl.NumberFormat(language(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
}

/** A date-time to the millisecond: the evidence is about seconds. */
function precise(iso) {
  if (!iso) return '';
  return new Date(iso).toLocaleString(language(), { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit',
    minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3 });
}

function badge(kind, ...text) {
  const b = h('span', { class: 'badge' + (kind ? ' ' + kind : '') }, ...text);
  if (kind === 'warn') Object.assign(b.style, { background: '#fff0d6', color: '#a05a00' });
  return b;
}

function clockBadge(read) {
  const c = read.clock || 'unknown';
  const kind = c === 'synchronised' ? 'ok' : c === 'holdover' ? 'warn' : 'bad';
  return h('span', { class: 'clock' }, badge(kind, t('violations.clock.' + c)),
    read.clockErrorMicros ? h('span', { class: 'hint' }, ' ', t('violations.clockError', { ms: number(read.clockErrorMicros / 1000, 1) })) : '');
}

function facts(rows) {
  return h('dl', { class: 'facts' }, rows.filter(([, v]) => v !== '' && v !== undefined && v !== null)
    .map(([k, v]) => [h('dt', {}, t(k)), h('dd', {}, v)]));
}

function outcomeBadge(outcome) {
  return badge(outcome === 'violation' ? 'bad' : '', t('violations.outcome.' + outcome));
}

/** One side of the passage: the read's facts, and room for its images. */
function readPane(which, read) {
  const images = h('div', { class: 'images' });
  images.hidden = true;
  const body = h('div', { class: 'pane-body' }, images, facts([['violations.captured', h('time', { datetime: read.captured }, precise(read.captured))],
      ['violations.clock', clockBadge(read)], ['violations.camera', read.cameraId], ['violations.lane', read.lane],
      ['violations.plate', plateText(read.plate, read.country)], ['violations.confidence', percent(read.confidence)],
      ['violations.readId', h('code', {}, read.id)]]));
  Object.assign(body.style, { display: 'grid', gridTemplateColumns: '1fr', gap: '.8rem', alignItems: 'start' });
  const pane = h('section', { class: 'panel read-' + which, 'aria-label': t('violations.' + which) },
    h('h3', {}, t('violations.' + which), ' \u2014 ', read.gantryId), body);
  pane.style.marginBottom = '0';
  return { pane, images, body };
}

function showImages(side, which, read, purpose) {
  const box = side.images;
  box.hidden = false;
  side.body.style.gridTemplateColumns = 'minmax(0, 270px) minmax(0, 1fr)';
  const kinds = ['overview', 'crop'].filter((k) => read.images && read.images[k]);
  if (!kinds.length) {
    box.replaceChildren(h('p', { class: 'empty' }, t('violations.noImages')));
    return;
  }
  box.replaceChildren(...kinds.map((kind) => {
    const img = h('img', { class: kind, src: withParams(read.images[kind], { reason: purpose.reason, case: purpose.case }),
      alt: t('violations.' + kind + 'Alt', { which: t('violations.' + which), plate: read.plate }) });
    Object.assign(img.style, { display: 'block', width: '100%', background: '#eee', marginBottom: '.4rem',
      border: '1px solid #cbd5e0' });
    return img;
  }));
}

function chainPanel(chain) {
  const ok = chain.intact;
  const linkKind = (v) => (v === 'broken' ? 'bad' : v === 'missing' ? 'warn' : 'ok');
  const verdict = badge(ok ? 'ok' : 'bad', t(ok ? 'violations.chain.ok' : 'violations.chain.broken'));
  Object.assign(verdict.style, { fontSize: '1.1rem', fontWeight: '700', padding: '.1rem .6rem' });
  const panel = h('section', { class: 'panel chain ' + (ok ? 'intact' : 'broken'), dataset: { intact: String(ok) },
    'aria-label': t('violations.chain') },
  h('h3', {}, t('violations.chain'), ' ', verdict),
  h('p', { class: ok ? 'hint' : 'notice error' }, t(ok ? 'violations.intactText' : 'violations.brokenText')),
  facts([['violations.sequence', chain.sequence],
    ['violations.digest', badge(chain.digestValid ? 'ok' : 'bad', t(chain.digestValid ? 'violations.digest.valid' : 'violations.digest.invalid'))],
    ['violations.previousLink', badge(linkKind(chain.previous), t('violations.link.' + chain.previous))],
    ['violations.nextLink', badge(linkKind(chain.next), t('violations.link.' + chain.next))],
    ['violations.intact', badge(ok ? 'ok' : 'bad', t(ok ? 'violations.chain.ok' : 'violations.chain.broken'))]]));
  panel.style.borderLeft = '6px solid ' + (ok ? '#1e7a3c' : '#b3261e');
  return panel;
}

function calculationPanel(v) {
  const kmh = (x) => t('violations.kmh', { v: number(x, 2) });
  const over = v.enforcedSpeedKmh - v.speedLimitKmh;
  const enforced = h('strong', {}, kmh(v.enforcedSpeedKmh));
  return h('section', { class: 'panel calculation', 'aria-label': t('violations.calculation') },
    h('h3', {}, t('violations.calculation')),
    v.outcome === 'not-enforceable' ? notice('info', t('violations.notEnforceable') + (v.notEnforceableReason ? ': ' + v.notEnforceableReason : '')) : null,
    facts([
      ['violations.distance', t('violations.distanceValue', { m: number(v.distanceM, 0), u: number(v.distanceUncertaintyM, 1) })],
      ['violations.elapsed', t('violations.seconds', { s: number(v.elapsedMicros / 1e6, 3) })],
      ['violations.conservativeElapsed', t('violations.seconds', { s: number(v.conservativeElapsedMicros / 1e6, 4) })],
      ['violations.measured', kmh(v.measuredSpeedKmh)], ['violations.conservative', kmh(v.conservativeSpeedKmh)],
      ['violations.margin', t('violations.kmh', { v: number(v.marginKmh, 1) })], ['violations.rule', h('code', {}, v.marginRule)],
      ['violations.enforced', enforced], ['violations.limitKmh', t('violations.kmh', { v: number(v.speedLimitKmh, 0) })],
      ['violations.over', v.outcome === 'violation' && over > 0 ? badge('bad', '+' + kmh(over)) : ''],
    ]));
}

export default {
  id: 'violations',
  label: 'nav.violations',
  roles: ['investigator', 'dispatcher', 'viewer'],
  render(main, ctx) {
    const params = ctx.params;
    const investigator = ctx.session.role === 'investigator';
    let alive = true;
    let sequence = 0;
    let filters = {};
    let cursors = [null];
    let next = null;

    const control = {
      section: h('input', { name: 'section', autocomplete: 'off', value: params.get('section') || '' }),
      gantry: h('input', { name: 'gantry', list: 'violation-gantries', autocomplete: 'off', value: params.get('gantry') || '' }),
      outcome: h('select', { name: 'outcome' }, h('option', { value: '' }, t('violations.any')),
        OUTCOMES.map((o) => h('option', { value: o, selected: o === params.get('outcome') }, t('violations.outcome.' + o)))),
      from: h('input', { name: 'from', type: 'datetime-local' }),
      to: h('input', { name: 'to', type: 'datetime-local' }),
    };
    control.section.style.width = '10rem';
    control.gantry.style.width = '10rem';
    const labels = () => {
      const out = {};
      for (const f of FILTERS) out[f] = t('violations.' + f);
      return Object.assign(out, { cursor: t('violations.cursor'), limit: t('violations.limit') });
    };
    const status = h('div', { class: 'status', 'aria-live': 'polite' });
    const results = h('section', { class: 'results', 'aria-label': t('violations.list') });
    const form = h('form', { class: 'filters', novalidate: true, onsubmit: (e) => { e.preventDefault(); start(); } },
      field(t('violations.section'), control.section), field(t('violations.gantry'), control.gantry), gantryList('violation-gantries'),
      field(t('violations.outcome'), control.outcome), field(t('violations.from'), control.from), field(t('violations.to'), control.to),
      h('div', { class: 'actions' },
        h('button', { type: 'submit', class: 'primary' }, t('violations.submit')),
        h('button', { type: 'button', onclick: () => { form.reset(); start(); } }, t('violations.reset'))));
    const listPart = h('div', { class: 'list-part' }, h('h2', {}, t('violations.title')), form, status, results);
    const detail = h('div', { class: 'detail', hidden: true });
    main.append(listPart, detail);

    function start() {
      filters = {};
      for (const f of FILTERS) {
        const v = control[f].value.trim();
        filters[f] = f === 'from' || f === 'to' ? instant(v) : v;
      }
      cursors = [null];
      load(0);
    }

    function showError(err) {
      for (const c of Object.values(control)) c.removeAttribute('aria-invalid');
      status.replaceChildren(notice('error', problemText(err, labels())));
      const c = err.field && control[err.field];
      if (c) {
        c.setAttribute('aria-invalid', 'true');
        c.focus();
      }
    }

    async function load(pageIndex) {
      const mine = ++sequence;
      status.replaceChildren(h('p', { class: 'hint' }, t('app.loading')));
      try {
        const page = await get('/api/v1/violations' + query({ ...filters, cursor: cursors[pageIndex], limit: PAGE }));
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
      const head = h('div', { class: 'toolbar' }, h('strong', { class: 'count' }, t('violations.count', { count: items.length, page: pageIndex + 1 })));
      head.style.marginBottom = '.4rem';
      if (!items.length) {
        clear(results).append(head, h('p', { class: 'empty' }, t('violations.none')), pager(pageIndex));
        return;
      }
      const rows = items.map((v) => {
        const time = precise(v.received);
        const open = h('button', { type: 'button', class: 'open', 'aria-label': t('violations.openLabel', { plate: v.plate, time }),
          onclick: () => openViolation(v.id, open) }, t('violations.open'));
        const over = v.enforcedSpeedKmh - v.speedLimitKmh;
        return h('tr', { dataset: { violationId: v.id } },
          h('td', {}, h('time', { datetime: v.received }, time)), h('td', {}, v.sectionId), h('td', {}, v.gantryId),
          h('td', {}, plateText(v.plate)), h('td', {}, outcomeBadge(v.outcome)),
          h('td', { class: 'num' }, v.outcome === 'violation' ? t('violations.kmh', { v: number(v.enforcedSpeedKmh, 1) }) : '\u2014'),
          h('td', { class: 'num' }, t('violations.kmh', { v: number(v.speedLimitKmh, 0) })),
          h('td', { class: 'num' }, v.outcome === 'violation' && over > 0 ? '+' + t('violations.kmh', { v: number(over, 1) }) : ''),
          h('td', {}, open));
      });
      const table = h('table', { class: 'data violations-table' },
        h('thead', {}, h('tr', {}, ['violations.received', 'violations.section', 'violations.gantry', 'violations.plate',
          'violations.outcome', 'violations.enforced', 'violations.limitKmh', 'violations.over', 'violations.actions']
          .map((k) => h('th', { scope: 'col' }, t(k))))),
        h('tbody', {}, rows));
      for (const td of table.querySelectorAll('td.num')) td.style.textAlign = 'right';
      clear(results).append(head, table, pager(pageIndex));
    }

    function pager(pageIndex) {
      return h('nav', { class: 'pager', 'aria-label': t('violations.list') },
        h('button', { type: 'button', class: 'first', disabled: pageIndex === 0, onclick: () => load(0) }, t('violations.first')),
        h('button', { type: 'button', class: 'previous', disabled: pageIndex === 0, onclick: () => load(pageIndex - 1) },
          '\u2039 ', t('violations.previous')),
        h('button', { type: 'button', class: 'next', disabled: !next, onclick: () => load(pageIndex + 1) }, t('violations.next'), ' \u203a'));
    }

    async function openViolation(id, returnFocus) {
      const mine = ++sequence;
      try {
        const v = await get('/api/v1/violations/' + encodeURIComponent(id));
        if (!alive || mine !== sequence) return;
        const back = () => {
          detail.hidden = true;
          clear(detail);
          listPart.hidden = false;
          if (returnFocus && returnFocus.isConnected) returnFocus.focus();
          else if (!results.childElementCount) start();
        };
        clear(detail).append(violationView(v, back));
        listPart.hidden = true;
        detail.hidden = false;
        detail.querySelector('#violation-title').focus();
      } catch (err) {
        if (!alive || mine !== sequence) return;
        status.replaceChildren(notice('error', problemText(err, labels())));
      }
    }

    function violationView(v, onBack) {
      const entry = readPane('entry', v.entryRead);
      const exit = readPane('exit', v.exitRead);
      const imageBar = h('div', { class: 'toolbar image-bar' });
      if (investigator) {
        const button = h('button', { type: 'button', class: 'show-images primary', onclick: async () => {
          const purpose = await askPurpose();
          if (!purpose || !alive) return;
          showImages(entry, 'entry', v.entryRead, purpose);
          showImages(exit, 'exit', v.exitRead, purpose);
          imageBar.replaceChildren(h('span', { class: 'hint purpose' }, t('search.purpose', purpose)));
        } }, t('violations.showImages'));
        imageBar.append(button, h('span', { class: 'hint' }, t('violations.imagesReason')));
      } else {
        imageBar.append(h('p', { class: 'notice info images-restricted' }, t('violations.imagesInvestigators')));
      }
      imageBar.style.alignItems = 'center';
      const heading = h('h2', { id: 'violation-title', tabindex: '-1' }, t('violations.detail', { plate: '' }), plateText(v.plate));
      Object.assign(heading.style, { margin: '0', outline: 'none' });
      const ok = v.chain.intact;
      const verdict = badge(ok ? 'ok' : 'bad', t('violations.chain'), ': ', t(ok ? 'violations.chain.ok' : 'violations.chain.broken'));
      Object.assign(verdict.style, { marginLeft: 'auto', fontWeight: '700', fontSize: '1rem', padding: '.2rem .6rem' });
      verdict.classList.add('chain-verdict');
      const top = h('div', { class: 'toolbar' },
        h('button', { type: 'button', class: 'back', onclick: onBack }, '\u2190 ', t('violations.back')), heading,
        outcomeBadge(v.outcome), verdict);
      top.style.alignItems = 'center';
      const summary = h('p', { class: 'summary' }, h('strong', {}, v.sectionId), ' \u00b7 ', v.gantryId, ' \u00b7 ',
        t('violations.received'), ' ', precise(v.received), ' \u00b7 ', t('violations.enforced'), ' ',
        h('strong', {}, t('violations.kmh', { v: number(v.enforcedSpeedKmh, 2) })), ' / ', t('violations.limitKmh').toLowerCase(), ' ',
        t('violations.kmh', { v: number(v.speedLimitKmh, 0) }));
      summary.style.margin = '0 0 .5rem';
      imageBar.style.marginBottom = '.6rem';
      const evidence = h('div', { class: 'evidence' }, entry.pane, exit.pane);
      evidence.style.marginBottom = '1rem';
      return h('section', { class: 'violation-view', dataset: { violationId: v.id }, 'aria-labelledby': 'violation-title' },
        top, summary, imageBar, evidence,
        h('div', { class: 'grid2' }, calculationPanel(v), chainPanel(v.chain)));
    }

    // #/violations?id=<id> opens one violation; otherwise the newest are listed at once.
    if (params.get('id')) openViolation(params.get('id'), null);
    else start();

    return () => {
      alive = false;
    };
  },
};
