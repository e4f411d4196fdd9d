'use strict';
// The runs page: every run and comparison under the served directories, refreshed every 3 s.
async function refresh() {
  try {
    const data = await LN.get('/api/runs');
    LN.replace('roots', 'serving ' + data.roots.join(', '));
    LN.replace('error');
    LN.replace('runs', data.runs.length === 0 ? LN.el('p', {class: 'muted'}, 'No runs yet. Start one with ./layernas run CONFIG.') :
      LN.table(['run', 'status', 'space', 'strategy', 'trials', 'best objective', 'its cost', 'started', 'elapsed'],
        data.runs.map(run => [
          LN.el('a', {href: LN.runUrl(run.id), class: 'run-link'}, run.name),
          LN.status(run.status),
          run.space || '–', run.strategy || '–',
          (run.done === undefined ? '–' : run.done) + (run.budget ? ' of ' + run.budget : ''),
          run.best ? LN.num(run.best.objective, 4) : '–',
          run.best ? LN.num(run.best.cost) + ' ' + (run.costUnit || '') : '–',
          LN.time(run.started), LN.duration(run.elapsedSeconds),
        ]), (row, i) => ({'data-run': data.runs[i].id})));
    LN.replace('comparisons', data.comparisons.length === 0 ? LN.el('p', {class: 'muted'}, 'None. ./layernas compare CONFIG makes one.') :
      LN.el('ul', {}, ...data.comparisons.map(c => LN.el('li', {},
        LN.el('a', {href: '/comparisons/' + encodeURIComponent(c.id), class: 'comparison-link'}, c.name)))));
  } catch (e) {
    LN.replace('error', 'Cannot reach the dashboard server: ' + e.message);
  }
  setTimeout(refresh, 3000);
}
refresh();
