// Joins the bench reports of TrialGraph and the peer (compare.sh writes one per query and side) into one Markdown
// table with the throughput ratio TrialGraph / peer and whether issue 9's goal holds for the row: at least 3x
// the peer's requests/s at an equal or better p99.
//
//   node table.mjs OUT_DIR SIZE query1,query2,...
import { existsSync, readFileSync } from "node:fs";

const [out, size, queryList] = process.argv.slice(2);

/** Rows of a bench report by number of clients: {requests, errors, rps, p50, p95, p99}. */
function rows(side, query) {
  const file = `${out}/peer-${size}-${side}-${query}.md`;
  const result = new Map();
  if (!existsSync(file)) return result;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    if (cells.length < 9 || cells[1] !== query) continue;
    const [requests, errors, rps, p50, p95, p99] = cells.slice(3, 9).map((c) => Number(c.replaceAll(",", "")));
    result.set(cells[2], { requests, errors, rps, p50, p95, p99 });
  }
  return result;
}

const ms = (m) => `${m.p50.toFixed(1)} / ${m.p95.toFixed(1)} / ${m.p99.toFixed(1)}`;

const lines = [
  "| query | clients | TrialGraph req/s | peer req/s | ratio TG/peer | TrialGraph p50 / p95 / p99 ms | peer p50 / p95 / p99 ms | p99 ratio peer/TG | goal: >= 3x at <= p99 |",
  "|---|---|---|---|---|---|---|---|---|",
];
for (const query of queryList.split(",")) {
  const tg = rows("trialgraph", query);
  const peer = rows("peer", query);
  if (tg.size === 0 && peer.size === 0) {
    lines.push(`| ${query} | | not run | | | | | | |`);
    continue;
  }
  for (const [clients, a] of tg) {
    const b = peer.get(clients);
    if (!b) {
      lines.push(`| ${query} | ${clients} | ${a.rps.toFixed(1)} | not comparable | | ${ms(a)} | | | |`);
      continue;
    }
    const errors = a.errors + b.errors > 0 ? ` (errors: TrialGraph ${a.errors}, peer ${b.errors})` : "";
    // The reports round requests/s to 0.1: a peer below 0.05 req/s reads 0.0, so the ratio is only a lower bound.
    const ratio = a.rps / Math.max(b.rps, 0.05);
    const ratioText = b.rps < 0.05 ? `> ${ratio.toFixed(0)}x` : `${ratio.toFixed(2)}x`;
    const goal = ratio >= 3 && a.p99 <= b.p99 ? "met" : "not met";
    lines.push(`| ${query} | ${clients} | ${a.rps.toFixed(1)} | ${b.rps.toFixed(1)} | ${ratioText}${errors} | ${ms(a)} | `
      + `${ms(b)} | ${(b.p99 / a.p99).toFixed(2)}x | ${goal} |`);
  }
}
console.log(lines.join("\n"));
