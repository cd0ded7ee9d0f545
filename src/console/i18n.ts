/**
 * The console's words in English and Arabic. Every label the pages show is a key here;
 * test/console-i18n.test.ts fails when a key is missing in either language, when a page uses a key
 * that is not here, or when an Arabic entry is left in English.
 */
export type Lang = 'en' | 'ar';

export const CATALOGUE = {
  en: {
    app_name: 'Daftar',
    sign_in: 'Sign in', sign_out: 'Sign out', email: 'Email', password: 'Password',
    sign_in_failed: 'The email or password is not right.', signed_out: 'You are signed out.',
    session_expired: 'Your session ended; sign in again.', too_many_attempts: 'Too many attempts; wait a minute and try again.',
    language: 'Language', english: 'English', arabic: 'العربية', digits_latin: 'Latin digits', digits_arabic: 'Arabic-Indic digits',
    nav_dashboard: 'Dashboard', nav_invoices: 'Invoices', nav_clients: 'Clients', nav_products: 'Products', nav_reports: 'Reports',
    main_navigation: 'Main navigation', skip_to_content: 'Skip to content',
    this_month: 'This month', last_month: 'Last month', sales: 'Sales', collected: 'Collected', unpaid: 'Unpaid', overdue: 'Overdue',
    cash_per_treasury: 'Cash per treasury', sales_vs_expenses: 'Sales and expenses, last 12 months', expenses: 'Expenses',
    low_stock: 'Low stock', recent_invoices: 'Recent invoices', nothing_yet: 'Nothing yet.',
    invoices: 'Invoices', new_invoice: 'New invoice', invoice: 'Invoice', search: 'Search', filter: 'Filter', status: 'Status',
    any_status: 'Any status', status_unpaid: 'Unpaid', status_partial: 'Partly paid', status_paid: 'Paid',
    status_draft: 'Draft', status_refunded: 'Refunded', status_overpaid: 'Overpaid',
    client: 'Client', any_client: 'Any client', date: 'Date', date_from: 'From', date_to: 'To', number: 'Number', total: 'Total',
    due: 'Due', only_overdue: 'Only overdue', previous: 'Previous', next: 'Next', page_of: 'Page {page} of {pages}',
    lines: 'Lines', product: 'Product', description: 'Description', quantity: 'Quantity', unit_price: 'Unit price', tax: 'Tax',
    no_tax: 'No tax', add_line: 'Add line', remove_line: 'Remove line', subtotal: 'Subtotal', discount: 'Discount', taxes: 'Taxes',
    save_invoice: 'Save invoice', choose_client: 'Choose a client', choose_product: 'Choose a product (name, code or barcode)',
    free_text_line: 'Free text line', saved: 'Saved.', paid_amount: 'Paid', unpaid_amount: 'Unpaid',
    record_payment: 'Record a payment', amount: 'Amount', payment_method: 'Method', treasury: 'Treasury', pay: 'Record payment',
    method_cash: 'Cash', method_bank_transfer: 'Bank transfer', method_card: 'Card',
    make_credit_note: 'Make a credit note', credit_note_made: 'Credit note {number} made.', payments: 'Payments',
    download_pdf: 'Download PDF', print: 'Print', share_link: 'Share link',
    clients: 'Clients', new_client: 'New client', business_name: 'Business name', phone: 'Phone', vat_number: 'VAT number',
    save_client: 'Save client', city: 'City',
    products: 'Products', new_product: 'New product', name: 'Name', code: 'Code', barcode: 'Barcode', price: 'Price', cost: 'Cost',
    stock: 'Stock', opening_stock: 'Opening stock', average_cost: 'Average cost', track_stock: 'Track stock', save_product: 'Save product',
    reports: 'Reports', report_profit_and_loss: 'Profit and loss', report_balance_sheet: 'Balance sheet',
    report_trial_balance: 'Trial balance', report_aged_receivables: 'Aged receivables', report_aged_payables: 'Aged payables',
    report_stock_valuation: 'Stock valuation', show: 'Show', download_csv: 'Download CSV', revenue: 'Revenue', net_profit: 'Net profit',
    error_title: 'Something went wrong', not_found: 'Not found', fix_fields: 'Please correct these fields:',
    unavailable: 'The server is busy; try again in a moment.', back: 'Back', yes: 'Yes', no: 'No', actions: 'Actions',
  },
  ar: {
    app_name: 'دفتر',
    sign_in: 'تسجيل الدخول', sign_out: 'تسجيل الخروج', email: 'البريد الإلكتروني', password: 'كلمة المرور',
    sign_in_failed: 'البريد الإلكتروني أو كلمة المرور غير صحيحة.', signed_out: 'تم تسجيل خروجك.',
    session_expired: 'انتهت جلستك؛ سجّل الدخول مرة أخرى.', too_many_attempts: 'محاولات كثيرة؛ انتظر دقيقة ثم حاول مجددًا.',
    language: 'اللغة', english: 'English', arabic: 'العربية', digits_latin: 'أرقام لاتينية', digits_arabic: 'أرقام عربية هندية',
    nav_dashboard: 'لوحة التحكم', nav_invoices: 'الفواتير', nav_clients: 'العملاء', nav_products: 'المنتجات', nav_reports: 'التقارير',
    main_navigation: 'القائمة الرئيسية', skip_to_content: 'انتقل إلى المحتوى',
    this_month: 'هذا الشهر', last_month: 'الشهر الماضي', sales: 'المبيعات', collected: 'المحصَّل', unpaid: 'غير المدفوع', overdue: 'المتأخر',
    cash_per_treasury: 'النقد في كل خزينة', sales_vs_expenses: 'المبيعات والمصروفات، آخر ١٢ شهرًا', expenses: 'المصروفات',
    low_stock: 'مخزون منخفض', recent_invoices: 'أحدث الفواتير', nothing_yet: 'لا يوجد شيء بعد.',
    invoices: 'الفواتير', new_invoice: 'فاتورة جديدة', invoice: 'فاتورة', search: 'بحث', filter: 'تصفية', status: 'الحالة',
    any_status: 'كل الحالات', status_unpaid: 'غير مدفوعة', status_partial: 'مدفوعة جزئيًا', status_paid: 'مدفوعة',
    status_draft: 'مسودة', status_refunded: 'مستردة', status_overpaid: 'مدفوعة بالزيادة',
    client: 'العميل', any_client: 'كل العملاء', date: 'التاريخ', date_from: 'من', date_to: 'إلى', number: 'الرقم', total: 'الإجمالي',
    due: 'المستحق', only_overdue: 'المتأخرة فقط', previous: 'السابق', next: 'التالي', page_of: 'صفحة {page} من {pages}',
    lines: 'البنود', product: 'المنتج', description: 'الوصف', quantity: 'الكمية', unit_price: 'سعر الوحدة', tax: 'الضريبة',
    no_tax: 'بدون ضريبة', add_line: 'إضافة بند', remove_line: 'حذف البند', subtotal: 'المجموع الفرعي', discount: 'الخصم', taxes: 'الضرائب',
    save_invoice: 'حفظ الفاتورة', choose_client: 'اختر عميلًا', choose_product: 'اختر منتجًا (الاسم أو الرمز أو الباركود)',
    free_text_line: 'بند نصي حر', saved: 'تم الحفظ.', paid_amount: 'المدفوع', unpaid_amount: 'المتبقي',
    record_payment: 'تسجيل دفعة', amount: 'المبلغ', payment_method: 'طريقة الدفع', treasury: 'الخزينة', pay: 'تسجيل الدفعة',
    method_cash: 'نقدًا', method_bank_transfer: 'تحويل بنكي', method_card: 'بطاقة',
    make_credit_note: 'إنشاء إشعار دائن', credit_note_made: 'تم إنشاء الإشعار الدائن {number}.', payments: 'المدفوعات',
    download_pdf: 'تنزيل PDF', print: 'طباعة', share_link: 'رابط المشاركة',
    clients: 'العملاء', new_client: 'عميل جديد', business_name: 'الاسم التجاري', phone: 'الهاتف', vat_number: 'الرقم الضريبي',
    save_client: 'حفظ العميل', city: 'المدينة',
    products: 'المنتجات', new_product: 'منتج جديد', name: 'الاسم', code: 'الرمز', barcode: 'الباركود', price: 'السعر', cost: 'التكلفة',
    stock: 'المخزون', opening_stock: 'المخزون الافتتاحي', average_cost: 'متوسط التكلفة', track_stock: 'تتبع المخزون', save_product: 'حفظ المنتج',
    reports: 'التقارير', report_profit_and_loss: 'الأرباح والخسائر', report_balance_sheet: 'الميزانية العمومية',
    report_trial_balance: 'ميزان المراجعة', report_aged_receivables: 'أعمار الذمم المدينة', report_aged_payables: 'أعمار الذمم الدائنة',
    report_stock_valuation: 'تقييم المخزون', show: 'عرض', download_csv: 'تنزيل CSV', revenue: 'الإيرادات', net_profit: 'صافي الربح',
    error_title: 'حدث خطأ', not_found: 'غير موجود', fix_fields: 'يرجى تصحيح هذه الحقول:',
    unavailable: 'الخادم مشغول؛ حاول بعد لحظة.', back: 'رجوع', yes: 'نعم', no: 'لا', actions: 'الإجراءات',
  },
} as const;

export type MessageKey = keyof typeof CATALOGUE.en;

export function translate(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const text: string = CATALOGUE[lang][key] ?? CATALOGUE.en[key];
  return text.replace(/\{(\w+)\}/g, (_m, name: string) => String(vars[name] ?? ''));
}

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';

/** Latin digits as Arabic-Indic ones (the console's digits setting); other characters unchanged. */
export const arabicDigits = (text: string) => text.replace(/[0-9]/g, (d) => ARABIC_INDIC[Number(d)]!);
