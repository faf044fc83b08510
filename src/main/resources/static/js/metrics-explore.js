// The explore page: builds the API request from the form, runs it through /explore/run and draws
// the answer; exports XLSX (server) and PNG (ECharts getDataURL); saves the chart to a dashboard.
(function () {
  var form = document.getElementById('explore-form');
  if (!form) return;
  var chartEl = document.getElementById('explore-chart'), tableEl = document.getElementById('explore-table');
  var errorEl = document.getElementById('explore-error'), jsonEl = document.getElementById('explore-json');
  var modeEl = document.getElementById('retention-mode');
  var chart = null, last = null, lastResult = null;

  function val(name) { var el = form.elements[name]; return el ? el.value.trim() : ''; }
  function csrf() {
    var t = document.querySelector('meta[name="_csrf"]'), h = document.querySelector('meta[name="_csrf_header"]');
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    if (t && h) headers[h.content] = t.content;
    return headers;
  }
  function kind() { return val('kind'); }
  function showKind() {
    document.querySelectorAll('[data-kind]').forEach(function (el) { el.hidden = el.getAttribute('data-kind').split(' ').indexOf(kind()) < 0; });
    document.getElementById('custom-range').hidden = val('lastDays') !== '';
  }
  function request() {
    var r = {};
    if (val('lastDays')) r.lastDays = Number(val('lastDays')); else { r.from = val('from'); r.to = val('to'); }
    var filters = [];
    if (val('filterField')) {
      var op = val('filterOp') || 'eq', f = { field: val('filterField'), op: op };
      if (op === 'in') f.values = val('filterValue').split(',').map(function (v) { return v.trim(); }).filter(Boolean); else f.value = val('filterValue');
      filters.push(f);
    }
    if (kind() === 'metrics') {
      r.metrics = Array.prototype.filter.call(form.elements['metrics'].options, function (o) { return o.selected; }).map(function (o) { return o.value; });
      r.granularity = val('granularity');
      r.dimensions = val('dimension') ? [val('dimension')] : [];
      r.filters = filters;
      if (val('compare')) r.compare = val('compare');
    } else if (kind() === 'funnel') {
      r.steps = val('steps').split('\n').map(function (s) { return s.trim(); }).filter(Boolean).map(function (e) { return { event: e }; });
      r.window = val('window'); r.order = val('order');
      if (val('breakdown')) r.breakdown = val('breakdown');
      if (filters.length && r.steps.length) r.steps[0].filters = filters;
    } else if (kind() === 'retention') {
      r.granularity = val('retentionGranularity'); r.periods = Number(val('periods'));
      if (val('cohortEvent')) r.cohortEvent = val('cohortEvent');
      if (val('returnEvent')) r.returnEvent = val('returnEvent');
    } else {
      r.event = val('pathEvent'); r.direction = val('direction'); r.steps = Number(val('pathSteps')); r.window = val('pathWindow');
      r.filters = filters;
    }
    return r;
  }
  // classic (active in period N) or unbounded (N or later): redraws the last retention result, no new query
  function retentionMode() {
    var on = modeEl && modeEl.querySelector('input:checked');
    return on ? on.value : 'classic';
  }
  function draw() {
    if (!last || !lastResult) return;
    var options = { breakdown: last.request.breakdown, retention: retentionMode() };
    if (modeEl) modeEl.hidden = last.kind !== 'retention';
    if (chartType() === 'table') { chartEl.hidden = true; chart = null; } else { chartEl.hidden = false; chart = MetricsCharts.render(chartEl, last.kind, chartType(), lastResult, options); }
    MetricsCharts.table(tableEl, last.kind, lastResult, options);
  }
  function showError(body) { errorEl.textContent = (body && (body.detail || body.title)) || MetricsCharts.label('error'); errorEl.hidden = false; }
  function chartType() { return val('chartType') || { metrics: 'line', funnel: 'bar', retention: 'heatmap', paths: 'sankey' }[kind()]; }
  function run(e) {
    if (e) e.preventDefault();
    var body = { kind: kind(), request: request() };
    jsonEl.textContent = JSON.stringify(body.request, null, 2);
    errorEl.hidden = true;
    fetch(form.getAttribute('data-run'), { method: 'POST', headers: csrf(), body: JSON.stringify(body), credentials: 'same-origin' })
      .then(function (res) { return res.json().then(function (j) { return { ok: res.ok, body: j }; }); })
      .then(function (r) {
        if (!r.ok) { showError(r.body); return; }
        last = body; lastResult = r.body;
        draw();
        document.querySelectorAll('[data-needs-result]').forEach(function (b) { b.disabled = false; });
      });
  }
  form.addEventListener('submit', run);
  form.addEventListener('change', function (e) { if (e.target.name === 'kind' || e.target.name === 'lastDays') showKind(); });
  document.getElementById('export-xlsx').addEventListener('click', function () {
    if (!last) return;
    var f = document.getElementById('export-form');
    f.elements['kind'].value = last.kind;
    f.elements['request'].value = JSON.stringify(last.request);
    f.submit();
  });
  document.getElementById('export-png').addEventListener('click', function () {
    if (!chart) return;
    var a = document.createElement('a');
    a.href = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    a.download = 'marketops-' + last.kind + '.png';
    document.body.appendChild(a); a.click(); a.remove();
  });
  var save = document.getElementById('save-chart');
  if (save) save.addEventListener('click', function () {
    if (!last) return;
    var body = { dashboardId: val('dashboardId') ? Number(val('dashboardId')) : null, newDashboard: val('newDashboard'), title: val('title'),
                 kind: last.kind, chartType: chartType(), query: last.request };
    fetch(save.getAttribute('data-save'), { method: 'POST', headers: csrf(), body: JSON.stringify(body), credentials: 'same-origin' })
      .then(function (res) { return res.json().then(function (j) { return { ok: res.ok, body: j }; }); })
      .then(function (r) {
        if (!r.ok) { showError(r.body); return; }
        window.location.href = r.body.url;
      });
  });
  if (modeEl) modeEl.addEventListener('change', draw);
  showKind();
  window.addEventListener('resize', function () { if (chart) chart.resize(); });
})();
