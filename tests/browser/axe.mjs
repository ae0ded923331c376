// axe.mjs: axe-core with the WCAG 2.1 A and AA rules, run on a page in
// Chromium, for browser.mjs and preview.mjs.  Resolves to axe's result:
// its violations, and the rules it ran.
import fs from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const source = fs.readFileSync(require.resolve("axe-core/axe.min.js"),
    "utf8");

export async function runAxe(page) {
	await page.addScriptTag({ content: source });
	return page.evaluate(() => window.axe.run(document, {
		runOnly: { type: "tag",
		    values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
		resultTypes: ["violations"],
	}));
}
