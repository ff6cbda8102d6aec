// The look of every chart: fonts, sizes and an accessible palette.

/** Okabe-Ito colours: distinguishable with colour-blindness and in greyscale by order and dash. */
export const SERIES_COLOURS = ["#0b4f8a", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000"];

export const REFERENCE_COLOURS = {
  target: "#00703c",
  statNeighbour: "#6f3c96",
  england: "#505a5f",
  bestStatNeighbour: "#6f3c96",
  englandTopQuartile: "#505a5f",
  region: "#505a5f",
} as const;

export const FONT = "Liberation Sans, Arial, Helvetica, sans-serif";

export const WIDTH = 600;
export const HEIGHT = 240;

export const vegaLiteConfig = {
  font: FONT,
  aria: false,
  background: "white",
  view: { stroke: null },
  axis: { labelFontSize: 12, titleFontSize: 12, labelColor: "#0b0c0c", titleColor: "#0b0c0c", gridColor: "#e5e6e7", domainColor: "#505a5f", tickColor: "#505a5f" },
  axisX: { labelAngle: 0, labelOverlap: "parity" as const },
  legend: { labelFontSize: 12, titleFontSize: 12, orient: "bottom" as const, direction: "horizontal" as const, columns: 2, labelLimit: 280, symbolStrokeWidth: 2, symbolSize: 200 },
  line: { strokeWidth: 2.5 },
  point: { size: 40, filled: true },
  bar: { },
};
