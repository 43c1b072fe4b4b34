// A QR code as one SVG path: crisp on paper and on a projector, no canvas, no inner HTML.
import { useMemo } from 'react';
import { qrPath } from '../qrPath.js';

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
