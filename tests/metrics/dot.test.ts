import { describe, expect, it } from "vitest";
import { dotByPolarity, dotByThreshold } from "../../scripts/metrics/dot.ts";

describe("direction of travel, polarity convention (Rotherham)", () => {
  it("judges high-is-good by whether the figure rose", () => {
    // 1.6 % referrals to assessment, Nov 99.6% -> Dec 100.0%: improvement
    expect(dotByPolarity(100, 99.6, "high")).toEqual({ dot: "improved", judgement: "positive" });
    // 5.5 % ICPC in 15 days, 40.0% -> 38.1%: decline
    expect(dotByPolarity(38.1, 40.0, "high").dot).toBe("declined");
  });

  it("judges low-is-good by whether the figure fell", () => {
    // 1.7 % re-referrals in month, 19.3% -> 12.3%: the pack shows an improvement arrow
    expect(dotByPolarity(12.3, 19.3, "low").dot).toBe("improved");
    // 2.3 open assessments past 45 days, 7 -> 25: decline
    expect(dotByPolarity(25, 7, "low").dot).toBe("declined");
  });

  it("shows the numbers for info and range indicators", () => {
    expect(dotByPolarity(663, 565, "info")).toEqual({ dot: "increased", judgement: null });
    expect(dotByPolarity(16.7, 18.1, "range").dot).toBe("decreased");
  });

  it("calls equal figures no movement", () => {
    // 3.2 S47 rolling 12: 2120 -> 2120
    expect(dotByPolarity(2120, 2120, "info").dot).toBe("unchanged");
    expect(dotByPolarity(0, 0, "high").dot).toBe("unchanged");
  });

  it("has no direction without a previous figure", () => {
    expect(dotByPolarity(5, null, "high")).toEqual({ dot: null, judgement: null });
  });
});

describe("direction of travel, threshold convention (Southampton)", () => {
  it("marks rises and falls of 10% or more", () => {
    // M2 referrals 270 -> 215 (-20%): down
    expect(dotByThreshold(215, 270, "info", 0.1)).toEqual({ dot: "down", judgement: null });
    // EH1c 14 -> 19 (+36%): up
    expect(dotByThreshold(19, 14, "info", 0.1).dot).toBe("up");
    // M1 contacts 1554 -> 1433 (-8%): similar
    expect(dotByThreshold(1433, 1554, "info", 0.1).dot).toBe("similar");
  });

  it("treats exactly 10% as a move", () => {
    expect(dotByThreshold(110, 100, "info", 0.1).dot).toBe("up");
    expect(dotByThreshold(90, 100, "info", 0.1).dot).toBe("down");
  });

  it("carries the polarity as a separate judgement", () => {
    // M8-QL % referrals in 24 hours (high is good) 63% -> 61%: similar
    expect(dotByThreshold(61, 63, "high", 0.1)).toEqual({ dot: "similar", judgement: "similar" });
    // EH3e% over 45 days (low is good) 33.0 -> 51.6: up, negative
    expect(dotByThreshold(51.6, 33.0, "low", 0.1)).toEqual({ dot: "up", judgement: "negative" });
    // LAC12 (%) SGOs (high is good) 38.9 -> 0.0: down, negative
    expect(dotByThreshold(0, 38.9, "high", 0.1)).toEqual({ dot: "down", judgement: "negative" });
  });

  it("is undefined when last month was zero (Southampton prints '- n/a')", () => {
    expect(dotByThreshold(0, 0, "info", 0.1).dot).toBeNull();
  });
});
