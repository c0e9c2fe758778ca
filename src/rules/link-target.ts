import { posix } from 'node:path';
import { z } from 'zod';
import type { RecordRef } from '../model/record.js';
import { closest } from '../util/suggest.js';
import { defineRule, type Report, type RuleRecord } from './define.js';
import { frontmatterRefs } from './shared/refs.js';
import { recordIndex } from '../decision/resolve.js';
import { decodeUriSafe } from '../util/uri.js';

const RELATION_KEYS = ['supersedes', 'superseded-by', 'relates-to', 'amends'] as const;

export default defineRule({
  meta: {
    id: 'link-target',
    description: 'Relative links in the body and `supersedes` / `superseded-by` / `relates-to` / `amends` references point to records and files that exist in the decision log.',
    severity: 'error',
    fixable: false,
    scope: 'log',
    messages: {
      brokenLink: 'link target "{{href}}" does not exist{{hint}}',
      outside: 'link "{{href}}" leaves the decision log folder: cannot check it',
      brokenRef: '{{key}} "{{ref}}" does not match any record of the log{{hint}}',
    },
    options: z
      .object({
        outside: z.enum(['info', 'ignore']).default('info').describe('links leaving the log folder: report as info ("cannot check") or ignore them'),
      })
      .strict(),
    docs: 'References resolve by relative path, slug or file name (`0012-use-x`, `0012-use-x.md`), record number (`12`, `ADR-0012`) and, for imported records, by title. A reference that several records match (the same number in two folders) means the one in the referring record\'s folder; when that does not single one out it is ambiguous and reported. Links that leave the decision log folder (`../../src/x.ts`, `/docs/x`) cannot be checked from the log alone and are reported as `info` (option `outside: "ignore"` drops them).',
  },
  check({ records, targets, files, logDirs, options, report }) {
    const known = new Set(files ?? records.map((r) => r.file));
    const dirs = new Set<string>();
    for (const f of known) for (let d = posix.dirname(f); ; d = posix.dirname(d)) {
      if (dirs.has(d)) break;
      dirs.add(d);
      if (d === '.' || d === '/') break;
    }
    const logDirOf = (file: string) => {
      const candidates = (logDirs ?? []).filter((d) => d === '.' || file.startsWith(`${d}/`)).sort((a, b) => b.length - a.length);
      return candidates[0] ?? posix.dirname(file);
    };
    const inside = (path: string, dir: string) => dir === '.' ? !path.startsWith('../') && path !== '..' && !path.startsWith('/') : path.startsWith(`${dir}/`) || path === dir;

    for (const target of targets) {
      const logDir = logDirOf(target.file);
      for (const link of target.record.links) {
        const pathPart = decodeUriSafe(link.href.replace(/[#?].*$/, ''));
        if (!pathPart) continue;
        const resolved = pathPart.startsWith('/') ? pathPart : posix.normalize(posix.join(posix.dirname(target.file), pathPart)).replace(/\/$/, '');
        if (!inside(resolved, logDir)) {
          if (options.outside === 'info') report(target, { messageId: 'outside', data: { href: link.href }, position: link.position, severity: 'info' });
          continue;
        }
        if (known.has(resolved) || dirs.has(resolved)) continue;
        // A template's example target (`yyyymmdd-xxx.md`, `NNNN-title.md`) is an unfilled placeholder, not a broken link.
        if (/(?:^|[/-])(?:x{3,}|y{4}m{2}d{2}|n{4})(?:[-.]|$)/i.test(pathPart)) continue;
        report(target, { messageId: 'brokenLink', data: { href: link.href, hint: linkHint(resolved, known, target.file) }, position: link.position });
      }
      checkRefs(target, records, report);
    }
  },
});

function linkHint(resolved: string, known: Set<string>, from: string): string {
  const rel = (p: string) => posix.relative(posix.dirname(from), p);
  if (known.has(`${resolved}.md`)) return ` (did you mean "${rel(`${resolved}.md`)}"?)`;
  const lower = resolved.toLowerCase();
  for (const f of known) if (f.toLowerCase() === lower) return ` (did you mean "${rel(f)}"? file names are case-sensitive)`;
  const siblings = [...known].filter((f) => posix.dirname(f) === posix.dirname(resolved)).map((f) => posix.basename(f));
  const near = closest(posix.basename(resolved), siblings);
  return near ? ` (did you mean "${rel(posix.join(posix.dirname(resolved), near))}"?)` : '';
}

function checkRefs(target: RuleRecord, records: RuleRecord[], report: (t: RuleRecord, r: Report) => void): void {
  const hint = (ref: RecordRef) => {
    const near = typeof ref === 'string' ? closest(ref.replace(/\.md$/, ''), records.map((r) => r.record.slug)) : undefined;
    return near ? ` (did you mean "${near}"?)` : '';
  };
  const fromFrontmatter = new Set<string>();
  for (const key of RELATION_KEYS) {
    const value = target.record.frontmatter[key];
    const list = frontmatterRefs(target, key);
    list.forEach((ref, i) => {
      fromFrontmatter.add(String(ref));
      if (recordIndex(records).resolve(ref, target)) return;
      report(target, { messageId: 'brokenRef', data: { key, ref: String(ref), hint: hint(ref) }, path: Array.isArray(value) ? `${key}[${i}]` : key });
    });
  }
  // references read from the body (Nygard "Superseded by 12. Title" lines); links there are checked as links
  for (const [key, refs] of [['supersedes', target.record.supersedes], ['superseded-by', target.record.supersededBy]] as const) {
    for (const ref of refs) {
      if (fromFrontmatter.has(String(ref))) continue;
      if (typeof ref === 'string' && (ref.includes('/') || /\.(md|markdown)$/i.test(ref))) continue;
      if (recordIndex(records).resolve(ref, target)) continue;
      report(target, { messageId: 'brokenRef', data: { key, ref: String(ref), hint: hint(ref) }, path: 'status' });
    }
  }
}
