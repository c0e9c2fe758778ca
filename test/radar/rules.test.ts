import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/engine.js';
import { RULES } from '../../src/rules/index.js';
import { readLog } from '../../src/workspace/read-log.js';
import { loadRadars } from '../../src/radar/load.js';
import { readNativeRadar } from '../../src/radar/readers/native.js';
import { resolveBlip } from '../../src/radar/resolve.js';
import { testdir } from '../helpers/testdir.js';
import { runCli } from '../helpers/fake-io.js';
import { readFileSync } from 'node:fs';

const FIX = join(import.meta.dirname, '../fixtures/radar');
const RADAR_RULES = RULES.filter((r) => r.meta.id.startsWith('radar-'));

function radarFindings(cwd: string, dir: string, radar: unknown) {
  const log = readLog(cwd, join(cwd, dir));
  return lint(log.records, { rules: RADAR_RULES, today: '2024-06-01', radar }).map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}`);
}

describe('radar lint rules on the seed radar', () => {
  it('report exactly the expected findings', () => {
    const findings = radarFindings(FIX, 'log/adr', loadRadars(FIX, undefined));
    expect(findings).toEqual([
      'log/adr/0001-choose-dataframe-library.md:11:5 warn radar-hold option "Pandas" is on HOLD in the radar (sicara-tech-radar-ia-2024/pandas-numpy-backend: HOLD)',
      'log/adr/0002-choose-an-llm.md:11:5 info radar-assess chosen option "Llama 3" is in ASSESS in the radar (sicara-tech-radar-ia-2024/llm-open-source: ASSESS); plan a revisit (`revisit-by`) and watch for pitfalls',
      'log/adr/0002-choose-an-llm.md:14:5 error radar-unknown-blip option "DINOv3": unknown blip "dinov3" (did you mean "dinov2"?)',
      'log/adr/0003-choose-an-ml-platform.md:8:5 error radar-hold chosen option "Dataiku" is on HOLD in the radar (sicara-tech-radar-ia-2024/dataiku: HOLD) and the Decision section does not justify it (name the option and say why despite HOLD)',
      'log/adr/0004-evaluate-the-chatbot.md:8:5 warn radar-hold chosen option "Iterate without metrics" is on HOLD in the radar (sicara-tech-radar-ia-2024/metric-free-llm-iterations: HOLD); the Decision section justifies it',
      'log/adr/0005-qualified-blips.md:9:5 warn radar-ring-changed option "DINOv2": blip sicara-tech-radar-ia-2024/dinov2 moved from TRIAL to ADOPT since this record (stored ring trial); revisit the decision',
      'log/adr/0005-qualified-blips.md:12:5 error radar-unknown-blip option "CLIP": unknown radar in "thoughtworks/clip"; radars: sicara-tech-radar-ia-2024',
      'log/adr/0005-qualified-blips.md:15:5 warn radar-hold option "Few-shot learning" is on HOLD in the radar (sicara-tech-radar-ia-2024/classic-few-shot-learning: HOLD)',
    ]);
  });

  it('report nothing when lint loaded no radar', () => {
    expect(radarFindings(FIX, 'log/adr', undefined)).toEqual([]);
  });
});

describe('radar lint rules across editions', () => {
  const radar = readNativeRadar(readFileSync(join(FIX, 'native/two-editions.yaml'), 'utf8'), 'two-editions.yaml');
  const record = (title: string, date: string, options: string, chosen: string) =>
    `---\ntitle: ${title}\nstatus: accepted\ndate: ${date}\noptions:\n${options}chosen: ${chosen}\n---\n\n# ${title}\n\n## Decision\n\n${chosen}.\n`;

  it('flag ring changes since the record date, dropped blips, and judge HOLD/ASSESS at the record date', () => {
    const dir = testdir({
      'adr/0001-text-classifier.md': record(
        'Text classifier',
        '2023-07-01',
        '  - {id: bert, name: BERT, blip: bert}\n  - {id: etl, name: Legacy ETL, blip: old-etl}\n  - {id: mlflow, name: MLflow, blip: team/MLflow}\n',
        'bert',
      ),
      'adr/0002-text-encoder.md': record('Text encoder', '2024-07-01', '  - {id: modernbert, name: ModernBERT, blip: modernbert}\n  - {id: bert, name: BERT, blip: bert-base}\n  - {id: xgb, name: XGBoost, blip: xgboost}\n', 'modernbert'),
      'adr/0003-old-and-superseded.md': record('Old', '2023-07-01', '  - {id: bert, name: BERT, blip: bert}\n  - {id: x, name: X}\n  - {id: y, name: Y}\n', 'bert').replace('status: accepted', 'status: superseded'),
    });
    expect(radarFindings(dir.path, 'adr', { radars: [radar] })).toEqual([
      'adr/0001-text-classifier.md:6:28 warn radar-ring-changed option "BERT": blip team/bert moved from Use to Avoid since this record (edition in force on 2023-07-01); revisit the decision',
      'adr/0001-text-classifier.md:7:33 warn radar-blip-dropped option "Legacy ETL": blip team/old-etl is not in the newest edition of radar team (2024-06-01); check the decision still holds',
      'adr/0001-text-classifier.md:7:33 warn radar-hold option "Legacy ETL" is on HOLD in the radar (team/old-etl: Avoid)',
      'adr/0001-text-classifier.md:8:32 warn radar-ring-changed option "MLflow": blip team/mlflow moved from Try to Use since this record (edition in force on 2023-07-01); revisit the decision',
      'adr/0002-text-encoder.md:6:40 info radar-assess chosen option "ModernBERT" is in ASSESS in the radar (team/modernbert: Explore); plan a revisit (`revisit-by`) and watch for pitfalls',
      'adr/0002-text-encoder.md:7:28 warn radar-hold option "BERT" is on HOLD in the radar (team/bert: Avoid)',
    ]);
  });

  it('resolve blips by id, alias and case-insensitive name, with did-you-mean', () => {
    const set = { radars: [radar] };
    const ok = (ref: string) => {
      const r = resolveBlip(set, ref);
      return r.ok ? r.ref : r;
    };
    expect(['bert', 'BERT-BASE', 'team/ModernBERT', 'Team/xgboost', 'old-etl'].map(ok)).toEqual(['team/bert', 'team/bert', 'team/modernbert', 'team/xgboost', 'team/old-etl']);
    expect(resolveBlip(set, 'old-etl')).toMatchObject({ current: false });
    expect(resolveBlip(set, 'xgbost')).toMatchObject({ ok: false, reason: 'unknown-blip', suggestion: 'xgboost' });
    expect(resolveBlip(set, 'taem/bert')).toMatchObject({ ok: false, reason: 'unknown-radar', suggestion: 'team/bert' });
    const twice = { radars: [radar, { ...radar, id: 'other', aliases: [] }] };
    expect(resolveBlip(twice, 'bert')).toMatchObject({ ok: false, reason: 'ambiguous', candidates: ['team/bert', 'other/bert'] });
    expect(resolveBlip(twice, 'other/bert')).toMatchObject({ ok: true, ref: 'other/bert' });
  });
});

