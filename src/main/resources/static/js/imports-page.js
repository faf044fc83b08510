// The import page: upload → preview with suggested mapping → start → progress → result.
(function () {
  var card = document.getElementById('new-import');
  if (!card) return;
  var fields = JSON.parse(card.dataset.fields);
  var labels = JSON.parse(card.dataset.labels);
  var t = document.getElementById('i18n').dataset;
  var csrf = document.querySelector('meta[name="_csrf"]');
  var csrfHeader = document.querySelector('meta[name="_csrf_header"]');
  var draft = null;

  function headers(extra) {
    var h = extra || {};
    if (csrf && csrfHeader) h[csrfHeader.content] = csrf.content;
    return h;
  }
  function show(id, on) { document.getElementById(id).hidden = !on; }
  function error(problem) {
    var el = document.getElementById('import-error');
    el.textContent = (problem && (problem.detail || problem.title)) || String(problem);
    el.hidden = false;
  }
  function answer(r) {
    return r.json().then(function (body) { if (!r.ok) throw body; return body; });
  }
  function cell(tag, text) { var c = document.createElement(tag); c.textContent = text == null ? '' : text; return c; }

  document.getElementById('upload-form').addEventListener('submit', function (e) {
    e.preventDefault();
    show('import-error', false); show('mapping', false); show('progress', false);
    var data = new FormData(e.target);
    fetch('/imports/preview', {method: 'POST', body: data, headers: headers()}).then(answer).then(preview).catch(error);
  });

  function preview(d) {
    draft = d;
    var ids = fields[d.kind] || fields[document.getElementById('kind').value];
    document.getElementById('file-info').textContent =
      d.fileName + ' · ' + d.format.toUpperCase() + (d.encoding ? ' · ' + t.encoding + ' ' + d.encoding : '') + ' · ' + t.headerRow + ' ' + d.headerRow;
    var body = document.querySelector('#mapping-table tbody');
    body.innerHTML = '';
    d.suggestions.forEach(function (s) {
      var tr = document.createElement('tr');
      tr.appendChild(cell('td', s.header));
      var select = document.createElement('select');
      select.dataset.header = s.header;
      var none = cell('option', t.ignore); none.value = 'ignore'; select.appendChild(none);
      ids.forEach(function (id) {
        var o = cell('option', (labels[id] || id) + ' (' + id + ')'); o.value = id;
        if (s.field === id) o.selected = true;
        select.appendChild(o);
      });
      var td = document.createElement('td'); td.appendChild(select);
      if (s.ambiguous) td.appendChild(cell('span', ' ?'));
      tr.appendChild(td);
      tr.appendChild(cell('td', d.rows.slice(0, 3).map(function (r) { return r[s.column] || ''; }).join(' · ')));
      body.appendChild(tr);
    });
    document.getElementById('source').value = d.savedSource || '';
    document.getElementById('default-channel').value = (d.savedDefaults || {}).channel || (d.savedDefaults || {}).platform || '';
    document.getElementById('default-currency').value = (d.savedDefaults || {}).currency || '';
    var head = document.querySelector('#preview-table thead'), rows = document.querySelector('#preview-table tbody');
    head.innerHTML = ''; rows.innerHTML = '';
    var htr = document.createElement('tr');
    d.headers.forEach(function (h) { htr.appendChild(cell('th', h)); });
    head.appendChild(htr);
    d.rows.forEach(function (r) {
      var tr = document.createElement('tr');
      d.headers.forEach(function (h, i) { tr.appendChild(cell('td', r[i])); });
      rows.appendChild(tr);
    });
    show('mapping', true);
  }

  document.getElementById('start').addEventListener('click', function () {
    if (!draft) return;
    show('import-error', false);
    var columns = {};
    document.querySelectorAll('#mapping-table select').forEach(function (s) { columns[s.dataset.header] = s.value; });
    var defaults = {};
    var channel = document.getElementById('default-channel').value.trim();
    if (channel) defaults[draft.kind === 'content-metrics' ? 'platform' : (draft.kind === 'customers' ? 'acquisition_channel' : 'channel')] = channel;
    var currency = document.getElementById('default-currency').value.trim();
    if (currency && (draft.kind === 'ad-costs' || draft.kind === 'orders')) defaults.currency = currency;
    var mapping = {columns: columns, defaults: defaults, timezone: document.getElementById('timezone').value.trim() || null,
      source: document.getElementById('source').value.trim() || null, save: document.getElementById('save').checked};
    fetch('/imports/' + draft.importId + '/start', {method: 'POST', body: JSON.stringify(mapping),
      headers: headers({'Content-Type': 'application/json'})}).then(answer).then(function (job) {
      show('mapping', false); show('progress', true); follow(job);
    }).catch(error);
  });

  function follow(job) {
    document.getElementById('progress-bar').value = job.progress || 0;
    document.getElementById('progress-text').textContent = t.running + ' ' + Math.round((job.progress || 0) * 100) + '%';
    if (job.status === 'done') return finished(job);
    if (job.status === 'failed') { show('progress', false); return error({detail: t.failed + ' ' + (job.error || '')}); }
    setTimeout(function () {
      fetch('/imports/' + job.importId + '/status', {headers: headers()}).then(answer).then(follow).catch(error);
    }, 700);
  }

  function finished(job) {
    document.getElementById('progress-text').textContent = '';
    var done = document.getElementById('import-done');
    done.textContent = t.done.replace('{0}', job.rows).replace('{1}', job.imported).replace('{2}', job.updated).replace('{3}', job.rejected);
    done.hidden = false;
    var link = document.getElementById('rejected-link');
    link.href = '/imports/' + job.importId + '/rejected.csv';
    link.hidden = job.rejected === 0;
    var list = document.getElementById('rejections');
    list.innerHTML = '';
    (job.rejections || []).forEach(function (r) {
      list.appendChild(cell('li', '#' + r.row + (r.field ? ' ' + r.field : '') + (r.value ? ' "' + r.value + '"' : '') + ': ' + r.reason));
    });
  }
})();
