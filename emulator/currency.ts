import type { EmulatedOrder } from './commerce';

/**
 * An order's exchange rate between its shop and presentment currencies. The emulator keeps an order's
 * amounts in shop currency and answers each presentment amount converted on its own (shop × rate, rounded
 * half away from zero to the cent), as Shopify converts each MoneyBag amount. The rate is a decimal string of
 * presentment units per shop unit; an order without one (rate 1, or stored before rates) shows equal numbers.
 */

const RATE_DECIMALS = 6;

function scaled(rate: string): { numerator: bigint; scale: bigint } {
  const [whole = '0', fraction = ''] = rate.split('.');
  return { numerator: BigInt(whole + fraction), scale: 10n ** BigInt(fraction.length) };
}

/** a / b rounded half away from zero, in integers. */
function divideRounded(a: bigint, b: bigint): number {
  const negative = a < 0n !== b < 0n;
  const [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  const rounded = (2n * x + y) / (2n * y);
  return Number(negative ? -rounded : rounded);
}

export function toPresentmentCents(shopCents: number, rate: string | undefined): number {
  if (rate === undefined) return shopCents;
  const { numerator, scale } = scaled(rate);
  return divideRounded(BigInt(shopCents) * numerator, scale);
}

/** A presentment amount (refundCreate's, which is in the presentment currency) as shop cents. */
export function toShopCents(presentmentCents: number, rate: string | undefined): number {
  if (rate === undefined) return presentmentCents;
  const { numerator, scale } = scaled(rate);
  return divideRounded(BigInt(presentmentCents) * scale, numerator);
}

/** The rate a pair of amounts gives, to six decimals; undefined when it is 1 or cannot be told (a zero amount). */
export function rateOf(shopCents: number, presentmentCents: number): string | undefined {
  if (shopCents <= 0 || presentmentCents <= 0 || shopCents === presentmentCents) return undefined;
  const micros = divideRounded(BigInt(presentmentCents) * 10n ** BigInt(RATE_DECIMALS), BigInt(shopCents));
  return (micros / 10 ** RATE_DECIMALS).toFixed(RATE_DECIMALS);
}

export type OrderCurrencies = Pick<EmulatedOrder, 'currencyCode' | 'presentmentCurrencyCode' | 'presentmentRate'>;

/** The decimals a currency's amounts have (ISO 4217 minor units: JPY 0, EUR 2, KWD 3), 2 when the code is unknown to ICU. */
export function currencyDecimals(currencyCode: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency: currencyCode }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * An amount given to a mutation as Shopify keeps it: rounded half up to the currency's minor units, as
 * Shopify's money library does when it makes a Money (`value.round(currency.minor_units)`), in cents.
 * The emulator keeps cents, so a currency with three decimals (KWD, BHD, ...) is kept to the cent.
 */
export function amountCents(amount: string | number, currencyCode: string): number {
  const decimals = Math.min(currencyDecimals(currencyCode), 2);
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(String(amount).trim());
  if (!match || (match[2] === '' && !match[3])) return Math.round(Number(amount) * 100);
  const [, sign, whole = '', fraction = ''] = match;
  // The digits to the decimals kept, plus the next one, which alone decides half up.
  const scaled = BigInt(`${whole || '0'}${fraction.padEnd(decimals + 1, '0').slice(0, decimals + 1)}`);
  const rounded = ((scaled + 5n) / 10n) * 10n ** BigInt(2 - decimals);
  return Number(sign === '-' ? -rounded : rounded);
}
