// browser.mjs: the built website as its visitors meet it, in Debian's
// Chromium (puppeteer-core, no browser download), from a loopback HTTP
// server that puts the site in a folder of a bigger one, as a CMS would.
// For every page: every link, image and stylesheet followed (relative,
// none broken), axe-core with the WCAG 2.1 A and AA rules at
// 1280 and 375 px (zero violations), nothing wider than a 375 px phone,
// no request leaving the site, no script, lang="da...", a title, headings
// in order, a skip link that is the first thing the keyboard reaches and
// shows its focus, links that say where they go (the PDF link says it is
// a PDF and its size), the chart's data table reachable by keyboard, and
// a note page with its CSS under 50 KB.
//
//   node browser.mjs check OUTPUT-DIR
//   node browser.mjs screenshots OUTPUT-DIR IMAGE-DIR
//
// Prints one line per problem and a summary; exits 1 on any problem.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import puppeteer from "puppeteer-core";
import { runAxe } from "./axe.mjs";

const [mode, outDir, imageDir] = process.argv.slice(2);
if (!["check", "screenshots"].includes(mode) || !outDir ||
    (mode === "screenshots" && !imageDir)) {
	console.error("usage: node browser.mjs check OUTPUT-DIR | " +
	    "screenshots OUTPUT-DIR IMAGE-DIR");
	process.exit(2);
}
const chromium = process.env.CHROMIUM || "/usr/bin/chromium";
const problems = [];
const problem = (page, what) => problems.push(`${page}: ${what}`);

const types = {
	".html": "text/html; charset=utf-8", ".css": "text/css",
	".pdf": "application/pdf", ".png": "image/png",
	".jpg": "image/jpeg", ".svg": "image/svg+xml",
	".xml": "application/atom+xml",
};

// The site, served as a static web server would, on loopback only, in a
// folder of a bigger site as a CMS would put it: every link must be
// relative to work there.
const prefix = "/kommune/statusnotater";
function serve(dir) {
	const root = path.resolve(dir);
	const server = http.createServer((req, res) => {
		let p = decodeURIComponent(new URL(req.url, "http://x").pathname);
		if (!p.startsWith(prefix + "/")) {
			res.writeHead(404);
			res.end();
			return;
		}
		p = p.slice(prefix.length);
		if (p.endsWith("/"))
			p += "index.html";
		const file = path.join(root, path.normalize(p));
		if (!file.startsWith(root + path.sep) ||
		    !fs.existsSync(file) || !fs.statSync(file).isFile()) {
			res.writeHead(404);
			res.end();
			return;
		}
		res.writeHead(200, { "Content-Type":
		    types[path.extname(file)] || "application/octet-stream" });
		res.end(fs.readFileSync(file));
	});
	return new Promise((ok) => server.listen(0, "127.0.0.1",
	    () => ok(server)));
}

// The site's pages: the index, each note's page and each initiative's
// page (indsatser/<id>/), in name order.
function pages(root) {
	const notes = fs.readdirSync(root).filter((d) =>
	    fs.existsSync(path.join(root, d, "index.html"))).sort();
	const dir = path.join(root, "indsatser");
	const initiatives = fs.existsSync(dir) ? fs.readdirSync(dir)
	    .filter((d) => fs.existsSync(path.join(dir, d, "index.html")))
	    .sort() : [];
	return ["index.html", ...notes.map((d) => `${d}/index.html`),
	    ...initiatives.map((d) => `indsatser/${d}/index.html`)];
}

async function axe(page, name, width) {
	const r = await runAxe(page);
	for (const v of r.violations)
		for (const n of v.nodes)
			problem(name, `axe ${v.id} at ${width} px: ${v.help}: ` +
			    `${n.target.join(" ")}`);
	const rules = new Set();
	for (const k of ["violations", "passes", "incomplete", "inapplicable"])
		for (const v of r[k])
			rules.add(v.id);
	return rules;
}

