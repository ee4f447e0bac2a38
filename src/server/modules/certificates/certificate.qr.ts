import QRCode from 'qrcode';

/**
 * The label's QR code for printers: SVG (scales to any size) and a 1,200-pixel PNG, which prints a
 * 2.5 cm code at over 1,200 dpi. Error correction M, as on the certificate, survives a scuffed label.
 */
export const QR_PNG_PIXELS = 1200;

export const qrSvg = (url: string) => QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
export const qrPng = (url: string) => QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: QR_PNG_PIXELS });
