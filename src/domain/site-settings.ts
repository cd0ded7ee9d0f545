/**
 * The seller's settings a tax document needs: registration numbers, the national address, the logo and
 * the document language. Stored as columns of `sites` (migration 0010_documents). Input is checked
 * here, once, for the CLI (`daftar site set`) and the owner API (`PUT /api2/site_info`) alike.
 *
 * Saudi rules (ZATCA, applied when the site's country is SA): the VAT number is 15 digits, first and
 * last 3 (BR-KSA-39); the building number 4 digits (BR-KSA-37); the postal code 5 digits (BR-KSA-66).
 * Arabic-Indic digits are accepted and stored as ASCII digits. An empty value clears a setting.
 */
import type { FieldErrors } from './errors.js';
import { normalizeDigits } from './money.js';
import { oneOf } from '../guards.js';

export type DocumentLanguage = 'ar' | 'en' | 'bilingual';
export const DOCUMENT_LANGUAGES: readonly DocumentLanguage[] = ['ar', 'en', 'bilingual'];

/** The text settings, by column name, with their longest accepted length. */
export const SELLER_TEXT_SETTINGS = {
  business_name: 255,
  vat_number: 30,
  cr_number: 30,
  address1: 255,
  address2: 255,
  city: 100,
  state: 100,
  postal_code: 20,
  building_number: 20,
  district: 100,
} as const;

export type SellerTextSetting = keyof typeof SELLER_TEXT_SETTINGS;
const isSellerTextSetting = (name: string): name is SellerTextSetting => name in SELLER_TEXT_SETTINGS;

/** Every setting a caller may set: the texts, `logo` (image bytes), `document_language` and `document_layout`. */
export const SELLER_SETTING_NAMES: readonly string[] = [
  ...Object.keys(SELLER_TEXT_SETTINGS),
  'logo',
  'document_language',
  'document_layout',
];

/** A layout is a folder name under templates/documents/ (or DAFTAR_TEMPLATES_DIR); an unknown one renders as standard. */
export const LAYOUT_NAME = /^[a-z0-9][a-z0-9_-]{0,40}$/;

/** A logo's largest size in bytes (decoded): it is embedded in every rendered document. */
export const LOGO_BYTES_MAX = 512 * 1024;

export type LogoMime = 'image/png' | 'image/jpeg' | 'image/svg+xml';

/** The image type of logo bytes, from their first bytes (never from a name a client sends). */
export function logoMime(bytes: Uint8Array): LogoMime | undefined {
  if (bytes.length >= 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47)
    return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const head = Buffer.from(bytes.subarray(0, 512)).toString('utf8').trimStart();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head)) return 'image/svg+xml';
  return undefined;
}

/** The column values a valid set of settings writes: texts (null clears), logo and logo_mime. */
export type SiteSettingValues = Record<string, string | null>;

function checkSaudi(name: SellerTextSetting, value: string): string | undefined {
  if (name === 'vat_number' && !/^3\d{13}3$/.test(value))
    return 'must be the 15 digits of a Saudi VAT number, starting and ending with 3';
  if (name === 'building_number' && !/^\d{4}$/.test(value)) return 'must be 4 digits (Saudi national address)';
  if (name === 'postal_code' && !/^\d{5}$/.test(value)) return 'must be 5 digits (Saudi national address)';
  if (name === 'cr_number' && !/^\d{10}$/.test(value))
    return 'must be the 10 digits of a Saudi commercial registration';
  return undefined;
}

