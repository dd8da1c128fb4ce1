// Labelled text files for `mujib eval` and the benchmark: CSV with a header naming a label
// column (label or category) and a text column, or JSON lines with {label|category, text}.
import fs from 'node:fs';
import type { TrainingExample } from './model';

/** RFC 4180 CSV: quoted fields may hold commas, "" quotes and line breaks; CRLF or LF. */
export function parseCsv(input: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = input.charCodeAt(0) === 0xfeff ? 1 : 0; // byte-order mark
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (; i < input.length; i++) {
    const ch = input[i]!;
    if (quoted) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      endRow();
    } else field += ch;
  }
  if (quoted) throw new Error('unterminated quoted field at the end of the CSV');
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

export function parseLabelledCsv(input: string, source = 'CSV'): TrainingExample[] {
  const [header, ...rows] = parseCsv(input);
  const names = (header ?? []).map((h) => h.trim().toLowerCase());
  const li = names.findIndex((h) => h === 'label' || h === 'category');
  const ti = names.indexOf('text');
  if (li < 0 || ti < 0) {
    throw new Error(`${source}: the header must name a label (or category) column and a text column`);
  }
  const out: TrainingExample[] = [];
  rows.forEach((r, n) => {
    if (r.length === 1 && r[0] === '') return; // blank line
    const label = r[li]?.trim();
    const text = r[ti];
    if (!label || text === undefined) throw new Error(`${source}: row ${n + 2} has no label or no text`);
    out.push({ category: label, text });
  });
  return out;
}

export function parseJsonLines(input: string, source = 'JSON lines'): TrainingExample[] {
  const out: TrainingExample[] = [];
  input.split(/\r?\n/).forEach((line, n) => {
    if (line.trim() === '') return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      throw new Error(`${source}: line ${n + 1} is not JSON`);
    }
    const o = (v ?? {}) as { label?: unknown; category?: unknown; text?: unknown };
    const label = o.label ?? o.category;
    if (typeof label !== 'string' || typeof o.text !== 'string' || label.trim() === '') {
      throw new Error(`${source}: line ${n + 1} needs a string "label" (or "category") and "text"`);
    }
    out.push({ category: label.trim(), text: o.text });
  });
  return out;
}

/** Reads a .csv, or a .jsonl / .ndjson / .json-lines file (decided by the first character otherwise). */
export function readLabelledFile(file: string): TrainingExample[] {
  const text = fs.readFileSync(file, 'utf8');
  const jsonl =
    /\.(jsonl|ndjson)$/i.test(file) || (!/\.csv$/i.test(file) && text.trimStart().startsWith('{'));
  return jsonl ? parseJsonLines(text, file) : parseLabelledCsv(text, file);
}
