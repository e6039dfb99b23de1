import type { ForwardRefExoticComponent, RefAttributes } from 'react';

/** What the sign page asks of the pad: clear it (重写), and the drawing as a PNG in base64 (null when nothing drawn). */
export interface SignaturePadHandle {
  clear(): void;
  toPngBase64(): Promise<string | null>;
}

export interface SignaturePadProps {
  id: string;
  /** Told whether anything is drawn, after each stroke and after a clear. */
  onInkChange: (hasInk: boolean) => void;
}

/**
 * R8, issue 11: a signature drawn with a finger or a mouse: a plain <canvas> with pointer events on H5, a Canvas of
 * type 2d with touch events on weapp. Transparent background, dark ink.
 */
export declare const SignaturePad: ForwardRefExoticComponent<SignaturePadProps & RefAttributes<SignaturePadHandle>>;