function textSetting(
  name: SellerTextSetting,
  raw: unknown,
  country: string,
  errors: FieldErrors,
): string | null | undefined {
  if (raw === null) return null;
  if (typeof raw !== 'string' && typeof raw !== 'number') {
    errors[name] = 'must be text';
    return undefined;
  }
  const numeric =
    name !== 'business_name' &&
    name !== 'address1' &&
    name !== 'address2' &&
    name !== 'city' &&
    name !== 'state' &&
    name !== 'district';
  const value = (numeric ? normalizeDigits(String(raw)).replace(/[\s-]/g, '') : String(raw)).trim();
  if (value === '') return null;
  if (value.length > SELLER_TEXT_SETTINGS[name]) {
    errors[name] = `must be at most ${SELLER_TEXT_SETTINGS[name]} characters`;
    return undefined;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this check's purpose
  if (/[\u0000-\u001f\u007f]/.test(value)) {
    errors[name] = 'must not contain control characters';
    return undefined;
  }
  const saudi = country === 'SA' ? checkSaudi(name, value) : undefined;
  if (saudi) {
    errors[name] = saudi;
    return undefined;
  }
  return value;
}

/** `data:image/png;base64,…` or bare base64 → bytes; anything else → undefined. */
function logoBytes(raw: string): Buffer | undefined {
  const match = /^data:[a-z/+.-]*;base64,(.*)$/is.exec(raw.trim());
  const base64 = (match ? match[1]! : raw).replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 !== 0) return undefined;
  return Buffer.from(base64, 'base64');
}

function logoSetting(raw: unknown, values: SiteSettingValues, errors: FieldErrors): void {
  if (raw === null || raw === '') {
    values['logo'] = null;
    values['logo_mime'] = null;
    return;
  }
  const bytes = raw instanceof Uint8Array ? Buffer.from(raw) : typeof raw === 'string' ? logoBytes(raw) : undefined;
  if (!bytes || bytes.length === 0) {
    errors['logo'] = 'must be a PNG, JPEG or SVG image as base64 (or a data: URL)';
    return;
  }
  if (bytes.length > LOGO_BYTES_MAX) {
    errors['logo'] = `must be at most ${LOGO_BYTES_MAX} bytes`;
    return;
  }
  const mime = logoMime(bytes);
  if (!mime) {
    errors['logo'] = 'must be a PNG, JPEG or SVG image';
    return;
  }
  values['logo'] = bytes.toString('base64');
  values['logo_mime'] = mime;
}

/**
 * Checks settings as sent (names to values) for a site of `country`. Returns the columns to write,
 * or the errors by field; unknown names are errors too (a typo must not pass silently).
 *
 * @example checkSiteSettings({ vat_number: '٣٠٠٠٠٠٠٠٠٠٠٠٠٠٣' }, 'SA') → { values: { vat_number: '300000000000003' }, errors: {} }
 */
export function checkSiteSettings(
  input: Record<string, unknown>,
  country: string,
): { values: SiteSettingValues; errors: FieldErrors } {
  const values: SiteSettingValues = {};
  const errors: FieldErrors = {};
  for (const [name, raw] of Object.entries(input)) {
    if (name === 'logo') {
      logoSetting(raw, values, errors);
      continue;
    }
    if (name === 'document_language') {
      const language = oneOf(DOCUMENT_LANGUAGES, raw);
      if (raw === null || raw === '') values[name] = null;
      else if (language) values[name] = language;
      else errors[name] = `must be one of ${DOCUMENT_LANGUAGES.join(', ')}`;
      continue;
    }
    if (name === 'document_layout') {
      if (raw === null || raw === '') values[name] = null;
      else if (typeof raw === 'string' && LAYOUT_NAME.test(raw)) values[name] = raw;
      else errors[name] = 'must be a layout name: lower-case letters, digits, - and _';
      continue;
    }
    if (!isSellerTextSetting(name)) {
      errors[name] = `is not a site setting; settings: ${SELLER_SETTING_NAMES.join(', ')}`;
      continue;
    }
    const value = textSetting(name, raw, country, errors);
    if (value !== undefined) values[name] = value;
  }
  if (values['business_name'] === null) errors['business_name'] = 'must not be empty';
  return { values, errors };
}

/**
 * The language of a site's documents: its setting, else bilingual (Arabic and English side by side)
 * for a Saudi site, where the tax invoice is read in Arabic, and English elsewhere.
 */
export function documentLanguageOf(site: { country_code: string; [column: string]: unknown }): DocumentLanguage {
  const set = site['document_language'];
  const language = oneOf(DOCUMENT_LANGUAGES, set);
  if (language) return language;
  return site.country_code === 'SA' ? 'bilingual' : 'en';
}
