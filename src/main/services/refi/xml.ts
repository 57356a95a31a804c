import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { AppError } from '../../../shared/api/errors';

// Reading and writing REFI-QDA's XML with fast-xml-parser. A REFI-QDA document never needs a
// DTD, so a document type declaration (the only place entities can be defined, and with them
// "billion laughs" expansion and external entities) is refused before parsing; only XML's
// own and numeric character references are decoded, and nothing is ever fetched.

/** Elements counted by the `<` that opens them: a bound on what parsing may build. */
export const maxXmlElements = 4_000_000;
/** How deep elements may nest: a codebook a thousand levels deep is not a codebook. */
export const maxXmlDepth = 1000;

/** Elements that may repeat under their parent, always read as lists. */
const repeated = new Set([
  'User', 'Code', 'Variable', 'Case', 'VariableValue', 'CodeRef', 'SourceRef', 'SelectionRef',
  'TextSource', 'PictureSource', 'PDFSource', 'AudioSource', 'VideoSource', 'Transcript',
  'PlainTextSelection', 'PictureSelection', 'PDFSelection', 'AudioSelection', 'VideoSelection', 'TranscriptSelection', 'SyncPoint',
  'Coding', 'NoteRef', 'Note', 'Link', 'Set', 'MemberCode', 'MemberSource', 'MemberNote', 'Graph', 'Vertex', 'Edge',
]);

/** An element as parsed: attributes as strings, children by name (lists for the repeating ones), text as `#text`. */
export interface XmlNode {
  [name: string]: string | XmlNode | XmlNode[] | undefined;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Text is kept exactly (a selection's positions count every space); numbers stay strings.
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  removeNSPrefix: true,
  // Decodes numeric character references such as &#13; and &#x1F600;; no DTD is ever read.
  htmlEntities: true,
  isArray: (name) => repeated.has(name),
  maxNestedTags: maxXmlDepth,
});

function countElements(xml: string): number {
  let n = 0;
  for (let i = xml.indexOf('<'); i !== -1 && n <= maxXmlElements; i = xml.indexOf('<', i + 1)) n++;
  return n;
}

/** Parses a REFI-QDA document, refusing what a hostile file could use to exhaust the machine. */
export function parseXml(xml: string, fileName: string): XmlNode {
  const firstElement = xml.search(/<[A-Za-z_]/);
  if (/<!DOCTYPE|<!ENTITY/i.test(firstElement === -1 ? xml : xml.slice(0, firstElement))) {
    throw new AppError('UNSUPPORTED', `'${fileName}' declares a document type (DTD), which REFI-QDA files never use and which can hide entity expansion; Quarry does not read it.`);
  }
  if (countElements(xml) > maxXmlElements) {
    throw new AppError('UNSUPPORTED', `'${fileName}' holds more than ${maxXmlElements.toLocaleString('en')} XML elements, more than Quarry reads from one project.`);
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new AppError('UNREADABLE', `'${fileName}' is not well-formed XML (line ${valid.err.line}: ${valid.err.msg}); export it again from the tool that made it.`);
  }
  try {
    return parser.parse(xml) as XmlNode;
  } catch (error) {
    if (/nested/i.test((error as Error).message)) {
      throw new AppError('UNSUPPORTED', `'${fileName}' nests its elements more than ${maxXmlDepth.toLocaleString('en')} levels deep, more than Quarry reads.`);
    }
    throw new AppError('UNREADABLE', `'${fileName}' could not be read as XML (${(error as Error).message}).`);
  }
}

// Navigating parsed nodes without trusting their shape.
export const attr = (node: XmlNode | undefined, name: string): string | undefined => {
  const value = node?.[name];
  return typeof value === 'string' ? value : undefined;
};
export const child = (node: XmlNode | undefined, name: string): XmlNode | undefined => {
  const value = node?.[name];
  if (Array.isArray(value)) return value[0];
  return typeof value === 'object' ? value : undefined;
};
export const children = (node: XmlNode | undefined, name: string): XmlNode[] => {
  const value = node?.[name];
  if (Array.isArray(value)) return value;
  return typeof value === 'object' ? [value] : [];
};
/** The text of a child element (`<Description>…</Description>`), or undefined when absent. */
export const textOf = (node: XmlNode | undefined, name: string): string | undefined => {
  const value = node?.[name];
  if (typeof value === 'string') return value;
  if (value && !Array.isArray(value)) return typeof value['#text'] === 'string' ? value['#text'] : '';
  return undefined;
};

// Characters XML 1.0 cannot carry even as references; none belongs in a project's text.
// eslint-disable-next-line no-control-regex -- these are exactly the characters to find
const notXml = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const xmlSafe = (value: unknown) => (typeof value === 'string' ? value.replace(notXml, '\ufffd') : value);

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  suppressBooleanAttributes: false,
  // Deep codebooks nest one element per level.
  maxNestedTags: maxXmlDepth,
  tagValueProcessor: (_name, value) => xmlSafe(value),
  attributeValueProcessor: (_name, value) => xmlSafe(value),
  // A CR would read back as LF (XML normalises line ends), so it is written as a reference.
  entities: [
    { regex: /&/g, val: '&amp;' },
    { regex: />/g, val: '&gt;' },
    { regex: /</g, val: '&lt;' },
    { regex: /'/g, val: '&apos;' },
    { regex: /"/g, val: '&quot;' },
    { regex: /\r/g, val: '&#13;' },
  ],
} as ConstructorParameters<typeof XMLBuilder>[0]);

/** An element to write: `@name` keys are attributes, `#text` its text, other keys children in the order given. */
export interface XmlOut {
  [name: string]: string | number | boolean | XmlOut | XmlOut[] | undefined;
}

/** Writes a document; keys are emitted in insertion order, which must follow the schema's sequence. */
export function buildXml(root: string, element: XmlOut): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ [root]: element }) as string}`;
}
