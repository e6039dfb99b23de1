/** The pad's look on both platforms: 160 px high, dark ink 3 px wide, at most 2× the CSS pixels (a small PNG). */
export const PAD_HEIGHT = 160;
export const INK_COLOR = '#1a1a1a';
export const INK_WIDTH = 3;
export const PAD_MAX_SCALE = 2;
