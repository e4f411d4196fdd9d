'use strict';
// The run page. It keeps every trial it has received and asks only for those after the last one
// (GET /api/runs/ID/trials?after=N), once a second while the run goes on.
const C = {index: 0, layer: 1, bucket: 2, cost: 3, ok: 4, objective: 5, training: 6, wall: 7, attempts: 8, arch: 9, failure: 10};
const run = {
  id: LN.pageId(), summary: null, trials: [], last: -1, bestCurve: [], best: -Infinity,
  sort: {column: C.index, descending: false}, shown: 100, colour: 'layer', selected: null,
  bucketsAt: 0, chartsAt: 0, bucketsDirty: true,
};
const bestChart = echarts.init(document.getElementById('best-chart'));
const scatterChart = echarts.init(document.getElementById('scatter-chart'));

function target() {
  const t = (run.summary && run.summary.target) || {};
  return [t.low === null || t.low === undefined ? -Infinity : t.low, t.high === null || t.high === undefined ? Infinity : t.high];
}

async function poll() {
  let delay = 1000;
  try {
    const first = run.chartsAt === 0;
    const drawn = first ? whenDrawn() : null;
    const started = performance.now();
    // The summary and the new trials are fetched side by side; trials come 20,000 a request at most.
    // The first time, prefetch.js has asked for them already.
    const prefetched = window.layernasPrefetch;
    window.layernasPrefetch = null;
    const summary = prefetched ? prefetched.summary.catch(() => LN.get(LN.apiRun(run.id))) : LN.get(LN.apiRun(run.id));
    const before = run.trials.length;
    if (prefetched) {
      run.bucketsPrefetched = prefetched.buckets;
      try {
        (await prefetched.pages).forEach(addPage);
      } catch (e) { /* asked for again below, which reports the error */ }
    }
    for (;;) {
      const page = await LN.get(LN.apiRun(run.id) + '/trials?after=' + run.last);
      addPage(page);
      if (page.count < page.limit) break;
    }
    run.summary = await summary;
    const fetched = performance.now();
    renderSummary();
    const summarised = performance.now();
    let charted = summarised;
    if (run.trials.length !== before || run.chartsAt === 0) {
      run.bucketsDirty = true;
      renderCharts();
      charted = performance.now();
      renderTable();
    }
    const rendered = performance.now();
    if (run.bucketsDirty && Date.now() - run.bucketsAt > 3000) await renderBuckets();
    if (first) {
      const bucketed = performance.now();
      await Promise.race([drawn, new Promise(resolve => setTimeout(resolve, 10000))]);
      window.layernasRun.firstLoadMs = performance.now();
      window.layernasRun.firstLoadParts = {start: started, fetch: fetched - started, render: rendered - fetched,
        renderParts: {summary: summarised - fetched, charts: charted - summarised, series: run.seriesMs,
          table: rendered - charted},
        buckets: bucketed - rendered, draw: performance.now() - bucketed};
    }
    LN.replace('error');
    if (run.summary.status !== 'running') delay = 5000;
  } catch (e) {
    LN.replace('error', 'Cannot update: ' + e.message);
    delay = 3000;
  }
  LN.replace('updated', 'updated ' + new Date().toLocaleTimeString());
  setTimeout(poll, delay);
}

/** Resolves once the scatter chart has drawn everything it was given (ECharts may draw large series over several frames). */
function whenDrawn() {
  return new Promise(resolve => {
    const done = () => { scatterChart.off('finished', done); resolve(); };
    scatterChart.on('finished', done);
  });
}

/** Adds the trials of a page that are not there yet (pages asked for side by side may overlap). */
function addPage(page) {
  for (const trial of page.trials) {
    if (trial[C.index] > run.last) {
      run.trials.push(trial);
      run.last = trial[C.index];
    }
  }
  run.last = Math.max(run.last, page.last);
}

/** Extends the best-so-far curve over the trials not yet on it (from the start when the target changed). */
function extendBestCurve() {
  const [low, high] = target();
  if (run.curveTarget !== low + ',' + high) {
    run.curveTarget = low + ',' + high;
    run.bestCurve = [];
    run.best = -Infinity;
    run.curveUpTo = 0;
  }
  for (; run.curveUpTo < run.trials.length; run.curveUpTo++) {
    const trial = run.trials[run.curveUpTo];
    if (trial[C.ok] && trial[C.cost] >= low && trial[C.cost] <= high && trial[C.objective] > run.best) {
      run.best = trial[C.objective];
      run.bestCurve.push([trial[C.index] + 1, run.best]);
    }
  }
}

