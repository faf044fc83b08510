// Draws one metric's daily values with the band detection expected them in, stored anomalies as
// dots coloured by severity and holidays / sales peaks as tinted areas. Data: the page's JSON.
(function () {
  var el = document.getElementById('anomaly-chart');
  var src = document.getElementById('anomaly-series');
  if (!el || !src || !window.echarts) return;
  var s = JSON.parse(src.textContent);
  var unit = el.getAttribute('data-unit');
  var days = s.points.map(function (p) { return p.date; });
  function num(v) { return v === null || v === undefined ? null : v; }
  function fmt(v) {
    if (v === null || v === undefined) return '—';
    if (unit === 'ratio') return (v * 100).toFixed(2) + '%';
    if (unit === 'currency') return '¥' + v.toLocaleString(undefined, { maximumFractionDigits: 2 });
    return v.toLocaleString(undefined, { maximumFractionDigits: 2 });
  }
  var lower = s.points.map(function (p) { return num(p.lower); });
  var width = s.points.map(function (p) { return p.lower === null || p.upper === null ? null : p.upper - p.lower; });
  var colours = { high: '#d92d20', medium: '#f79009', low: '#2e90fa' };
  var dots = s.anomalies.map(function (a) {
    return { value: [a.date, a.actual], itemStyle: { color: colours[a.severity] }, explanation: a.explanation };
  });
  var known = [], run = null;
  s.points.forEach(function (p) {
    if (p.knownDay && run && run.name === p.knownDay) { run.to = p.date; return; }
    if (run) known.push(run);
    run = p.knownDay ? { name: p.knownDay, label: p.knownDayLabel || p.knownDay, from: p.date, to: p.date } : null;
  });
  if (run) known.push(run);
  var chart = echarts.init(el, null, { renderer: 'canvas' });
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: fmt },
    legend: { top: 0, data: [el.getAttribute('data-actual'), el.getAttribute('data-expected'), el.getAttribute('data-band'), el.getAttribute('data-anomalies')] },
    grid: { left: 64, right: 24, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: days },
    yAxis: { type: 'value', axisLabel: { formatter: fmt } },
    series: [
      { name: 'lower', type: 'line', data: lower, stack: 'band', lineStyle: { opacity: 0 }, symbol: 'none', tooltip: { show: false } },
      { name: el.getAttribute('data-band'), type: 'line', data: width, stack: 'band', lineStyle: { opacity: 0 }, symbol: 'none',
        areaStyle: { color: 'rgba(36, 83, 212, 0.12)' }, tooltip: { show: false } },
      { name: el.getAttribute('data-expected'), type: 'line', data: s.points.map(function (p) { return num(p.expected); }), symbol: 'none',
        lineStyle: { type: 'dashed', color: '#667085' }, itemStyle: { color: '#667085' } },
      { name: el.getAttribute('data-actual'), type: 'line', data: s.points.map(function (p) { return num(p.actual); }), symbol: 'none',
        lineStyle: { width: 2, color: '#2453d4' }, itemStyle: { color: '#2453d4' },
        markArea: { silent: true, itemStyle: { color: 'rgba(247, 144, 9, 0.08)' },
                    data: known.map(function (k) { return [{ name: k.label, xAxis: k.from }, { xAxis: k.to }]; }) } },
      { name: el.getAttribute('data-anomalies'), type: 'scatter', data: dots, symbolSize: 11, z: 5,
        tooltip: { trigger: 'item', formatter: function (p) { return p.value[0] + '<br>' + echarts.format.encodeHTML(p.data.explanation); } } }
    ]
  });
  el.setAttribute('data-rendered', 'true');
  window.addEventListener('resize', function () { chart.resize(); });
})();
