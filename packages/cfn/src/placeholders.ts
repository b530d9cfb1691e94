/**
 * Whether a value is a placeholder someone forgot to replace (`your-bucket-name-here`, `changeme`, `<account-id>`,
 * `xxx`, `TODO`, `REPLACE_ME`, `user@example.com`, the documentation's account 123456789012). Returns why, or
 * undefined for a value that looks real. Tuned against false positives: a word that merely contains "your" or
 * "example" is not a placeholder.
 */
export function detectPlaceholder(value: string): string | undefined {
  const v = value.trim();
  if (v === '') return undefined;
  const lower = v.toLowerCase();
  if (PLACEHOLDER_WORDS.has(lower.replace(/[\s_-]+/g, ''))) return `'${v}' is a placeholder word`;
  if (/^your[-_ ]?[a-z0-9]/i.test(v) && (/^your[-_ ]/i.test(v) || /^your[A-Z]/.test(v)))
    return "it starts with 'your' (e.g. your-bucket-name)";
  if (/[-_ ]here$/i.test(v) || /^(insert|replace|put|enter|add)[-_ ].*/i.test(v))
    return 'it reads as an instruction to replace it';
  if (/<[A-Za-z][\w .:/-]+>/.test(v) || /^\{\{[^}]*\}\}$/.test(v)) return 'it contains a <…> placeholder';
  if (/\bTODO\b|\bFIXME\b|\bTBD\b/.test(v) || /(^|[^a-z])(change|replace)[-_ ]?me([^a-z]|$)/i.test(v))
    return 'it contains TODO/REPLACE_ME/changeme';
  if (lower.split(/[^a-z0-9]+/).some((segment) => /^x{3,}$/.test(segment))) return "it contains 'xxx'";
  if (/(^|[@.])example\.(com|org|net)$/i.test(v) || /[/@.]example\.(com|org|net)([/:]|$)/i.test(v))
    return 'it uses the example.com documentation domain';
  if (/(^|\D)(123456789012|111122223333|000000000000)(\D|$)/.test(v))
    return 'it contains a documentation account id (123456789012)';
  if (/^(ami|sg|subnet|vpc|i|vol|igw|rtb|eni|snap)-(12345678|0?123456789abcdef0?|abcdef01?)$/i.test(v))
    return 'it is a documentation example id';
  return undefined;
}

const PLACEHOLDER_WORDS = new Set([
  'changeme',
  'replaceme',
  'todo',
  'tbd',
  'fixme',
  'placeholder',
  'xxx',
  'dummy',
  'foo',
  'foobar',
  'yourvalue',
  'yourvaluehere',
  'valuehere',
  'password',
]);