function renderSummary() {
  const s = run.summary;
  document.title = s.name + ' · LayerNAS';
  LN.replace('run-name', s.name);
  const status = document.getElementById('status');
  status.className = 'status ' + s.status;
  status.textContent = s.status;
  LN.replace('facts',
    LN.fact('space', s.space || '–'), LN.fact('strategy', s.strategy || '–'), LN.fact('evaluator', s.evaluator || '–'),
    LN.fact('cost', (s.costModel || '–') + (s.costUnit ? ' (' + s.costUnit + ')' : '')),
    LN.fact('target', '[' + LN.num(s.target.low) + ', ' + LN.num(s.target.high) + ']'),
    LN.fact('started', LN.time(s.started)), LN.fact('elapsed', LN.duration(s.elapsedSeconds)),
    s.stopReason ? LN.fact('stopped because', s.stopReason) : null,
    s.message ? LN.fact('message', s.message) : null);
  const done = s.done || 0;
  document.getElementById('progress-bar').style.width = (s.budget ? Math.min(100, 100 * done / s.budget) : 0) + '%';
  LN.replace('progress-text', LN.el('b', {id: 'trial-count'}, String(done)), ' trials',
    s.budget ? ' of ' + s.budget : '', ' (', LN.el('span', {id: 'failed-count'}, String(s.failed || 0)), ' failed)',
    s.etaSeconds !== null && s.etaSeconds !== undefined ? ', about ' + LN.duration(s.etaSeconds) + ' to go' : '');
  LN.replace('best-box',
    LN.fact('best objective', s.best ? LN.num(s.best.objective, 4) : 'none in the target yet', 'best-objective'),
    LN.fact('its cost', s.best ? LN.num(s.best.cost) + ' ' + (s.costUnit || '') : '–'),
    LN.fact('found at trial', s.best ? '#' + s.best.index : '–'),
    LN.fact('architecture', s.best ? s.best.architecture : '–'),
    LN.fact('baseline', s.baseline ? LN.num(s.baseline.objective, 4) + ' at ' + LN.num(s.baseline.cost) + ' ' + (s.costUnit || '')
      + (s.baselineText ? ' (' + s.baselineText + ')' : '') : 'not evaluated (yet)', 'baseline'));
  LN.replace('k', String(s.perBucket));
  renderProvenance(s);
}

/**
 * The front: going up the cost axis, each cost at which a succeeded trial beats every cheaper one.
 * The best objective per distinct cost, then the costs sorted natively (a typed array sorts numbers
 * without a comparator) instead of every trial sorted with one.
 */
function front() {
  const best = new Map();
  for (const t of run.trials) {
    if (!t[C.ok] || t[C.cost] === null || t[C.objective] === null) continue;
    const kept = best.get(t[C.cost]);
    if (kept === undefined || t[C.objective] > kept) best.set(t[C.cost], t[C.objective]);
  }
  const line = [];
  let top = -Infinity;
  for (const cost of Float64Array.from(best.keys()).sort()) {
    const objective = best.get(cost);
    if (objective > top) {
      top = objective;
      line.push([cost, objective]);
    }
  }
  return line;
}

/**
 * The scatter's series: one per layer (or one for all, coloured by time), each a flat Float64Array of
 * (cost, objective, trial index) per succeeded trial, which ECharts takes without a per-point object.
 */
function scatterSeries() {
  const byTime = run.colour === 'time';
  const counts = new Map();
  for (const t of run.trials) {
    if (t[C.ok]) counts.set(byTime ? 'all' : t[C.layer], (counts.get(byTime ? 'all' : t[C.layer]) || 0) + 1);
  }
  const filled = new Map([...counts].map(([key, n]) => [key, {data: new Float64Array(3 * n), at: 0}]));
  for (const t of run.trials) {
    if (!t[C.ok]) continue;
    const series = filled.get(byTime ? 'all' : t[C.layer]);
    series.data[series.at++] = t[C.cost] === null ? NaN : t[C.cost];
    series.data[series.at++] = t[C.objective];
    series.data[series.at++] = t[C.index];
  }
  const series = (id, name, data) => ({id: id, name: name, type: 'scatter', symbolSize: 4, large: true,
    largeThreshold: 5000, dimensions: ['cost', 'objective', 'index'], data: data});
  if (byTime) return [series('points-all', 'trials', filled.has('all') ? filled.get('all').data : new Float64Array(0))];
  return [...filled.keys()].sort((a, b) => a - b).map(layer => series('points-layer-' + layer,
    layer < 0 ? 'no layer' : 'layer ' + layer, filled.get(layer).data));
}

