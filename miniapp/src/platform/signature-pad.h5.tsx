import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import type { SignaturePadHandle, SignaturePadProps } from './signature-pad';
import { INK_COLOR, INK_WIDTH, PAD_HEIGHT, PAD_MAX_SCALE } from './signature-pad-style';

/** H5: a DOM canvas at the screen's pixel ratio (at most 2×, so the PNG stays small), drawn with pointer events. */
export const SignaturePad = forwardRef<SignaturePadHandle, SignaturePadProps>(function SignaturePad({ id, onInkChange }, ref) {
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const drawing = useRef(false);
  const inked = useRef(false);

  useEffect(() => {
    const canvas = canvasRef.current!;
    const scale = Math.min(window.devicePixelRatio || 1, PAD_MAX_SCALE);
    canvas.width = Math.round(canvas.clientWidth * scale);
    canvas.height = Math.round(PAD_HEIGHT * scale);
    const context = canvas.getContext('2d')!;
    context.scale(scale, scale);
    context.lineWidth = INK_WIDTH;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.strokeStyle = INK_COLOR;
  }, []);

  function pointOf(event: React.PointerEvent<HTMLCanvasElement>) {
    const box = canvasRef.current!.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  }

  useImperativeHandle(ref, () => ({
    clear() {
      const canvas = canvasRef.current!;
      canvas.getContext('2d')!.clearRect(0, 0, canvas.width, canvas.height);
      inked.current = false;
      onInkChange(false);
    },
    async toPngBase64() {
      if (!inked.current) return null;
      return canvasRef.current!.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
    },
  }));

  return (
    <canvas
      ref={canvasRef}
      id={id}
      className='signature-pad'
      style={{ width: '100%', height: `${PAD_HEIGHT}px`, touchAction: 'none' }}
      onPointerDown={(event) => {
        drawing.current = true;
        event.currentTarget.setPointerCapture(event.pointerId);
        const { x, y } = pointOf(event);
        const context = canvasRef.current!.getContext('2d')!;
        context.beginPath();
        context.moveTo(x, y);
      }}
      onPointerMove={(event) => {
        if (!drawing.current) return;
        const { x, y } = pointOf(event);
        const context = canvasRef.current!.getContext('2d')!;
        context.lineTo(x, y);
        context.stroke();
        if (!inked.current) {
          inked.current = true;
          onInkChange(true);
        }
      }}
      onPointerUp={() => void (drawing.current = false)}
      onPointerCancel={() => void (drawing.current = false)}
    />
  );
});
