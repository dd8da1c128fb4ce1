// Inline SVG bar charts, generated on the server: no chart library, no script, and they
// mirror for right-to-left (labels and the start of every axis on the reading side).
import { formatNumber } from './format';
import { markup, raw, type Html } from './html';
import type { UiLang } from './ui-lang';

export interface Bar {
  label: string;
  value: number;
  /** Shown at the end of the bar instead of the number (e.g. "12 min"). */
  valueText?: string;
  /** Extra CSS class for the bar (e.g. 'warn'). */
  tone?: string;
}

const esc = (s: string) => markup`${s}`.value;

/** Categories and the like: one row per bar, longest labels first-column. */
/**
 * A label shortened (with …) to about `px` user units, so it is never cut at the edge nor runs
 * into its bar: ~9.3 units per character covers Latin and Arabic at the largest size the CSS
 * draws labels (17 units on a phone). The full label stays in the tooltip and the table.
 */
export function fitLabel(label: string, px: number): string {
  const chars = [...label];
  const max = Math.max(4, Math.floor(px / 9.3));
  return chars.length <= max
    ? label
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

export function horizontalBars(lang: UiLang, title: string, bars: Bar[]): Html {
  const rtl = lang === 'ar';
  // Drawn at about the size a half-width laptop column shows it, so text stays ~15px.
  const width = 480;
  const row = 30;
  const labelW = 180;
  const valueW = 44;
  const height = Math.max(row, bars.length * row) + 8;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const span = width - labelW - valueW - 20;
  const parts: string[] = [];
  bars.forEach((b, i) => {
    const y = 4 + i * row;
    const w = Math.max(b.value > 0 ? 2 : 0, (b.value / max) * span);
    // A clear gap between label and bar in both directions.
    const barX = rtl ? width - labelW - 12 - w : labelW + 12;
    const labelX = rtl ? width : labelW;
    const valueX = rtl ? barX - 6 : barX + w + 6;
    const value = b.valueText ?? formatNumber(lang, b.value);
    parts.push(
      `<g class="bar-row"><title>${esc(`${b.label}: ${value}`)}</title>` +
        `<text x="${labelX}" y="${y + row / 2}" class="label" text-anchor="${rtl ? 'start' : 'end'}" direction="${rtl ? 'rtl' : 'ltr'}" dominant-baseline="middle">${esc(fitLabel(b.label, labelW - 6))}</text>` +
        `<rect x="${barX.toFixed(1)}" y="${y + 5}" width="${w.toFixed(1)}" height="${row - 10}" rx="3" class="bar ${b.tone ?? ''}"/>` +
        `<text x="${valueX.toFixed(1)}" y="${y + row / 2}" class="value" text-anchor="${rtl ? 'end' : 'start'}" direction="ltr" dominant-baseline="middle">${esc(value)}</text></g>`,
    );
  });
  return figure(title, width, height, parts.join(''), bars, lang);
}

/** Hours of the day and the like: vertical columns, mirrored in RTL (first column on the right). */
export function columns(lang: UiLang, title: string, bars: Bar[], o: { labelEvery?: number } = {}): Html {
  const rtl = lang === 'ar';
  const width = 480;
  const height = 190;
  const top = 18;
  const bottom = 26;
  const n = Math.max(1, bars.length);
  const slot = (width - 8) / n;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const plotH = height - top - bottom;
  const every = o.labelEvery ?? 1;
  const parts: string[] = [
    `<line x1="0" x2="${width}" y1="${height - bottom}" y2="${height - bottom}" class="axis"/>`,
  ];
  bars.forEach((b, i) => {
    const slotX = rtl ? width - 4 - (i + 1) * slot : 4 + i * slot;
    const h = (b.value / max) * plotH;
    const x = slotX + slot * 0.15;
    const w = slot * 0.7;
    const y = height - bottom - h;
    const value = b.valueText ?? formatNumber(lang, b.value);
    parts.push(
      `<g class="col"><title>${esc(`${b.label}: ${value}`)}</title>` +
        `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${w.toFixed(1)}" height="${h.toFixed(1)}" rx="2" class="bar ${b.tone ?? ''}"/>` +
        (b.value > 0
          ? `<text x="${(x + w / 2).toFixed(1)}" y="${(y - 4).toFixed(1)}" class="value small" text-anchor="middle">${esc(value)}</text>`
          : '') +
        (i % every === 0
          ? `<text x="${(x + w / 2).toFixed(1)}" y="${height - bottom + 16}" class="label small" text-anchor="middle">${esc(b.label)}</text>`
          : '') +
        `</g>`,
    );
  });
  return figure(title, width, height, parts.join(''), bars, lang);
}

function figure(title: string, width: number, height: number, body: string, bars: Bar[], lang: UiLang): Html {
  return markup`<figure class="chart">
    <figcaption>${title}</figcaption>
    <svg
      viewBox="0 0 ${width} ${height}"
      role="img"
      aria-label="${title}"
      preserveAspectRatio="xMidYMin meet"
    >
      ${raw(body)}
    </svg>
    <table class="sr-only">
      <caption>
        ${title}
      </caption>
      <tbody>
        ${bars.map(
          (b) =>
            markup`<tr>
              <th scope="row">${b.label}</th>
              <td>${b.valueText ?? formatNumber(lang, b.value)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </figure>`;
}