function tooltip(params) {
  const t = run.trials[params.value[2]];
  if (!t) return '';
  return '#' + t[C.index] + ' · layer ' + t[C.layer] + ' · bucket ' + t[C.bucket] + '<br>' + LN.esc(t[C.arch])
    + '<br>cost ' + LN.esc(LN.num(t[C.cost])) + ', objective ' + LN.esc(LN.num(t[C.objective], 4));
}

function renderCharts() {
  // A large run redraws its charts at most every 2 s.
  if (run.trials.length > 20000 && Date.now() - run.chartsAt < 2000 && run.chartsAt !== 0) return;
  run.chartsAt = Date.now();
  extendBestCurve();
  const [low, high] = target();
  const last = run.trials.length;
  const curve = run.bestCurve.length ? run.bestCurve.concat([[last, run.best]]) : [];
  bestChart.setOption({
    animation: false, title: {text: 'Best objective in the target, by trial', textStyle: {fontSize: 13}},
    tooltip: {trigger: 'axis'}, grid: {left: 60, right: 20},
    xAxis: {type: 'value', name: 'trials', nameLocation: 'middle', nameGap: 25, min: 0},
    yAxis: {type: 'value', scale: true, name: 'objective'},
    series: [{id: 'best', type: 'line', step: 'end', showSymbol: false, data: curve}],
  });
  const band = isFinite(low) || isFinite(high) ? {silent: true, itemStyle: {color: 'rgba(46, 194, 126, 0.15)'},
    data: [[{xAxis: isFinite(low) ? low : 'min'}, {xAxis: isFinite(high) ? high : 'max'}]]} : undefined;
  const began = performance.now();
  const series = scatterSeries();
  const frontLine = front();
  run.seriesMs = performance.now() - began;
  series.push({id: 'front', name: 'front', type: 'line', step: 'end', showSymbol: false, data: frontLine,
    lineStyle: {color: '#333', width: 1.5}, z: 5, markArea: band, tooltip: {show: false}});
  const summary = run.summary || {};
  const marks = [['best', summary.best, '#c01c28'], ['baseline', summary.baseline, '#ff7800']];
  for (const [name, trial, colour] of marks) {
    series.push({id: 'mark-' + name, name: name, type: 'scatter', symbol: 'diamond', symbolSize: 13, z: 10,
      itemStyle: {color: colour}, data: trial ? [[trial.cost, trial.objective, trial.index]] : []});
  }
  scatterChart.setOption({
    animation: false, title: {text: 'Cost against objective (succeeded trials)', textStyle: {fontSize: 13}},
    legend: {type: 'scroll', top: 22}, grid: {left: 60, right: 20, top: 60},
    tooltip: {trigger: 'item', formatter: tooltip},
    xAxis: {type: 'value', scale: true, name: 'cost (' + (summary.costUnit || 'cost model unit') + ')', nameLocation: 'middle', nameGap: 25}, yAxis: {type: 'value', scale: true, name: 'objective'},
    visualMap: run.colour === 'time' ? [{type: 'continuous', dimension: 2, seriesIndex: 0, min: 0, max: Math.max(1, last),
      inRange: {color: ['#c6dbef', '#08306b']}, show: false}] : [],
    series: series,
  }, {replaceMerge: ['series', 'visualMap']});
}

/** For tests and curious users: the points the scatter chart holds, read back from the chart. */
function scatterPointCount() {
  return scatterChart.getOption().series.filter(s => String(s.id).startsWith('points-'))
    .reduce((sum, s) => sum + s.data.length / s.dimensions.length, 0);
}
// firstLoadMs: milliseconds from navigation until the first complete load was drawn (docs/performance.md).
window.layernasRun = {scatterPointCount, trialsReceived: () => run.trials.length, firstLoadMs: undefined,
  frontPoints: () => scatterChart.getOption().series.find(s => s.id === 'front').data};

