// The ticket page's reply box: templates as starting points, the language switch (which
// templates are offered, and the text direction) and a live length counter weighted the way
// X counts (twitter-text v3: most scripts incl. Arabic 1 per character, others 2, a link 23).
// The server checks again with twitter-text itself before anything reaches the outbox.
export const TICKET_JS = String.raw`
(function () {
  function weighted(text) {
    var n = 0, s = text.normalize('NFC').replace(/https?:\/\/\S+/g, function () { n += 23; return ''; });
    for (var ch of s) {
      var c = ch.codePointAt(0);
      n += (c <= 4351 || (c >= 8192 && c <= 8205) || (c >= 8208 && c <= 8223) || (c >= 8242 && c <= 8247)) ? 1 : 2;
    }
    return n;
  }
  function wire(form) {
    if (form.dataset.wired) return;
    form.dataset.wired = '1';
    var text = form.querySelector('[data-reply-text]');
    var counter = form.querySelector('[data-counter]');
    var lang = form.querySelector('[data-reply-lang]');
    var tpl = form.querySelector('[data-template]');
    function count() {
      var n = weighted(text.value.trim());
      counter.textContent = counter.dataset.label.replace('{n}', String(n));
      counter.classList.toggle('over', n > Number(counter.dataset.max));
      counter.dataset.n = String(n);
    }
    text.addEventListener('input', count);
    lang.addEventListener('change', function () {
      text.dir = lang.value === 'ar' ? 'rtl' : 'ltr';
      Array.prototype.forEach.call(tpl.options, function (o) { if (o.value) o.hidden = o.dataset.lang !== lang.value; });
      tpl.value = '';
    });
    tpl.addEventListener('change', function () {
      if (!tpl.value) return;
      text.value = tpl.value;
      count();
      text.focus();
    });
    count();
  }
  function all() { document.querySelectorAll('form[data-action=reply]').forEach(wire); }
  all();
  // The actions part is re-rendered when the ticket changes: wire the new form too.
  new MutationObserver(all).observe(document.body, { childList: true, subtree: true });
})();
`;
