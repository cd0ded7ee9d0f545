/**
 * Exact decimal arithmetic for every amount, price, quantity and rate.
 *
 * A `Dec` is a bigint holding the value times 10^6 (six decimal places). The same integer is what the
 * database stores (INTEGER on SQLite, BIGINT on PostgreSQL: 64 bits, at most 9.22 × 10^18 millionths),
 * and no amount ever passes through binary floating point.
 *
 * The range (docs/accounting.md): every value the server stores, whether a client sent it or the
 * server computed it (a line's quantity × unit_price, a document total, a journal line, a stock
 * position), is less than 9 × 10^12 in size: 9 × 10^18 millionths, the round figure below 2^63, so
 * it is a 64-bit integer on both engines. A value beyond that is a 400 naming the field
 * (`checkRange`), never a silent change or a database error. Sums over many rows (reports, balances)
 * are not bounded: they are added up exactly (`db/exact-sum.ts`).
 *
 * Rounding policy (one for the whole codebase, see docs/accounting.md): half away from zero, applied
 * where a value is computed, once (`mulTo`, `percentOfTo`, ...: never six places first and then the
 * currency's) — per line to the currency's minor unit, then documents sum rounded lines.
 *
 * @example
 *   const line = mulTo(parseDec('19.99')!, parseDec('3')!, 2);           // 59.97
 *   const tax = percentOfTo(line, parseDec('15')!, 2);                   // 8.9955 -> 9.00
 *   formatDec(line + tax)                                                // "68.97"
 */
import { fieldError } from './errors.js';

export type Dec = bigint;

export const SCALE_DIGITS = 6;
export const SCALE: Dec = 1_000_000n;
export const ZERO: Dec = 0n;
export const ONE: Dec = SCALE;
export const HUNDRED: Dec = 100n * SCALE;

/** The largest absolute value one stored field holds: 8,999,999,999,999.999999 (2^63 millionths is 9,223,372,036,854.775807). */
export const AMOUNT_ABS_MAX: Dec = 9_000_000_000_000n * SCALE - 1n;
/** Why a value beyond AMOUNT_ABS_MAX is refused (the same words for input and computed values). */
export const OUT_OF_RANGE = 'must be less than 9000000000000 in size';

export function inRange(value: Dec): boolean {
  return value <= AMOUNT_ABS_MAX && value >= -AMOUNT_ABS_MAX;
}

/** Throws a 400 naming `field` when `value` is beyond the range; `what` says how it was computed. */
export function checkRange(value: Dec, field: string, what?: string): Dec {
  if (!inRange(value))
    throw fieldError(field, what ? `${what} is ${formatDec(value)}, which ${OUT_OF_RANGE}` : OUT_OF_RANGE);
  return value;
}

const DECIMAL_TEXT = /^([+-])?(\d+)(?:\.(\d*))?$/;
const DECIMAL_TEXT_LEADING_DOT = /^([+-])?()\.(\d+)$/;
const EXPONENT_TEXT = /^([+-])?(\d+)(?:\.(\d*))?[eE]([+-]?\d+)$/;