describe('adrkit lint with radars', () => {
  it('loads the configured radars and reports radar findings', async () => {
    const dir = testdir({
      'adrkit.config.json': JSON.stringify({ dir: 'adr', radars: ['radars/team.yaml'] }),
      'radars/team.yaml': readFileSync(join(FIX, 'native/two-editions.yaml'), 'utf8'),
      'adr/0001-x.md': '---\ntitle: X\nstatus: accepted\ndate: 2024-07-01\noptions:\n  - {id: a, name: A, blip: bret}\nchosen: a\n---\n\n# X\n',
    });
    const result = await runCli(['lint', '--rule', 'radar-unknown-blip', '--format', 'json'], { cwd: dir.path });
    expect(result.code).toBe(1);
    const findings = JSON.parse(result.stdout) as unknown;
    expect(JSON.stringify(findings)).toContain('unknown blip \\"bret\\" (did you mean \\"bert\\"?)');
  });

  it('does not read radars when no record links a blip (a broken radar path is then harmless)', async () => {
    const dir = testdir({
      'adrkit.config.json': JSON.stringify({ dir: 'adr', radars: ['missing.yaml'] }),
      'adr/0001-x.md': '---\ntitle: X\nstatus: accepted\ndate: 2024-07-01\n---\n\n# X\n',
    });
    const result = await runCli(['lint', '--rule', 'radar-unknown-blip'], { cwd: dir.path });
    expect(result.code).toBe(0);
    dir.write({ 'adr/0001-x.md': '---\ntitle: X\nstatus: accepted\ndate: 2024-07-01\noptions:\n  - {id: a, name: A, blip: bert}\n---\n\n# X\n' });
    const broken = await runCli(['lint', '--rule', 'radar-unknown-blip'], { cwd: dir.path });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/radar missing\.yaml does not exist/);
  });
});
