// Statistics: reads per hour per gantry, alerts per day by outcome, the confidence bands and the
// gantries offline per hour, as uPlot charts, each with its figures as text and in a table.
import { h, clear, field, instant, localInput, notice } from '../dom.js';
import { register, t, language } from '../i18n.js';
import { get, query } from '../api.js';
import { timeChart } from '../chart.js';

register({
  en: { 'nav.stats': 'Statistics', 'stats.title': 'Statistics', 'stats.period': 'Period', 'stats.last24h': 'Last 24 hours',
    'stats.last7d': 'Last 7 days', 'stats.last31d': 'Last 31 days', 'stats.custom': 'Custom period', 'stats.from': 'From', 'stats.to': 'To',
    'stats.gantry': 'Gantry', 'stats.allGantries': 'All gantries', 'stats.gantryHint': 'Applies to reads and confidence only.',
    'stats.show': 'Show', 'stats.badWindow': 'Choose a start before the end, at most 31 days apart.',
    'stats.window': 'From {from} to {to}', 'stats.figures': 'The figures',
    'stats.reads': 'Reads per hour', 'stats.others': 'others', 'stats.total': 'Total', 'stats.readsTotal': 'Reads in this period: {n}.',
    'stats.readsByGantry': 'Reads by gantry', 'stats.readsByHour': 'Reads by hour (hours with reads)', 'stats.hour': 'Hour', 'stats.day': 'Day',
    'stats.noReads': 'No reads in this period.',
    'stats.confidence': 'Confidence bands, share of each hour\u2019s reads (%)', 'stats.low': 'low (< 0.7)', 'stats.medium': 'medium (0.7\u20130.9)',
    'stats.high': 'high (\u2265 0.9)', 'stats.confidenceTotal': 'Of {n} reads: low {low}, medium {medium}, high {high}.', 'stats.band': 'Band',
    'stats.share': 'Share',
    'stats.alerts': 'Alerts per day by outcome', 'stats.alertsTotal': 'Alerts in this period: {n} ({detail}).', 'stats.noAlerts': 'No alerts in this period.',
    'stats.outcome.open': 'open', 'stats.outcome.intercepted': 'intercepted', 'stats.outcome.not-located': 'not located',
    'stats.outcome.misread': 'misread', 'stats.outcome.list-error': 'list error',
    'stats.offline': 'Gantries offline per hour', 'stats.offlineAtEnd': 'offline at the end of the hour', 'stats.maxOffline': 'most offline at once',
    'stats.offlineSummary': 'Offline at the end of the period: {now}; most offline at once: {max}.',
    'stats.noOffline': 'No gantry was offline in this period.', 'stats.offlineHours': 'Hours with a gantry offline' },
  fr: { 'nav.stats': 'Statistiques', 'stats.title': 'Statistiques', 'stats.period': 'Période', 'stats.last24h': 'Dernières 24 heures',
    'stats.last7d': '7 derniers jours', 'stats.last31d': '31 derniers jours', 'stats.custom': 'Période personnalisée', 'stats.from': 'Du', 'stats.to': 'Au',
    'stats.gantry': 'Portique', 'stats.allGantries': 'Tous les portiques', 'stats.gantryHint': 'Ne s\u2019applique qu\u2019aux lectures et à la confiance.',
    'stats.show': 'Afficher', 'stats.badWindow': 'Choisissez un début antérieur à la fin, au plus 31 jours plus tôt.',
    'stats.window': 'Du {from} au {to}', 'stats.figures': 'Les chiffres',
    'stats.reads': 'Lectures par heure', 'stats.others': 'autres', 'stats.total': 'Total', 'stats.readsTotal': 'Lectures sur cette période : {n}.',
    'stats.readsByGantry': 'Lectures par portique', 'stats.readsByHour': 'Lectures par heure (heures avec lectures)', 'stats.hour': 'Heure', 'stats.day': 'Jour',
    'stats.noReads': 'Aucune lecture sur cette période.',
    'stats.confidence': 'Niveaux de confiance, part des lectures de chaque heure (%)', 'stats.low': 'faible (< 0,7)', 'stats.medium': 'moyen (0,7\u20130,9)',
    'stats.high': 'élevé (\u2265 0,9)', 'stats.confidenceTotal': 'Sur {n} lectures : faible {low}, moyen {medium}, élevé {high}.', 'stats.band': 'Niveau',
    'stats.share': 'Part',
    'stats.alerts': 'Alertes par jour selon le résultat', 'stats.alertsTotal': 'Alertes sur cette période : {n} ({detail}).', 'stats.noAlerts': 'Aucune alerte sur cette période.',
    'stats.outcome.open': 'ouverte', 'stats.outcome.intercepted': 'intercepté', 'stats.outcome.not-located': 'non localisé',
    'stats.outcome.misread': 'mauvaise lecture', 'stats.outcome.list-error': 'erreur de liste',
    'stats.offline': 'Portiques hors ligne par heure', 'stats.offlineAtEnd': 'hors ligne à la fin de l\u2019heure', 'stats.maxOffline': 'maximum hors ligne simultanément',
    'stats.offlineSummary': 'Hors ligne à la fin de la période : {now} ; maximum simultané : {max}.',
    'stats.noOffline': 'Aucun portique n\u2019a été hors ligne sur cette période.', 'stats.offlineHours': 'Heures avec un portique hors ligne' },
  nl: { 'nav.stats': 'Statistieken', 'stats.title': 'Statistieken', 'stats.period': 'Periode', 'stats.last24h': 'Laatste 24 uur',
    'stats.last7d': 'Laatste 7 dagen', 'stats.last31d': 'Laatste 31 dagen', 'stats.custom': 'Aangepaste periode', 'stats.from': 'Van', 'stats.to': 'Tot',
    'stats.gantry': 'Portaal', 'stats.allGantries': 'Alle portalen', 'stats.gantryHint': 'Geldt alleen voor lezingen en betrouwbaarheid.',
    'stats.show': 'Tonen', 'stats.badWindow': 'Kies een begin vóór het einde, hoogstens 31 dagen ervoor.',
    'stats.window': 'Van {from} tot {to}', 'stats.figures': 'De cijfers',
    'stats.reads': 'Lezingen per uur', 'stats.others': 'overige', 'stats.total': 'Totaal', 'stats.readsTotal': 'Lezingen in deze periode: {n}.',
    'stats.readsByGantry': 'Lezingen per portaal', 'stats.readsByHour': 'Lezingen per uur (uren met lezingen)', 'stats.hour': 'Uur', 'stats.day': 'Dag',
    'stats.noReads': 'Geen lezingen in deze periode.',
    'stats.confidence': 'Betrouwbaarheidsklassen, aandeel van de lezingen per uur (%)', 'stats.low': 'laag (< 0,7)', 'stats.medium': 'middel (0,7\u20130,9)',
    'stats.high': 'hoog (\u2265 0,9)', 'stats.confidenceTotal': 'Van {n} lezingen: laag {low}, middel {medium}, hoog {high}.', 'stats.band': 'Klasse',
    'stats.share': 'Aandeel',
    'stats.alerts': 'Alarmen per dag per uitkomst', 'stats.alertsTotal': 'Alarmen in deze periode: {n} ({detail}).', 'stats.noAlerts': 'Geen alarmen in deze periode.',
    'stats.outcome.open': 'open', 'stats.outcome.intercepted': 'onderschept', 'stats.outcome.not-located': 'niet gevonden',
    'stats.outcome.misread': 'verkeerd gelezen', 'stats.outcome.list-error': 'fout in de lijst',
    'stats.offline': 'Portalen offline per uur', 'stats.offlineAtEnd': 'offline aan het einde van het uur', 'stats.maxOffline': 'hoogstens tegelijk offline',
    'stats.offlineSummary': 'Offline aan het einde van de periode: {now}; hoogstens tegelijk offline: {max}.',
    'stats.noOffline': 'Geen enkel portaal was offline in deze periode.', 'stats.offlineHours': 'Uren met een portaal offline' },
});

