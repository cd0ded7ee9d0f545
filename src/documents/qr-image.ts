/**
 * QR code images of a text: SVG (drawn here from the qrcode package's module matrix, synchronously, for
 * the documents) and PNG (the package's own encoder, for GET /qr/). Error correction M, as ZATCA's
 * samples use; a quiet zone of 2 modules.
 */
import type QRCodeModule from 'qrcode';
import { lazyModule } from '../lazy-module.js';

/** The qrcode package, loaded on the first QR drawn rather than at the server's start. */
const qrcode = lazyModule<typeof QRCodeModule>('qrcode');

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
