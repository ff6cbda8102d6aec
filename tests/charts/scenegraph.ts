// Walks a rendered Vega view's scenegraph: every item with its mark, and the
// offset of its group, so bounds can be compared across groups (axes, plot).
import type { View } from "vega";

export interface Bounds {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface SceneItem {
  marktype: string;
  role: string;
  /** The item's bounds in SVG coordinates. */
  bounds: Bounds;
  datum: Record<string, unknown>;
  item: Record<string, unknown>;
  /** True inside an axis (its labels, ticks, title). */
  inAxis: boolean;
  /** Which mark the item belongs to (a line mark's items are the vertices of one path). */
  markId: number;
}

interface Mark {
  marktype: string;
  role: string;
  items: Record<string, unknown>[];
}

export function sceneItems(view: View): SceneItem[] {
  const out: SceneItem[] = [];
  let marks = 0;
  const visit = (mark: Mark, dx: number, dy: number, inAxis: boolean) => {
    const axis = inAxis || mark.role === "axis";
    const markId = marks++;
    for (const item of mark.items ?? []) {
      const b = item.bounds as Bounds | undefined;
      out.push({
        marktype: mark.marktype,
        role: mark.role,
        bounds: b ? { x1: b.x1 + dx, y1: b.y1 + dy, x2: b.x2 + dx, y2: b.y2 + dy } : { x1: NaN, y1: NaN, x2: NaN, y2: NaN },
        datum: (item.datum ?? {}) as Record<string, unknown>,
        item,
        inAxis: axis,
        markId,
      });
      if (mark.marktype === "group") {
        for (const child of (item.items ?? []) as Mark[]) visit(child, dx + ((item.x as number) ?? 0), dy + ((item.y as number) ?? 0), axis);
      }
    }
  };
  visit((view.scenegraph() as unknown as { root: Mark }).root, 0, 0, false);
  return out;
}

export const overlaps = (a: Bounds, b: Bounds, gap = 0) => a.x1 < b.x2 + gap && b.x1 < a.x2 + gap && a.y1 < b.y2 + gap && b.y1 < a.y2 + gap;
