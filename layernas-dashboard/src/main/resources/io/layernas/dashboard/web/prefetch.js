'use strict';
// Loaded first by the run page: it asks for the run's summary, its buckets and every trial stored so far while the
// browser is still loading and compiling ECharts (about 1 MB), instead of after. The first page of
// trials says the store's last index (header X-Last-Index); the pages after it are asked for at once. run.js takes the
// answers over (window.layernasPrefetch) and asks only for what came after them.
window.layernasPrefetch = (() => {
  const api = '/api/runs/' + encodeURIComponent(decodeURIComponent(location.pathname.split('/').pop()));
  const answer = url => fetch(url, {headers: {Accept: 'application/json'}})
    .then(response => response.ok ? response : Promise.reject(new Error(response.status + ' ' + response.statusText)));
  const get = url => answer(url).then(response => response.json());
  const pages = answer(api + '/trials?after=-1').then(async response => {
    const first = await response.json();
    const lastIndex = Number(response.headers.get('X-Last-Index'));
    const rest = [];
    for (let after = first.last; first.count === first.limit && after < lastIndex; after += first.limit) {
      rest.push(get(api + '/trials?after=' + after));
    }
    return Promise.all([first, ...rest]);
  });
  // Unhandled here, a failure is left to run.js, which asks again and reports what it gets.
  pages.catch(() => {});
  const summary = get(api);
  summary.catch(() => {});
  const buckets = get(api + '/buckets');
  buckets.catch(() => {});
  return {summary, pages, buckets};
})();
