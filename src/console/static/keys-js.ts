// Keyboard shortcuts (listed under "?"): j/k move through the queue, o opens, c claims,
// x ticks for a bulk action, / searches, g q goes to the queue. Never while typing in a field.
export const KEYS_JS = String.raw`
(function () {
  var help = document.querySelector('[data-shortcuts]');
  var current = -1, lastG = 0;
  function cards() { return Array.prototype.slice.call(document.querySelectorAll('#queue-list .ticket')); }
  function select(i) {
    var list = cards();
    if (!list.length) return;
    current = Math.max(0, Math.min(list.length - 1, i));
    list.forEach(function (c, k) { c.classList.toggle('selected', k === current); });
    list[current].scrollIntoView({ block: 'nearest' });
  }
  document.addEventListener('keydown', function (e) {
    var el = e.target;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName))) return;
    var card = cards()[current];
    if (e.key === '?') { if (help && help.showModal) { help.showModal(); } e.preventDefault(); return; }
    if (e.key === '/') { var s = document.querySelector('[data-search]'); if (s) { s.focus(); e.preventDefault(); } return; }
    if (e.key === 'g') { lastG = Date.now(); return; }
    if (e.key === 'q' && Date.now() - lastG < 1500) { location.href = '/queue'; return; }
    if (e.key === 'j') return select(current + 1);
    if (e.key === 'k') return select(current - 1);
    if (!card) return;
    if (e.key === 'o' || e.key === 'Enter') { card.querySelector('a.ref').click(); return; }
    if (e.key === 'c') { var b = card.querySelector('form.quick button'); if (b) b.click(); return; }
    if (e.key === 'x') { var t = card.querySelector('[data-tick]'); if (t) t.checked = !t.checked; }
  });
})();
`;
