import { Axis, Canvas, Chart, Interval, Legend, Line, Point, jsx } from '@antv/f2';
import type { ChartSize } from '../components/chart-canvas';

/**
 * The dashboard's two charts with AntV F2 (issue 9): made for mobile screens, it draws on any 2D canvas context, the
 * browser's as well as WeChat's canvas 2d, so H5 and the mini-program share this code. Built without F2's own JSX
 * (the app's JSX is React's): `element(Component, props)` is what its JSX compiles to.
 */
// F2's element types ask each component for its exact props type; the props here are plain chart settings.
const element = jsx as unknown as (type: unknown, props: Record<string, unknown>) => unknown;

const GREY = '#c8c9cc';
const GREEN = '#07c160';
const PALETTE = ['#07c160', '#1989fa', '#ff976a', '#ee0a24', '#7232dd', '#ffb800', '#00a6a6', '#8a6d3b'];

/**
 * F2's theme is in pixels of a 750-wide design and by default scales them by the page's root font size, which Taro
 * sets for its own rem layout (the labels came out 4 px high): half, for a 375-wide screen, on both platforms.
 */
const px2hd = (px: number) => px / 2;
const LABEL = { fontSize: '24px', fill: '#666' };

function render(context: CanvasRenderingContext2D, size: ChartSize, chart: unknown): () => void {
  const canvas = new Canvas({ context, ...size, px2hd, animate: false, children: chart });
  void canvas.render();
  return () => canvas.destroy();
}

/** Visits due and done side by side for each part (village, town or district). */
export function drawVisitBars(rows: { name: string; series: string; value: number }[]) {
  return (context: CanvasRenderingContext2D, size: ChartSize) =>
    render(
      context,
      size,
      element(Chart, {
        data: rows,
        scale: { value: { min: 0, nice: true } },
        children: [
          element(Axis, { field: 'name', style: { label: LABEL } }),
          element(Axis, { field: 'value', style: { label: LABEL } }),
          element(Interval, { x: 'name', y: 'value', color: { field: 'series', range: [GREY, GREEN] }, adjust: 'dodge' }),
          element(Legend, { position: 'top', nameStyle: LABEL }),
        ],
      }),
    );
}

/** Each part's completion rate month by month: R24's 赛马比拼 over the year. */
export function drawYearLines(rows: { month: string; name: string; rate: number }[]) {
  return (context: CanvasRenderingContext2D, size: ChartSize) =>
    render(
      context,
      size,
      element(Chart, {
        data: rows,
        scale: { rate: { min: 0, max: 100, tickCount: 5, formatter: (value: number) => `${value}%` } },
        children: [
          element(Axis, { field: 'month', style: { label: LABEL } }),
          element(Axis, { field: 'rate', style: { label: LABEL } }),
          element(Line, { x: 'month', y: 'rate', color: { field: 'name', range: PALETTE } }),
          element(Point, { x: 'month', y: 'rate', color: { field: 'name', range: PALETTE } }),
          element(Legend, { position: 'top', nameStyle: LABEL }),
        ],
      }),
    );
}
