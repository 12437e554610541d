import { LineCounter, parseDocument, isNode } from 'yaml';
import type { ViewsFile } from './viewSchema';
import validate, { type ValidatorError } from './viewsValidator.generated.js';

/** One problem in a views file, pointing at the line and the field. */
export interface ViewsFileError {
  /** 1-based line in the YAML text. */
  readonly line: number;
  /** e.g. `views[1].xScale.min`; empty for the whole file. */
  readonly path: string;
  /** `line 7, views[1].xScale.min: must be number or null` */
  readonly message: string;
}

const maxViewsFileChars = 200_000;
const maxErrors = 20;

export type ViewsLoadResult = { readonly ok: true; readonly file: ViewsFile } | { readonly ok: false; readonly errors: readonly ViewsFileError[] };

/**
 * Parses and validates a views file with the precompiled validator only (no ajv at run
 * time). Errors keep the YAML line of the offending node; a missing field points at the
 * object that should hold it.
 */
export function loadViewsYaml(text: string): ViewsLoadResult {
  // A coach's views file is a few kilobytes; parsing megabytes of YAML on the screen's
  // thread would freeze it for minutes (a 2.5 MB list of 50,000 views took 10 s in Node).
  if (text.length > maxViewsFileChars) {
    return { ok: false, errors: [{ line: 1, path: '', message: `line 1: a views file is at most ${maxViewsFileChars.toLocaleString('en')} characters; this one has ${text.length.toLocaleString('en')}` }] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.slice(0, maxErrors).map((e) => {
        const line = e.linePos?.[0].line ?? lineCounter.linePos(e.pos[0]).line;
        return { line, path: '', message: `line ${line}: ${inWords(e.message.split('\n')[0])}` };
      }),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (error) {
    // An "alias bomb" (aliases of aliases, a billion nodes from a few lines) stops here.
    return { ok: false, errors: [{ line: 1, path: '', message: `line 1: ${inWords(String((error as Error).message ?? error))}` }] };
  }
  if (validate(data)) return { ok: true, file: data as ViewsFile };
  // The first errors, each with its line: finding the line of thousands would take longer than the file is worth.
  const errors = (validate.errors ?? []).slice(0, maxErrors).map((error) => {
    const segments = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const keys: (string | number)[] = segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    if (error.keyword === 'additionalProperties') keys.push(String(error.params.additionalProperty));
    const line = lineOf(doc, keys, lineCounter);
    const path = formatPath(keys);
    return { line, path, message: `line ${line}, ${path || '(file)'}: ${describe(error)}` };
  });
  return { ok: false, errors };
}

/** The parser's limits as the user would say them: an alias bomb, a list nested beyond reason. */
function inWords(message: string): string {
  if (/alias/i.test(message)) return 'too many aliases (*name) to expand: a views file needs none this deep';
  if (/call stack/i.test(message)) return 'lists or maps nested too deeply to read: a views file nests three levels';
  return message;
}

function lineOf(doc: ReturnType<typeof parseDocument>, keys: (string | number)[], lineCounter: LineCounter): number {
  for (let n = keys.length; n >= 0; n--) {
    const node = doc.getIn(keys.slice(0, n), true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return 1;
}

function formatPath(keys: readonly (string | number)[]): string {
  return keys.reduce<string>((path, key) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key), '');
}

function describe(error: ValidatorError): string {
  const p = error.params;
  switch (error.keyword) {
    case 'type':
      return `must be ${String(p.type).split(',').join(' or ')}`;
    case 'required':
      return `missing field ${String(p.missingProperty)}`;
    case 'additionalProperties':
      return 'unknown field';
    case 'enum':
      return `must be one of ${(p.allowedValues as unknown[]).join(', ')}`;
    case 'pattern':
      return 'must not be blank';
    default:
      return error.message ?? error.keyword;
  }
}
