import { describe, expect, it } from "vitest";
import { ragRating } from "../../scripts/metrics/rag.ts";
import type { Target } from "../../scripts/model/types.ts";

describe("RAG rating, the four tolerance shapes of domain.md", () => {
  it("high is good: <92% red, 92%-95% amber, 95%+ green", () => {
    const t: Target = { type: "at-least", green: 95, amber: 92 };
    expect(ragRating(91.99, t)).toBe("red");
    expect(ragRating(92, t)).toBe("amber");
    expect(ragRating(94.99, t)).toBe("amber");
    expect(ragRating(95, t)).toBe("green");
    // Rotherham 1.2% Dec-20: 57.2% against 95%: red
    expect(ragRating((379 / 663) * 100, t)).toBe("red");
  });

  it("low is good: 26%+ red, 23%-26% amber, <23% green", () => {
    const t: Target = { type: "below", green: 23, amber: 26 };
    expect(ragRating(22.99, t)).toBe("green");
    expect(ragRating(23, t)).toBe("amber");
    expect(ragRating(25.99, t)).toBe("amber");
    expect(ragRating(26, t)).toBe("red");
  });

  it("within a band: green inside 14-20, amber within 1 of it, red further out", () => {
    const t: Target = { type: "band", green: [14, 20], amber: 1 };
    expect(ragRating(14, t)).toBe("green");
    expect(ragRating(20, t)).toBe("green");
    expect(ragRating(13, t)).toBe("amber");
    expect(ragRating(21, t)).toBe("amber");
    expect(ragRating(12.9, t)).toBe("red");
    expect(ragRating(21.1, t)).toBe("red");
  });

  it("around a value: green within ±5 of 158.8, amber within ±15, red beyond", () => {
    const t: Target = { type: "around", value: 158.8, green: 5, amber: 15 };
    expect(ragRating(163.8, t)).toBe("green");
    expect(ragRating(153.8, t)).toBe("green");
    expect(ragRating(170, t)).toBe("amber");
    expect(ragRating(143.8, t)).toBe("amber");
    expect(ragRating(173.9, t)).toBe("red");
    // Rotherham 3.3 S47 rate Dec-20: 368.6: red
    expect(ragRating(368.6, t)).toBe("red");
  });

  it("gives no RAG without a target or a figure", () => {
    expect(ragRating(50, undefined)).toBeNull();
    expect(ragRating(null, { type: "at-least", green: 95, amber: 92 })).toBeNull();
  });

  it("a target with no tolerance is green or red", () => {
    const t: Target = { type: "below", green: 99.1, amber: 99.1 };
    expect(ragRating(106.9, t)).toBe("red");
    expect(ragRating(98, t)).toBe("green");
  });
});
