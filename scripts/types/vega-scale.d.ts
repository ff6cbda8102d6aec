// vega-scale ships types for its schemes only; the build uses its scale registry.
declare module "vega-scale" {
  /** The scale constructor Vega registers under `type` ("linear", ...). */
  export function scale(type: string): () => unknown;
}
