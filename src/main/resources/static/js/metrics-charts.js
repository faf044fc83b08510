// Draws any metrics-module result (metrics, funnel, retention, paths) as an ECharts chart and an
// HTML table. Used by the explore page, dashboards and read-only share pages.
window.MetricsCharts = (function () {
  function fmt(v) {
    if (v === null || v === undefined) return '—';
    if (typeof v === 'number' && !Number.isInteger(v)) return v.toLocaleString(undefined, { maximumFractionDigits: 4 });
    return typeof v === 'number' ? v.toLocaleString() : String(v);
  }
  function pct(v) { return v === null || v === undefined ? '—' : (v * 100).toFixed(1) + '%'; }
  function dimKey(row, dims) { return dims.map(function (d) { return row[d] === null || row[d] === undefined ? '(none)' : row[d]; }).join(' / '); }

  function metricsOption(r, type) {
    var periods = [], seen = {};
    r.rows.forEach(function (row) { if (!seen[row.period]) { seen[row.period] = 1; periods.push(row.period); } });
    var metrics = r.rows.length ? Object.keys(r.rows[0].values) : [];
    var series = {};
    r.rows.forEach(function (row) {
      metrics.forEach(function (m) {
        var name = (r.dimensions.length ? dimKey(row, r.dimensions) + ' · ' : '') + m;
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
  function retentionOption(r) {
    var data = [];
    r.cohorts.forEach(function (c, y) { c.periods.forEach(function (p) { if (p.classicRate !== null && p.classicRate !== undefined) data.push([p.period, y, Math.round(p.classicRate * 1000) / 10]); }); });
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

  function render(el, kind, type, r) {
    if (!window.echarts || !el) return null;
    var chart = echarts.getInstanceByDom(el) || echarts.init(el, null, { renderer: 'canvas' });
    chart.clear();
    var option = kind === 'metrics' ? metricsOption(r, type) : kind === 'funnel' ? funnelOption(r, type) : kind === 'retention' ? retentionOption(r) : pathsOption(r);
    chart.setOption(option);
    el.setAttribute('data-rendered', 'true');
    return chart;
  }

  function table(el, kind, r) {
    var head = [], rows = [];
    if (kind === 'metrics') {
      var metrics = r.rows.length ? Object.keys(r.rows[0].values) : [];
      head = ['period'].concat(r.dimensions, metrics);
      if (r.compareFrom) metrics.forEach(function (m) { head.push(m + ' Δ'); });
      r.rows.forEach(function (row) {
        var cells = [row.period].concat(r.dimensions.map(function (d) { return row[d] === null || row[d] === undefined ? '(none)' : row[d]; }), metrics.map(function (m) { return fmt(row.values[m]); }));
        if (row.compare) metrics.forEach(function (m) { cells.push(pct(row.compare[m].change)); });
        rows.push(cells);
      });
    } else if (kind === 'funnel') {
      head = ['#', 'event', 'users', '→ prev', '→ first', 'median s'];
      r.steps.forEach(function (s) { rows.push([s.step, s.event, fmt(s.users), pct(s.conversionFromPrevious), pct(s.conversionFromFirst), fmt(s.medianSecondsFromPrevious)]); });
      (r.breakdown || []).forEach(function (b) { b.steps.forEach(function (s) { rows.push([s.step, (b.value === null ? '(none)' : b.value) + ' · ' + s.event, fmt(s.users), pct(s.conversionFromPrevious), pct(s.conversionFromFirst), fmt(s.medianSecondsFromPrevious)]); }); });
    } else if (kind === 'retention') {
      head = ['cohort', 'size'];
      for (var i = 0; i <= r.periods; i++) head.push(String(i));
      r.cohorts.forEach(function (c) { rows.push([c.cohort, fmt(c.size)].concat(c.periods.map(function (p) { return pct(p.classicRate); }))); });
      rows.push(['Σ', ''].concat(r.average.map(function (p) { return pct(p.classicRate); })));
    } else {
      head = ['path', 'people'];
      r.topPaths.forEach(function (p) { rows.push([r.event + ' → ' + p.events.join(' → '), fmt(p.people)]); });
    }
    var html = '<table><thead><tr>' + head.map(function (h) { return '<th>' + esc(h) + '</th>'; }).join('') + '</tr></thead><tbody>' +
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
      if (c.chart.chartType === 'table') table(box.querySelector('.chart-table'), c.chart.kind, c.result);
      else render(box.querySelector('.chart'), c.chart.kind, c.chart.chartType, c.result);
    });
  }
  document.addEventListener('DOMContentLoaded', dashboard);
  return { render: render, table: table };
})();
