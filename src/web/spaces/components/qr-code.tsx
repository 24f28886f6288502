import { useEffect, useState } from 'preact/hooks';
import { t } from '../messages.ts';

/** Quiet zone around the code, in modules (the QR spec asks for 4). */
const QUIET_ZONE_MODULES = 4;

/** One SVG path for all dark modules: small, crisp at any size, no inline styles. */
function qrPath(matrix: boolean[][]): string {
  let d = '';
  matrix.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) d += `M${x + QUIET_ZONE_MODULES} ${y + QUIET_ZONE_MODULES}h1v1h-1z`;
    });
  });
  return d;
}

/**
 * The invite link as a QR code. The encoder (uqr) is loaded only when a code is first drawn, so
 * it stays out of the first screen's JavaScript.
 */
export function QrCode({ text }: { text: string }) {
  const [matrix, setMatrix] = useState<boolean[][] | null>(null);

  useEffect(() => {
    let cancelled = false;
    setMatrix(null);
    void import('uqr').then(({ encode }) => {
      if (!cancelled) setMatrix(encode(text, { ecc: 'M', border: 0 }).data);
    });
    return () => {
      cancelled = true;
    };
  }, [text]);

  if (!matrix) return <p class="muted qr-placeholder">{t('invite.qrLoading')}</p>;
  const size = matrix.length + QUIET_ZONE_MODULES * 2;
  return (
    <svg
      class="qr-code"
      role="img"
      aria-label={t('invite.qrAlt')}
      viewBox={`0 0 ${size} ${size}`}
      shape-rendering="crispEdges"
      xmlns="http://www.w3.org/2000/svg"
    >
      <rect width={size} height={size} fill="#ffffff" />
      <path d={qrPath(matrix)} fill="#1a1418" />
    </svg>
  );
}
