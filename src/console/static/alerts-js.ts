// Alerts on every signed-in page: polls /api/alerts, and for each new event shows a browser
// notification (once allowed with the bell button), plays a short tone and counts it in the tab
// title until staff look (the bell, or the queue page). The last-seen time is kept in
// localStorage so a reload or a second tab does not alert again.
export const ALERTS_JS = String.raw`
(function () {
  var body = document.body;
  var url = body.dataset.alerts;
  if (!url) return;
  var every = Math.max(3000, Number(body.dataset.alertsMs) || 10000);
  var baseTitle = document.title;
  var bell = document.querySelector('[data-alerts-bell]');
  var countEl = document.querySelector('[data-alerts-count]');
  var SINCE = 'mujib.alerts.since', UNSEEN = 'mujib.alerts.unseen', ON = 'mujib.alerts.on';
  var audio;
  function get(k) { try { return localStorage.getItem(k); } catch (e) { return null; } }
  function set(k, v) { try { localStorage.setItem(k, v); } catch (e) { /* private mode */ } }
  function unseen() { return Number(get(UNSEEN)) || 0; }
  function show() {
    var n = unseen();
    document.title = (n ? '(' + n + ') ' : '') + baseTitle;
    if (countEl) { countEl.textContent = n ? String(n) : ''; countEl.hidden = !n; }
    if (bell) bell.setAttribute('aria-pressed', get(ON) === '1' ? 'true' : 'false');
  }
  function seen() { set(UNSEEN, '0'); show(); }
  function tone() {
    if (get(ON) !== '1') return;
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      var o = audio.createOscillator(), g = audio.createGain();
      o.frequency.value = 880; g.gain.value = 0.15;
      o.connect(g); g.connect(audio.destination);
      o.start(); o.stop(audio.currentTime + 0.35);
      window.__mujibTones = (window.__mujibTones || 0) + 1;
    } catch (e) { /* no audio on this device */ }
  }
  function notify(e) {
    if (get(ON) !== '1' || !('Notification' in window) || Notification.permission !== 'granted') return;
    try {
      var n = new Notification(e.title, { tag: e.id, lang: document.documentElement.lang, dir: document.dir });
      n.onclick = function () { window.focus(); location.href = e.url; };
    } catch (err) { /* some browsers allow notifications from a service worker only */ }
  }
  function tick() {
    var since = get(SINCE);
    fetch(url + (since ? '?since=' + encodeURIComponent(since) : ''), { headers: { accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (d) {
        if (!d) return;
        var fresh = d.events.filter(function (e) { return !since || e.at > since; });
        var latest = fresh.reduce(function (m, e) { return e.at > m ? e.at : m; }, since || d.now);
        set(SINCE, since ? latest : d.now);
        if (!fresh.length) return;
        set(UNSEEN, String(unseen() + fresh.length));
        fresh.forEach(notify);
        tone();
        show();
      })
      .catch(function () { /* offline for a moment */ })
      .then(function () { setTimeout(tick, every); });
  }
  if (bell) bell.addEventListener('click', function () {
    set(ON, '1');
    try { audio = audio || new (window.AudioContext || window.webkitAudioContext)(); audio.resume(); } catch (e) { /* none */ }
    if ('Notification' in window && Notification.permission === 'default') Notification.requestPermission().then(show);
    if ('Notification' in window && Notification.permission === 'denied' && bell.dataset.blocked) bell.title = bell.dataset.blocked;
    seen();
  });
  if (body.dataset.page === 'queue') seen(); else show();
  tick();
})();
`;
