// A QR code of the join link for the projector, as SVG. The encoder is the one qrcode-terminal
// already ships (Kazuhiko Arase's MIT QRCode, in its vendor folder): no new dependency, and it
// is loaded only with the console and projector pages, never with the lobby.
// @ts-expect-error: a CommonJS module without types (vendor code of qrcode-terminal)
import QRCode from 'qrcode-terminal/vendor/QRCode/index.js';
// @ts-expect-error: as above
import QRErrorCorrectLevel from 'qrcode-terminal/vendor/QRCode/QRErrorCorrectLevel.js';

interface Encoder {
  addData(text: string): void;
  make(): void;
  getModuleCount(): number;
  isDark(row: number, col: number): boolean;
}

/** The QR code's dark modules as one SVG path, with a four-module quiet zone. */
export function qrPath(text: string): { size: number; d: string } {
  const Ctor = QRCode as new (type: number, level: number) => Encoder;
  const qr = new Ctor(-1, (QRErrorCorrectLevel as { M: number }).M);
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  let d = '';
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.isDark(r, c)) d += `M${c + 4} ${r + 4}h1v1h-1z`;
  return { size: n + 8, d };
}
