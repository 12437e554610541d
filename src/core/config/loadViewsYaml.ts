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

export type ViewsLoadResult = { readonly ok: true; readonly file: ViewsFile } | { readonly ok: false; readonly errors: readonly ViewsFileError[] };

/**
 * Parses and validates a views file with the precompiled validator only (no ajv at run
 * time). Errors keep the YAML line of the offending node; a missing field points at the
 * object that should hold it.
 */
export function loadViewsYaml(text: string): ViewsLoadResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => {
        const line = e.linePos?.[0].line ?? lineCounter.linePos(e.pos[0]).line;
        return { line, path: '', message: `line ${line}: ${e.message.split('\n')[0]}` };
      }),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (error) {
    // An "alias bomb" (aliases of aliases, a billion nodes from a few lines) stops here.
    const reason = /alias/i.test(String(error)) ? 'too many aliases (*name) to expand: a views file needs none this deep' : String((error as Error).message ?? error);
    return { ok: false, errors: [{ line: 1, path: '', message: `line 1: ${reason}` }] };
  }
  if (validate(data)) return { ok: true, file: data as ViewsFile };
  const errors = (validate.errors ?? []).map((error) => {
    const segments = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const keys: (string | number)[] = segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    if (error.keyword === 'additionalProperties') keys.push(String(error.params.additionalProperty));
    const line = lineOf(doc, keys, lineCounter);
    const path = formatPath(keys);
    return { line, path, message: `line ${line}, ${path || '(file)'}: ${describe(error)}` };
  });
  return { ok: false, errors };
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
