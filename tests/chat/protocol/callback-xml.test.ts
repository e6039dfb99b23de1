import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CallbackRefusal } from '../../../functions/src/chat/protocol/callback-refusal.js';
import { MAX_CALLBACK_BYTES, buildCallbackXml, parseCallbackXml } from '../../../functions/src/chat/protocol/callback-xml.js';
import { anyText } from './any-text.js';
import { refusalOf } from './refusal-of.js';
import { wecomOfficialSample } from './published-vectors.js';

const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<xml><ToUserName><![CDATA[gh_1]]></ToUserName><Content>&lol9;</Content></xml>`;

const externalEntity = `<?xml version="1.0"?>
<!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<xml><ToUserName><![CDATA[gh_1]]></ToUserName><Content>&xxe;</Content></xml>`;

describe('parseCallbackXml', () => {
  it('reads the flat children of <xml>, CDATA and plain text alike (WeCom sample plaintext)', () => {
    expect(parseCallbackXml(wecomOfficialSample.post.plaintext)).toEqual({
      ToUserName: 'wx5823bf96d3bd56c7',
      FromUserName: 'mycreate',
      CreateTime: '1409659813',
      MsgType: 'text',
      Content: 'hello',
      MsgId: '4561255354251345929',
      AgentID: '218',
    });
  });

  it('accepts a declaration, whitespace, comments, empty elements, the predefined entities and character references', () => {
    const body = '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<xml>\n  <!-- note -->\n  <A>1 &lt; 2 &amp;&amp; &#x4F60;&#22909;</A>\n  <B/>\n  <C></C>\n  <D><![CDATA[a]]><![CDATA[b]]></D>\n</xml>\n';
    expect(parseCallbackXml(body)).toEqual({ A: '1 < 2 && 你好', B: '', C: '', D: 'ab' });
  });

  it('leaves out nested event payloads while checking them', () => {
    const body = '<xml><Event><![CDATA[pic_sysphoto]]></Event><SendPicsInfo><Count>1</Count><PicList><item><PicMd5Sum><![CDATA[abc]]></PicMd5Sum></item></PicList></SendPicsInfo></xml>';
    expect(parseCallbackXml(body)).toEqual({ Event: 'pic_sysphoto' });
    expect(refusalOf(() => parseCallbackXml('<xml><SendPicsInfo><Count>1</SendPicsInfo></xml>'))).toBe('xml');
  });

  it('refuses a billion-laughs body before reading it, expanding nothing', () => {
    let refusal: unknown;
    try {
      parseCallbackXml(billionLaughs);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(CallbackRefusal);
    expect((refusal as CallbackRefusal).reason).toBe('xml');
    expect((refusal as CallbackRefusal).message).not.toContain('lol');
  });

  it('refuses an external entity, a lower-case doctype and an entity it does not know', () => {
    expect(refusalOf(() => parseCallbackXml(externalEntity))).toBe('xml');
    expect(refusalOf(() => parseCallbackXml('<!doctype xml><xml><A>1</A></xml>'))).toBe('xml');
    expect(refusalOf(() => parseCallbackXml('<xml><!EnTiTy x "y"><A>1</A></xml>'))).toBe('xml');
    expect(refusalOf(() => parseCallbackXml('<xml><Content>&xxe;</Content></xml>'))).toBe('xml');
    expect(refusalOf(() => parseCallbackXml('<xml><Content>&#0;</Content></xml>'))).toBe('xml');
  });

  it.each([
    ['an unclosed root', '<xml><A>1</A>'],
    ['a mismatched end tag', '<xml><A>1</B></xml>'],
    ['an unclosed CDATA', '<xml><A><![CDATA[1</A></xml>'],
    ['another root', '<root><A>1</A></root>'],
    ['a second root', '<xml><A>1</A></xml><xml/>'],
    ['text beside the fields', '<xml>hello<A>1</A></xml>'],
    ['an attribute', '<xml><A x="1">1</A></xml>'],
    ['a processing instruction', '<xml><?php echo 1 ?><A>1</A></xml>'],
    ['a bare ampersand', '<xml><A>a & b</A></xml>'],
    ['a field given twice', '<xml><Encrypt>a</Encrypt><Encrypt>b</Encrypt></xml>'],
    ['a control character', '<xml><A>\u0001</A></xml>'],
    ['nesting without end', `<xml>${'<a>'.repeat(20)}${'</a>'.repeat(20)}</xml>`],
    ['an empty body', ''],
    ['JSON', '{"ToUserName":"gh_1"}'],
  ])('refuses %s', (_, body) => {
    expect(refusalOf(() => parseCallbackXml(body))).toBe('xml');
  });

  it('refuses a body over MAX_CALLBACK_BYTES, counted in bytes', () => {
    expect(refusalOf(() => parseCallbackXml(`<xml><A>${'a'.repeat(33 * 1024)}</A></xml>`))).toBe('tooLarge');
    // 11,000 Chinese characters are 33,000 UTF-8 bytes, though fewer than 32 Ki string units.
    expect(refusalOf(() => parseCallbackXml(`<xml><A>${'字'.repeat(11_000)}</A></xml>`))).toBe('tooLarge');
    const fits = `<xml><A>${'a'.repeat(MAX_CALLBACK_BYTES - '<xml><A></A></xml>'.length)}</A></xml>`;
    expect(parseCallbackXml(fits).A.length).toBe(MAX_CALLBACK_BYTES - 18);
  });
});

describe('buildCallbackXml', () => {
  it('writes strings in CDATA and numbers bare, in order', () => {
    expect(buildCallbackXml({ ToUserName: 'o1', CreateTime: 1409659813, Content: '你好' })).toBe(
      '<xml><ToUserName><![CDATA[o1]]></ToUserName><CreateTime>1409659813</CreateTime><Content><![CDATA[你好]]></Content></xml>',
    );
  });

  it('splits a ]]> inside a string so it cannot close the section early', () => {
    const xml = buildCallbackXml({ Content: 'a]]><Injected>1</Injected>' });
    expect(parseCallbackXml(xml)).toEqual({ Content: 'a]]><Injected>1</Injected>' });
  });

  it('reads back any text it writes', () => {
    fc.assert(fc.property(anyText({ xmlCharactersOnly: true }), fc.integer({ min: 0, max: 2 ** 40 }), (content, time) => {
      expect(parseCallbackXml(buildCallbackXml({ Content: content, CreateTime: time }))).toEqual({ Content: content, CreateTime: String(time) });
    }));
  });

  it('refuses an element name that is not a name', () => {
    expect(() => buildCallbackXml({ 'a b': 'x' })).toThrow();
  });
});
