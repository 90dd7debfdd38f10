// A map that works on a closed network: no tile server, only country outlines from the
// world-atlas package (Natural Earth, 1:50m) drawn by Leaflet, and the gantries on top.
import * as L from './vendor/leaflet/dist/leaflet-src.esm.js';
import { h } from './dom.js';

let outlines = null;

async function countries() {
  if (!outlines) {
    outlines = fetch('/vendor/world-atlas/countries-50m.json').then((r) => r.json())
      .then((topo) => window.topojson.feature(topo, topo.objects.countries));
  }
  return outlines;
}

/**
 * A map in {@code el}, centred on Belgium until points are added.
 * Returns { addPoint(lat, lon, {colour, label, radius}), addLine(latlngs), fit(), remove() }.
 */
export function gantryMap(el) {
  const map = L.map(el, { attributionControl: true, zoomSnap: 0.25, preferCanvas: false }).setView([50.6, 4.6], 7.5);
  // Leaflet measures its container once; a page that lays out after creating the map must tell it.
  const resized = new ResizeObserver(() => map.invalidateSize());
  resized.observe(el);
  map.attributionControl.setPrefix(false).addAttribution('Natural Earth');
  countries().then((geo) => {
    L.geoJSON(geo, { style: { color: '#5c677d', weight: 1.2, fillColor: '#f7f4ec', fillOpacity: 1 }, interactive: false })
      .addTo(map).bringToBack();
  }).catch(() => {
    // outlines are decoration: the points still show on a blank map
  });
  const points = [];
  return {
    leaflet: map,
    addPoint(lat, lon, { colour = '#1d3a6e', label = '', radius = 7 } = {}) {
      const m = L.circleMarker([lat, lon], { radius, color: '#14213d', weight: 1, fillColor: colour, fillOpacity: 0.9 });
      if (label) m.bindTooltip(h('span', {}, label)); // an element, never an HTML string
      m.addTo(map);
      points.push([lat, lon]);
      return m;
    },
    addLine(latlngs, colour = '#1d3a6e') {
      return L.polyline(latlngs, { color: colour, weight: 3, opacity: 0.7 }).addTo(map);
    },
    /** Removes every point and line (before drawing a refreshed set). */
    clear() {
      map.eachLayer((layer) => {
        if (layer instanceof L.CircleMarker || layer instanceof L.Polyline && !(layer instanceof L.Polygon)) map.removeLayer(layer);
      });
      points.length = 0;
    },
    fit() {
      map.invalidateSize();
      if (points.length === 1) map.setView(points[0], 10);
      else if (points.length > 1) map.fitBounds(points, { padding: [30, 30], maxZoom: 12 });
    },
    remove() {
      resized.disconnect();
      map.remove();
    },
  };
}
