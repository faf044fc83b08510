// Draws any metrics-module result (metrics, funnel, retention, paths) as an ECharts chart and an
// HTML table. Used by the explore page, dashboards and read-only share pages.
// Every word it prints comes from the page's <script id="metrics-texts"> (ChartTexts: labels, metric
// names, channel display names, dimension names in the page's language).
window.MetricsCharts = (function () {
  var texts = null;
  function T() {
    if (texts) return texts;
    var holder = document.getElementById('metrics-texts');
    texts = holder ? JSON.parse(holder.textContent) : {};
    ['labels', 'metrics', 'channels', 'dimensions'].forEach(function (k) { texts[k] = texts[k] || {}; });
    return texts;
  }
  function label(k) { return T().labels[k] || k; }
  function metricName(id) { return T().metrics[id] || id; }
  function dimName(d) { return T().dimensions[d] || d; }
  // A dimension value as shown: channels by display name (抖音), a missing value as (none).
  function dimValue(d, v) {
    if (v === null || v === undefined || v === '') return label('none');
    return d === 'channel' && T().channels[v] ? T().channels[v] : v;
  }
  // An instant as local time of the workspace zone: 2026-12-07 12:00:00.
  function time(iso) {
    if (!iso) return '—';
    try { return new Intl.DateTimeFormat('sv-SE', { timeZone: T().zone || undefined, dateStyle: 'short', timeStyle: 'medium' }).format(new Date(iso)); } catch (e) { return iso; }
  }
  function fmt(v) {
    if (v === null || v === undefined) return '—';
    if (typeof v === 'number' && !Number.isInteger(v)) return v.toLocaleString(undefined, { maximumFractionDigits: 4 });
    return typeof v === 'number' ? v.toLocaleString() : String(v);
  }
  function pct(v) { return v === null || v === undefined ? '—' : (v * 100).toFixed(1) + '%'; }
  function dimKey(row, dims) { return dims.map(function (d) { return dimValue(d, row[d]); }).join(' / '); }

  function metricsOption(r, type) {
    var periods = [], seen = {};
    r.rows.forEach(function (row) { if (!seen[row.period]) { seen[row.period] = 1; periods.push(row.period); } });
    var metrics = r.rows.length ? Object.keys(r.rows[0].values) : [];
    var series = {};
    r.rows.forEach(function (row) {
      metrics.forEach(function (m) {
        var name = (r.dimensions.length ? dimKey(row, r.dimensions) + ' · ' : '') + metricName(m);
        if (!series[name]) series[name] = { name: name, type: type === 'bar' ? 'bar' : 'line', showSymbol: false, data: periods.map(function () { return null; }) };
        series[name].data[periods.indexOf(row.period)] = row.values[m];
      });
    });
    var list = Object.keys(series).map(function (k) { return series[k]; }).slice(0, 40);
    return { animation: false, tooltip: { trigger: 'axis' }, legend: { type: 'scroll', top: 0 }, grid: { left: 56, right: 24, top: 40, bottom: 32 },
             xAxis: { type: 'category', data: periods }, yAxis: { type: 'value' }, series: list };
  }
  function funnelOption(r, type) {
    if (type === 'funnel') {
      return { animation: false, tooltip: {}, series: [{ type: 'funnel', sort: 'none', left: '10%', width: '80%', label: { formatter: '{b}: {c}' },
               data: r.steps.map(function (s) { return { name: s.step + ' · ' + s.event, value: s.users }; }) }] };
    }
    return { animation: false, tooltip: {}, grid: { left: 120, right: 48, top: 16, bottom: 24 }, xAxis: { type: 'value' },
             yAxis: { type: 'category', inverse: true, data: r.steps.map(function (s) { return s.step + ' · ' + s.event; }) },
             series: [{ type: 'bar', data: r.steps.map(function (s) { return s.users; }),
                        label: { show: true, position: 'right', formatter: function (p) { var s = r.steps[p.dataIndex]; return s.users + (s.conversionFromFirst === null || s.conversionFromFirst === undefined ? '' : ' (' + pct(s.conversionFromFirst) + ')'); } } }] };
  }
  // mode 'classic' (active in period N, the default) or 'unbounded' (period N or later)
  function rate(cell, mode) { return mode === 'unbounded' ? cell.unboundedRate : cell.classicRate; }
  function retentionOption(r, mode) {
    var data = [];
    r.cohorts.forEach(function (c, y) { c.periods.forEach(function (p) { var v = rate(p, mode); if (v !== null && v !== undefined) data.push([p.period, y, Math.round(v * 1000) / 10]); }); });
    var xs = []; for (var i = 0; i <= r.periods; i++) xs.push(String(i));
    return { animation: false, tooltip: { formatter: function (p) { return r.cohorts[p.value[1]].cohort + ' · ' + p.value[0] + ': ' + p.value[2] + '%'; } },
             grid: { left: 96, right: 24, top: 16, bottom: 56 }, xAxis: { type: 'category', data: xs }, yAxis: { type: 'category', inverse: true, data: r.cohorts.map(function (c) { return c.cohort; }) },
             visualMap: { min: 0, max: 100, calculable: true, orient: 'horizontal', left: 'center', bottom: 0 },
             series: [{ type: 'heatmap', data: data, label: { show: r.cohorts.length <= 20 && r.periods <= 14 } }] };
  }
  function pathsOption(r) {
    return { animation: false, tooltip: { trigger: 'item' },
             series: [{ type: 'sankey', emphasis: { focus: 'adjacency' }, nodeGap: 8, data: r.nodes.map(function (n) { return { name: n.name }; }),
                        links: r.links.map(function (l) { return { source: l.source, target: l.target, value: l.value }; }) }] };
  }

  // options: {breakdown: the funnel's breakdown dimension, retention: 'classic' | 'unbounded'}
  function render(el, kind, type, r, options) {
    var o = options || {};
    if (!window.echarts || !el) return null;
    var chart = echarts.getInstanceByDom(el) || echarts.init(el, null, { renderer: 'canvas' });
    chart.clear();
    var option = kind === 'metrics' ? metricsOption(r, type) : kind === 'funnel' ? funnelOption(r, type) : kind === 'retention' ? retentionOption(r, o.retention) : pathsOption(r);
    chart.setOption(option);
    el.setAttribute('data-rendered', 'true');
    return chart;
  }

  function table(el, kind, r, options) {
    var o = options || {}, head = [], rows = [];
    if (kind === 'metrics') {
      var metrics = r.rows.length ? Object.keys(r.rows[0].values) : [];
      head = [label('period')].concat(r.dimensions.map(dimName), metrics.map(metricName));
      if (r.compareFrom) metrics.forEach(function (m) { head.push(metricName(m) + ' ' + label('change')); });
      r.rows.forEach(function (row) {
        var cells = [row.period].concat(r.dimensions.map(function (d) { return dimValue(d, row[d]); }), metrics.map(function (m) { return fmt(row.values[m]); }));
        if (row.compare) metrics.forEach(function (m) { cells.push(pct(row.compare[m].change)); });
        rows.push(cells);
      });
    } else if (kind === 'funnel') {
      head = [label('step'), label('event'), label('users'), label('toPrevious'), label('toFirst'), label('medianSeconds')];
      r.steps.forEach(function (s) { rows.push([s.step, s.event, fmt(s.users), pct(s.conversionFromPrevious), pct(s.conversionFromFirst), fmt(s.medianSecondsFromPrevious)]); });
      (r.breakdown || []).forEach(function (b) { b.steps.forEach(function (s) { rows.push([s.step, dimValue(o.breakdown, b.value) + ' · ' + s.event, fmt(s.users), pct(s.conversionFromPrevious), pct(s.conversionFromFirst), fmt(s.medianSecondsFromPrevious)]); }); });
    } else if (kind === 'retention') {
      head = [label('cohort'), label('size')];
      for (var i = 0; i <= r.periods; i++) head.push(String(i));
      r.cohorts.forEach(function (c) { rows.push([c.cohort, fmt(c.size)].concat(c.periods.map(function (p) { return pct(rate(p, o.retention)); }))); });
      rows.push([label('average'), ''].concat(r.average.map(function (p) { return pct(rate(p, o.retention)); })));
    } else {
      head = [label('path'), label('people')];
      r.topPaths.forEach(function (p) { rows.push([r.event + ' → ' + p.events.join(' → '), fmt(p.people)]); });
    }
    var html = '<table data-kind="' + esc(kind) + '"' + (kind === 'retention' ? ' data-retention="' + (o.retention === 'unbounded' ? 'unbounded' : 'classic') + '"' : '') + '><thead><tr>' + head.map(function (h) { return '<th>' + esc(h) + '</th>'; }).join('') + '</tr></thead><tbody>' +
      rows.map(function (cells) { return '<tr>' + cells.map(function (c) { return '<td>' + esc(c) + '</td>'; }).join('') + '</tr>'; }).join('') + '</tbody></table>';
    el.innerHTML = html;
  }
  function esc(s) { return String(s === null || s === undefined ? '' : s).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); }

  // Renders every dashboard chart carried in <script id="dashboard-data"> (a DashboardData object).
  function dashboard() {
    var holder = document.getElementById('dashboard-data');
    if (!holder) return;
    var data = JSON.parse(holder.textContent);
    data.charts.forEach(function (c) {
      var box = document.querySelector('[data-chart-id="' + c.chart.id + '"]');
      if (!box || !c.result) return;
      var query = {};
      try { query = JSON.parse(c.chart.query); } catch (e) { /* drawn without the breakdown's names */ }
      var options = { breakdown: query.breakdown };
      if (c.chart.chartType === 'table') table(box.querySelector('.chart-table'), c.chart.kind, c.result, options);
      else render(box.querySelector('.chart'), c.chart.kind, c.chart.chartType, c.result, options);
    });
  }
  document.addEventListener('DOMContentLoaded', dashboard);
  return { render: render, table: table, label: label, metricName: metricName, dimValue: dimValue, esc: esc, fmt: fmt, time: time };
})();