/** Divides with rounding half away from zero. `divisor` must not be zero. */
export function divRound(numerator: bigint, divisor: bigint): bigint {
  if (divisor === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== divisor < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = divisor < 0n ? -divisor : divisor;
  const quotient = n / d;
  const remainder = n % d;
  const rounded = remainder * 2n >= d ? quotient + 1n : quotient;
  return negative ? -rounded : rounded;
}

function fromDigits(sign: string | undefined, whole: string, fraction: string, exponent: number): Dec {
  // value = whole.fraction * 10^exponent, scaled by 10^6, rounded half away from zero.
  const digits = BigInt((whole || '0') + fraction);
  const shift = SCALE_DIGITS + exponent - fraction.length;
  let scaled: bigint;
  if (shift >= 0) scaled = digits * 10n ** BigInt(shift);
  else scaled = divRound(digits, 10n ** BigInt(-shift));
  return sign === '-' ? -scaled : scaled;
}

/**
 * Parses a decimal from text or a JSON number. JSON numbers are read through their shortest decimal
 * text (`String(19.99)` is "19.99"), which is exactly what the client wrote. Returns null when the
 * input is not a finite decimal. More than six decimal places are rounded half away from zero.
 */
export function parseDec(input: string | number | bigint): Dec | null {
  if (typeof input === 'bigint') return input * SCALE;
  if (typeof input === 'number' && !Number.isFinite(input)) return null;
  const text = (typeof input === 'number' ? String(input) : normalizeDigits(input)).trim();
  if (text.length === 0 || text.length > 64) return null;
  const plain = DECIMAL_TEXT.exec(text) ?? DECIMAL_TEXT_LEADING_DOT.exec(text);
  if (plain) return fromDigits(plain[1], plain[2] ?? '', plain[3] ?? '', 0);
  const exp = EXPONENT_TEXT.exec(text);
  if (exp) {
    const exponent = Number(exp[4]);
    if (Math.abs(exponent) > 40) return exponent < 0 ? 0n : null;
    return fromDigits(exp[1], exp[2] ?? '', exp[3] ?? '', exponent);
  }
  return null;
}

/** Arabic-Indic and Eastern Arabic-Indic digits, and the Arabic decimal separator, to ASCII. */
export function normalizeDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9\u066B]/g, (ch) => {
    const code = ch.charCodeAt(0);
    if (code === 0x066b) return '.';
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

/** ASCII digits to Arabic-Indic ones (VAT numbers are often written so on Gulf documents). */
export function arabicIndicDigits(text: string): string {
  return text.replace(/[0-9]/g, (digit) => String.fromCharCode(0x0660 + Number(digit)));
}

export function dec(text: string): Dec {
  const value = parseDec(text);
  if (value === null) throw new RangeError(`not a decimal: ${text}`);
  return value;
}

export function fromInt(n: number): Dec {
  return BigInt(n) * SCALE;
}

/** a × b, rounded half away from zero to six places (the storage scale); to a currency's, `mulTo`. */
export function mul(a: Dec, b: Dec): Dec {
  return divRound(a * b, SCALE);
}

/** a ÷ b, rounded half away from zero to six places (the storage scale); to a currency's, `divTo`. */
export function div(a: Dec, b: Dec): Dec {
  return divRound(a * SCALE, b);
}

/** `ratePercent` percent of `amount` (15% of 59.97 is 8.9955), six places; to a currency's, `percentOfTo`. */
export function percentOf(amount: Dec, ratePercent: Dec): Dec {
  return divRound(amount * ratePercent, HUNDRED);
}

/** The tax inside a tax-inclusive gross amount: gross × rate / (100 + rate), six places; to a currency's, `includedTaxOfTo`. */
export function includedTaxOf(gross: Dec, ratePercent: Dec): Dec {
  return divRound(gross * ratePercent, HUNDRED + ratePercent);
}

/**
 * The products and quotients above rounded once, straight to `places` decimals (0..6), half away
 * from zero. Rounding to six places first and then to the currency's rounds twice, which is wrong on
 * a tie the first rounding made: 0.000001 × 4999.5 = 0.0049995 is 0.00 to two places, but
 * `roundTo(mul(...), 2)` goes through 0.005 and gives 0.01.
 */
export function mulTo(a: Dec, b: Dec, places: number): Dec {
  return atPlaces(a * b, SCALE, places);
}

/** a × b ÷ c rounded once to `places` decimals (an amount converted through two rates). */
export function mulDivTo(a: Dec, b: Dec, c: Dec, places: number): Dec {
  return atPlaces(a * b, c, places);
}

/** a ÷ b rounded once to `places` decimals. */
export function divTo(a: Dec, b: Dec, places: number): Dec {
  return atPlaces(a * SCALE, b, places);
}

/** `ratePercent` percent of `amount`, rounded once to `places` decimals. */
export function percentOfTo(amount: Dec, ratePercent: Dec, places: number): Dec {
  return atPlaces(amount * ratePercent, HUNDRED, places);
}

/** The tax inside a tax-inclusive gross amount, rounded once to `places` decimals. */
export function includedTaxOfTo(gross: Dec, ratePercent: Dec, places: number): Dec {
  return atPlaces(gross * ratePercent, HUNDRED + ratePercent, places);
}

/** numerator ÷ divisor (in millionths) rounded half away from zero to `places` decimals, in one division. */
function atPlaces(numerator: bigint, divisor: bigint, places: number): Dec {
  if (places >= SCALE_DIGITS) return divRound(numerator, divisor);
  const unit = 10n ** BigInt(SCALE_DIGITS - places);
  return divRound(numerator, divisor * unit) * unit;
}

/** Rounds to `places` decimals (0..6), half away from zero. */
export function roundTo(value: Dec, places: number): Dec {
  if (places >= SCALE_DIGITS) return value;
  const unit = 10n ** BigInt(SCALE_DIGITS - places);
  return divRound(value, unit) * unit;
}

export function sum(values: Iterable<Dec>): Dec {
  let total = 0n;
  for (const v of values) total += v;
  return total;
}

export function min(a: Dec, b: Dec): Dec {
  return a < b ? a : b;
}

export function max(a: Dec, b: Dec): Dec {
  return a > b ? a : b;
}

export function abs(a: Dec): Dec {
  return a < 0n ? -a : a;
}

const SAFE_MAX = BigInt(Number.MAX_SAFE_INTEGER);

/** Shortest exact text: 68.97 -> "68.97", 100 -> "100", -0.5 -> "-0.5". */
export function formatDec(value: Dec): string {
  // Every amount a response renders goes through here. Inside ±2^53 millionths (±9 billion) the same
  // digits come from integer arithmetic on a double, which is exact there (% and the division of a
  // multiple of 10^6 are exact on integers below 2^53), without a BigInt division per amount.
  if (value <= SAFE_MAX && value >= -SAFE_MAX) return formatMillionths(Number(value));
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  const whole = magnitude / SCALE;
  const fraction = (magnitude % SCALE).toString().padStart(SCALE_DIGITS, '0').replace(/0+$/, '');
  const text = fraction.length > 0 ? `${whole}.${fraction}` : `${whole}`;
  return negative ? `-${text}` : text;
}

function formatMillionths(value: number): string {
  const negative = value < 0;
  const magnitude = negative ? -value : value;
  const fraction = magnitude % 1_000_000;
  const whole = (magnitude - fraction) / 1_000_000;
  let text = String(whole);
  if (fraction !== 0) {
    let digits = String(fraction).padStart(SCALE_DIGITS, '0');
    let end = digits.length;
    while (digits.charCodeAt(end - 1) === 48) end -= 1;
    digits = digits.slice(0, end);
    text = `${text}.${digits}`;
  }
  return negative ? `-${text}` : text;
}

/** Fixed number of places, for CSV and reports: formatFixed(dec('5'), 2) -> "5.00". */
export function formatFixed(value: Dec, places: number): string {
  const rounded = roundTo(value, places);
  const negative = rounded < 0n;
  const magnitude = negative ? -rounded : rounded;
  const whole = magnitude / SCALE;
  const fraction = (magnitude % SCALE).toString().padStart(SCALE_DIGITS, '0').slice(0, places);
  const text = places > 0 ? `${whole}.${fraction}` : `${whole}`;
  return negative && rounded !== 0n ? `-${text}` : text;
}

/**
 * A stored value back into a Dec: a number from SQLite (a bigint past 2^53, see db/connection.ts), a
 * string from PostgreSQL's BIGINT or NUMERIC (a SUM). A non-integer number can only be a REAL that an
 * older version let SQLite store in place of an integer; it is read to the nearest millionth.
 */
export function fromStored(value: unknown): Dec {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : BigInt(Math.round(value));
  if (typeof value === 'string' && value.length > 0) return BigInt(value);
  return 0n;
}

/**
 * A Dec as the integer the database stores: a number while a double holds it exactly, else a bigint
 * (both drivers bind it as a 64-bit integer). Beyond the range it is a 400 naming `field`: the last
 * guard before a value would be stored changed (SQLite turns an integer past 64 bits into a REAL) or
 * refused by the database (PostgreSQL's "bigint out of range").
 */
export function toStored(value: Dec, field = 'amount'): number | bigint {
  checkRange(value, field);
  return value <= SAFE_MAX && value >= -SAFE_MAX ? Number(value) : value;
}

// ISO 4217 minor units (the list as published by SIX, the maintenance agency): 2 unless listed here.
// IRR and IDR are 2 in the standard, though their subunits are not used in practice (docs/compatibility.md).
const MINOR_UNITS: Record<string, number> = {
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  CLF: 4,
  UYW: 4,
};

/** Minor-unit places of an ISO 4217 currency: SAR/EGP/AED/USD 2, KWD/BHD/OMR/JOD 3, JPY/KRW/VND 0. */
export function currencyDecimals(code: string | null | undefined): number {
  return MINOR_UNITS[(code ?? '').toUpperCase()] ?? 2;
}

/**
 * An amount of money in `currency` at its minor unit, half away from zero: the one rounding of every
 * amount that is posted (payments, expenses, journal lines, a document's shipping and adjustment), so
 * what is stored is what the books hold, to the last minor unit. Prices, quantities and rates keep six
 * places; the amounts computed from them are rounded where they are computed (totals.ts).
 *
 * @example roundAmount(dec('10.005'), 'SAR') → 10.01; roundAmount(dec('1.0005'), 'KWD') → 1.001; roundAmount(dec('100.5'), 'JPY') → 101
 */
export function roundAmount(value: Dec, currency: string | null | undefined): Dec {
  return roundTo(value, currencyDecimals(currency));
}
