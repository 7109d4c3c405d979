/** Select, Query, Join, Table and ParseJson: the ops directly, and through their actions for item(). */
import { describe, expect, it } from 'vitest';
import { join } from '../../src/engine/ops/join';
import { parseJsonAction } from '../../src/engine/ops/schema';
import { table } from '../../src/engine/ops/table';
import type { JsonObject, JsonValue } from '../../src/expressions/values';
import { errorOf, find, run } from './helpers';

/** Runs one data action whose inputs are `inputs`; returns its record. */
const action = (type: string, inputs: JsonObject) => find(run({ Op: { type, inputs } }).actions, 'Op');
const bodyOf = (type: string, inputs: JsonObject): JsonValue =>
  (action(type, inputs).outputs as JsonObject).body ?? null;

describe('Select', () => {
  const people: JsonValue = [{ first: 'Ada', age: 36 }, { first: 'Alan' }];
  it.for([
    [
      { name: "@item()?['first']", age: "@item()?['age']" },
      [
        { name: 'Ada', age: 36 },
        { name: 'Alan', age: null },
      ],
    ],
    ["@{item()?['first']}!", ['Ada!', 'Alan!']],
    ["@length(item()?['first'])", [3, 4]],
  ] as const)('maps each item through %j', ([select, expected]) => {
    expect(bodyOf('Select', { from: people, select })).toEqual(expected);
  });

  it('fails when from is not an array', () => {
    expect(errorOf(action('Select', { from: { a: 1 }, select: '@item()' }))).toEqual({
      code: 'InvalidTemplate',
      message:
        "The 'from' property value in the 'select' action inputs is of type 'Object'. The value must be an array.",
    });
  });
});

describe('Query', () => {
  it.for<[string, JsonValue, JsonValue]>([
    ['@greater(item(), 2)', [1, 2, 3, 4], [3, 4]],
    ["@equals(item()?['ok'], true)", [{ ok: true, n: 1 }, { ok: false }, { n: 3 }], [{ ok: true, n: 1 }]],
    ['@false', [1, 2], []],
  ])('keeps the items where %j holds', ([where, from, expected]) => {
    expect(bodyOf('Query', { from, where })).toEqual(expected);
  });

  it('fails when where is not a boolean for an item', () => {
    expect(errorOf(action('Query', { from: [true, 5], where: '@item()' }))).toEqual({
      code: 'InvalidTemplate',
      message:
        "The 'where' expression of the query action must evaluate to a boolean, but for item 1 it evaluated to type 'Integer'.",
    });
  });
});

describe('Join', () => {
  it.for<[JsonValue, string, string]>([
    [['a', 'b', 'c'], ', ', 'a, b, c'],
    [[1, 2.5, true, null, 'x'], '|', '1|2.5|true||x'],
    [[{ k: 1 }, [2]], ';', '{"k":1};[2]'],
    [[], ',', ''],
  ])('joins %j with %j into %j', ([from, joinWith, expected]) => {
    expect(join(from, joinWith)).toBe(expected);
    expect(bodyOf('Join', { from, joinWith })).toBe(expected);
  });
});

