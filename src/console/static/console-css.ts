// The console's stylesheet. Logical properties (inline-start/end) everywhere, so one sheet
// serves Arabic (rtl) and English (ltr); a single column on phones, wider grids on laptops.
export const CONSOLE_CSS = String.raw`
:root {
  --bg: #f5f6f4; --fg: #1b2420; --muted: #5d6b64; --card: #fff; --line: #d9dfdb;
  --brand: #0b6b4f; --brand-fg: #fff; --warn: #b3261e; --warn-bg: #fdecea; --ok-bg: #e6f4ea;
  --p1: #b3261e; --p2: #c56a00; --p3: #0b6b4f; --p4: #6b7a73; --radius: 10px;
  color-scheme: light;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--fg); line-height: 1.6; font-size: 16px;
  font-family: system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
html[lang="ar"] body { font-family: "Noto Sans Arabic", "Noto Naskh Arabic", "Segoe UI", Tahoma, "Geeza Pro", system-ui, sans-serif; font-size: 17px; }
main { max-width: 1100px; margin: 0 auto; padding: 1rem; text-align: start; }
h1 { font-size: 1.5rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.15rem; margin: 1.2rem 0 .5rem; }
h3 { font-size: 1rem; margin: 1rem 0 .4rem; }
a { color: var(--brand); }
.muted { color: var(--muted); }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.skip { position: absolute; inset-inline-start: -999px; }
.skip:focus { inset-inline-start: 1rem; top: .5rem; background: #fff; padding: .3rem .6rem; z-index: 2; }

.top { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.2rem; padding: .6rem 1rem; background: var(--brand); color: var(--brand-fg); }
.top a { color: var(--brand-fg); text-decoration: none; }
.top .brand { font-weight: 700; font-size: 1.2rem; }
.top nav { display: flex; flex-wrap: wrap; gap: .2rem .9rem; }
.top nav a { padding: .2rem .1rem; border-block-end: 2px solid transparent; }
.top nav a[aria-current="page"] { border-block-end-color: var(--brand-fg); font-weight: 600; }
.top .who { margin-inline-start: auto; display: flex; align-items: center; gap: .4rem; flex-wrap: wrap; }
.top .who .muted { color: #cfe6dc; }
.top .lang { border: 1px solid #ffffff88; border-radius: 999px; padding: .05rem .7rem; }
form.inline { display: inline; margin: 0; }

button, .button {
  font: inherit; border: 1px solid var(--line); background: #fff; color: var(--fg); border-radius: 8px;
  padding: .45rem .9rem; cursor: pointer; text-decoration: none; display: inline-block; line-height: 1.3;
}
button.primary { background: var(--brand); color: var(--brand-fg); border-color: var(--brand); }
button.small { padding: .25rem .7rem; font-size: .9rem; }
button.link { background: none; border: 0; color: inherit; text-decoration: underline; padding: 0; }
button:focus-visible, a:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible { outline: 3px solid #f0b400; outline-offset: 2px; }
input, select, textarea { font: inherit; font-weight: 400; padding: .4rem .55rem; border: 1px solid var(--line); border-radius: 8px; background: #fff; color: inherit; width: 100%; }
label { display: flex; flex-direction: column; gap: .2rem; font-weight: 600; font-size: .95rem; }
label.check { flex-direction: row; align-items: center; gap: .4rem; font-weight: 400; }
label.check input { width: auto; }
.stack { display: flex; flex-direction: column; gap: .7rem; }
.row { display: flex; gap: .6rem; flex-wrap: wrap; align-items: center; }
.filters .buttons { flex-wrap: nowrap; }
.filters .buttons > * { flex: 1; text-align: center; }

.card { background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); padding: 1rem; margin-block: 1rem; }
.signin { max-width: 26rem; margin: 3rem auto; }
.flash { padding: .6rem .9rem; border-radius: 8px; background: var(--ok-bg); }
.flash.error { background: var(--warn-bg); color: var(--warn); }
.banner { background: #fff7d6; border: 1px solid #e8d27a; padding: .5rem .8rem; border-radius: 8px; }

.filters { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: .6rem; align-items: end; background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); padding: .8rem; }
.live { font-size: .9rem; display: flex; align-items: center; gap: .4rem; }
.live .dot { width: .55rem; height: .55rem; border-radius: 50%; background: #2ea36b; display: inline-block; }
.counts { list-style: none; padding: 0; margin: .8rem 0; display: flex; flex-wrap: wrap; gap: .4rem; }
.counts a { display: inline-block; padding: .2rem .7rem; border-radius: 999px; background: #fff; border: 1px solid var(--line); text-decoration: none; color: var(--fg); }
.counts .current a { background: var(--brand); color: var(--brand-fg); }
.tickets { list-style: none; padding: 0; margin: 0; display: grid; gap: .8rem; }
.ticket { background: var(--card); border: 1px solid var(--line); border-inline-start: 6px solid var(--p3); border-radius: var(--radius); padding: .8rem 1rem; }
.ticket.p1 { border-inline-start-color: var(--p1); }
.ticket.p2 { border-inline-start-color: var(--p2); }
.ticket.p4 { border-inline-start-color: var(--p4); }
.ticket.resolved { opacity: .8; }
.ticket-head { display: flex; flex-wrap: wrap; gap: .35rem .5rem; align-items: center; }
.ref { font-weight: 700; font-size: 1.05rem; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; font-size: .8rem; padding: .05rem .55rem; border-radius: 999px; background: #eef1ef; border: 1px solid var(--line); white-space: nowrap; }
.badge.prio.p1, .badge.urgent, .badge.overdue, .badge.reopened { background: var(--warn-bg); color: var(--warn); border-color: #f1b8b3; }
.badge.prio.p2 { background: #fff1e0; color: var(--p2); }
.badge.status.claimed { background: #e8f0fe; color: #1a56b8; }
.badge.status.resolved { background: var(--ok-bg); color: #1e6b3a; }
.tweet { margin: .6rem 0; }
.tweet blockquote { margin: 0; padding: .5rem .8rem; background: #f7f9f8; border-inline-start: 3px solid var(--line); border-radius: 6px; white-space: pre-wrap; overflow-wrap: anywhere; text-align: start; }
.tweet figcaption { font-size: .85rem; color: var(--muted); margin-top: .2rem; }
.facts { display: flex; flex-wrap: wrap; gap: .2rem 1.4rem; margin: .4rem 0; font-size: .92rem; }
.facts div { display: flex; gap: .35rem; }
.facts dt { color: var(--muted); }
.facts dt::after { content: ":"; }
.facts dd { margin: 0; }
.facts.wide { display: grid; grid-template-columns: 1fr; }
details summary { cursor: pointer; color: var(--brand); font-size: .92rem; }
.notes, .history { padding-inline-start: 1.2rem; margin: .3rem 0; font-size: .92rem; }
.notes p { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.quick { display: block; margin-top: .4rem; }
.columns { display: grid; grid-template-columns: 1fr; gap: 1rem; }
.actions { display: grid; grid-template-columns: 1fr; gap: 1rem; align-items: start; }
.empty { padding: 2rem; text-align: center; color: var(--muted); background: var(--card); border-radius: var(--radius); }

.chips { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: .3rem; }
.chips li { background: #eef1ef; border-radius: 6px; padding: 0 .45rem; font-size: .92rem; }
.rules { padding-inline-start: 1.2rem; }
.rules .winner { font-weight: 700; }
.reply-preview { margin: 0; padding: .8rem 1rem; background: #f1f8ff; border: 1px solid #c8def5; border-radius: 12px; white-space: pre-wrap; overflow-wrap: anywhere; }
meter { width: 100%; height: 1rem; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { border-block-end: 1px solid var(--line); padding: .4rem .5rem; text-align: start; vertical-align: top; }

.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: .7rem; margin-block: 1rem; }
.tile { background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); padding: .7rem .9rem; display: flex; flex-direction: column; }
.tile-label { color: var(--muted); font-size: .9rem; }
.tile strong { font-size: 1.6rem; font-variant-numeric: tabular-nums; }
.charts { display: grid; grid-template-columns: 1fr; gap: 1rem; }
.chart { margin: 0; background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); padding: .8rem; }
.chart figcaption { font-weight: 600; margin-bottom: .4rem; }
.chart svg { width: 100%; height: auto; display: block; }
.chart .bar { fill: var(--brand); }
.chart .bar.warn { fill: var(--warn); }
.chart .label { fill: var(--fg); font-size: 15px; }
.chart .value { fill: var(--muted); font-size: 14px; }
.chart .small { font-size: 12px; }
.chart .axis { stroke: var(--line); }

@media (min-width: 760px) {
  main { padding: 1.5rem 2rem; }
  .columns { grid-template-columns: 1fr 1fr; }
  .actions { grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); }
  .charts { grid-template-columns: 1fr 1fr; }
  .facts.wide { grid-template-columns: 1fr 1fr; }
}
@media (prefers-reduced-motion: no-preference) { .live .dot { animation: pulse 2s infinite; } }
@keyframes pulse { 50% { opacity: .35; } }
`;
