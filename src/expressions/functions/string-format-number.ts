/**
 * .NET numeric format strings for `formatNumber`: the standard formats C, D, E, F, G, N, P, X (with
 * an optional precision) and custom patterns such as `#,##0.00`, `0.0%` or `'USD' 0.00`. Culture
 * separators come from `Intl.NumberFormat`, which rounds half away from zero as .NET does.
 */
import type { Call } from '../ast';
import { invalidArgument } from './args';

/** Currencies for the cultures integration teams use most; others print the generic sign ¤. */
const CURRENCIES: Readonly<Record<string, string>> = {
  'en-us': 'USD',
  'en-gb': 'GBP',
  'en-ie': 'EUR',
  'en-ca': 'CAD',
  'en-au': 'AUD',
  'en-in': 'INR',
  'de-de': 'EUR',
  'de-at': 'EUR',
  'de-ch': 'CHF',
  'fr-fr': 'EUR',
  'fr-ca': 'CAD',
  'fr-ch': 'CHF',
  'es-es': 'EUR',
  'es-mx': 'MXN',
  'it-it': 'EUR',
  'nl-nl': 'EUR',
  'nl-be': 'EUR',
  'pt-br': 'BRL',
  'pt-pt': 'EUR',
  'sv-se': 'SEK',
  'nb-no': 'NOK',
  'da-dk': 'DKK',
  'fi-fi': 'EUR',
  'is-is': 'ISK',
  'pl-pl': 'PLN',
  'ja-jp': 'JPY',
  'zh-cn': 'CNY',
  'ko-kr': 'KRW',
};

/**
 * ICU separates groups and currency signs with no-break spaces; the Logic Apps reference shows
 * plain spaces (`17,35 kr.`), so Flowline prints plain spaces.
 */
export function formatNumber(value: number, format: string, locale: string, call: Call): string {
  return formatNumberRaw(value, format, locale, call).replace(/[\u00a0\u202f]/g, ' ');
}

function formatNumberRaw(value: number, format: string, locale: string, call: Call): string {
  let intl: string;
  try {
    intl = Intl.getCanonicalLocales(locale)[0] ?? 'en-US';
  } catch {
    return invalidArgument(call, 2, `'${locale}' is not a culture name such as 'en-US'.`);
  }
  const standard = /^([CcDdEeFfGgNnPpXx])(\d{1,2})?$/.exec(format);
  try {
    if (standard) return formatStandard(value, standard[1] ?? 'G', standard[2], intl, call);
    return formatCustom(value, format, intl);
  } catch (error) {
    // Intl.NumberFormat and toExponential refuse digit counts past their limits with a RangeError.
    if (!(error instanceof RangeError)) throw error;
    return invalidArgument(
      call,
      1,
      `the format '${format}' asks for more digits than can be printed (at most 20 decimals and 21 integer digits).`,
    );
  }
}

function formatStandard(
  value: number,
  letter: string,
  digits: string | undefined,
  locale: string,
  call: Call,
): string {
  const precision = digits === undefined ? undefined : Number(digits);
  const fixed = (d: number, grouping: boolean): string =>
    new Intl.NumberFormat(locale, {
      minimumFractionDigits: d,
      maximumFractionDigits: d,
      useGrouping: grouping,
    }).format(value);
  switch (letter.toUpperCase()) {
    case 'C': {
      const currency = CURRENCIES[locale.toLowerCase()];
      const d = precision ?? 2;
      if (currency === undefined) return `¤${fixed(d, true)}`;
      return new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        minimumFractionDigits: d,
        maximumFractionDigits: d,
      }).format(value);
    }
    case 'D': {
      if (!Number.isInteger(value)) invalidArgument(call, 1, "the format 'D' needs an integer.");
      const text = Math.abs(value)
        .toString()
        .padStart(precision ?? 0, '0');
      return value < 0 ? `-${text}` : text;
    }
    case 'E': {
      const [mantissa = '0', exponent = '0'] = value.toExponential(precision ?? 6).split('e');
      const sign = exponent.startsWith('-') ? '-' : '+';
      const e = `${letter === 'e' ? 'e' : 'E'}${sign}${exponent.replace(/^[+-]/, '').padStart(3, '0')}`;
      return `${mantissa.replace('.', decimalSeparator(locale))}${e}`;
    }
    case 'F':
      return fixed(precision ?? 2, false);
    case 'N':
      return fixed(precision ?? 2, true);
    case 'P':
      return new Intl.NumberFormat(locale, {
        style: 'percent',
        minimumFractionDigits: precision ?? 2,
        maximumFractionDigits: precision ?? 2,
      }).format(value);
    case 'X': {
      if (!Number.isInteger(value)) invalidArgument(call, 1, "the format 'X' needs an integer.");
      const hex = (value < 0 ? 2 ** 32 + value : value).toString(16).padStart(precision ?? 0, '0');
      return letter === 'x' ? hex : hex.toUpperCase();
    }
    default:
      return precision === undefined
        ? String(value).replace('.', decimalSeparator(locale))
        : new Intl.NumberFormat(locale, {
            maximumSignificantDigits: Math.max(precision, 1),
            useGrouping: false,
          }).format(value);
  }
}

function decimalSeparator(locale: string): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
}

/** Splits a custom pattern into the literal text before and after its one number placeholder. */
function splitPattern(format: string): { prefix: string; placeholder: string; suffix: string } {
  let prefix = '';
  let placeholder = '';
  let suffix = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i] ?? '';
    let literal = c;
    if (c === "'" || c === '"') {
      const close = format.indexOf(c, i + 1);
      const end = close < 0 ? format.length : close;
      literal = format.slice(i + 1, end);
      i = end;
    } else if (c === '\\') {
      literal = format[i + 1] ?? '';
      i++;
    } else if ('0#,.'.includes(c) && suffix === '' && (placeholder !== '' || c !== ',')) {
      placeholder += c;
      continue;
    }
    if (placeholder === '') prefix += literal;
    else suffix += literal;
  }
  return { prefix, placeholder, suffix };
}

/** Custom patterns: literals around one number placeholder made of 0 # , . and an optional %. */
function formatCustom(value: number, format: string, locale: string): string {
  const { prefix, placeholder, suffix } = splitPattern(format);
  if (placeholder === '') return prefix + suffix;
  const percent = (prefix + suffix).includes('%') ? 100 : 1;
  const [integerPart = '', fractionPart = ''] = placeholder.split('.');
  const number = new Intl.NumberFormat(locale, {
    useGrouping: /[0#],[0#]/.test(integerPart),
    minimumIntegerDigits: Math.max(1, (integerPart.match(/0/g) ?? []).length),
    minimumFractionDigits: (fractionPart.match(/0/g) ?? []).length,
    maximumFractionDigits: fractionPart.replace(/,/g, '').length,
  }).format(Math.abs(value * percent));
  const sign = value < 0 && /[1-9]/.test(number) ? '-' : '';
  return `${sign}${prefix}${number}${suffix}`;
}
