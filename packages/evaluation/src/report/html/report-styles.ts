/** The report's whole stylesheet, inlined so the page needs nothing else. */
export const reportStyles = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; color: #1b1b1b; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; margin: 0.5rem 0; } th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
.rank-1 { background: #c8efd2; } .rank-top3 { background: #e4f6e8; } .rank-top10 { background: #fff4cc; } .rank-miss { background: #fbd9d3; }
svg text { font-size: 11px; fill: #444; } .grid { stroke: #e5e5e5; } .axis { stroke: #888; }
rect.win { fill: #009E73; } rect.loss { fill: #D55E00; } rect.tie { fill: #bbb; }
.legend .key { margin-right: 1rem; white-space: nowrap; } .swatch { display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: middle; }
.badge { display: inline-block; background: #7a4cc2; color: white; border-radius: 3px; padding: 0 6px; font-size: 12px; }
.passed { color: #007a3d; } .failed { color: #b3261e; font-weight: bold; }
.muted { color: #666; } .small { font-size: 12px; }
`;
