/*! MarketOps experiments helper — asks MarketOps which variant a visitor sees. No dependencies.
 * Install beside the tracking snippet, with a token of the "experiment client" role (it may
 * only ask for assignments, never read data):
 *   <script src="https://mo.example.cn/js/marketops-experiments.js" data-token="TOKEN" data-host="https://mo.example.cn"></script>
 * Declarative: <div data-mo-experiment="cover-test" data-mo-variant="b" hidden>…</div> is shown
 * only to visitors assigned "b" (give every variant's element `hidden`; the control is shown if
 * MarketOps cannot be reached).
 * Code: MarketOpsExperiments.assign('cover-test').then(function (a) { if (a.variant === 'b') … });
 * Targeting: pass the visitor's attributes once (init({attributes: {city: '上海'}}) or
 * data-attributes='{"city":"上海"}' on the script tag) or per call (assign(key, {attributes: …}));
 * a visitor the experiment does not target, or outside its coverage, gets the control.
 * On another origin than MarketOps, that origin must be in MARKETOPS_EXPERIMENTS_ALLOWED_ORIGINS.
 * The visitor is the identified user (localStorage mo_uid) or the anonymous id (mo_aid), the same
 * ids /js/marketops.js sends with events, so exposures and conversions join up. The assignment is
 * decided by MarketOps (GrowthBook hashing v2 of experiment key + user id); the first request while
 * the experiment runs records the exposure. */
(function (w, d) {
  'use strict';
  if (w.MarketOpsExperiments) return;
  var script = d.currentScript;
  var cfg = {
    host: script && script.getAttribute('data-host') || '',
    token: script && script.getAttribute('data-token') || null,
    userId: script && script.getAttribute('data-user-id') || null,
    attributes: parsed(script && script.getAttribute('data-attributes')),
    timeoutMs: 3000
  };
  var pending = {};

  function parsed(text) {
    try { return text ? JSON.parse(text) : null; } catch (e) { return null; }
  }

  function stored(k) {
    try { var v = w.localStorage.getItem('mo_' + k); return v ? JSON.parse(v) : null; } catch (e) { return null; }
  }
  function newId() {
    if (w.crypto && w.crypto.randomUUID) return w.crypto.randomUUID();
    return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, function (c) {
      var r = Math.random() * 16 | 0; return (c === 'x' ? r : (r & 3 | 8)).toString(16);
    });
  }
  /* The same visitor id the tracking snippet uses; created (and kept) when there is none yet. */
  function visitor() {
    if (cfg.userId) return String(cfg.userId);
    var id = stored('uid') || stored('aid');
    if (!id) {
      id = newId();
      try { w.localStorage.setItem('mo_aid', JSON.stringify(id)); } catch (e) { /* private mode: id lives for this page */ }
    }
    return String(id);
  }

  /* Resolves to {variant, inExperiment, …}; never rejects: on any failure the control is shown and `error` says why. */
  function assign(key, options) {
    var user = options && options.userId ? String(options.userId) : visitor();
    var attributes = options && options.attributes || cfg.attributes;
    var attributeText = attributes && Object.keys(attributes).length ? JSON.stringify(attributes) : '';
    var cacheKey = key + '\u0000' + user + '\u0000' + attributeText;
    if (pending[cacheKey]) return pending[cacheKey];
    var url = cfg.host + '/api/v1/experiments/' + encodeURIComponent(key) + '/assignment?userId=' + encodeURIComponent(user)
      + (attributeText ? '&attributes=' + encodeURIComponent(attributeText) : '');
    var headers = { Accept: 'application/json' };
    if (cfg.token) headers.Authorization = 'Bearer ' + cfg.token;
    var timeout = new Promise(function (resolve) { setTimeout(function () { resolve({ timeout: true }); }, cfg.timeoutMs); });
    var request = w.fetch(url, { headers: headers, credentials: 'omit' }).then(function (r) {
      return r.json().then(function (body) { return r.ok ? body : { error: body.detail || ('HTTP ' + r.status) }; });
    });
    pending[cacheKey] = Promise.race([request, timeout]).then(function (a) {
      if (a && a.variant) return a;
      return { experimentKey: key, userId: user, variant: null, inExperiment: false, error: a && a.timeout ? 'timeout' : (a && a.error) };
    }, function (e) {
      return { experimentKey: key, userId: user, variant: null, inExperiment: false, error: String(e && e.message || e) };
    });
    return pending[cacheKey];
  }

  /* Shows, for each data-mo-experiment, the element of the assigned variant (the first variant listed when unknown). */
  function apply(root) {
    var scope = root || d;
    var byKey = {};
    Array.prototype.forEach.call(scope.querySelectorAll('[data-mo-experiment][data-mo-variant]'), function (el) {
      var k = el.getAttribute('data-mo-experiment');
      (byKey[k] = byKey[k] || []).push(el);
    });
    return Promise.all(Object.keys(byKey).map(function (k) {
      return assign(k).then(function (a) {
        var els = byKey[k];
        var chosen = a.variant && els.some(function (el) { return el.getAttribute('data-mo-variant') === a.variant; }) ? a.variant : els[0].getAttribute('data-mo-variant');
        els.forEach(function (el) { el.hidden = el.getAttribute('data-mo-variant') !== chosen; });
        return a;
      });
    }));
  }

  function init(options) {
    for (var k in options) if (Object.prototype.hasOwnProperty.call(options, k)) cfg[k] = options[k];
    pending = {};
    return api;
  }

  var api = { init: init, assign: assign, apply: apply, visitor: visitor, version: '1.1.0' };
  w.MarketOpsExperiments = api;
  if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', function () { apply(); });
  else apply();
})(window, document);
