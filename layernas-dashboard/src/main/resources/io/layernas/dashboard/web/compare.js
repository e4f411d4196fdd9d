'use strict';
// The compare page: the summary table, the mean and 25-75% band curves per strategy (valid and
// test), and where each seed's run ended. A comparison is written once, so it is read once.
const PALETTE = ['#1a5fb4', '#c01c28', '#26a269', '#e66100', '#613583', '#865e3c', '#2190a4', '#a51d2d'];

function numberOrNull(text) {
  return text === '' || text === undefined ? null : Number(text);
}

function curveChart(element, title, curves, header) {
  const column = name => header.indexOf(name);
  const strategies = [...new Set(curves.map(r => r[column('strategy')]))];
  const series = [];
  strategies.forEach((strategy, i) => {
    const rows = curves.filter(r => r[column('strategy')] === strategy && r[column('mean')] !== '');
    const colour = PALETTE[i % PALETTE.length];
    const time = r => Number(r[column('time')]);
    series.push({name: strategy, type: 'line', showSymbol: false, color: colour, z: 3,
      data: rows.map(r => [time(r), numberOrNull(r[column('mean')])])});
    const upper = rows.filter(r => r[column('q75')] !== '').map(r => [time(r), Number(r[column('q75')])]);
    const lower = rows.filter(r => r[column('q25')] !== '').map(r => [time(r), Number(r[column('q25')])]);
    series.push({name: strategy, type: 'custom', silent: true, z: 1, data: upper.concat(lower), tooltip: {show: false},
      renderItem: (params, api) => params.dataIndex !== 0 ? null : {type: 'polygon',
        shape: {points: upper.concat(lower.slice().reverse()).map(p => api.coord(p))},
        style: {fill: colour, opacity: 0.18}}});
  });
  const axis = curves.length ? curves[0][column('axis')] : 'evaluations';
  echarts.init(element).setOption({
    animation: false, title: {text: title, textStyle: {fontSize: 13}}, legend: {top: 22, data: strategies},
    grid: {left: 60, right: 20, top: 60}, tooltip: {trigger: 'axis', valueFormatter: v => LN.num(v, 4)},
    xAxis: {type: 'value', name: axis === 'training_seconds' ? 'training seconds' : 'trials', nameLocation: 'middle', nameGap: 25},
    yAxis: {type: 'value', scale: true}, series: series,
  });
}

async function load() {
  try {
    const c = await LN.get('/api/comparisons/' + encodeURIComponent(LN.pageId()));
    document.title = c.name + ' · LayerNAS';
    LN.replace('comparison-name', c.name);
    if (!c.finished) {
      LN.replace('error', 'This comparison is still running: its tables and curves appear when it ends. Reload then.');
    }
    LN.replace('summary', LN.table(c.summary.header, c.summary.rows.map(row => row.map(v => v === '' ? '–' : v)),
      () => ({class: 'summary-row'})));
    const header = c.curves.header;
    const metric = header.indexOf('metric');
    const charts = document.getElementById('charts');
    for (const [name, title] of [['valid', 'Best objective (validation)'], ['test', 'Test accuracy of the best so far']]) {
      const rows = c.curves.rows.filter(r => r[metric] === name);
      if (rows.length === 0 || rows.every(r => r[header.indexOf('mean')] === '')) continue;
      const element = LN.el('div', {class: 'chart', 'data-metric': name});
      charts.append(element);
      curveChart(element, title, rows, header);
    }
    LN.replace('runs', LN.table(c.runs.header, c.runs.rows));
    LN.replace('config', c.config || '(none)');
  } catch (e) {
    LN.replace('error', 'Cannot load the comparison: ' + e.message);
  }
}
load();
