// A QR code as one SVG path (parts/Qr.tsx draws it): crisp on paper and on a projector.
import { create } from 'qrcode';

export function qrPath(text: string): { size: number; d: string } {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  let d = '';
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (!modules.get(y, x)) continue;
      // Merge a run of dark modules on the row into one rectangle.
      let w = 1;
      while (x + w < size && modules.get(y, x + w)) w++;
      d += `M${x} ${y}h${w}v1h-${w}z`;
      x += w - 1;
    }
  }
  return { size, d };
}
