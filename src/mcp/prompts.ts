import { completable, type GetPromptResult, type McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { resolveRecord } from '../decision/resolve.js';
import { staleRecords } from '../decision/stale.js';
import { matrixData } from '../decision/matrix.js';
import { AdrkitError } from '../model/errors.js';
import type { LoadedRecord } from '../workspace/read-log.js';
import type { McpSession } from './session.js';
import { errorText } from './errors.js';
import { recordUri } from './resources.js';

function user(text: string): GetPromptResult {
  return { messages: [{ role: 'user', content: { type: 'text', text } }] };
}

function recordBlock(loaded: LoadedRecord): string {
  return `Record ${recordUri(loaded.record)} (${loaded.file}):\n\n\`\`\`\`markdown\n${loaded.text.trimEnd()}\n\`\`\`\``;
}

/** A prompt callback whose adrkit errors reach the client as one line with adrkit's message and hint. */
function guarded<A>(run: (args: A) => Promise<GetPromptResult>): (args: A) => Promise<GetPromptResult> {
  return async (args) => {
    try {
      return await run(args);
    } catch (error) {
      throw new Error(errorText(error));
    }
  };
}

/** Record numbers / slugs for argument completion. */
function recordCompletion(session: McpSession) {
  return async (value: string | undefined) => {
    const { records } = await session.read();
    return records.map(({ record }) => (record.number !== undefined ? String(record.number) : record.slug)).filter((n) => n.startsWith(value ?? '')).slice(0, 100);
  };
}

/** Registers the prompts: draft an Algorithm Decision Record, review a decision, revisit a stale decision. */
export function registerPrompts(server: McpServer, session: McpSession): void {
  server.registerPrompt(
    'draft_decision_record',
    {
      title: 'Draft an Algorithm Decision Record',
      description: 'Draft a new Algorithm Decision Record (context, criteria including reliable implementation, hardware and data, at least three options linked to radar blips, impacts), checked against the existing log, then create it with new_record (preview, then confirm).',
      argsSchema: z.object({
        problem: z.string().describe('the decision to make, e.g. "which model embeds product images for search"'),
        context: z.string().optional().describe('what the team knows: data, constraints, deadlines'),
      }),
    },
    guarded(async ({ problem, context }) => {
      const { records } = await session.read();
      const related = (await session.searchIndex(records)).query(problem, 5);
      const [{ MIN_OPTIONS }, { DEFAULT_CRITERIA }] = await Promise.all([import('../scaffold/new-input.js'), import('../scaffold/render.js')]);
      const criteria = DEFAULT_CRITERIA.map((c) => `- ${c.name} (\`${c.id}\`, weight ${c.weight}): ${c.description}`).join('\n');
      return user([
        `Draft an Algorithm Decision Record for: ${problem}`,
        ...(context ? ['', `Context from the team: ${context}`] : []),
        '',
        'Write it with these parts:',
        '1. **Context**: the problem, the data (volume, labels, drift), the users and the constraints that make the decision necessary now.',
        '2. **Decision criteria**, weighted. Use at least these (the adrkit defaults):',
        criteria,
        `3. **Options**: at least ${MIN_OPTIONS} realistic options. For each: what it is, a maintained implementation (library, licence), hardware it needs for training and inference, data it needs, and its technology-radar blip when it has one (check with the \`blip\` tool: a blip in the HOLD ring needs a strong reason). Score each option on each criterion (1–5).`,
        '4. **Decision**: the chosen option and why, tied to the criteria scores.',
        '5. **Impacts**: consequences for the code, infrastructure, cost, the team and evaluation; how it will be monitored; when to revisit it.',
        '',
        related.length
          ? `Decisions already in the log that look related (read them with get_record before proposing an option the team rejected or superseded):\n${related.map((h) => `- ${h.doc.title} (${h.doc.status}) ${recordUri(h.doc.loaded.record)}`).join('\n')}`
          : 'No existing decision in the log matches this problem (search found nothing).',
        '',
        'Then call the `new_record` tool with template "algorithm", the title, the criteria and the options (with their blips), WITHOUT confirm: show me the diff it returns. Only after I approve, call it again with confirm: true, and fill in the sections of the created file.',
      ].join('\n'));
    }),
  );

  server.registerPrompt(
    'review_decision',
    {
      title: 'Review a decision',
      description: 'Review a decision record: completeness, the criteria and options, the matrix against the choice, radar rings, lint findings.',
      argsSchema: z.object({ record: completable(z.string().describe('record number or slug'), recordCompletion(session)) }),
    },
    guarded(async ({ record }) => {
      const { records } = await session.read();
      const target = resolveRecord(records, record);
      const { lintProject } = await import('../workspace/lint-project.js');
      const lint = await lintProject(session.cwd, { files: [target.file], today: session.today() });
      const matrix = matrixData(target.record, target.file);
      return user([
        `Review this decision record as a senior data scientist on the team would in a pull request.`,
        '',
        recordBlock(target),
        '',
        matrix ? `Its weighted decision matrix (computed by adrkit):\n\`\`\`json\n${JSON.stringify(matrix, null, 2)}\n\`\`\`` : 'It has no scored decision matrix.',
        '',
        lint.findings.length ? `adrkit lint findings:\n${lint.findings.map((f) => `- ${f.file}:${f.line}:${f.column} ${f.severity}: ${f.message} (${f.ruleId})`).join('\n')}` : 'adrkit lint reports no finding.',
        '',
        'Check: is the context clear and is the problem worth a decision record? Are the criteria the right ones (quality on our data, reliable implementation, hardware, data needs, cost) and weighted sensibly? Are there at least three real options, fairly described? Does the chosen option follow from the scores, and if not, is the reason written down? Do linked radar blips sit in a reasonable ring (HOLD needs justification)? Are impacts, monitoring and a revisit date given?',
        'Answer with a short verdict (approve / request changes) and a list of concrete changes. Use get_record, blip and search for more context.',
      ].join('\n'));
    }),
  );

  server.registerPrompt(
    'revisit_decision',
    {
      title: 'Revisit a stale decision',
      description: 'Revisit an accepted decision past its revisit date, or whose radar blips moved ring: is it still right, or should it be superseded? Without a record, takes the most overdue one.',
      argsSchema: z.object({ record: completable(z.string().describe('record number or slug (default: the most overdue stale decision)'), recordCompletion(session)).optional() }),
    },
    guarded(async ({ record }) => {
      const { project, records } = await session.read();
      const stale = staleRecords(records, { today: session.today(), months: project.config.config.revisitMonths, radars: session.radars(project) });
      let target: LoadedRecord;
      if (record) target = resolveRecord(records, record);
      else {
        const first = [...stale].sort((a, b) => (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0))[0];
        if (!first) throw new AdrkitError('not-found', 'no decision is stale: none is past its revisit date and no radar blip moved ring', { hint: 'name a record to revisit it anyway' });
        target = records.find((r) => r.file === first.path)!;
      }
      const why = stale.find((s) => s.path === target.file);
      return user([
        `Revisit this decision: is it still the right one today (${session.today()})?`,
        '',
        why
          ? why.source === 'ring-moved'
            ? `Why now: radar blips of its options moved ring since the decision: ${why.moves?.join('; ')}.`
            : `Why now: its revisit date ${why.due} passed ${why.daysOverdue} days ago (${why.source === 'revisit-by' ? '`revisit-by`' : `accepted ${why.acceptedOn} + the revisit interval`}).`
          : 'It is not flagged as stale; revisit it on request.',
        '',
        recordBlock(target),
        '',
        'Check each option against what is true now: newer versions or models, the ring of its radar blip (use the `blip` tool), changes in our data, hardware and cost, and what production experience taught us. Then recommend one of: keep it (and set a new `revisit-by`), amend it, or supersede it with a new decision — in that case draft it with the draft_decision_record prompt and link them with the supersede tool (preview first, confirm after approval).',
      ].join('\n'));
    }),
  );
}
