/**
 * Writes an EInvoice as UBL 2.1 (ZATCA's XML implementation standard, profile reporting:1.0), unsigned:
 * the ICV and PIH references are in, the UBLExtensions (signature), the QR reference and cac:Signature
 * are added by sign.ts. Elements are in the XSD's order; the text is compact (no indentation), so the
 * signature can be inserted without touching any hashed character.
 */
import { type Dec, formatDec, formatFixed } from '../domain/money.js';
import type { DocumentCharge, EInvoice, EInvoiceLine, Party, TaxSubtotal, VatCategory } from './model.js';

const NAMESPACES =
  'xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"' +
  ' xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"' +
  ' xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"' +
  ' xmlns:ext="urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2"';

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** `<tag attrs>text</tag>`, or nothing when the text is empty. */
function el(tag: string, text: string, attributes = ''): string {
  if (text === '') return '';
  return `<${tag}${attributes}>${escapeXml(text)}</${tag}>`;
}

function group(tag: string, ...children: string[]): string {
  const inner = children.join('');
  return inner === '' ? '' : `<${tag}>${inner}</${tag}>`;
}

const amount = (tag: string, value: Dec, currency: string) =>
  `<${tag} currencyID="${escapeXml(currency)}">${formatFixed(value, 2)}</${tag}>`;
const percentText = (value: Dec) => formatFixed(value, 2);
const VAT_SCHEME = '<cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>';

function taxCategory(
  tag: string,
  category: VatCategory,
  percent: Dec,
  exemptionCode: string,
  exemptionReason: string,
): string {
  const exempt =
    category === 'S'
      ? ''
      : el('cbc:TaxExemptionReasonCode', exemptionCode) + el('cbc:TaxExemptionReason', exemptionReason);
  return `<${tag}>${el('cbc:ID', category)}${el('cbc:Percent', percentText(percent))}${exempt}${VAT_SCHEME}</${tag}>`;
}

function party(tag: string, value: Party): string {
  const a = value.address;
  const identification = value.crNumber
    ? `<cac:PartyIdentification>${el('cbc:ID', value.crNumber, ' schemeID="CRN"')}</cac:PartyIdentification>`
    : '';
  const address = group(
    'cac:PostalAddress',
    el('cbc:StreetName', a.street),
    el('cbc:AdditionalStreetName', a.additionalStreet),
    el('cbc:BuildingNumber', a.buildingNumber),
    el('cbc:CitySubdivisionName', a.district),
    el('cbc:CityName', a.city),
    el('cbc:PostalZone', a.postalCode),
    el('cbc:CountrySubentity', a.countrySubentity),
    a.country ? `<cac:Country>${el('cbc:IdentificationCode', a.country)}</cac:Country>` : '',
  );
  const taxScheme = value.vatNumber
    ? `<cac:PartyTaxScheme>${el('cbc:CompanyID', value.vatNumber)}${VAT_SCHEME}</cac:PartyTaxScheme>`
    : '';
  const legal = group('cac:PartyLegalEntity', el('cbc:RegistrationName', value.name));
  return `<${tag}><cac:Party>${identification}${address}${taxScheme}${legal}</cac:Party></${tag}>`;
}

function charge(value: DocumentCharge, currency: string): string {
  return (
    `<cac:AllowanceCharge><cbc:ChargeIndicator>true</cbc:ChargeIndicator>${el('cbc:AllowanceChargeReason', value.reason)}` +
    `${amount('cbc:Amount', value.amount, currency)}${taxCategory('cac:TaxCategory', value.category, value.percent, value.exemptionCode, value.exemptionReason)}</cac:AllowanceCharge>`
  );
}

function subtotal(value: TaxSubtotal, currency: string): string {
  return (
    `<cac:TaxSubtotal>${amount('cbc:TaxableAmount', value.taxable, currency)}${amount('cbc:TaxAmount', value.vat, currency)}` +
    `${taxCategory('cac:TaxCategory', value.category, value.percent, value.exemptionCode, value.exemptionReason)}</cac:TaxSubtotal>`
  );
}

