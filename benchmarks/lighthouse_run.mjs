// Runs Lighthouse on one or more pages in one headless Chromium and prints a
// compact JSON summary per page. Called by benchmarks/lighthouse.py, which
// documents the request; see there.
//
//   node lighthouse_run.mjs '{"urls": [...], "categories": [...], "chromePath": "...",
//                             "chromeFlags": [...], "settings": {...}}'
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const request = JSON.parse(process.argv[2]);

function summary(lhr) {
  const audits = {};
  for (const [id, audit] of Object.entries(lhr.audits)) {
    audits[id] = {
      title: audit.title,
      score: audit.score,
      scoreDisplayMode: audit.scoreDisplayMode,
      numericValue: audit.numericValue ?? null,
      displayValue: audit.displayValue ?? null,
      items: audit.details && audit.details.items ? audit.details.items : [],
    };
  }
  const categories = {};
  for (const [id, category] of Object.entries(lhr.categories)) {
    categories[id] = {
      score: category.score,
      // Audits that count towards the score and did not fully pass.
      failing: category.auditRefs
        .filter((ref) => ref.weight > 0 && audits[ref.id].score !== null && audits[ref.id].score < 1)
        .map((ref) => ref.id),
    };
  }
  return {
    finalUrl: lhr.finalDisplayedUrl,
    runtimeError: lhr.runtimeError ?? null,
    runWarnings: lhr.runWarnings,
    categories,
    audits,
  };
}

const chrome = await chromeLauncher.launch({
  chromePath: request.chromePath,
  chromeFlags: ["--headless=new", ...request.chromeFlags],
  logLevel: "error",
});
try {
  const results = {};
  for (const url of request.urls) {
    const flags = { port: chrome.port, logLevel: "error", onlyCategories: request.categories };
    const runner = await lighthouse(url, flags, { extends: "lighthouse:default", settings: request.settings || {} });
    results[url] = summary(runner.lhr);
  }
  process.stdout.write(JSON.stringify(results));
} finally {
  await chrome.kill();
}
