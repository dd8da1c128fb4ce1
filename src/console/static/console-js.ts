// The console's only script: keeps open pages current by polling their JSON endpoint
// (FerretDB has no change streams) and swapping in the server-rendered fragment when its
// stamp changes. Forms work without it; it never touches a form someone is typing in.
export const CONSOLE_JS = String.raw`'use strict';
(function () {
  var body = document.body;
  var url = body.dataset.poll;
  if (!url) return;
  var every = Number(body.dataset.pollMs) || 5000;
  var page = body.dataset.page;

  function restoreOpen(el, refs) {
    refs.forEach(function (ref) {
      el.querySelectorAll('details[data-details]').forEach(function (d) {
        if (d.dataset.details === ref) d.open = true;
      });
    });
  }

  function apply(d) {
    if (page === 'queue') {
      var list = document.getElementById('queue-list');
      if (!list || list.dataset.stamp === d.stamp) return;
      if (list.contains(document.activeElement) && document.activeElement.tagName !== 'BODY' && document.activeElement.tagName !== 'A') return;
      // Ticked for a bulk action: keep the ticks until they are used.
      if (list.querySelector('[data-tick]:checked')) return;
      var open = Array.prototype.map.call(list.querySelectorAll('details[open]'), function (x) { return x.dataset.details; });
      list.innerHTML = d.html;
      list.dataset.stamp = d.stamp;
      restoreOpen(list, open);
    } else if (page === 'ticket') {
      var el = document.getElementById('ticket');
      if (!el || el.dataset.stamp === d.stamp) return;
      document.getElementById('ticket-info').innerHTML = d.info;
      var actions = document.getElementById('ticket-actions');
      var typing = Array.prototype.some.call(actions.querySelectorAll('textarea'), function (t) { return t.value.trim() !== ''; });
      var banner = document.getElementById('changed-banner');
      if (typing) {
        banner.textContent = banner.dataset.msgTyping;
      } else {
        actions.innerHTML = d.actions;
        el.dataset.stamp = d.stamp;
        banner.textContent = banner.dataset.msgUpdated;
      }
      banner.hidden = false;
    } else {
      var live = document.querySelector('[data-live]');
      if (!live || live.dataset.stamp === d.stamp) return;
      live.innerHTML = d.html;
      live.dataset.stamp = d.stamp;
    }
  }

  function tick() {
    if (document.hidden) return later();
    fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' })
      .then(function (r) {
        if (r.status === 401) {
          location.href = '/signin?expired=1&next=' + encodeURIComponent(location.pathname + location.search);
          return null;
        }
        return r.ok ? r.json() : null;
      })
      .then(function (d) { if (d) apply(d); })
      .catch(function () { /* offline for a moment: try again next tick */ })
      .then(later);
  }
  function later() { setTimeout(tick, every); }
  later();
  document.addEventListener('visibilitychange', function () { if (!document.hidden) tick(); });
})();
`;
