// Draws the attribution comparison: channels on the x axis, one bar per model for the chosen metric.
(function () {
  var el = document.getElementById('attribution-chart');
  var holder = document.getElementById('attribution-data');
  if (!el || !holder || !window.echarts) return;
  var data = JSON.parse(holder.textContent);
  if (!data.channels.length) return;
  var chart = echarts.init(el, null, { renderer: 'canvas' });
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 64, right: 24, top: 48, bottom: 40 },
    xAxis: { type: 'category', data: data.channels },
    yAxis: { type: 'value', name: data.metric },
    series: data.series.map(function (s) {
      return { name: s.name, type: 'bar', data: s.data.map(function (v) { return v === null ? null : Number(v); }) };
    })
  });
  el.setAttribute('data-rendered', 'true');
  window.addEventListener('resize', function () { chart.resize(); });
})();
