// The validator over the shared corpus (../shared/corpus/cfn, see its README), in-process for speed:
// - valid/ and ray/: no error where cfn-lint 1.51 reports none at that place (±3 lines), apart from the reviewed
//   differences in cfn-corpus-accepted.json, each with its reason;
// - bugs/: all 30 one-defect templates caught by the rule of their class at the defect's line (±3), and the two
//   capability cases by the capabilities the template needs.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { parseTemplate, validateTemplate, type CfnFinding, type RuleId } from '@hoist/cfn';
import { ROOT } from '../support/run-action.js';

const CORPUS = process.env['HOIST_CFN_CORPUS'] ?? path.resolve(ROOT, '..', 'shared', 'corpus', 'cfn');
const present = existsSync(path.join(CORPUS, 'cfn-lint-baseline.jsonl'));
if (!present) console.log(`skipped: corpus not found (${CORPUS})`);
const describeCorpus = present ? describe : describe.skip;

interface LintMatch {
  id: string;
  level: string;
  line: number;
}
interface Accepted {
  file: string;
  rule: RuleId;
  /** Absent: every line of the file. */
  lines?: number[];
  reason: string;
}

const NEAR = 3;

function templatesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => /\.(ya?ml|json|template)$/.test(f) && statSync(path.join(dir, f)).isFile())
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

function validate(relative: string): { findings: CfnFinding[]; capabilities: string[] } {
  const file = path.join(CORPUS, relative);
  const result = validateTemplate(parseTemplate(readFileSync(file, 'utf8'), { file: relative }));
  return { findings: result.findings, capabilities: result.capabilities };
}

describeCorpus('cfn corpus', () => {
  test('valid/ and ray/: no error where cfn-lint reports none at that place', () => {
    const baseline = new Map<string, LintMatch[]>();
    for (const line of readFileSync(path.join(CORPUS, 'cfn-lint-baseline.jsonl'), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const record = JSON.parse(line) as { file: string; matches: LintMatch[] };
      baseline.set(record.file, record.matches);
    }
    const accepted = JSON.parse(
      readFileSync(path.join(import.meta.dirname, 'cfn-corpus-accepted.json'), 'utf8'),
    ) as Accepted[];
    for (const a of accepted) expect(a.reason.length).toBeGreaterThan(20);
    const files = [
      ...templatesUnder(path.join(CORPUS, 'valid')).map((f) => `valid/${f}`),
      ...templatesUnder(path.join(CORPUS, 'ray')).map((f) => `ray/${f}`),
    ].filter((f) => baseline.has(f));
    expect(files.length).toBeGreaterThan(290);
    const unexpected: string[] = [];
    const used = new Set<Accepted>();
    for (const file of files) {
      const lintErrors = (baseline.get(file) ?? []).filter((m) => m.level === 'E');
      for (const f of validate(file).findings) {
        if (f.level !== 'error') continue;
        if (lintErrors.some((m) => Math.abs(m.line - f.line) <= NEAR)) continue;
        const reason = accepted.find(
          (a) => a.file === file && a.rule === f.rule && (a.lines === undefined || a.lines.includes(f.line)),
        );
        if (reason) {
          used.add(reason);
          continue;
        }
        unexpected.push(`${file}:${f.line}:${f.column} ${f.rule} ${f.message}`);
      }
    }
    expect(unexpected).toEqual([]);
    // A reviewed difference that no longer happens is removed from the list.
    expect(accepted.filter((a) => !used.has(a)).map((a) => `${a.file} ${a.rule}`)).toEqual([]);
  });

  const CLASS_RULES: Record<string, RuleId[]> = {
    'ref-undefined': ['H2001'],
    'getatt-undefined-resource': ['H2002'],
    'getatt-bad-attribute': ['H3005'],
    'sub-undefined': ['H2003'],
    'dependson-undefined': ['H2004'],
    'resource-type-typo': ['H3001'],
    'property-typo': ['H3002'],
    'missing-required': ['H3003'],
    'wrong-type': ['H3004'],
    'circular-dependency': ['H2007'],
    'duplicate-key': ['H1002'],
    'yaml-syntax': ['H1001'],
    'invalid-condition': ['H2005'],
    'output-undefined': ['H2001', 'H2002'],
    'template-size': ['H5001'],
    'default-not-allowed': ['H4001'],
  };
  const manifest = present
    ? readFileSync(path.join(CORPUS, 'bugs', 'MANIFEST.tsv'), 'utf8')
        .split('\n')
        .slice(1)
        .filter((l) => l.trim())
        .map((l) => {
          const [file = '', bugClass = '', line = '0'] = l.split('\t');
          return { file, bugClass, line: Number(line) };
        })
    : [];

  test('bugs/: the manifest lists 30 defects', () => {
    expect(manifest).toHaveLength(30);
  });

  test.each(manifest)('bugs/$file ($bugClass) is caught', ({ file, bugClass, line }) => {
    const { findings, capabilities } = validate(`bugs/${file}`);
    if (bugClass === 'iam-capability') {
      const expected = /named/.test(file) ? 'CAPABILITY_NAMED_IAM' : 'CAPABILITY_IAM';
      expect(capabilities).toContain(expected);
      expect(findings.some((f) => f.rule === 'H5010' && f.line === line)).toBe(true);
      return;
    }
    const rules = CLASS_RULES[bugClass];
    expect(rules).toBeDefined();
    const caught = findings.filter((f) => rules?.includes(f.rule) && Math.abs(f.line - line) <= NEAR);
    expect(caught.length).toBeGreaterThan(0);
  });
});