// What the page is, read from the DOM as a screen reader or keyboard
// user would meet it.
function inspect() {
	const q = (s) => Array.from(document.querySelectorAll(s));
	const hs = q("h1, h2, h3, h4, h5, h6").map((h) => Number(h.tagName[1]));
	const vague = /^(her|klik her|læs mere|link|mere)$/i;
	return {
		lang: document.documentElement.lang,
		title: document.title,
		headings: hs,
		scripts: q("script").length +
		    q("*").filter((e) => Array.from(e.attributes).some((a) =>
		    a.name.startsWith("on"))).length,
		vagueLinks: q("a").filter((a) =>
		    vague.test(a.textContent.trim()) ||
		    a.textContent.trim() === "").map((a) => a.outerHTML),
		pdfLinks: q("a[href$='.pdf']").map((a) => a.textContent.trim()),
		// The series: a note's links to the notes before and after
		// and to its initiatives' pages; an initiative's notes.
		series: q("a[rel='prev'], a[rel='next']").length,
		initiativeLinks: q("a[href*='indsatser/']").length,
		initiativeNotes: q("article.initiative ul.notes a").length,
		charts: q("figure.chart").map((f) => ({
			svgLabelled: !!f.querySelector(
			    "svg[role='img'] > title") &&
			    !!f.querySelector("svg[role='img'] > desc"),
			// A figure's small chart has its table under it.
			table: !!f.querySelector(f.classList.contains("mini") ?
			    ":scope > table th" : "details table th"),
		})),
		links: [...q("a[href]").map((a) => a.href),
		    ...q("img[src]").map((i) => i.src),
		    ...q("link[rel='stylesheet'], link[rel='alternate']")
		    .map((l) => l.href)],
		widest: Math.max(document.documentElement.scrollWidth,
		    ...q("body *").map((e) => e.getBoundingClientRect().right)),
		wide: q("body *").filter((e) =>
		    e.getBoundingClientRect().right > window.innerWidth + 0.5)
		    .slice(0, 3).map((e) => e.outerHTML.slice(0, 80)),
	};
}

// Tab from the top: the skip link first, with a visible focus; then on
// to the chart's "Se tidslinjen som tabel" where there is a chart.
async function keyboard(page, name, hasChart) {
	await page.evaluate(() => document.activeElement?.blur());
	await page.keyboard.press("Tab");
	const first = await page.evaluate(() => {
		const e = document.activeElement;
		const s = getComputedStyle(e);
		return { cls: e.className, href: e.getAttribute("href"),
		    outline: s.outlineStyle !== "none" &&
		    parseFloat(s.outlineWidth) > 0,
		    visible: e.getBoundingClientRect().height > 0 };
	});
	if (first.cls !== "skip" || first.href !== "#indhold")
		problem(name, "the first Tab does not reach the skip link");
	else if (!first.outline || !first.visible)
		problem(name, "the skip link does not show its focus");
	if (!hasChart)
		return;
	for (let i = 0; i < 60; i++) {
		await page.keyboard.press("Tab");
		const at = await page.evaluate(() =>
		    document.activeElement.tagName);
		if (at === "SUMMARY") {
			await page.keyboard.press("Enter");
			const open = await page.evaluate(() =>
			    document.activeElement.parentElement.open &&
			    document.activeElement.parentElement
			    .querySelector("table").getBoundingClientRect()
			    .height > 0);
			if (!open)
				problem(name, "the chart's table does not open " +
				    "from the keyboard");
			return;
		}
	}
	problem(name, "the keyboard does not reach the chart's table");
}

