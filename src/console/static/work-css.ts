// Styles of the working-day features (issue 16): alerts bell, escalation badge, triage, the
// conversation, the public-reply box versus the internal note, keyboard help.
export const WORK_CSS = String.raw`
.bell { position: relative; text-decoration: none; font-size: 1.05rem; margin-inline: .4rem; }
.bell[aria-pressed="true"] { filter: none; }
.bell[aria-pressed="false"] { filter: grayscale(1); opacity: .75; }
.alert-count { position: absolute; inset-block-start: -.5rem; inset-inline-end: -.7rem; background: var(--warn); color: #fff; border-radius: 999px; font-size: .7rem; padding: 0 .35rem; }
.badge.escalated { background: #f3e8ff; color: #6b21a8; border-color: #d8b4fe; }
.conversation { list-style: none; padding: 0; margin: 0; display: grid; gap: .6rem; }
.conversation li { border: 1px solid var(--line); border-radius: .6rem; padding: .5rem .75rem; max-width: 92%; }
.conversation li.citizen { background: #fff; justify-self: start; }
.conversation li.ours { background: #eef6f1; justify-self: end; }
.conversation li.failed, .conversation li.stale { background: var(--warn-bg); }
.conversation small { color: var(--muted, #555); }
.reply-status { font-weight: 600; }
.public-reply { border: 2px solid #1a56b8; border-radius: .6rem; padding: .75rem; background: #f5f9ff; }
.public-reply legend, .internal-note legend { font-weight: 700; padding: 0 .3rem; }
.internal-note { border: 2px dashed #a16207; border-radius: .6rem; padding: .75rem; background: #fffbeb; }
.internal-note textarea { background: #fffdf5; }
.counter { font-variant-numeric: tabular-nums; }
.counter.over { color: var(--warn); font-weight: 700; }
.triage-form { display: grid; gap: .5rem; }
.notes li { background: #fffbeb; border-inline-start: 4px solid #a16207; padding-inline-start: .5rem; }
.tag-internal { font-size: .75rem; color: #a16207; font-weight: 700; }
nav.views { display: flex; flex-wrap: wrap; gap: .4rem; margin-block: .5rem; }
nav.views a { padding: .2rem .7rem; border: 1px solid var(--line); border-radius: 999px; text-decoration: none; }
nav.views a[aria-current] { background: #1a56b8; color: #fff; border-color: #1a56b8; }
form.search { display: flex; gap: .4rem; margin-block: .5rem; }
form.search input { flex: 1; min-width: 0; }
.pager { display: flex; gap: 1rem; align-items: center; margin-block: .5rem; }
.bulk { flex-wrap: wrap; gap: .4rem; align-items: center; }
.ticket.selected { outline: 3px solid #1a56b8; outline-offset: 2px; }
.keys div { display: flex; gap: 1rem; }
.keys dt { min-width: 4rem; }
dialog[data-shortcuts] { max-width: min(30rem, 92vw); }
/* Charts: drawn in a 480-unit box; capped so text stays ~15-17px on a desktop, and larger units on a phone. */
.chart svg { max-width: 560px; margin-inline: auto; }
@media (max-width: 520px) { .chart .label { font-size: 17px; } .chart .value { font-size: 16px; } .chart .small { font-size: 14px; } }
table.staff, table.audit { display: block; overflow-x: auto; max-width: 100%; border-collapse: collapse; }
table.staff td, table.audit td, table.staff th, table.audit th { padding: .3rem .5rem; border-bottom: 1px solid var(--line); text-align: start; }
`;