describe('Table', () => {
  const rows: JsonObject[] = [
    { name: 'a,b', note: 'say "hi"' },
    { name: 'line1\nline2', extra: { k: 1 } },
    { name: '<b>&', note: "it's" },
  ];

  it('writes CSV with headers in first-seen key order, RFC 4180 quoting and CRLF rows', () => {
    expect(table(rows, 'CSV')).toBe(
      'name,note,extra\r\n"a,b","say ""hi""",\r\n"line1\nline2",,"{""k"":1}"\r\n<b>&,it\'s,',
    );
  });

  it('writes HTML with every special character escaped', () => {
    expect(table(rows.slice(2), 'HTML')).toBe(
      '<table><thead><tr><th>name</th><th>note</th></tr></thead>' +
        '<tbody><tr><td>&lt;b&gt;&amp;</td><td>it&#39;s</td></tr></tbody></table>',
    );
    expect(table([{ 'a"<': 'x' }], 'HTML')).toContain('<th>a&quot;&lt;</th>');
  });

  it('evaluates custom columns per item, naming a column without a header ColumnN', () => {
    const columns: JsonObject[] = [
      { header: 'Upper', value: "@toUpper(item()?['name'])" },
      { value: "@length(item()?['name'])" },
    ];
    const inputs: JsonObject = { from: [{ name: 'ab' }, { name: 'c,d' }], columns };
    expect(bodyOf('Table', { ...inputs, format: 'CSV' })).toBe('Upper,Column2\r\nAB,2\r\n"C,D",3');
    expect(bodyOf('Table', { ...inputs, format: 'html' })).toBe(
      '<table><thead><tr><th>Upper</th><th>Column2</th></tr></thead>' +
        '<tbody><tr><td>AB</td><td>2</td></tr><tr><td>C,D</td><td>3</td></tr></tbody></table>',
    );
  });

  it('tabulates non-objects only with custom columns', () => {
    expect(
      bodyOf('Table', { from: [1, 2], format: 'CSV', columns: [{ header: 'N', value: '@item()' }] }),
    ).toBe('N\r\n1\r\n2');
    expect(errorOf(action('Table', { from: [{ a: 1 }, 2], format: 'CSV' }))).toEqual({
      code: 'InvalidTemplate',
      message:
        "Item 1 of the table's 'from' array is not an object; give 'columns' to tabulate other values.",
    });
  });
});

describe('ParseJson', () => {
  const schema = {
    type: 'object',
    properties: { name: { type: 'string' }, age: { type: 'integer' }, kind: { enum: ['a', 'b'] } },
    required: ['name'],
    additionalProperties: false,
  };

  it.for([
    ['{"name":"Ada","age":36}', { name: 'Ada', age: 36 }],
    [
      { name: 'Ada', kind: 'b' },
      { name: 'Ada', kind: 'b' },
    ],
  ] as const)('parses and validates %j', ([content, expected]) => {
    expect(parseJsonAction(content, schema)).toEqual(expected);
    expect(bodyOf('ParseJson', { content, schema })).toEqual(expected);
  });

  it.for([
    ['{"age":36}', "/name: Required property 'name' is missing."],
    ['{"name":"Ada","age":"36"}', '/age: Expected integer, got string.'],
    ['{"name":"Ada","age":1.5}', '/age: Expected integer, got number.'],
    ['{"name":7}', '/name: Expected string, got integer.'],
    ['{"name":"Ada","kind":"c"}', '/kind: Expected one of ["a","b"], got "c".'],
    ['{"name":"Ada","extra":true}', "/extra: Property 'extra' is not allowed."],
    ['[1]', '(root): Expected object, got array.'],
  ] as const)('rejects %j, naming the violation', ([content, violation]) => {
    const record = action('ParseJson', { content, schema });
    expect(errorOf(record)).toEqual({
      code: 'ValidationFailed',
      message: `The schema validation failed: ${violation}`,
    });
    const details = (record.outputs as { details: { pointer: string; message: string }[] }).details;
    expect(details.map((d) => `${d.pointer || '(root)'}: ${d.message}`)).toEqual([violation]);
  });

  it('lists every violation, not only the first', () => {
    const record = action('ParseJson', { content: '{"age":"x","extra":1}', schema });
    expect(errorOf(record).message).toBe(
      "The schema validation failed: /name: Required property 'name' is missing. " +
        "/extra: Property 'extra' is not allowed. /age: Expected integer, got string.",
    );
  });

  it('fails with InvalidJSON when the content is not JSON', () => {
    const { code, message } = errorOf(action('ParseJson', { content: '{bad', schema: {} }));
    expect(code).toBe('InvalidJSON');
    expect(message).toMatch(/^The 'content' of the ParseJson action is not valid JSON: /);
  });
});