const HOUR = 3_600_000;
const DAY = 86_400_000;
const WINDOWS = { '24h': 24 * HOUR, '7d': 7 * DAY, '31d': 31 * DAY };
const MAX_WINDOW = 31 * DAY;
const CHART_HEIGHT = 220;
const TOP = 6; // gantries drawn on their own; the rest are summed as "others"
const OUTCOMES = ['open', 'intercepted', 'not-located', 'misread', 'list-error'];
const BANDS = ['low', 'medium', 'high'];

const num = (v) => Number(v).toLocaleString(language());
const pct = (v) => Number(v).toLocaleString(language(), { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const hourText = (ms) => new Date(ms).toLocaleString(language(), { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

/** Starts of every {@code step} from {@code from} (rounded down to the step, UTC) until {@code to}, in ms. */
function steps(from, to, step) {
  const out = [];
  for (let x = Math.floor(from / step) * step; x < to; x += step) out.push(x);
  return out;
}

function table(caption, head, rows, attrs) {
  const wrap = h('div', { class: 'table-scroll' },
    h('table', { class: 'data', ...(attrs || {}) },
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, head.map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, rows.map((r) => h('tr', r.attrs || {}, r.cells.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, c) : h('td', {}, c))))))));
  wrap.style.overflowX = 'auto';
  wrap.style.marginTop = '.4rem';
  return wrap;
}

