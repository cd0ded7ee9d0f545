/**
 * PDF documents through Typst (typst-ts-node-compiler): the layout is a template file in
 * templates/documents/<layout>/document.typ that reads the document view as JSON. One compiler per
 * process, created on first use with the fonts the package ships (IBM Plex Sans Arabic for Latin
 * letters and digits, Amiri for Arabic: both SIL OFL, from the npm registry). Compiling is
 * synchronous, so the logo, QR and e-invoice files mapped for one render cannot be seen by another.
 * A ZATCA phase-2 document's PDF is PDF/A-3b with its e-invoice XML attached (docs/zatca.md).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { NodeCompiler as Compiler } from '@myriaddreamin/typst-ts-node-compiler';
import type { DocumentView } from '../domain/documents.js';
import { qrSvg } from './qr-image.js';
import { BUILT_IN_TEMPLATES, templateFile } from './templates.js';

const require = createRequire(import.meta.url);

const FONT_FILES = [
  '@expo-google-fonts/ibm-plex-sans-arabic/400Regular/IBMPlexSansArabic_400Regular.ttf',
  '@expo-google-fonts/ibm-plex-sans-arabic/700Bold/IBMPlexSansArabic_700Bold.ttf',
  '@expo-google-fonts/amiri/400Regular/Amiri_400Regular.ttf',
  '@expo-google-fonts/amiri/700Bold/Amiri_700Bold.ttf',
];

/** The compiler's root: not a real folder; the template's /logo and /qr.svg are mapped under it. */
const WORKSPACE = '/daftar-typst-workspace';

let compiler: Compiler | undefined;
/**
 * Typst memoizes layouts; after each render the entries not used by the last one are evicted. Measured
 * on 600 distinct invoices of the bench's data set (docs/performance.md): evicting every 32 renders
 * entries older than 10 evictions let the process grow to 1,325 MB; evicting after every render those
 * older than one keeps it flat at about 290 MB and renders a little faster (30 ms against 36 a PDF),
 * since each eviction then walks a small cache.
 */
const EVICT_MAX_AGE = 1;
const templates = new Map<string, string>();

function compilerOf(): Compiler {
  if (compiler) return compiler;
  const { NodeCompiler } =
    require('@myriaddreamin/typst-ts-node-compiler') as typeof import('@myriaddreamin/typst-ts-node-compiler');
  const fontBlobs = FONT_FILES.map((file) => readFileSync(require.resolve(file)));
  compiler = NodeCompiler.create({ workspace: WORKSPACE, fontArgs: [{ fontBlobs }] });
  return compiler;
}

function templateSource(layout: string, templatesDir: string | undefined): string {
  const file = templateFile(layout, 'document.typ', templatesDir);
  let source = templates.get(file);
  if (source === undefined) {
    source = readFileSync(file, 'utf8');
    templates.set(file, source);
  }
  return source;
}

export interface DocumentAssets {
  /** The site's logo bytes, when it has one. */
  logo: Buffer | null;
  /** A ZATCA phase-2 document's e-invoice XML: attached to the PDF, which is then PDF/A-3b. */
  einvoiceXml?: string | null;
}

/** The name of the attached e-invoice inside the PDF: the document number, in safe characters. */
export function einvoiceAttachmentName(number: string): string {
  return `${number.replace(/[^A-Za-z0-9._-]/g, '_') || 'einvoice'}.xml`;
}

/**
 * Typst attaches a file (pdf.attach in 0.14, pdf.embed in 0.13) wherever it stands in the document:
 * appended after the layout it changes no page, and it works with any layout, one's own included.
 * PDF/A-3 allows attachments; "alternative" says the XML is the same document in another form.
 */
function attachmentSource(name: string): string {
  return (
    `\n#pdf.attach(${JSON.stringify(name)}, read("/einvoice.xml", encoding: none), relationship: "alternative", ` +
    'mime-type: "application/xml", description: "ZATCA e-invoice (UBL 2.1)")\n'
  );
}

/**
 * PDF/A-3b, the archival form that may carry the XML. A layout of one's own that PDF/A refuses (Typst
 * checks, e.g. a font without the glyphs) still prints, as a plain PDF with the same attachment.
 */
function pdfA3(typst: Compiler, document: Parameters<Compiler['pdf']>[0]): Buffer {
  try {
    return typst.pdf(document, { pdfStandard: 'a-3b' });
  } catch {
    return typst.pdf(document);
  }
}

/** `source` compiled with `data` as its JSON input, or an Error naming `what` with Typst's diagnostics. */
function compiledOrThrow(typst: Compiler, source: string, data: unknown, what: string) {
  const compiled = typst.compile({ mainFileContent: source, inputs: { data: JSON.stringify(data) } });
  const document = compiled.result;
  if (!document) {
    const error = compiled.takeError() ?? compiled.takeDiagnostics();
    const problems = error
      ? typst.fetchDiagnostics(error).map((entry: { message?: string }) => entry.message ?? JSON.stringify(entry))
      : [];
    throw new Error(`${what} failed: ${problems.join('; ') || 'unknown error'}`);
  }
  return document;
}

/** Renders a document view as PDF bytes with the named layout. Throws on a template error. */
export function renderPdf(
  view: DocumentView,
  assets: DocumentAssets,
  layout = 'standard',
  templatesDir?: string,
): Buffer {
  const typst = compilerOf();
  typst.resetShadow();
  if (assets.logo) typst.mapShadow(path.posix.join(WORKSPACE, 'logo'), assets.logo);
  if (view.qr) typst.mapShadow(path.posix.join(WORKSPACE, 'qr.svg'), Buffer.from(qrSvg(view.qr), 'utf8'));
  const einvoice = assets.einvoiceXml ? Buffer.from(assets.einvoiceXml, 'utf8') : null;
  if (einvoice) typst.mapShadow(path.posix.join(WORKSPACE, 'einvoice.xml'), einvoice);
  const mainFileContent =
    templateSource(layout, templatesDir) + (einvoice ? attachmentSource(einvoiceAttachmentName(view.number)) : '');
  const document = compiledOrThrow(typst, mainFileContent, view, `template ${layout}`);
  const pdf = einvoice ? pdfA3(typst, document) : typst.pdf(document);
  typst.evictCache(EVICT_MAX_AGE);
  return pdf;
}

/**
 * A report as PDF (GET /api2/reports/{name}.pdf) with templates/reports/report.typ: the same compiler and
 * fonts as documents; `data` is the finished text the template prints (src/api/reports.ts builds it).
 */
export function renderReportPdf(data: Record<string, unknown>): Buffer {
  const typst = compilerOf();
  typst.resetShadow();
  const file = path.join(BUILT_IN_TEMPLATES, '..', 'reports', 'report.typ');
  let source = templates.get(file);
  if (source === undefined) {
    source = readFileSync(file, 'utf8');
    templates.set(file, source);
  }
  const pdf = typst.pdf(compiledOrThrow(typst, source, data, 'report template'));
  typst.evictCache(EVICT_MAX_AGE);
  return pdf;
}
