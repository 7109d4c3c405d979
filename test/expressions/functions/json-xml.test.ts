import { describe, expect, it } from 'vitest';
import type { StaticContextData } from '../../../src/expressions/static-context';
import { errorOf, run } from './helpers';

/** What xml() returns: the Logic Apps XML content envelope. */
const xmlOf = (text: string) => ({
  '$content-type': 'application/xml;charset=utf-8',
  $content: Buffer.from(text, 'utf8').toString('base64'),
});

const produce = (names: [string, string]) =>
  `<?xml version="1.0"?>
<produce>
  <item>
    <name${names[0]}>Gala</name>
    <type>apple</type>
    <count>20</count>
  </item>
  <item>
    <name${names[1]}>Honeycrisp</name>
    <type>apple</type>
    <count>10</count>
  </item>
</produce>`;

const data: StaticContextData = {
  parameters: {
    items: produce(['', '']),
    expiring: produce([" expired='true'", " expired='false'"]),
    oneExpired: produce([" expired='true'", '']),
    priced: produce([" expired='true' price='12'", " expired='false' price='40'"]),
    // What base64ToBinary() or an HTTP action returns for an XML payload sent as octet-stream.
    binaryXml: {
      '$content-type': 'application/octet-stream',
      $content: Buffer.from('<a>1</a>').toString('base64'),
    },
  },
  actions: {
    Http: {
      outputs: {
        body: '<?xml version="1.0"?><file xmlns="https://contoso.com"><location>Paris</location></file>',
      },
    },
  },
};

const documented: [expression: string, expected: unknown][] = [
  ["json('[1, 2, 3]')", [1, 2, 3]],
  ['json(\'{"fullName": "Sophia Owen"}\')', { fullName: 'Sophia Owen' }],
  // Examples 3 and 4: one child element becomes an object, repeated ones an array (Json.NET rules).
  [
    `json(xml('<?xml version="1.0"?> <root> <person id="1"> <name>Sophia Owen</name> <occupation>Engineer</occupation> </person> </root>'))`,
    {
      '?xml': { '@version': '1.0' },
      root: { person: { '@id': '1', name: 'Sophia Owen', occupation: 'Engineer' } },
    },
  ],
  [
    `json(xml('<?xml version="1.0"?> <root> <person id="1"> <name>Sophia Owen</name> <occupation>Engineer</occupation> </person> <person id="2"> <name>John Doe</name> <occupation>Engineer</occupation> </person> </root>'))`,
    {
      '?xml': { '@version': '1.0' },
      root: {
        person: [
          { '@id': '1', name: 'Sophia Owen', occupation: 'Engineer' },
          { '@id': '2', name: 'John Doe', occupation: 'Engineer' },
        ],
      },
    },
  ],
  ["xml('<name>Sophia Owen</name>')", xmlOf('<name>Sophia Owen</name>')],
  ['xml(json(\'{ "name": "Sophia Owen" }\'))', xmlOf('<name>Sophia Owen</name>')],
  [
    'xml(json(\'{"person": {"name": "Sophia Owen", "city": "Seattle"}}\'))',
    xmlOf('<person><name>Sophia Owen</name><city>Seattle</city></person>'),
  ],
  ["xpath(xml(parameters('items')), '/produce/item/name/text()')", ['Gala', 'Honeycrisp']],
  // Examples 2 to 6 and 8: the reference prints bare values ("Gala"); Logic Apps returns a node set
  // as an array with each element as XML content (MicrosoftDocs/azure-docs#113084), and name[1]
  // matches the first name of *each* item.
  [
    "xpath(xml(parameters('items')), '/produce/item/name[1]')",
    [xmlOf('<name>Gala</name>'), xmlOf('<name>Honeycrisp</name>')],
  ],
  [
    "xpath(xml(parameters('items')), '/produce/item/name[last()]')",
    [xmlOf('<name>Gala</name>'), xmlOf('<name>Honeycrisp</name>')],
  ],
  [
    "xpath(xml(parameters('expiring')), '//name[@expired]')",
    [xmlOf('<name expired="true">Gala</name>'), xmlOf('<name expired="false">Honeycrisp</name>')],
  ],
  [
    "xpath(xml(parameters('oneExpired')), '//name[@expired = ''true'']')",
    [xmlOf('<name expired="true">Gala</name>')],
  ],
  [
    "xpath(xml(parameters('priced')), '//name[@price>35]')",
    [xmlOf('<name expired="false" price="40">Honeycrisp</name>')],
  ],
  ["xpath(xml(parameters('items')), 'sum(/produce/item/count)')", 30],
  [
    `xpath(xml(body('Http')), '/*[name()="file"]/*[name()="location"]')`,
    [xmlOf('<location xmlns="https://contoso.com">Paris</location>')],
  ],
  [
    `xpath(xml(body('Http')), '/*[local-name()="file" and namespace-uri()="https://contoso.com"]/*[local-name()="location"]')`,
    [xmlOf('<location xmlns="https://contoso.com">Paris</location>')],
  ],
  [`xpath(xml(body('Http')), 'string(/*[name()="file"]/*[name()="location"])')`, 'Paris'],
];

describe('json and xml functions: documented examples', () => {
  it.each(documented)('%s returns the documented value', (expression, expected) => {
    expect(run(expression, data)).toEqual(expected);
  });
});

