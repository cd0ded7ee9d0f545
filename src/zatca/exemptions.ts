/**
 * ZATCA's VAT exemption reason codes (data dictionary BT-121, code list VATEX-SA) and the category each
 * belongs to. A 0% tax names its code in its name ("Zero rated VATEX-SA-32"); a line without a tax is
 * out of scope (O, VATEX-SA-OOS).
 */
import type { VatCategory } from './model.js';

export const EXEMPTION_REASONS: Record<string, { category: VatCategory; reason: string }> = {
  'VATEX-SA-29': { category: 'E', reason: 'Financial services mentioned in Article 29 of the VAT Regulations' },
  'VATEX-SA-29-7': { category: 'E', reason: 'Life insurance services mentioned in Article 29 of the VAT Regulations' },
  'VATEX-SA-30': { category: 'E', reason: 'Real estate transactions mentioned in Article 30 of the VAT Regulations' },
  'VATEX-SA-32': { category: 'Z', reason: 'Export of goods' },
  'VATEX-SA-33': { category: 'Z', reason: 'Export of services' },
  'VATEX-SA-34-1': { category: 'Z', reason: 'The international transport of Goods' },
  'VATEX-SA-34-2': { category: 'Z', reason: 'International transport of passengers' },
  'VATEX-SA-34-3': {
    category: 'Z',
    reason: 'Services directly connected and incidental to a Supply of international passenger transport',
  },
  'VATEX-SA-34-4': { category: 'Z', reason: 'Supply of a qualifying means of transport' },
  'VATEX-SA-34-5': {
    category: 'Z',
    reason:
      'Any services relating to Goods or passenger transportation, as defined in article twenty five of these Regulations',
  },
  'VATEX-SA-35': { category: 'Z', reason: 'Medicines and medical equipment' },
  'VATEX-SA-36': { category: 'Z', reason: 'Qualifying metals' },
  'VATEX-SA-EDU': { category: 'Z', reason: 'Private education to citizen' },
  'VATEX-SA-HEA': { category: 'Z', reason: 'Private healthcare to citizen' },
  'VATEX-SA-MLTRY': { category: 'Z', reason: 'supply of qualified military goods' },
  'VATEX-SA-OOS': { category: 'O', reason: 'Not subject to VAT' },
};

export const OUT_OF_SCOPE: { category: VatCategory; code: string; reason: string } = {
  category: 'O',
  code: 'VATEX-SA-OOS',
  reason: EXEMPTION_REASONS['VATEX-SA-OOS']!.reason,
};

/** The VATEX code a tax's name carries, or null. */
export function exemptionCodeIn(taxName: string): string | null {
  const match = /VATEX-SA-[A-Z0-9]+(?:-\d)?/i.exec(taxName);
  if (!match) return null;
  const code = match[0].toUpperCase();
  return Object.hasOwn(EXEMPTION_REASONS, code) ? code : null;
}
