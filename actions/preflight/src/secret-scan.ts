/**
 * Finds live-looking credentials in text: OpenAI keys, AWS access key pairs, Pinecone keys, GitHub tokens and
 * private key blocks. A hit says what and where (line), never the value. Values that read as placeholders or
 * documentation examples are passed over.
 */

export interface SecretHit {
  /** What it looks like, e.g. `OpenAI API key (sk-…)`. */
  kind: string;
  /** 1-based. */
  line: number;
}

interface Detector {
  kind: string;
  pattern: RegExp;
  /** The capture group holding the value (default the whole match). */
  group?: number;
  /** Whether the value looks random enough to be a real key (placeholders are excluded separately). */
  live: (value: string) => boolean;
}

const mixed = (v: string) => /[a-z]/.test(v) && /[A-Z]/.test(v) && /\d/.test(v);
const alnum = (v: string) => /[A-Za-z]/.test(v) && /\d/.test(v);

const DETECTORS: readonly Detector[] = [
  {
    kind: 'OpenAI API key (sk-…)',
    pattern: /(?<![\w-])sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{32,}/g,
    live: (v) => mixed(v.replace(/^sk-(?:proj-|svcacct-|admin-)?/, '')),
  },
  { kind: 'Pinecone API key (pcsk_…)', pattern: /(?<!\w)pcsk_[A-Za-z0-9_]{30,}/g, live: alnum },
  {
    kind: 'Pinecone API key (PINECONE_API_KEY)',
    pattern: /PINECONE_API_KEY['"]?\s*[:=]\s*['"]?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/gi,
    group: 1,
    live: alnum,
  },
  {
    kind: 'GitHub token (ghp_/gho_/ghu_/ghs_/ghr_…)',
    pattern: /(?<!\w)gh[pousr]_[A-Za-z0-9]{36,}/g,
    live: (v) => alnum(v.slice(4)),
  },
  {
    kind: 'GitHub token (github_pat_…)',
    pattern: /(?<!\w)github_pat_[A-Za-z0-9_]{50,}/g,
    live: (v) => alnum(v.slice(11)),
  },
];

const AWS_KEY_ID = /(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/g;
/** A 40-character secret access key: base64 alphabet, mixed case and digits. */
const AWS_SECRET = /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
/** How many lines around an access key id a secret key counts as its pair. */
const AWS_PAIR_LINES = 5;
const PRIVATE_KEY = /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY( BLOCK)?-----/;

/** Values written to be replaced, or taken from documentation. */
export function looksLikePlaceholder(value: string): boolean {
  if (/(x{4,}|\*{3,}|\.{3}|…|<|>|\$\{|\{\{|0{6,})/i.test(value)) return true;
  if (/example|sample|dummy|placeholder|your|redacted|changeme|replace|fake|test|demo/i.test(value)) return true;
  if (/0123456789|123456789|abcdefgh|ABCDEFGH/.test(value)) return true;
  // Real keys are random: a value made of a handful of characters is a stand-in.
  return new Set(value).size < 10;
}

/** Every live-looking secret in `text`, in line order. */
export function scanText(text: string): SecretHit[] {
  const lines = text.split(/\r?\n/);
  const hits: SecretHit[] = [];
  lines.forEach((line, index) => {
    for (const detector of DETECTORS) {
      for (const m of line.matchAll(detector.pattern)) {
        const value = m[detector.group ?? 0] ?? '';
        if (detector.live(value) && !looksLikePlaceholder(value)) hits.push({ kind: detector.kind, line: index + 1 });
      }
    }
    for (const m of line.matchAll(AWS_KEY_ID)) {
      if (looksLikePlaceholder(m[0]) || !hasAwsSecretNear(lines, index)) continue;
      hits.push({ kind: 'AWS access key pair (AKIA… with its secret key)', line: index + 1 });
    }
    const key = PRIVATE_KEY.exec(line);
    if (key && isKeyBody(lines[index + 1])) {
      hits.push({ kind: `private key (BEGIN ${key[1] ?? ''}PRIVATE KEY)`, line: index + 1 });
    }
  });
  return hits;
}

function hasAwsSecretNear(lines: readonly string[], index: number): boolean {
  const from = Math.max(0, index - AWS_PAIR_LINES);
  const to = Math.min(lines.length, index + AWS_PAIR_LINES + 1);
  for (let i = from; i < to; i++) {
    for (const m of (lines[i] ?? '').matchAll(AWS_SECRET)) {
      if (mixed(m[0]) && !looksLikePlaceholder(m[0])) return true;
    }
  }
  return false;
}

/** A key block's first line of base64 (documentation writes `...` or `<key>` there). */
function isKeyBody(line: string | undefined): boolean {
  const body = (line ?? '')
    .trim()
    .replace(/^["']|["',]$/g, '')
    .replace(/\\n$/, '');
  if (/^[A-Za-z-]+: /.test(body)) return true;
  return /^[A-Za-z0-9+/=]{40,}$/.test(body) && !looksLikePlaceholder(body);
}

/** A NUL byte in the first 8 KB: a binary file, not scanned. */
export function isBinary(head: Buffer): boolean {
  return head.subarray(0, 8192).includes(0);
}
