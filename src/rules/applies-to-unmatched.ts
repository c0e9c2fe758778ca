import { appliesTo, globMatcher } from '../model/applies-to.js';
import { defineRule } from './define.js';

export default defineRule({
  meta: {
    id: 'applies-to-unmatched',
    description: 'Every `applies-to` glob of a record matches at least one file of the repository.',
    severity: 'warn',
    fixable: false,
    scope: 'log',
    messages: {
      unmatched: 'applies-to glob "{{glob}}" matches no file in the repository: fix the path or remove it (globs are relative to the project root)',
    },
    docs: '`applies-to: [globs]` in the front matter names the code paths a decision governs; `adrkit review` lists the accepted and proposed decisions whose globs match a pull request\'s changed files, and `adrkit governs <path…>` answers locally. A glob that matches nothing (a typo, a moved folder) silently governs nothing. Globs use picomatch syntax, relative to the project root; files are those git lists (tracked and untracked, not ignored). Without git the rule does not run.',
  },
  // Log scope: the answer depends on the repository's files, not on the record alone (record-scope
  // findings are remembered per record content).
  check({ targets, repositoryFiles, report }) {
    if (!repositoryFiles) return;
    for (const target of targets) {
      const value = target.record.frontmatter['applies-to'];
      for (const glob of appliesTo(target.record)) {
        const test = globMatcher(glob);
        if (repositoryFiles.some((f) => test(f))) continue;
        const index = Array.isArray(value) ? value.indexOf(glob) : -1;
        report(target, { messageId: 'unmatched', data: { glob }, path: index >= 0 ? `applies-to[${index}]` : 'applies-to' });
      }
    }
  },
});
