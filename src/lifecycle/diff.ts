/**
 * Unified diff (`diff -u` / git format, 3 lines of context) of two texts, line by line. The
 * common prefix and suffix are stripped first, then the middle is aligned by longest common
 * subsequence; imports and status edits change a few lines at the top, so this stays small.
 * No diff library is among adrkit's dependencies, hence this small implementation. Pure.
 *
 * @returns the diff, empty when the texts are equal.
 */
export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string, context = 3): string {
  if (oldText === newText) return '';
  const a = splitLines(oldText);
  const b = splitLines(newText);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: Array<{ kind: ' ' | '-' | '+'; text: string; ai: number; bi: number }> = [];
  for (let i = 0; i < start; i++) ops.push({ kind: ' ', text: a[i], ai: i, bi: i });
  for (const op of lcsOps(a.slice(start, endA), b.slice(start, endB))) ops.push({ ...op, ai: op.ai + start, bi: op.bi + start });
  for (let i = 0; i < a.length - endA; i++) ops.push({ kind: ' ', text: a[endA + i], ai: endA + i, bi: endB + i });

  const out = [`--- ${oldName}`, `+++ ${newName}`];
  let i = 0;
  while (i < ops.length) {
    if (ops[i].kind === ' ') {
      i++;
      continue;
    }
    let from = Math.max(0, i - context);
    let to = i;
    // extend the hunk while changes are within 2*context lines of each other
    for (let j = i; j < ops.length; j++) {
      if (ops[j].kind !== ' ') to = j;
      else if (j - to > 2 * context) break;
    }
    const end = Math.min(ops.length, to + context + 1);
    const hunk = ops.slice(from, end);
    const aStart = hunk.find((o) => o.kind !== '+')?.ai ?? hunk[0].ai;
    const bStart = hunk.find((o) => o.kind !== '-')?.bi ?? hunk[0].bi;
    const aLen = hunk.filter((o) => o.kind !== '+').length;
    const bLen = hunk.filter((o) => o.kind !== '-').length;
    out.push(`@@ -${aLen ? aStart + 1 : aStart},${aLen} +${bLen ? bStart + 1 : bStart},${bLen} @@`);
    for (const o of hunk) out.push(`${o.kind}${o.text}`);
    i = end;
    from = end;
  }
  return `${out.join('\n')}\n`;
}

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function lcsOps(a: string[], b: string[]): Array<{ kind: ' ' | '-' | '+'; text: string; ai: number; bi: number }> {
  const n = a.length;
  const m = b.length;
  if (n * m > 4_000_000) {
    return [...a.map((text, ai) => ({ kind: '-' as const, text, ai, bi: 0 })), ...b.map((text, bi) => ({ kind: '+' as const, text, ai: n, bi }))];
  }
  const table: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
  const ops: Array<{ kind: ' ' | '-' | '+'; text: string; ai: number; bi: number }> = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) ops.push({ kind: ' ', text: a[i], ai: i++, bi: j++ });
    else if (j < m && (i === n || table[i][j + 1] >= table[i + 1][j])) ops.push({ kind: '+', text: b[j], ai: i, bi: j++ });
    else ops.push({ kind: '-', text: a[i], ai: i++, bi: j });
  }
  return ops;
}