const behaviour: [expression: string, expected: unknown][] = [
  ['json(null)', {}],
  ['json(\'"text"\')', 'text'],
  ["json('42')", 42],
  ["json(xml('<a><b>1</b><b>2</b><c/></a>'))", { a: { b: ['1', '2'], c: null } }],
  ["json(xml('<a x=''1''>text</a>'))", { a: { '@x': '1', '#text': 'text' } }],
  ["json(xml('<a><![CDATA[<raw>]]></a>'))", { a: '<raw>' }],
  [
    "json(xml('<r xmlns:json=''http://james.newtonking.com/projects/json''><p json:Array=''true''>1</p></r>'))",
    { r: { p: ['1'] } },
  ],
  ["json(xml('<p:a xmlns:p=''urn:x''><p:b>1</p:b></p:a>'))", { 'p:a': { '@xmlns:p': 'urn:x', 'p:b': '1' } }],
  [
    'xml(json(\'{"order": {"@id": "7", "line": [{"sku": "a"}, {"sku": "b"}], "note": null, "paid": true, "total": 1.5}}\'))',
    xmlOf(
      '<order id="7"><line><sku>a</sku></line><line><sku>b</sku></line><note /><paid>true</paid><total>1.5</total></order>',
    ),
  ],
  ['xml(json(\'{"a": {"#text": "x & y", "@q": "\\"<"}}\'))', xmlOf('<a q="&quot;&lt;">x &amp; y</a>')],
  ['xml(json(\'{"?xml": {"@version": "1.0"}, "a": "1"}\'))', xmlOf('<?xml version="1.0"?><a>1</a>')],
  ['xml(\'{"a": "1"}\')', xmlOf('<a>1</a>')],
  ["xpath('<a><b>1</b><b>2</b></a>', 'count(//b)')", 2],
  ["xpath('<a><b>1</b></a>', 'boolean(//c)')", false],
  ["xpath('<a><b id=''x''>1</b></a>', '//b/@id')", ['x']],
  ["xpath('<a><b>1</b></a>', '//c')", []],
  ["xml(parameters('binaryXml'))", xmlOf('<a>1</a>')],
  // An element result is XML content, so it feeds the next xpath() or json() directly.
  ["xpath(xpath(xml(parameters('items')), '//name')[1], 'string(/name)')", 'Honeycrisp'],
  [
    "json(xpath(xml(parameters('expiring')), '//name')[0])",
    { name: { '@expired': 'true', '#text': 'Gala' } },
  ],
  ["xpath(parameters('binaryXml'), 'string(/a)')", '1'],
  ["json(xml(parameters('binaryXml')))", { a: '1' }],
  ['json(xml(json(\'{"a": {"@x": "1", "b": ["2", "3"]}}\')))', { a: { '@x': '1', b: ['2', '3'] } }],
];

describe('json and xml functions: behaviour', () => {
  it.each(behaviour)('%s returns %j', (expression, expected) => {
    expect(run(expression, data)).toEqual(expected);
  });
});

const xxe = `<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><foo>&xxe;</foo>`;
const billionLaughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><lolz>&lol3;</lolz>`;

describe('json and xml functions: unsafe XML is refused', () => {
  const cases: [string, string][] = [
    ['an external entity (XXE) in xml()', "xml(parameters('doc'))"],
    ['an external entity (XXE) in xpath()', "xpath(parameters('doc'), '/foo')"],
  ];
  it.each(cases)('%s', (_name, expression) => {
    expect(errorOf(expression, { parameters: { doc: xxe } })).toMatch(
      /DOCTYPE declaration\. DTDs are not allowed/,
    );
  });

  it('an entity expansion bomb (billion laughs) is refused before any expansion', () => {
    expect(errorOf("xml(parameters('doc'))", { parameters: { doc: billionLaughs } })).toMatch(
      /DTDs are not allowed/,
    );
  });

  it('a lower-case doctype is refused too', () => {
    expect(errorOf("xml('<!doctype a><a/>')")).toMatch(/DTDs are not allowed/);
  });
});

const errors: [expression: string, message: RegExp][] = [
  [
    "json('{not json')",
    /'json' was invoked with a first parameter that is not valid: the provided value '\{not json' cannot be parsed as JSON/,
  ],
  ["xml('<a><b></a>')", /'xml' .*the XML is not well-formed/],
  ['xml(json(\'{"a": 1, "b": 2}\'))', /2 root properties \('a', 'b'\); XML needs exactly one root element/],
  ['xml(json(\'{"a": [1, 2]}\'))', /the root property 'a' is an array/],
  ['xml(json(\'{"1bad": "x"}\'))', /'1bad' is not a valid XML element or attribute name/],
  ["xml(json('[1]'))", /expects its first parameter to be XML text or a JSON object/],
  ["xpath('<a/>', '//[')", /the XPath expression '\/\/\[' is not valid/],
  ["xpath(1, '/a')", /expects its first parameter to be an XML string or the result of xml\(\)/],
  ["xpath('not xml', '/a')", /the XML is not well-formed/],
];

describe('json and xml functions: errors', () => {
  it.each(errors)('%s fails with a clear message', (expression, message) => {
    expect(errorOf(expression, data)).toMatch(message);
  });
});