async function renderBuckets() {
  run.bucketsAt = Date.now();
  run.bucketsDirty = false;
  const prefetched = run.bucketsPrefetched;
  run.bucketsPrefetched = null;
  const data = await (prefetched ? prefetched.catch(() => LN.get(LN.apiRun(run.id) + '/buckets'))
    : LN.get(LN.apiRun(run.id) + '/buckets'));
  const container = document.getElementById('buckets');
  if (data.buckets.length === 0) {
    container.replaceChildren(LN.el('p', {class: 'muted'}, 'No trials with a layer and bucket: this strategy does not search layer by layer.'));
    return;
  }
  const min = Math.min(...data.buckets.map(b => b.minCost));
  const max = Math.max(...data.buckets.map(b => b.maxCost));
  const x = cost => (100 * (cost - min) / Math.max(1e-12, max - min)).toFixed(3) + '%';
  const layers = [...new Set(data.buckets.map(b => b.layer))].sort((a, b) => a - b);
  const open = new Set([...container.querySelectorAll('details[open]')].map(d => d.dataset.layer));
  const [low, high] = target();
  container.replaceChildren(...layers.map(layer => {
    const buckets = data.buckets.filter(b => b.layer === layer);
    const strip = LN.el('div', {class: 'strip', title: 'cost ' + LN.num(min) + ' to ' + LN.num(max)});
    if (isFinite(low) || isFinite(high)) {
      const band = LN.el('div', {class: 'band'});
      band.style.left = x(Math.max(min, low));
      band.style.width = x(Math.min(max, high) - Math.max(min, low) + min);
      strip.append(band);
    }
    for (const b of buckets) {
      const segment = LN.el('div', {class: b.best.length ? '' : 'empty', title: 'bucket ' + b.bucket + ': cost '
        + LN.num(b.minCost) + ' to ' + LN.num(b.maxCost) + ', ' + b.trials + ' trials',
      'data-layer': layer, 'data-bucket': b.bucket, 'data-best': b.best.map(t => t.index).join(' ')});
      segment.style.left = x(b.minCost);
      segment.style.width = x(b.maxCost - b.minCost + min);
      strip.append(segment);
    }
    // A layer's table is built when it is opened: a large run has a thousand buckets.
    const table = () => LN.table(['bucket', 'cost range of its trials', 'trials', 'succeeded', 'k best (trial: objective)'],
      buckets.map(b => [b.bucket, LN.num(b.minCost) + ' – ' + LN.num(b.maxCost), b.trials, b.succeeded,
        b.best.map(t => '#' + t.index + ': ' + LN.num(t.objective, 4)).join(', ') || '–']),
      (row, i) => ({'data-layer': layer, 'data-bucket': buckets[i].bucket,
        'data-best': buckets[i].best.map(t => t.index).join(' ')}));
    const details = LN.el('details', {'data-layer': layer, class: 'layer'},
      LN.el('summary', {}, 'layer ' + layer + ': ' + buckets.length + ' buckets, '
        + buckets.reduce((n, b) => n + b.trials, 0) + ' trials', strip));
    details.addEventListener('toggle', () => {
      if (details.open && !details.querySelector('table')) details.append(table());
    });
    if (open.has(String(layer))) {
      details.open = true;
      details.append(table());
    }
    return details;
  }));
}

function tableRows() {
  const text = document.getElementById('filter').value.toLowerCase();
  const status = document.getElementById('status-filter').value;
  if (!text && status === 'all' && run.sort.column === C.index && !run.sort.descending) return run.trials;
  const rows = run.trials.filter(t => (status === 'all' || (status === 'succeeded') === Boolean(t[C.ok]))
    && (!text || t[C.arch].toLowerCase().includes(text) || String(t[C.failure] || '').toLowerCase().includes(text)));
  const {column, descending} = run.sort;
  const key = t => t[column] === null ? -Infinity : t[column];
  rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a[C.index] - b[C.index]) * (descending ? -1 : 1));
  return rows;
}

const COLUMNS = [['#', C.index], ['layer', C.layer], ['bucket', C.bucket], ['cost', C.cost], ['status', C.ok],
  ['objective', C.objective], ['wall s', C.wall], ['architecture', C.arch], ['failure', C.failure]];

function renderTable() {
  const rows = tableRows();
  const shown = rows.slice(0, run.shown);
  const head = LN.el('tr', {}, ...COLUMNS.map(([label, column]) => LN.el('th', {class: 'sortable', 'data-column': column,
    onclick: () => {
      run.sort = {column, descending: run.sort.column === column ? !run.sort.descending : column === C.objective};
      renderTable();
    }}, label + (run.sort.column === column ? (run.sort.descending ? ' ▼' : ' ▲') : ''))));
  const body = shown.map(t => LN.el('tr', {class: 'selectable' + (t[C.ok] ? '' : ' failed'), 'data-index': t[C.index],
    onclick: () => showTrial(t[C.index])},
  LN.el('td', {class: 'num'}, t[C.index]), LN.el('td', {class: 'num'}, t[C.layer]), LN.el('td', {class: 'num'}, t[C.bucket]),
  LN.el('td', {class: 'num'}, LN.num(t[C.cost])), LN.el('td', {}, t[C.ok] ? 'succeeded' : 'failed'),
  LN.el('td', {class: 'num'}, LN.num(t[C.objective], 4)), LN.el('td', {class: 'num'}, LN.num(t[C.wall], 2)),
  LN.el('td', {}, t[C.arch]), LN.el('td', {class: 'failure'}, t[C.failure] ? String(t[C.failure]).slice(0, 120) : '')));
  LN.replace('trials', LN.el('table', {id: 'trials-table'}, LN.el('thead', {}, head), LN.el('tbody', {}, ...body)));
  LN.replace('table-count', 'showing ' + shown.length + ' of ' + rows.length + ' matching, ' + run.trials.length + ' in all');
  document.getElementById('more').hidden = shown.length >= rows.length;
}

