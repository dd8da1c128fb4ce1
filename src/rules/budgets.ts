// Rule files are untrusted input: whoever can save into rules/ must not be able to freeze or
// crash the bot with a file that is valid YAML. Every limit here is far above what a real
// pack needs (the shipped municipality pack: at most 24 KB per file, ~200 KB in all, under 100
// phrases per rule) and low enough that checking, parsing and compiling stay under a second.
import { isAlias, isCollection, isPair, isScalar, type Document, type Node } from 'yaml';
import type { CST } from 'yaml';

export interface RuleBudgets {
  /** Bytes per file: checked on the file's size before it is read. */
  maxFileBytes: number;
  /** Bytes for all the pack's files together. */
  maxPackBytes: number;
  /** Nested mappings/lists (YAML has no use for more; deep nesting crashes recursive code). */
  maxDepth: number;
  /** Nodes in one file once every alias is expanded (`*name` brings in its whole anchor). */
  maxNodes: number;
  /** Phrases and patterns in one rule (any + all + none + regex). */
  maxPhrasesPerRule: number;
  /** Category rules and urgent signals in the whole pack. */
  maxRulesPerPack: number;
}

// Parsing YAML costs about 2 s per MB on a busy 2-core machine, all of it on the bot's event
// loop: 256 KB keeps the worst file a few hundred ms (the largest shipped file is 24 KB).
export const RULE_BUDGETS: RuleBudgets = {
  maxFileBytes: 256 * 1024,
  maxPackBytes: 4 * 1024 * 1024,
  maxDepth: 32,
  maxNodes: 100_000,
  maxPhrasesPerRule: 1_000,
  maxRulesPerPack: 2_000,
};

export const mb = (bytes: number): string =>
  bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** The offset of the first collection nested deeper than `max`, found on the CST without
 *  recursion (the parser itself is iterative; the composer and toJS are not). */
export function tooDeep(docs: Iterable<CST.Token>, max: number): number | undefined {
  const stack: { tok: CST.Token | undefined; depth: number }[] = [];
  for (const d of docs) stack.push({ tok: d, depth: 0 });
  while (stack.length) {
    const { tok, depth } = stack.pop()!;
    if (!tok) continue;
    switch (tok.type) {
      case 'document':
        stack.push({ tok: tok.value, depth });
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        const d = depth + 1;
        if (d > max) return tok.offset;
        for (const it of tok.items) {
          const item = it as { key?: CST.Token | null; value?: CST.Token };
          if (item.key) stack.push({ tok: item.key, depth: d });
          if (item.value) stack.push({ tok: item.value, depth: d });
        }
        break;
      }
      case 'block-scalar':
      case 'alias':
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      default:
        break;
    }
  }
  return undefined;
}

/** The first alias at which the document, with aliases expanded, passes `max` nodes (its
 *  offset), or undefined. Counted on the composed tree before toJS() builds anything; each
 *  anchor's size is computed once, so a million-fold expansion costs one walk. */
export function aliasOverflow(doc: Document, max: number): { offset: number; nodes: number } | undefined {
  const sizes = new Map<unknown, number>();
  // Alias.resolve() searches the whole document on every call: keep our own anchor table
  // (in document order, so an alias finds the latest anchor of its name before it).
  const anchors = new Map<string, unknown>();
  let total = 0;
  let over: { offset: number; nodes: number } | undefined;
  const size = (node: unknown): number => {
    if (node === null || node === undefined) return 0;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    let n = 1;
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      n = target ? (sizes.get(target) ?? 1) : 1;
      total += n; // the alias stands for its anchor's whole tree
      if (!over && total > max) over = { offset: node.range?.[0] ?? 0, nodes: total };
      return n;
    }
    sizes.set(node, 1); // a cycle through an anchor counts once
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) anchors.set(anchor, node);
    total += 1;
    if (isPair(node)) n += size(node.key) + size(node.value);
    else if (isCollection(node)) for (const it of node.items) n += size(it);
    else if (!isScalar(node)) n = 1;
    sizes.set(node, n);
    return n;
  };
  size((doc as { contents: Node | null }).contents);
  return over ?? (total > max ? { offset: 0, nodes: total } : undefined);
}
