/**
 * QR code images of a text: SVG (drawn here from the qrcode package's module matrix, synchronously, for
 * the documents) and PNG (the package's own encoder, for GET /qr/). Error correction M, as ZATCA's
 * samples use; a quiet zone of 2 modules.
 */
import { createRequire } from 'node:module';
import type QRCodeModule from 'qrcode';

/** The qrcode package, loaded on the first QR drawn rather than at the server's start. */
let loaded: typeof QRCodeModule | undefined;
const qrcode = () => {
  if (!loaded) {
    const module: typeof QRCodeModule = createRequire(import.meta.url)('qrcode');
    loaded = module;
  }
  return loaded;
};

const QUIET_MODULES = 2;

/** The QR code of `text` as an SVG document, one path of unit squares. */
export function qrSvg(text: string): string {
  const { modules } = qrcode().create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  const full = size + QUIET_MODULES * 2;
  let path = '';
  for (let row = 0; row < size; row += 1) {
    for (let column = 0; column < size; column += 1) {
      if (modules.get(row, column)) path += `M${column + QUIET_MODULES} ${row + QUIET_MODULES}h1v1h-1z`;
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${full} ${full}" width="${full * 4}" height="${full * 4}" shape-rendering="crispEdges">` +
    `<rect width="${full}" height="${full}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`
  );
}

/** The QR code of `text` as a PNG, `scale` pixels per module. */
export function qrPng(text: string, scale = 6): Promise<Buffer> {
  return qrcode().toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: QUIET_MODULES, scale });
}
