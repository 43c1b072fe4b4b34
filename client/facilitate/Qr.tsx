// A QR code as one SVG path: crisp on paper and on a projector, no canvas, no inner HTML.
import { useMemo } from 'react';
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

export function Qr({ text, label, size = 132 }: { text: string; label: string; size?: number }) {
  const { size: n, d } = useMemo(() => qrPath(text), [text]);
  const quiet = 2;
  return (
    <svg className="qr" role="img" aria-label={label} width={size} height={size} viewBox={`${-quiet} ${-quiet} ${n + 2 * quiet} ${n + 2 * quiet}`} shapeRendering="crispEdges">
      <rect x={-quiet} y={-quiet} width={n + 2 * quiet} height={n + 2 * quiet} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
