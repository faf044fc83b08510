/*! MarketOps tracking snippet — page views (SPA route changes too), track, identify, clicks on
 * elements with data-mo-track, UTM first/last touch in first-party storage, batching with
 * sendBeacon when the page is hidden. No dependencies. Install (the Ingestion page shows it):
 *   <script>window.marketops=window.marketops||[];marketops.push(['init','WRITE_KEY',{host:'https://mo.example.cn'}]);</script>
 *   <script async src="https://mo.example.cn/js/marketops.js"></script>
 * Then marketops.track('Sign Up', {plan: 'pro'}), marketops.identify('user-42', {tier: 'gold'}),
 * marketops.page(), marketops.reset(). Events go to POST {host}/v1/batch (Segment's format). */
(function (w, d) {
  'use strict';
  var VERSION = '1.0.0', P = 'mo_', UTM = ['source', 'medium', 'campaign', 'term', 'content'];
  var queued = w.marketops && w.marketops.push ? w.marketops : [];
  if (queued && queued.loaded) return;
  var cfg = { host: '', writeKey: null, flushAt: 20, flushInterval: 2000, autoPage: true, clicks: true };
  var buffer = [], timer = null, lastPath = null;

  function store(k, v) {
    try {
      if (v === undefined) return JSON.parse(w.localStorage.getItem(P + k));
      if (v === null) w.localStorage.removeItem(P + k); else w.localStorage.setItem(P + k, JSON.stringify(v));
    } catch (e) { return undefined; }
  }
  function uuid() {
    if (w.crypto && w.crypto.randomUUID) return w.crypto.randomUUID();
    return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, function (c) {
      var r = Math.random() * 16 | 0; return (c === 'x' ? r : (r & 3 | 8)).toString(16);
    });
  }
  function anonymousId() { var a = store('aid'); if (!a) { a = uuid(); store('aid', a); } return a; }
  function query(name) {
    var m = new RegExp('[?&]' + name + '=([^&#]*)').exec(w.location.search);
    return m ? decodeURIComponent(m[1].replace(/\+/g, ' ')) : null;
  }
  /* UTM tags of this URL (also kept as last touch, and as first touch the first time). */
  function campaign() {
    var c = {}, any = false;
    UTM.forEach(function (k) { var v = query('utm_' + k); if (v) { c[k === 'campaign' ? 'name' : k] = v; any = true; } });
    if (!any) return null;
    var touch = { campaign: c, landing: w.location.href, referrer: d.referrer || null, at: new Date().toISOString() };
    if (!store('ft')) store('ft', touch);
    store('lt', touch);
    return c;
  }
  function context() {
    var utm = campaign(); // first: an event of a tagged landing carries the touch it records
    var c = {
      library: { name: 'marketops.js', version: VERSION }, userAgent: navigator.userAgent,
      locale: navigator.language, screen: { width: w.screen.width, height: w.screen.height },
      page: { url: w.location.href, path: w.location.pathname, search: w.location.search, title: d.title, referrer: d.referrer || null },
      marketops: { firstTouch: store('ft') || null, lastTouch: store('lt') || null }
    };
    if (utm) c.campaign = utm;
    return c;
  }
  function enqueue(type, fields) {
    var e = { type: type, messageId: uuid(), anonymousId: anonymousId(), timestamp: new Date().toISOString(), context: context() };
    var uid = store('uid');
    if (uid) e.userId = uid;
    for (var k in fields) if (fields[k] !== undefined) e[k] = fields[k];
    buffer.push(e);
    if (buffer.length >= cfg.flushAt) flush(false);
    else if (!timer) timer = setTimeout(function () { flush(false); }, cfg.flushInterval);
  }
  /* Sends what is waiting; on page hide with sendBeacon, which outlives the page. Failed sends stay queued (messageIds make retries safe). */
  function flush(hiding) {
    if (timer) { clearTimeout(timer); timer = null; }
    if (!buffer.length || !cfg.writeKey) return;
    var batch = buffer.splice(0, buffer.length);
    var body = JSON.stringify({ batch: batch, sentAt: new Date().toISOString() });
    var url = cfg.host + '/v1/batch?writeKey=' + encodeURIComponent(cfg.writeKey);
    if (hiding && navigator.sendBeacon && navigator.sendBeacon(url, new Blob([body], { type: 'text/plain' }))) return;
    if (!w.fetch) { var x = new XMLHttpRequest(); x.open('POST', url, true); x.setRequestHeader('Content-Type', 'text/plain'); x.send(body); return; }
    w.fetch(url, { method: 'POST', body: body, keepalive: body.length < 60000, headers: { 'Content-Type': 'text/plain' } })
      .then(function (r) { if (r.status === 429 || r.status >= 500) requeue(batch); })
      ['catch'](function () { requeue(batch); });
  }
  function requeue(batch) {
    buffer = batch.concat(buffer).slice(-500);
    if (!timer) timer = setTimeout(function () { flush(false); }, cfg.flushInterval * 5);
  }

  var api = {
    loaded: true,
    init: function (writeKey, options) {
      cfg.writeKey = writeKey;
      for (var k in options || {}) cfg[k] = options[k];
      cfg.host = (cfg.host || '').replace(/\/$/, '');
      if (cfg.autoPage) api.page();
    },
    page: function (name, properties) {
      lastPath = route();
      enqueue('page', { name: name || d.title || undefined, properties: properties || {} });
    },
    track: function (event, properties) { enqueue('track', { event: event, properties: properties || {} }); },
    identify: function (userId, traits) {
      if (userId) store('uid', String(userId));
      enqueue('identify', { userId: userId ? String(userId) : undefined, traits: traits || {} });
    },
    reset: function () { store('uid', null); store('aid', null); },
    flush: function () { flush(false); },
    push: function (cmd) { var f = api[cmd[0]]; if (f) f.apply(api, cmd.slice(1)); }
  };

  /* Where the visitor is: path and query, plus the hash when it is a hash router's route (#/… or #!…), not an in-page anchor. */
  function route() {
    var h = w.location.hash || '';
    return w.location.pathname + w.location.search + (h.indexOf('#/') === 0 || h.indexOf('#!') === 0 ? h : '');
  }
  /* SPA route changes: pushState/replaceState, back/forward and hash-router changes count as page views when the route changes. */
  function routeChanged() {
    if (!cfg.writeKey) return;
    var h = w.location.hash || '';
    if (h && h.indexOf('#/') !== 0 && h.indexOf('#!') !== 0 && w.location.pathname + w.location.search === (lastPath || '').split('#')[0]) return; // an anchor on the same page
    if (route() !== lastPath) api.page();
  }
  ['pushState', 'replaceState'].forEach(function (m) {
    var orig = w.history[m];
    w.history[m] = function () { var r = orig.apply(this, arguments); setTimeout(routeChanged, 0); return r; };
  });
  w.addEventListener('popstate', routeChanged);
  w.addEventListener('hashchange', routeChanged);

  /* Clicks on <button data-mo-track="Add To Cart" data-mo-sku="s1"> become track calls with the data-mo-* values as properties. */
  d.addEventListener('click', function (e) {
    if (!cfg.clicks) return;
    var el = e.target && e.target.closest ? e.target.closest('[data-mo-track]') : null;
    if (!el) return;
    var props = { text: (el.innerText || '').trim().slice(0, 100) || undefined, href: el.getAttribute('href') || undefined };
    for (var i = 0; i < el.attributes.length; i++) {
      var a = el.attributes[i];
      if (a.name.indexOf('data-mo-') === 0 && a.name !== 'data-mo-track') props[a.name.slice(8).replace(/-/g, '_')] = a.value;
    }
    api.track(el.getAttribute('data-mo-track'), props);
  }, true);

  d.addEventListener('visibilitychange', function () { if (d.visibilityState === 'hidden') flush(true); });
  w.addEventListener('pagehide', function () { flush(true); });

  w.marketops = api;
  for (var q = 0; q < queued.length; q++) api.push(queued[q]);
})(window, document);
