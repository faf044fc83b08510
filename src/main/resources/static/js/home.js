// Draws the home dashboard's daily trend from the JSON the page carries.
(function () {
  var el = document.getElementById('trend');
  var data = JSON.parse(document.getElementById('home-data').textContent);
  if (!el || !window.echarts || !data.daily.length) return;
  var chart = echarts.init(el, null, { renderer: 'canvas' });
  var days = data.daily.map(function (d) { return d.date; });
  function series(key, axis, type) {
    return { name: data.names[key], type: type || 'line', yAxisIndex: axis, smooth: true, showSymbol: false,
             data: data.daily.map(function (d) { return Number(d.values[key]); }) };
  }
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 56, right: 64, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: days },
    yAxis: [{ type: 'value', name: data.names.uv }, { type: 'value', name: '¥', splitLine: { show: false } }],
    series: [series('uv', 0), series('orders', 0), series('gmv', 1, 'bar'), series('cost', 1, 'bar')]
  });
  el.setAttribute('data-rendered', 'true');
  window.addEventListener('resize', function () { chart.resize(); });
})();
