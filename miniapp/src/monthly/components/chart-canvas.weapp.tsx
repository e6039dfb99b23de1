import { Canvas, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import type { DrawChart } from './chart-canvas';

/** WeChat's canvas 2d: its node is found by a selector query once rendered, then sized at the screen's pixel ratio. */
export function ChartCanvas({ id, height, draw }: { id: string; height: number; draw: DrawChart; label: string }) {
  useEffect(() => {
    let free: (() => void) | null = null;
    let gone = false;
    Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec(([found]) => {
          const canvas = found?.node as (HTMLCanvasElement & { width: number; height: number }) | undefined;
          if (gone || !canvas) return;
          const pixelRatio = Taro.getWindowInfo().pixelRatio;
          canvas.width = found.width * pixelRatio;
          canvas.height = found.height * pixelRatio;
          free = draw(canvas.getContext('2d') as CanvasRenderingContext2D, { width: found.width, height: found.height, pixelRatio });
        });
    });
    return () => {
      gone = true;
      free?.();
    };
  }, [draw, id]);
  return (
    <View className='chart'>
      <Canvas type='2d' id={id} style={{ width: '100%', height: `${height}px` }} />
    </View>
  );
}
