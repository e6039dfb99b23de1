import { Canvas } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import type { SignaturePadHandle, SignaturePadProps } from './signature-pad';
import { INK_COLOR, INK_WIDTH, PAD_HEIGHT, PAD_MAX_SCALE } from './signature-pad-style';

type Canvas2d = { width: number; height: number; getContext(kind: '2d'): CanvasRenderingContext2D };

/**
 * weapp: a Canvas of type 2d (the old canvas API is deprecated), found with a selector query once it is laid out;
 * touches carry coordinates relative to the canvas. The PNG comes from canvasToTempFilePath, read back as base64.
 */
export const SignaturePad = forwardRef<SignaturePadHandle, SignaturePadProps>(function SignaturePad({ id, onInkChange }, ref) {
  const canvas = useRef<Canvas2d | null>(null);
  const inked = useRef(false);

  useEffect(() => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec(([found]) => {
        if (!found?.node) return;
        const node = found.node as Canvas2d;
        const scale = Math.min(Taro.getWindowInfo().pixelRatio, PAD_MAX_SCALE);
        node.width = Math.round(found.width * scale);
        node.height = Math.round(found.height * scale);
        const context = node.getContext('2d');
        context.scale(scale, scale);
        context.lineWidth = INK_WIDTH;
        context.lineCap = 'round';
        context.lineJoin = 'round';
        context.strokeStyle = INK_COLOR;
        canvas.current = node;
      });
  }, [id]);

  useImperativeHandle(ref, () => ({
    clear() {
      const node = canvas.current;
      if (node) node.getContext('2d').clearRect(0, 0, node.width, node.height);
      inked.current = false;
      onInkChange(false);
    },
    async toPngBase64() {
      if (!inked.current || !canvas.current) return null;
      const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: canvas.current as never, fileType: 'png' });
      return Taro.getFileSystemManager().readFileSync(tempFilePath, 'base64') as string;
    },
  }));

  return (
    <Canvas
      type='2d'
      id={id}
      className='signature-pad'
      style={{ width: '100%', height: `${PAD_HEIGHT}px` }}
      disableScroll
      onTouchStart={(event) => {
        const touch = event.touches[0] as unknown as { x: number; y: number };
        const context = canvas.current?.getContext('2d');
        context?.beginPath();
        context?.moveTo(touch.x, touch.y);
      }}
      onTouchMove={(event) => {
        const touch = event.touches[0] as unknown as { x: number; y: number };
        const context = canvas.current?.getContext('2d');
        if (!context) return;
        context.lineTo(touch.x, touch.y);
        context.stroke();
        if (!inked.current) {
          inked.current = true;
          onInkChange(true);
        }
      }}
    />
  );
});
