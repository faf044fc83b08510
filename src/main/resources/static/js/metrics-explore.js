// The explore page: builds the API request from the form, runs it through /explore/run and draws
// the answer; exports XLSX (server) and PNG (ECharts getDataURL); saves the chart to a dashboard.
(function () {
  var form = document.getElementById('explore-form');
  if (!form) return;
  var chartEl = document.getElementById('explore-chart'), tableEl = document.getElementById('explore-table');
  var errorEl = document.getElementById('explore-error'), jsonEl = document.getElementById('explore-json');
  var emptyEl = document.getElementById('explore-empty'), modeEl = document.getElementById('retention-mode'), droppedEl = document.getElementById('funnel-dropped');
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
    if (emptyEl) emptyEl.hidden = !isEmpty(last.kind, lastResult);
    if (chartType() === 'table') { chartEl.hidden = true; chart = null; } else { chartEl.hidden = false; chart = MetricsCharts.render(chartEl, last.kind, chartType(), lastResult, options); }
    MetricsCharts.table(tableEl, last.kind, lastResult, options);
    renderDropped();
  }

  // A label with {0}, {1}… replaced by the arguments after the key.
  function msg(key) {
    var args = Array.prototype.slice.call(arguments, 1);
    return MetricsCharts.label(key).replace(/\{(\d+)\}/g, function (m, i) { return args[Number(i)] === undefined ? m : args[Number(i)]; });
  }
  function post(url, body) {
    return fetch(url, { method: 'POST', headers: csrf(), body: JSON.stringify(body), credentials: 'same-origin' })
      .then(function (res) { return res.json().then(function (j) { return { ok: res.ok, body: j }; }, function () { return { ok: false, body: {} }; }); });
  }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // Under a funnel result: per step after the first, who dropped there — list (paged), export CSV, save as a segment.
  function renderDropped() {
    if (!droppedEl) return;
    var box = droppedEl.querySelector('[data-steps]');
    box.innerHTML = '';
    var steps = last && last.kind === 'funnel' && lastResult.steps ? lastResult.steps : [];
    droppedEl.hidden = steps.length < 2;
    if (droppedEl.hidden) return;
    var any = false;
    for (var k = 1; k < steps.length; k++) {
      var n = Math.max(0, steps[k - 1].users - steps[k].users);
      if (n > 0) any = true;
      box.appendChild(droppedStep(steps[k].step, steps[k].event, n));
    }
    droppedEl.querySelector('[data-none]').hidden = any;
  }
  function droppedStep(step, event, n) {
    var query = last.request;
    var row = el('div', { 'class': 'dropped-step', 'data-step': String(step) });
    var bar = el('div', { 'class': 'toolbar' });
    bar.appendChild(el('strong', { 'data-count': String(n) }, msg('droppedAt', step, event, n.toLocaleString())));
    var status = el('div', { 'data-status': '', 'hidden': '' }), people = el('div', { 'data-people': '' });
    function fail(body) {
      status.className = 'banner error'; status.setAttribute('role', 'alert');
      status.textContent = (body && (body.detail || body.title)) || MetricsCharts.label('error'); status.hidden = false;
    }
    var list = el('button', { type: 'button', 'data-action': 'list' }, msg('list'));
    function showPage(page) {
      list.disabled = true;
      post(droppedEl.getAttribute('data-list') + '?size=50&page=' + page, { funnel: query, step: step }).then(function (r) {
        list.disabled = n === 0;
        if (!r.ok) { fail(r.body); return; }
        var p = r.body, first = (p.page - 1) * p.size + 1, lastRow = first + p.items.length - 1;
        var html = '<p class="muted">' + MetricsCharts.esc(msg('showing', first, lastRow, p.total)) + '</p><table><thead><tr><th>' + MetricsCharts.esc(msg('person')) +
          '</th><th>' + MetricsCharts.esc(msg('enteredAt')) + '</th></tr></thead><tbody>' + p.items.map(function (x) {
            return '<tr><td>' + MetricsCharts.esc(x.person) + '</td><td>' + MetricsCharts.esc(MetricsCharts.time(x.enteredAt)) + '</td></tr>'; }).join('') + '</tbody></table>';
        people.innerHTML = html;
        if (lastRow < p.total) {
          var next = el('button', { type: 'button', 'data-action': 'next' }, msg('nextPage'));
          next.addEventListener('click', function () { showPage(p.page + 1); });
          people.appendChild(next);
        }
      });
    }
    list.addEventListener('click', function () { showPage(1); });
    bar.appendChild(list);
    if (droppedEl.hasAttribute('data-export')) {
      var exp = el('button', { type: 'button', 'data-action': 'export' }, msg('exportCsv'));
      exp.addEventListener('click', function () {
        var f = document.getElementById('dropped-export-form');
        f.elements['funnel'].value = JSON.stringify(query);
        f.elements['step'].value = String(step);
        f.submit();
      });
      bar.appendChild(exp);
    }
    var buttons = [list, exp];
    if (droppedEl.hasAttribute('data-save')) {
      var name = el('input', { name: 'segmentName', maxlength: '100', placeholder: msg('segmentName'), 'aria-label': msg('segmentName') });
      var save = el('button', { type: 'button', 'data-action': 'save' }, msg('saveSegment'));
      save.addEventListener('click', function () {
        if (!name.value.trim()) { fail({ detail: msg('nameRequired') }); name.focus(); return; }
        save.disabled = true;
        post(droppedEl.getAttribute('data-save'), { funnel: query, step: step, name: name.value.trim() }).then(function (r) {
          save.disabled = false;
          if (!r.ok) { fail(r.body); return; }
          status.className = 'banner success'; status.setAttribute('role', 'status'); status.innerHTML = '';
          status.appendChild(el('span', { 'data-saved': String(r.body.id) }, msg('saved', r.body.name, Number(r.body.size).toLocaleString()) + ' '));
          status.appendChild(el('a', { href: droppedEl.getAttribute('data-segments') }, msg('viewSegments')));
          status.hidden = false;
        });
      });
      bar.appendChild(name); bar.appendChild(save);
      buttons.push(save);
    }
    buttons.forEach(function (b) { if (b) b.disabled = n === 0; });
    row.appendChild(bar); row.appendChild(status); row.appendChild(people);
    return row;
  }
  // Nothing to show: no rows (or only nulls and zeros), nobody entering the funnel, no cohort, no path.
  function isEmpty(kind, r) {
    if (kind === 'metrics') return !r.rows.length || r.rows.every(function (row) { return Object.keys(row.values).every(function (m) { return !row.values[m]; }); });
    if (kind === 'funnel') return !r.steps.length || !r.steps[0].users;
    if (kind === 'retention') return !r.cohorts.length;
    return !r.topPaths.length;
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
