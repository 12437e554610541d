/** An XML element: its local name (namespace prefix dropped), attributes, child elements and text. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
}

const TOKEN = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<![^>]*>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY = /&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;

/**
 * Just enough XML for ride files (TrainingPeaks PWX, Garmin TCX) where no DOMParser exists —
 * a compute worker. Elements, attributes, text, CDATA and the five entities; comments,
 * declarations and doctypes are skipped. Malformed nesting throws with the line, so a
 * broken file is named, not half read.
 */
export function parseXml(text: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const open: XmlElement[] = [root];
  let at = 0;
  const lineOf = (index: number) => text.slice(0, index).split('\n').length;
  for (const match of text.matchAll(TOKEN)) {
    const current = open[open.length - 1];
    current.text += decode(text.slice(at, match.index));
    at = match.index + match[0].length;
    if (match[1] !== undefined) current.text += match[1];
    const name = match[3];
    if (name === undefined) continue;
    const local = name.slice(name.indexOf(':') + 1);
    if (match[2] === '/') {
      if (current.name !== local) throw new Error(`line ${lineOf(match.index)}: </${name}> closes <${current.name}>`);
      open.pop();
      continue;
    }
    const element: XmlElement = { name: local, attributes: attributesOf(match[4] ?? ''), children: [], text: '' };
    current.children.push(element);
    if (match[5] !== '/') open.push(element);
  }
  if (open.length > 1) throw new Error(`line ${lineOf(text.length)}: <${open[open.length - 1].name}> is never closed (the file ends early)`);
  if (root.children.length === 0) throw new Error('no XML element in the file');
  return root.children[0];
}

/** The first child with this local name. */
export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((c) => c.name === name);
}

/** Every descendant with this local name, in document order. */
export function descendants(element: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of element.children) {
    if (c.name === name) out.push(c);
    descendants(c, name, out);
  }
  return out;
}

/** The trimmed text of a path of children (`textAt(a, 'b', 'c')`), or '' when absent. */
export function textAt(element: XmlElement | undefined, ...path: string[]): string {
  let node = element;
  for (const name of path) node = child(node, name);
  return node?.text.trim() ?? '';
}

function attributesOf(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of source.matchAll(ATTRIBUTE)) attributes[match[1].slice(match[1].indexOf(':') + 1)] = decode(match[2] ?? match[3] ?? '');
  return attributes;
}

function decode(text: string): string {
  return text.replace(ENTITY, (_, entity: string) => {
    if (entity[0] !== '#') return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[entity] ?? '';
    const code = entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}
