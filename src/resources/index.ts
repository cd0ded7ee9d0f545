/**
 * Every resource the API serves. Adding one here is all it takes to get its routes, validation,
 * storage columns and OpenAPI description.
 */
import { registerResources } from '../engine/registry.js';
import type { ResourceSpec } from '../engine/resource.js';
import {
  clientAppointments,
  estimateAppointments,
  invoiceAppointments,
  workOrderAppointments,
} from './appointments.js';
import { auditLogs } from './audit-logs.js';
import { branches } from './branches.js';
import { clientAttendance } from './client-attendance.js';
import { clientPayments } from './client-payments.js';
import { clients } from './clients.js';
import { currencyRates } from './currency-rates.js';
import { expenses, incomes } from './expenses.js';
import { treasuryTransfers } from './treasury-transfers.js';
import { followUpActions, followUpStatuses } from './follow-ups.js';
import { invoicePayments } from './invoice-payments.js';
import { journalAccounts, journalCats, journals } from './journals.js';
import { notes } from './notes.js';
import { sitePaymentGateways } from './payment-gateways.js';
import { productCategories } from './product-categories.js';
import { products } from './products.js';
import { purchaseDebitNotes, purchaseInvoices, purchaseRefunds } from './purchase-documents.js';
import { creditNotes, estimates, invoices, refundReceipts } from './sales-documents.js';
import { shippingOptions } from './shipping-options.js';
import { staff } from './staff.js';
import { stockTransactions } from './stock-transactions.js';
import { stores } from './stores.js';
import { suppliers } from './suppliers.js';
import { timeTracking } from './time-tracking.js';
import { taxes } from './taxes.js';
import { treasuries } from './treasuries.js';
import { workOrders } from './work-orders.js';
import { attendanceLogs, leaveApplications } from './hr.js';
import { departments, designations, employmentTypes } from './organization.js';
import { assetLocations, assetTypes, employeeAssets, storages } from './employee-assets.js';
import { brands } from './brands.js';
import { unitTemplates } from './unit-templates.js';
import { costCenters } from './cost-centers.js';
import { chargeUsages, creditCharges, creditTypePackages, creditTypes, creditUsages, packages } from './credits.js';
import { workflowRecords, workflowTypes } from './workflows.js';
import { requisitions } from './requisitions.js';
import { bookings } from './bookings.js';
import { productBundles } from './product-bundles.js';
import { advanceApplications } from './advance-applications.js';

export const RESOURCES: readonly ResourceSpec[] = [
  invoices,
  estimates,
  creditNotes,
  refundReceipts,
  clients,
  suppliers,
  workOrders,
  clientAppointments,
  invoiceAppointments,
  estimateAppointments,
  workOrderAppointments,
  invoicePayments,
  clientPayments,
  products,
  journals,
  journalAccounts,
  journalCats,
  timeTracking,
  expenses,
  incomes,
  productCategories,
  taxes,
  stockTransactions,
  stores,
  staff,
  treasuries,
  treasuryTransfers,
  purchaseInvoices,
  purchaseRefunds,
  notes,
  followUpActions,
  followUpStatuses,
  clientAttendance,
  auditLogs,
  currencyRates,
  // Served by Daftra's v2 API (api/v2.ts) and, as every resource, by api2.
  branches,
  sitePaymentGateways,
  shippingOptions,
  // The rest of Daftra's documented groups (docs/compatibility.md "The rest of the docs export").
  leaveApplications,
  attendanceLogs,
  departments,
  designations,
  employmentTypes,
  assetTypes,
  assetLocations,
  storages,
  employeeAssets,
  brands,
  unitTemplates,
  costCenters,
  creditTypes,
  packages,
  creditTypePackages,
  creditCharges,
  creditUsages,
  chargeUsages,
  workflowTypes,
  workflowRecords,
  purchaseDebitNotes,
  requisitions,
  bookings,
  productBundles,
  advanceApplications,
];

registerResources(RESOURCES);

/** Every table a declaration writes to, with its fields, for the column sync after migrations. */
export function declaredTables(): Array<{ table: string; fields: ResourceSpec['fields'] }> {
  return RESOURCES.flatMap((spec) => [
    { table: spec.table, fields: spec.fields },
    ...(spec.children ?? []).map((child) => ({ table: child.table, fields: child.fields })),
  ]);
}
