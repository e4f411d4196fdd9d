'use strict';
// Helpers shared by the pages. Every string from a run reaches the page as text (textContent,
// never innerHTML); tooltips, the one place a chart takes HTML, go through LN.esc.
const LN = {
  async get(url) {
    const response = await fetch(url, {headers: {Accept: 'application/json'}});
    if (!response.ok) {
      let message = response.status + ' ' + response.statusText;
      try { message = (await response.json()).error || message; } catch (e) { /* not JSON */ }
      throw new Error(message);
    }
    return response.json();
  },
  el(tag, attributes, ...children) {
    const element = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes || {})) {
      if (value === undefined || value === null) continue;
      if (key === 'class') element.className = value;
      else if (key === 'onclick') element.addEventListener('click', value);
      else element.setAttribute(key, String(value));
    }
    for (const child of children) {
      if (child === undefined || child === null) continue;
      element.append(child instanceof Node ? child : String(child));
    }
    return element;
  },
  esc(text) {
    return String(text).replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
  },
  num(value, digits) {
    if (value === null || value === undefined || !isFinite(value)) return '–';
    const x = Number(value);
    if (digits !== undefined) return x.toFixed(digits);
    if (x !== 0 && (Math.abs(x) >= 1e6 || Math.abs(x) < 1e-3)) return x.toExponential(3);
    return String(Math.round(x * 10000) / 10000);
  },
  duration(seconds) {
    if (seconds === null || seconds === undefined || !isFinite(seconds)) return '–';
    const s = Math.round(seconds);
    if (s < 60) return s + ' s';
    if (s < 3600) return Math.floor(s / 60) + ' min ' + (s % 60) + ' s';
    if (s < 86400) return Math.floor(s / 3600) + ' h ' + Math.floor((s % 3600) / 60) + ' min';
    return Math.floor(s / 86400) + ' d ' + Math.floor((s % 86400) / 3600) + ' h';
  },
  time(iso) {
    return iso ? new Date(iso).toLocaleString() : '–';
  },
  pageId() {
    return decodeURIComponent(location.pathname.split('/').pop());
  },
  runUrl(id) { return '/runs/' + encodeURIComponent(id); },
  apiRun(id) { return '/api/runs/' + encodeURIComponent(id); },
  status(text) { return LN.el('span', {class: 'status ' + String(text).replace(/[^a-z]/g, ''), id: 'status'}, text); },
  fact(label, value, id) { return LN.el('div', {}, LN.el('span', {}, label), LN.el('b', {id: id}, value)); },
  replace(id, ...children) {
    const element = document.getElementById(id);
    element.replaceChildren(...children.filter(c => c !== null && c !== undefined));
    return element;
  },
  table(header, rows, rowAttributes) {
    return LN.el('table', {}, LN.el('thead', {}, LN.el('tr', {}, ...header.map(h => LN.el('th', {}, h)))),
      LN.el('tbody', {}, ...rows.map((row, i) => LN.el('tr', rowAttributes ? rowAttributes(row, i) : {},
        ...row.map(cell => LN.el('td', {class: typeof cell === 'number' ? 'num' : null}, cell))))));
  },
};