async function showTrial(index) {
  run.selected = index;
  const container = document.getElementById('detail');
  try {
    const t = await LN.get(LN.apiRun(run.id) + '/trials/' + index);
    const facts = [['trial', '#' + t.index], ['status', t.succeeded ? 'succeeded' : 'failed'], ['layer', t.layer],
      ['bucket', t.bucket], ['cost', LN.num(t.cost) + ' ' + (run.summary.costUnit || '')], ['objective', LN.num(t.objective, 6)],
      ['training seconds', LN.num(t.trainingSeconds, 2)], ['wall seconds', LN.num(t.wallSeconds, 3)], ['attempts', t.attempts],
      ['architecture', t.architecture]];
    container.replaceChildren(...[
      LN.el('div', {class: 'facts'}, ...facts.map(([label, value]) => LN.fact(label, value))),
      ...architectureDetail(t),
      LN.el('h3', {}, 'Metrics'),
      Object.keys(t.metrics).length ? LN.table(['metric', 'value'], Object.entries(t.metrics).map(([k, v]) => [k, LN.num(v, 6)]))
        : LN.el('p', {class: 'muted'}, 'none'),
      LN.el('h3', {}, 'Evaluator\u2019s log (its last lines)'),
      t.log ? LN.el('pre', {id: 'trial-log'}, t.log)
        : LN.el('p', {class: 'muted'}, t.failure ? 'see the failure below' : 'none: this evaluator logged nothing'),
      t.failure ? LN.el('h3', {}, 'Failure (with the evaluator\u2019s log tail, when it gave one)') : null,
      t.failure ? LN.el('pre', {id: 'failure-reason'}, t.failure) : null].filter(Boolean));
  } catch (e) {
    container.replaceChildren(LN.el('p', {class: 'error'}, 'Cannot load trial #' + index + ': ' + e.message));
  }
}

/** The architecture layer by layer as `layernas describe` shows it, else its option indices and why. */
function architectureDetail(t) {
  if (t.description) {
    return [LN.el('h3', {}, 'Layer by layer (layernas describe)'), LN.el('pre', {id: 'trial-description'}, t.description)];
  }
  return [LN.el('h3', {}, 'Choice per layer'),
    LN.el('p', {class: 'muted', id: 'description-reason'}, 'Option indices only: ' + (t.descriptionUnavailable || 'no description')),
    LN.table(['layer', 'option index'], t.choices.map((choice, layer) => [layer, choice]))];
}

let provenanceShown = false;
function renderProvenance(s) {
  if (provenanceShown && s.status === 'running') return;
  provenanceShown = true;
  LN.replace('provenance',
    LN.el('h3', {}, 'config.yaml'), LN.el('pre', {id: 'config'}, s.config || '(none)'),
    s.statusFile ? LN.el('h3', {}, 'status.properties') : null,
    s.statusFile ? LN.table(['key', 'value'], Object.entries(s.statusFile)) : null,
    s.provenance ? LN.el('h3', {}, 'Versions, plugins and data file checksums (result.json)') : null,
    s.provenance ? LN.el('pre', {}, JSON.stringify({versions: s.provenance.versions, plugins: s.provenance.plugins,
      dataFiles: s.provenance.dataFiles, seed: s.provenance.seed, run: s.provenance.run}, null, 2)) : null);
}

document.getElementById('filter').addEventListener('input', () => { run.shown = 100; renderTable(); });
document.getElementById('status-filter').addEventListener('change', () => { run.shown = 100; renderTable(); });
document.getElementById('more').addEventListener('click', () => { run.shown += 100; renderTable(); });
for (const radio of document.querySelectorAll('input[name=colour]')) {
  radio.addEventListener('change', () => { run.colour = radio.value; run.chartsAt = 0; renderCharts(); });
}
poll();
