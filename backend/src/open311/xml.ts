/**
 * XML serialisation of GeoReport v2 payloads: the JSON shape mirrored as
 * elements, arrays as repeated child elements whose names the specification
 * fixes (`services` → `service`, `service_requests` → `request`, …). No
 * namespace, UTF-8, the declaration first, as the specification asks.
 */

/** The element name of one item of each list the specification defines (and of our namespaced extensions). */
export const XML_ITEM_NAMES: Readonly<Record<string, string>> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  notes: 'note',
};

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

// Characters XML 1.0 cannot carry at all (C0 controls but tab, LF, CR; lone surrogates; U+FFFE/U+FFFF).
// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text escaped for an element's content, with characters XML cannot carry dropped. */
export function escapeXml(text: string): string {
  return text.replace(INVALID_XML_CHARS, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function itemName(listName: string): string {
  const name = XML_ITEM_NAMES[listName];
  if (!name) throw new Error(`no XML item name for list ${listName}`);
  return name;
}

function element(name: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return `<${name}/>`;
  if (Array.isArray(value)) {
    const child = itemName(name);
    return value.length ? `<${name}>${value.map((v) => element(child, v)).join('')}</${name}>` : `<${name}/>`;
  }
  if (value instanceof Date) return `<${name}>${escapeXml(value.toISOString())}</${name}>`;
  if (typeof value === 'object') {
    const inner = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => element(k, v))
      .join('');
    return inner ? `<${name}>${inner}</${name}>` : `<${name}/>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/**
 * A whole XML document: `root` wraps the payload; an array payload becomes
 * repeated items (`toXml('services', [a, b])` → `<services><service>…`), an
 * object its child elements. `undefined` fields are left out, `null` and
 * empty strings become empty elements.
 */
export function toXml(root: string, payload: unknown): string {
  return `${XML_DECLARATION}\n${element(root, payload)}\n`;
}
