import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createGitHubClient, getPath, getString, InputError, UserError, type ActionContext } from '@hoist/kit';

const SHA = /^[0-9a-f]{40}$/;
const SECTION_FILE = /^([a-z0-9][a-z0-9-]{0,62})\.md$/;
/** One section's text at most: a comment holds 65,536 characters in all. */
const MAX_SECTION_CHARS = 20_000;

export interface ArtifactSections {
  pr: number;
  sections: { id: string; markdown: string }[];
}

/**
 * The sections each artifact carries, by pull request. An artifact comes from a run of untrusted code: a pull-request
 * number that is not a number, or a file that is not `<section>.md`, is refused or skipped, never interpreted.
 */
export function readArtifacts(root: string): ArtifactSections[] {
  const byPr = new Map<number, { id: string; markdown: string }[]>();
  for (const name of readdirSync(root).sort()) {
    const dir = path.join(root, name);
    if (!statSync(dir).isDirectory()) continue;
    const numberFile = path.join(dir, 'pr-number');
    if (!existsSync(numberFile)) throw new UserError(`artifact ${name}: no pr-number file.`, { code: 'bad-artifact' });
    const text = readFileSync(numberFile, 'utf8').trim();
    if (!/^[1-9][0-9]{0,9}$/.test(text))
      throw new UserError(`artifact ${name}: pr-number is '${text.slice(0, 40)}', not a pull-request number.`, {
        code: 'bad-artifact',
        fix: 'the first stage writes the number of the pull request it ran for, and nothing else.',
      });
    const sections = byPr.get(Number(text)) ?? [];
    for (const file of readdirSync(dir).sort()) {
      const id = SECTION_FILE.exec(file)?.[1];
      if (!id) continue;
      const markdown = readFileSync(path.join(dir, file), 'utf8');
      sections.push({
        id,
        markdown: markdown.length > MAX_SECTION_CHARS ? `${markdown.slice(0, MAX_SECTION_CHARS)}\n\n…(cut)` : markdown,
      });
    }
    byPr.set(Number(text), sections);
  }
  return [...byPr].map(([pr, sections]) => ({ pr, sections }));
}

/** The pr-comment action: the first stage's sections into each pull request's one hoist comment. */
export async function prComment({ reporter, inputs: source }: ActionContext): Promise<void> {
  const token = getString('github-token', { source, required: true, secret: true });
  reporter.setSecret(token);
  const root = getPath('artifacts', { source, kind: 'directory', required: true }) ?? '';
  const headSha = getString('head-sha', { source, required: true }).toLowerCase();
  if (!SHA.test(headSha)) throw new InputError('head-sha', headSha, 'the 40-hex commit the gate ran on');
  const artifacts = readArtifacts(root);
  if (artifacts.every((a) => a.sections.length === 0)) {
    reporter.info('No sections in the artifacts: no comment to write.');
    reporter.setOutput('updated', '');
    return;
  }
  const github = await createGitHubClient({ token, reporter });
  const updated = new Set<number>();
  for (const { pr, sections } of artifacts) {
    const head = await github.pullRequestHead(pr);
    if (head !== headSha) {
      reporter.annotate({
        level: 'warning',
        title: 'pr-comment',
        message: `Pull request #${pr} is at ${head.slice(0, 7)}, not ${headSha.slice(0, 7)} (the commit the gate ran on): its comment is left as it is; the gate's run for ${head.slice(0, 7)} will write it.`,
      });
      continue;
    }
    const outcomes: string[] = [];
    for (const section of sections) {
      const result = await github.upsertCommentSection(pr, section.id, section.markdown);
      outcomes.push(`${section.id} ${result.outcome}`);
      if (result.outcome === 'created' || result.outcome === 'updated') updated.add(pr);
    }
    reporter.info(`#${pr}: ${outcomes.join(', ')}.`);
  }
  reporter.setOutput('updated', [...updated].join(','));
}
