// A tiny HTML builder: `markup` tagged templates escape every interpolated value unless it is
// already Html (built by `markup` itself or marked with `raw`). Tweets are attacker-controlled
// text, so escaping is the default and opting out is explicit.
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

export type Part = Html | string | number | boolean | null | undefined | Part[];

function render(v: Part): string {
  if (v === null || v === undefined || v === false || v === true) return '';
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  return escapeHtml(String(v));
}

export function markup(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => (out += render(v) + strings[i + 1]!));
  return new Html(out);
}

/** Trusted markup (our own SVG, for instance). */
export const raw = (s: string) => new Html(s);

/** `selected`/`checked` style boolean attributes. */
export const attr = (name: string, on: boolean | undefined) => (on ? raw(` ${name}`) : raw(''));
