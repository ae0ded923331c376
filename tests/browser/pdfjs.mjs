// pdfjs.mjs PDF SEED FOOTER WORD=N...: a PDF as Firefox's viewer (pdf.js,
// npm pdfjs-dist) reads it.  Run by tests/site/pdfjs.sh.
//  - text: the text layer's items, joined as pdf.js's find joins them
//    (an item that ends a line ends in "\n"), then normalised by pdf.js's
//    own find (PDFFindController: a "-" at a line end between small
//    letters joins the word), must hold every sentence of SEED (the
//    running FOOTER taken out);
//  - find: PDFFindController, as Ctrl+F, finds each WORD N times (as
//    often as the note's web page has it);
//  - structure: page.getStructTree() has the tables' rows in THead and
//    TBody, so that a TH that begins a row in TBody is a row header
//    ("Medarbejdere i indsatsen"), and the Figure placed (/BBox: an
//    image, not text) with its alt text.
// Prints each problem; exits 1 if there is one.
import { readFileSync } from "node:fs";
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";
// The viewer module touches the DOM when loaded; find needs no more.
globalThis.document ??= {
	documentElement: { style: {} },
	createElement: () => ({ style: {} }),
};
globalThis.window ??= { requestAnimationFrame: (f) => setTimeout(f, 0) };
const { EventBus, PDFFindController } =
	await import("pdfjs-dist/legacy/web/pdf_viewer.mjs");

const [file, seedFile, footer, ...words] = process.argv.slice(2);
const problems = [];
const problem = (m) => problems.push(m);

const doc = await pdfjs.getDocument({
	data: new Uint8Array(readFileSync(file)),
	useSystemFonts: false,
	isEvalSupported: false,
	verbosity: 0,
}).promise;

// --- The text layer ------------------------------------------------
const pages = [];
const trees = [];
for (let i = 1; i <= doc.numPages; i++) {
	const page = await doc.getPage(i);
	const tc = await page.getTextContent();
	let s = "";
	for (const it of tc.items)
		if ("str" in it)
			s += it.str + (it.hasEOL ? "\n" : "");
	pages.push(s);
	trees.push(await page.getStructTree());
}
// The running footer ("Center for ...", "Side 1 af 2") is no sentence.
const text = pages.map((p) => p.split("\n").filter((l) =>
	l.trim() !== footer && !/^Side \d+ af \d+$/.test(l.trim())).join("\n"))
	.join("\n");
// As pdf.js's find reads it: a word broken at "-" joined, lines spaced.
const joined = text.replace(/(\p{Ll})-\n(?=\p{Ll})/gu, "$1")
	.replace(/\s+/g, " ");

// The seed's sentences, split as tests/site/seed.pl splits them: a
// hyphen at the seed's own line ends may or may not stand in ours.
const blocks = readFileSync(seedFile, "utf8").split(/\n\s*\n/);
let pos = 0, n = 0, found = 0;
const quote = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
for (const block of blocks) {
	const lines = block.split("\n").map((l) => l.trim()).filter((l) => l);
	if (!lines.length)
		continue;
	let t = lines.shift();
	for (const l of lines) {
		if (/\p{L}-$/u.test(t) && /^\p{Ll}/u.test(l))
			t = t.replace(/-$/, "\u00ad") + l;
		else
			t += " " + l;
	}
	t = t.replace(/\s+/g, " ");
	if (t === footer)
		continue;
	for (const s of t.split(/(?<=[.!?])\s+(?=\p{Lu})/u)) {
		n++;
		const re = new RegExp(s.split("\u00ad").map(quote).join("-?"), "gu");
		re.lastIndex = pos;
		const m = re.exec(joined);
		if (!m) {
			problem(`text: ${new RegExp(re.source, "u").test(joined) ?
			    "out of order" : "missing"}: ${s}`);
			continue;
		}
		found++;
		pos = re.lastIndex;
	}
}
console.log(`pdfjs: text: ${n} seed sentences, ${found} found in order`);

// --- Find (Ctrl+F) ---------------------------------------------------
const eventBus = new EventBus();
const linkService = {
	page: 1, pagesCount: doc.numPages,
	goToPage() {}, goToDestination() {},
};
// Told only when every page is searched, as the find bar's count.
const finder = new PDFFindController({
	linkService, eventBus, updateMatchesCountOnProgress: false,
});
finder.setDocument(doc);
for (const arg of words) {
	const [w, want] = arg.split("=");
	const count = await new Promise((resolve) => {
		const done = (e) => {
			eventBus.off("updatefindmatchescount", done);
			resolve(e.matchesCount.total);
		};
		eventBus.on("updatefindmatchescount", done);
		eventBus.dispatch("find", {
			source: null, type: "", query: w, caseSensitive: false,
			entireWord: false, highlightAll: true, findPrevious: false,
			matchDiacritics: true,
		});
	});
	console.log(`pdfjs: find "${w}": ${count} of ${want}`);
	if (count !== Number(want))
		problem(`find: "${w}" found ${count} times, not ${want}`);
}

// --- The structure tree ---------------------------------------------
let figures = 0, rowheads = 0;
function walk(node) {
	if (!node || !node.children)
		return;
	if (node.role === "Figure") {
		figures++;
		if (!node.alt)
			problem("structure: a Figure without its alt text");
		if (!node.bbox)
			problem("structure: a Figure without /A << /O /Layout " +
			    "/BBox >> (pdf.js cannot place it)");
	}
	for (const c of node.children)
		walk(c);
}
// pdf.js exposes a TH as a row header only inside TBody, where it
// begins a row: count those, and want THead and TBody in every table.
function cells(tr) {
	return tr.children.filter((c) => c.role === "TH" || c.role === "TD");
}
function tables(node, out) {
	if (!node || !node.children)
		return;
	if (node.role === "Table")
		out.push(node);
	for (const c of node.children)
		tables(c, out);
}
for (const tree of trees) {
	walk(tree);
	const ts = [];
	tables(tree, ts);
	for (const t of ts) {
		const body = t.children.filter((c) => c.role === "TBody");
		const head = t.children.filter((c) => c.role === "THead");
		if (!body.length || !head.length) {
			problem("structure: a Table without THead and TBody " +
			    "(pdf.js then reads every TH as a column header)");
			continue;
		}
		for (const b of body)
			for (const tr of b.children.filter((c) => c.role === "TR")) {
				const c = cells(tr);
				if (c[0] && c[0].role === "TH")
					rowheads++;
			}
	}
}
if (!figures)
	problem("structure: no Figure");
if (!rowheads)
	problem("structure: no row headers (a TH beginning a row in TBody)");
console.log(`pdfjs: structure: ${figures} Figure(s), ${rowheads} row headers in TBody`);
for (const p of problems)
	console.log("pdfjs: " + p);
process.exit(problems.length ? 1 : 0);