async function check(browser, origin, root) {
	const rules = new Set();
	const titles = new Set();
	const list = pages(root);
	const initiatives = list.filter((n) =>
	    n.startsWith("indsatser/")).length;
	const notes = list.length - initiatives - 1;
	let links = 0, series = 0;
	for (const name of list) {
		const page = await browser.newPage();
		const requests = [];
		page.on("request", (r) => requests.push(r.url()));
		for (const width of [1280, 375]) {
			await page.setViewport({ width, height: 900 });
			const res = await page.goto(`${origin}/${name}`,
			    { waitUntil: "networkidle0" });
			if (res === null || res.status() !== 200) {
				problem(name, "not served");
				break;
			}
			// On the phone, with every <details> open: what a
			// visitor may open must fit as well.
			if (width === 375)
				await page.evaluate(() => document
				    .querySelectorAll("details")
				    .forEach((e) => { e.open = true; }));
			const d = await page.evaluate(inspect);
			for (const id of await axe(page, name, width))
				rules.add(id);
			if (width === 375 && d.widest > 375 + 0.5)
				problem(name, `wider than a 375 px phone: ` +
				    `${Math.round(d.widest)} px: ${d.wide.join(" ")}`);
			if (width !== 1280)
				continue;
			if (!/^da\b/.test(d.lang))
				problem(name, `lang is "${d.lang}", not Danish`);
			if (!d.title || titles.has(d.title))
				problem(name, `no title of its own: "${d.title}"`);
			titles.add(d.title);
			if (d.headings[0] !== 1)
				problem(name, "does not begin with an h1");
			d.headings.forEach((h, i) => {
				if (i > 0 && h > d.headings[i - 1] + 1)
					problem(name, `h${h} after ` +
					    `h${d.headings[i - 1]}`);
			});
			if (d.scripts > 0)
				problem(name, `${d.scripts} scripts or handlers`);
			for (const a of d.vagueLinks)
				problem(name, `a link that says not where: ${a}`);
			for (const t of d.pdfLinks)
				if (!/PDF \(\d+ kB\)/.test(t))
					problem(name, `a PDF link without its ` +
					    `size: "${t}"`);
			const initiative = name.startsWith("indsatser/");
			if (!initiative && name !== "index.html" &&
			    notes > 1 && d.series === 0)
				problem(name, "no link to the note before or " +
				    "after it");
			if (name !== "index.html" && !initiative &&
			    initiatives > 0 && d.initiativeLinks === 0)
				problem(name, "no link to its initiatives' pages");
			if (name === "index.html" && d.initiativeLinks !==
			    initiatives)
				problem(name, `${d.initiativeLinks} links to ` +
				    `${initiatives} initiatives' pages`);
			if (initiative && d.initiativeNotes >= 2)
				series++;
			if (name !== "index.html" && !initiative &&
			    d.pdfLinks.length !== 1)
				problem(name, "no link to the note's PDF");
			for (const c of d.charts) {
				if (!c.svgLabelled)
					problem(name, "a chart without " +
					    "role=img, title and desc");
				if (!c.table)
					problem(name, "a chart without its data " +
					    "table");
			}
			for (const u of new Set(d.links.map((l) =>
			    l.split("#")[0])))
				if (u.startsWith(origin)) {
					const r = await fetch(u);
					if (r.status !== 200)
						problem(name, `a broken link: ${u}`);
					links++;
				} else if (u.startsWith(new URL(origin).origin))
					problem(name, `a link outside the site's ` +
					    `folder (not relative): ${u}`);
				else if (!/^(https?:|mailto:)/.test(u))
					problem(name, `a link of no kind: ${u}`);
			await keyboard(page, name, d.charts.length > 0);
		}
		// The browser's own favicon.ico is asked of the host: fine.
		for (const u of requests)
			if (!u.startsWith(new URL(origin).origin + "/"))
				problem(name, `a request leaves the site: ${u}`);
		if (name !== "index.html") {
			const bytes = fs.statSync(path.join(root, name)).size +
			    fs.statSync(path.join(root, "style.css")).size;
			if (bytes >= 50 * 1024)
				problem(name, `${bytes} bytes with its CSS, not ` +
				    `under 50 KB`);
		}
		await page.close();
	}
	// Two notes on the same initiatives: an initiative's page lists both.
	if (notes > 1 && series === 0)
		problem(root, "no initiative's page with two notes");
	for (const p of problems)
		console.log(`browser: ${p}`);
	console.log(`browser: ${list.length} pages (${notes} notes, ` +
	    `${initiatives} initiatives, ${series} with two notes or more) ` +
	    `at 1280 and 375 px, ` +
	    `${rules.size} axe rules (WCAG 2.1 A and AA), ${links} links ` +
	    `followed, ` +
	    `${problems.length} problems`);
}

// The phone and desktop views and the print preview, for people to
// look at: the index and the newest note.
async function screenshots(browser, origin, root, dir) {
	fs.mkdirSync(dir, { recursive: true });
	const list = pages(root).slice(0, 2);
	for (const name of list) {
		const page = await browser.newPage();
		const base = name === "index.html" ? "index" :
		    path.dirname(name);
		for (const width of [375, 1280]) {
			await page.setViewport({ width, height: 800,
			    deviceScaleFactor: width === 375 ? 2 : 1 });
			await page.goto(`${origin}/${name}`,
			    { waitUntil: "networkidle0" });
			const file = path.join(dir, `${base}-${width}.png`);
			await page.screenshot({ path: file, fullPage: true });
			console.log(`screenshots: ${file}`);
		}
		const pdf = path.join(dir, `${base}-print.pdf`);
		await page.pdf({ path: pdf, format: "A4",
		    printBackground: false });
		console.log(`screenshots: ${pdf} (print preview)`);
		await page.close();
	}
}

const server = await serve(outDir);
const origin = `http://127.0.0.1:${server.address().port}${prefix}`;
const browser = await puppeteer.launch({ executablePath: chromium,
    headless: true, args: ["--no-sandbox", "--disable-gpu",
    "--no-first-run", "--disable-extensions"] });
try {
	if (mode === "check")
		await check(browser, origin, outDir);
	else
		await screenshots(browser, origin, outDir, imageDir);
} finally {
	await browser.close();
	server.close();
}
process.exit(problems.length > 0 ? 1 : 0);
