import { describe, expect, it } from 'vitest';
import { escapeXml, toXml } from './xml.js';

describe('toXml', () => {
  it('wraps a list in its root with the spec item names, nested lists too', () => {
    expect(toXml('services', [{ service_code: '06010', metadata: false }])).toBe('<?xml version="1.0" encoding="utf-8"?>\n<services><service><service_code>06010</service_code><metadata>false</metadata></service></services>\n');
    expect(toXml('service_definition', { service_code: '1', attributes: [{ code: 'a', values: [{ key: 'k', name: 'n' }] }] })).toContain(
      '<attributes><attribute><code>a</code><values><value><key>k</key><name>n</name></value></values></attribute></attributes>',
    );
  });

  it('writes null and empty as empty elements, leaves undefined out, and an empty list as an empty root', () => {
    expect(toXml('service_requests', [{ account_id: null, token: undefined, zipcode: '' }])).toContain('<request><account_id/><zipcode/></request>');
    expect(toXml('service_requests', [])).toContain('<service_requests/>');
  });

  it('escapes markup and drops characters XML 1.0 cannot carry, keeping CJK and emoji', () => {
    expect(escapeXml(`<a href="x">&'\u0000\u0008\t\n扬尘😀`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;\t\n扬尘😀');
    expect(escapeXml('lone \uD800 surrogate')).toBe('lone  surrogate');
  });

  it('refuses a list it has no item name for (a programming error, not a client one)', () => {
    expect(() => toXml('root', { unknown_list: [1] })).toThrow(/no XML item name/);
  });
});
