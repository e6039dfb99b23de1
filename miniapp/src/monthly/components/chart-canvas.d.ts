/** The size a chart is drawn at: CSS pixels, and how many device pixels each holds. */
export interface ChartSize {
  width: number;
  height: number;
  pixelRatio: number;
}

/** Draws into a 2D context of the given size; returns what frees the chart (called before a redraw and on unmount). */
export type DrawChart = (context: CanvasRenderingContext2D, size: ChartSize) => () => void;

/**
 * A canvas as wide as its container and `height` CSS pixels high, drawn by `draw` once it is on screen and again
 * when `draw` changes. chart-canvas.h5.tsx uses the browser's canvas, chart-canvas.weapp.tsx WeChat's canvas 2d.
 */
export declare function ChartCanvas(props: { id: string; height: number; draw: DrawChart; label: string }): JSX.Element;