function figures(...content) {
  return h('details', { class: 'figures' }, h('summary', {}, t('stats.figures')), content);
}

export default {
  id: 'stats',
  label: 'nav.stats',
  roles: ['viewer', 'dispatcher', 'investigator', 'hotlist-manager', 'admin'],
  render(main, ctx) {
    let disposed = false;
    let generation = 0;
    let plots = []; // [{plot, cell}]

    const initialWindow = ctx.params.get('window') in WINDOWS || ctx.params.get('window') === 'custom' ? ctx.params.get('window') : '24h';
    const period = h('select', { name: 'window', onchange: () => showCustom() },
      [...Object.keys(WINDOWS), 'custom'].map((w) => h('option', { value: w, selected: w === initialWindow },
        t(w === 'custom' ? 'stats.custom' : 'stats.last' + w))));
    const now = new Date();
    const fromInput = h('input', { type: 'datetime-local', name: 'from',
      value: localInput(ctx.params.get('from') ? new Date(ctx.params.get('from')) : new Date(now.getTime() - DAY)) });
    const toInput = h('input', { type: 'datetime-local', name: 'to', value: localInput(ctx.params.get('to') ? new Date(ctx.params.get('to')) : now) });
    const gantry = h('select', { name: 'gantry' }, h('option', { value: '' }, t('stats.allGantries')));
    const fromField = field(t('stats.from'), fromInput);
    const toField = field(t('stats.to'), toInput);
    const status = h('div', { class: 'status' });
    const windowText = h('p', { class: 'hint window' });
    const cells = {};
    for (const k of ['reads', 'alerts', 'confidence', 'offline']) {
      cells[k] = h('section', { class: 'chart-cell ' + k, 'aria-label': t('stats.' + k) });
      cells[k].style.minWidth = '0';
    }
    const form = h('form', {
      class: 'filters',
      onsubmit: (e) => {
        e.preventDefault();
        load();
      },
    }, field(t('stats.period'), period), fromField, toField,
    field(t('stats.gantry'), gantry, t('stats.gantryHint')),
    h('button', { type: 'submit', class: 'primary' }, t('stats.show')));
    main.append(h('h2', {}, t('stats.title')), form, status, windowText,
      h('div', { class: 'grid2 charts' }, cells.reads, cells.alerts, cells.confidence, cells.offline));

    function showCustom() {
      const custom = period.value === 'custom';
      // .field sets display, which would override the hidden attribute
      fromField.style.display = custom ? '' : 'none';
      toField.style.display = custom ? '' : 'none';
    }
    showCustom();

    get('/api/v1/fleet').then((fleet) => {
      if (disposed) return;
      const wanted = ctx.params.get('gantry') || '';
      const ids = fleet.items.map((g) => g.gantryId);
      if (wanted && !ids.includes(wanted)) fleet.items.push({ gantryId: wanted });
      gantry.append(...fleet.items.map((g) => h('option', { value: g.gantryId, selected: g.gantryId === wanted },
        g.name && g.name !== g.gantryId ? g.name + ' (' + g.gantryId + ')' : g.gantryId)));
    }).catch(() => {
      // without the list the filter offers all gantries only; the charts still load
    });

    function windowOf() {
      if (period.value === 'custom') {
        const from = Date.parse(instant(fromInput.value));
        const to = Date.parse(instant(toInput.value));
        if (!(from < to) || to - from > MAX_WINDOW) return null;
        return { from, to };
      }
      const to = Date.now();
      return { from: to - WINDOWS[period.value], to };
    }

    function destroyPlots() {
      for (const p of plots) p.plot.destroy();
      plots = [];
      for (const c of Object.values(cells)) clear(c);
    }

    /**
     * A chart in {@code cell}; bars ({@code step} given) get one more x at the end so that the last
     * bucket has its width too (a stepped path ends at the last point).
     */
    function chart(cell, title, xs, series, opts = {}) {
      let x = xs;
      let s = series;
      if (opts.step && xs.length) {
        x = [...xs, xs[xs.length - 1] + opts.step];
        s = series.map((one) => ({ ...one, values: [...one.values, one.values[one.values.length - 1]] }));
      }
      const plot = timeChart(cell, title, x.map((v) => v / 1000), s, { height: CHART_HEIGHT, bars: !!opts.step });
      // the figure's default side margins (40px) are not reset by .chart: without this it overflows its cell
      plot.root.parentElement.style.margin = '0 0 .5rem';
      plots.push({ plot, cell });
      return plot;
    }

    function drawReads(stats, w) {
      const hours = steps(w.from, w.to, HOUR);
      const index = new Map(hours.map((x, i) => [x, i]));
      const totals = new Map(); // gantry -> {reads, low, medium, high}
      const byHour = new Map(); // hour ms -> {gantry -> reads, bands}
      for (const b of stats.items) {
        const t0 = totals.get(b.gantryId) || { reads: 0, low: 0, medium: 0, high: 0 };
        for (const k of ['reads', ...BANDS]) t0[k] += b[k];
        totals.set(b.gantryId, t0);
      }
      const ranked = [...totals.entries()].sort((a, b) => b[1].reads - a[1].reads || (a[0] < b[0] ? -1 : 1)).map(([g]) => g);
      const shown = ranked.length > TOP + 1 ? ranked.slice(0, TOP) : ranked;
      const others = ranked.length > shown.length;
      const columns = [...shown, ...(others ? [null] : [])]; // null: the others
      const values = columns.map(() => hours.map(() => 0));
      const bands = Object.fromEntries(BANDS.map((k) => [k, hours.map(() => 0)]));
      const all = hours.map(() => 0);
      for (const b of stats.items) {
        const at = Date.parse(b.hour);
        const i = index.get(at);
        if (i === undefined) continue;
        const c = shown.indexOf(b.gantryId);
        values[c < 0 ? columns.length - 1 : c][i] += b.reads;
        all[i] += b.reads;
        for (const k of BANDS) bands[k][i] += b[k];
        const row = byHour.get(at) || {};
        row[b.gantryId] = (row[b.gantryId] || 0) + b.reads;
        byHour.set(at, row);
      }
      const names = columns.map((g) => (g === null ? t('stats.others') : g));
      const series = columns.length ? names.map((label, i) => ({ label, values: values[i] })) : [{ label: t('stats.total'), values: all }];
      chart(cells.reads, t('stats.reads'), hours, series);
      const total = stats.confidence.reads;
      cells.reads.append(h('p', { class: 'hint summary' }, total ? t('stats.readsTotal', { n: num(total) }) : t('stats.noReads')));
      const hourRows = hours.map((x, i) => ({ x, i })).filter(({ i }) => all[i] > 0).map(({ x, i }) => ({
        attrs: { dataset: { hour: new Date(x).toISOString() } },
        cells: [hourText(x), ...columns.map((_, c) => num(values[c][i])), num(all[i])],
      }));
      cells.reads.append(figures(
        table(t('stats.readsByGantry'), [t('stats.gantry'), t('stats.total'), ...BANDS.map((k) => t('stats.' + k))],
          ranked.map((g) => ({ attrs: { dataset: { gantry: g } },
            cells: [g, num(totals.get(g).reads), ...BANDS.map((k) => num(totals.get(g)[k]))] })), { 'data-table': 'reads-by-gantry' }),
        hourRows.length
          ? table(t('stats.readsByHour'), [t('stats.hour'), ...names, t('stats.total')], hourRows, { 'data-table': 'reads-by-hour' })
          : h('p', { class: 'empty' }, t('stats.noReads'))));

      // the confidence bands: each hour's share, and the whole period's as text
      const share = (k) => hours.map((_, i) => (all[i] ? Math.round((bands[k][i] / all[i]) * 1000) / 10 : null));
      const bandsPlot = chart(cells.confidence, t('stats.confidence'), hours, BANDS.map((k) => ({ label: t('stats.' + k), values: share(k) })),
        { step: HOUR });
      bandsPlot.setScale('y', { min: 0, max: 100 });
      const c = stats.confidence;
      cells.confidence.append(h('p', { class: 'summary confidence-total' }, total
        ? t('stats.confidenceTotal', { n: num(total), low: pct(c.low), medium: pct(c.medium), high: pct(c.high) })
        : t('stats.noReads')));
      const bandTotal = (k) => ranked.reduce((s, g) => s + totals.get(g)[k], 0);
      cells.confidence.append(figures(
        table(t('stats.confidence'), [t('stats.band'), t('stats.total'), t('stats.share')],
          BANDS.map((k) => ({ attrs: { dataset: { band: k } }, cells: [t('stats.' + k), num(bandTotal(k)), pct(c[k])] })), { 'data-table': 'confidence' }),
        hourRows.length
          ? table(t('stats.readsByHour'), [t('stats.hour'), t('stats.total'), ...BANDS.map((k) => t('stats.' + k))],
            hours.map((x, i) => ({ x, i })).filter(({ i }) => all[i] > 0)
              .map(({ x, i }) => ({ cells: [hourText(x), num(all[i]), ...BANDS.map((k) => num(bands[k][i]))] })))
          : null));
    }

    function drawAlerts(stats, w) {
      const days = steps(w.from, w.to, DAY);
      const index = new Map(days.map((x, i) => [x, i]));
      const present = OUTCOMES.filter((o) => stats.items.some((d) => d.outcome === o));
      for (const d of stats.items) if (!present.includes(d.outcome)) present.push(d.outcome); // one the console does not know yet
      const values = Object.fromEntries(present.map((o) => [o, days.map(() => 0)]));
      const perDay = days.map(() => 0);
      let total = 0;
      for (const d of stats.items) {
        const i = index.get(Date.parse(d.day + 'T00:00:00Z'));
        if (i === undefined) continue;
        values[d.outcome][i] += d.alerts;
        perDay[i] += d.alerts;
        total += d.alerts;
      }
      const outcomeLabel = (o) => (OUTCOMES.includes(o) ? t('stats.outcome.' + o) : o);
      const series = present.length ? present.map((o) => ({ label: outcomeLabel(o), values: values[o] }))
        : [{ label: t('stats.total'), values: perDay }];
      chart(cells.alerts, t('stats.alerts'), days, series, { step: DAY });
      const byOutcome = present.map((o) => outcomeLabel(o) + (language() === 'fr' ? '\u00a0: ' : ': ') + num(values[o].reduce((a, b) => a + b, 0))).join(', ');
      cells.alerts.append(h('p', { class: 'hint summary' }, total ? t('stats.alertsTotal', { n: num(total), detail: byOutcome }) : t('stats.noAlerts')));
      const rows = days.map((x, i) => ({ x, i })).filter(({ i }) => perDay[i] > 0).map(({ x, i }) => ({
        attrs: { dataset: { day: new Date(x).toISOString().slice(0, 10) } },
        cells: [new Date(x).toISOString().slice(0, 10), ...present.map((o) => num(values[o][i])), num(perDay[i])],
      }));
      cells.alerts.append(figures(rows.length
        ? table(t('stats.alerts'), [t('stats.day'), ...present.map(outcomeLabel), t('stats.total')], rows, { 'data-table': 'alerts' })
        : h('p', { class: 'empty' }, t('stats.noAlerts'))));
    }

    function drawOffline(stats) {
      const xs = stats.items.map((b) => Date.parse(b.hour));
      chart(cells.offline, t('stats.offline'), xs, [
        { label: t('stats.offlineAtEnd'), values: stats.items.map((b) => b.offline) },
        { label: t('stats.maxOffline'), values: stats.items.map((b) => b.maxOffline) }], { step: HOUR });
      const last = stats.items.length ? stats.items[stats.items.length - 1].offline : 0;
      const max = stats.items.reduce((m, b) => Math.max(m, b.maxOffline), 0);
      cells.offline.append(h('p', { class: 'hint summary' }, max ? t('stats.offlineSummary', { now: num(last), max: num(max) }) : t('stats.noOffline')));
      const rows = stats.items.filter((b) => b.offline > 0 || b.maxOffline > 0).map((b) => ({
        attrs: { dataset: { hour: b.hour } }, cells: [hourText(Date.parse(b.hour)), num(b.offline), num(b.maxOffline)] }));
      cells.offline.append(figures(rows.length
        ? table(t('stats.offlineHours'), [t('stats.hour'), t('stats.offlineAtEnd'), t('stats.maxOffline')], rows, { 'data-table': 'offline' })
        : h('p', { class: 'empty' }, t('stats.noOffline'))));
    }

    async function load() {
      const w = windowOf();
      if (!w) {
        clear(status).append(notice('error', t('stats.badWindow')));
        return;
      }
      const mine = ++generation;
      const range = { from: new Date(w.from).toISOString(), to: new Date(w.to).toISOString() };
      const params = { window: period.value, gantry: gantry.value, ...(period.value === 'custom' ? range : {}) };
      history.replaceState(null, '', '#/stats' + query(params));
      clear(status).append(notice('info', t('app.loading')));
      try {
        const [reads, alerts, offline] = await Promise.all([
          get('/api/v1/stats/reads' + query({ ...range, gantry: gantry.value })),
          get('/api/v1/stats/alerts' + query(range)),
          get('/api/v1/stats/offline' + query(range))]);
        if (disposed || mine !== generation) return;
        destroyPlots();
        clear(status);
        windowText.textContent = t('stats.window', { from: hourText(w.from), to: hourText(w.to) });
        drawReads(reads, w);
        drawAlerts(alerts, w);
        drawOffline(offline);
      } catch (err) {
        if (!disposed && mine === generation) clear(status).append(notice('error', err.message));
      }
    }

    let resizing = null;
    const onResize = () => {
      clearTimeout(resizing);
      resizing = setTimeout(() => {
        for (const { plot, cell } of plots) plot.setSize({ width: Math.max(320, cell.clientWidth - 24), height: plot.height });
      }, 150);
    };
    window.addEventListener('resize', onResize);
    load();
    return () => {
      disposed = true;
      clearTimeout(resizing);
      window.removeEventListener('resize', onResize);
      destroyPlots();
    };
  },
};