function line(value: EInvoiceLine, currency: string): string {
  const adjustment =
    value.allowance === 0n
      ? ''
      : `<cac:AllowanceCharge><cbc:ChargeIndicator>${value.allowance < 0n}</cbc:ChargeIndicator>${el('cbc:AllowanceChargeReason', value.allowance > 0n ? 'Discount' : 'Rounding')}` +
        `${amount('cbc:Amount', value.allowance < 0n ? -value.allowance : value.allowance, currency)}</cac:AllowanceCharge>`;
  return (
    `<cac:InvoiceLine>${el('cbc:ID', String(value.id))}<cbc:InvoicedQuantity unitCode="PCE">${formatDec(value.quantity)}</cbc:InvoicedQuantity>` +
    `${amount('cbc:LineExtensionAmount', value.net, currency)}${adjustment}` +
    `<cac:TaxTotal>${amount('cbc:TaxAmount', value.vat, currency)}${amount('cbc:RoundingAmount', value.net + value.vat, currency)}</cac:TaxTotal>` +
    `<cac:Item>${el('cbc:Name', value.name)}${taxCategory('cac:ClassifiedTaxCategory', value.category, value.percent, '', '')}</cac:Item>` +
    `<cac:Price><cbc:PriceAmount currencyID="${escapeXml(currency)}">${formatDec(value.price)}</cbc:PriceAmount></cac:Price></cac:InvoiceLine>`
  );
}

/** Transaction code name flags (KSA-2): 01 standard / 02 simplified, then third party, nominal, export, summary, self-billed. */
export function transactionFlags(invoice: EInvoice): string {
  return `${invoice.standard ? '01' : '02'}00000`;
}

export function buildUnsignedXml(invoice: EInvoice): string {
  const c = invoice.currency;
  const t = invoice.totals;
  const notes = invoice.typeCode === '381' || invoice.typeCode === '383';
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<Invoice ${NAMESPACES}>`,
    el('cbc:ProfileID', 'reporting:1.0'),
    el('cbc:ID', invoice.number),
    el('cbc:UUID', invoice.uuid),
    el('cbc:IssueDate', invoice.issueDate),
    el('cbc:IssueTime', invoice.issueTime),
    el('cbc:InvoiceTypeCode', invoice.typeCode, ` name="${transactionFlags(invoice)}"`),
    el('cbc:DocumentCurrencyCode', c),
    el('cbc:TaxCurrencyCode', 'SAR'),
    notes && invoice.billingReference
      ? `<cac:BillingReference><cac:InvoiceDocumentReference>${el('cbc:ID', invoice.billingReference)}</cac:InvoiceDocumentReference></cac:BillingReference>`
      : '',
    `<cac:AdditionalDocumentReference><cbc:ID>ICV</cbc:ID>${el('cbc:UUID', String(invoice.icv))}</cac:AdditionalDocumentReference>`,
    `<cac:AdditionalDocumentReference><cbc:ID>PIH</cbc:ID><cac:Attachment><cbc:EmbeddedDocumentBinaryObject mimeCode="text/plain">${escapeXml(invoice.previousHash)}</cbc:EmbeddedDocumentBinaryObject></cac:Attachment></cac:AdditionalDocumentReference>`,
    party('cac:AccountingSupplierParty', invoice.seller),
    invoice.buyer
      ? party('cac:AccountingCustomerParty', invoice.buyer)
      : '<cac:AccountingCustomerParty><cac:Party></cac:Party></cac:AccountingCustomerParty>',
    invoice.supplyDate ? `<cac:Delivery>${el('cbc:ActualDeliveryDate', invoice.supplyDate)}</cac:Delivery>` : '',
    `<cac:PaymentMeans>${el('cbc:PaymentMeansCode', invoice.paymentMeansCode)}${notes ? el('cbc:InstructionNote', invoice.noteReason) : ''}</cac:PaymentMeans>`,
    ...invoice.charges.map((value) => charge(value, c)),
    `<cac:TaxTotal>${amount('cbc:TaxAmount', t.vatSar, 'SAR')}</cac:TaxTotal>`,
    `<cac:TaxTotal>${amount('cbc:TaxAmount', t.vat, c)}${invoice.subtotals.map((value) => subtotal(value, c)).join('')}</cac:TaxTotal>`,
    `<cac:LegalMonetaryTotal>${amount('cbc:LineExtensionAmount', t.lineNet, c)}${amount('cbc:TaxExclusiveAmount', t.taxExclusive, c)}` +
      `${amount('cbc:TaxInclusiveAmount', t.taxInclusive, c)}${amount('cbc:AllowanceTotalAmount', 0n, c)}` +
      `${t.charges === 0n ? '' : amount('cbc:ChargeTotalAmount', t.charges, c)}${amount('cbc:PrepaidAmount', 0n, c)}` +
      `${t.rounding === 0n ? '' : amount('cbc:PayableRoundingAmount', t.rounding, c)}${amount('cbc:PayableAmount', t.payable, c)}</cac:LegalMonetaryTotal>`,
    ...invoice.lines.map((value) => line(value, c)),
    '</Invoice>',
  ];
  return parts.join('');
}
