import { View } from '@tarojs/components';
import { useEffect, useRef } from 'react';
import type { DrawChart } from './chart-canvas';

/** The browser's own canvas element, sized to its container's width at the screen's pixel ratio. */
export function ChartCanvas({ id, height, draw, label }: { id: string; height: number; draw: DrawChart; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return undefined;
    const width = canvas.parentElement?.clientWidth ?? 343;
    const pixelRatio = window.devicePixelRatio || 1;
    canvas.width = width * pixelRatio;
    canvas.height = height * pixelRatio;
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    return draw(context, { width, height, pixelRatio });
  }, [draw, height]);
  return (
    <View className='chart'>
      <canvas id={id} ref={ref} role='img' aria-label={label} />
    </View>
  );
}
