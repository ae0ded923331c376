// preview.mjs: statusnotat serve as its user meets it, in Debian's
// Chromium (puppeteer-core): the note open in the browser, a figure
// changed in an initiative's YAML (saved as an editor saves: a new file
// renamed over the old), and the page shows the new number within two
// seconds without anyone reloading it; the YAML broken, the page shows
// the error at its file, line and column with a marker under the
// column (axe-core clean at 1280 and 375 px); mended, the note is back.
// Nine pages open, more than the connections a browser opens to one
// address: each loads, and each shows the next save.
//
//   node preview.mjs STATUSNOTAT WORK-DIR [IMAGE-DIR]
//
// WORK-DIR holds a copy of content/ and templates/.  Prints one line
// per problem and a summary; exits 1 on any problem.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import puppeteer from "puppeteer-core";
import { runAxe } from "./axe.mjs";

const [bin, work, imageDir] = process.argv.slice(2);
if (!bin || !work) {
	console.error("usage: node preview.mjs STATUSNOTAT WORK-DIR [IMAGE-DIR]");
	process.exit(2);
}
const chromium = process.env.CHROMIUM || "/usr/bin/chromium";
const problems = [];
const problem = (what) => { problems.push(what); console.log(`preview: ${what}`); };
const yaml = path.join(work, "content/initiatives/bydelsmoedre.yaml");
const note = "2021-bydelsmoedre-baba";

// Save as an editor does: the new text in a new file, renamed over.
function save(from, to) {
	const text = fs.readFileSync(yaml, "utf8");
	if (!text.includes(from))
		problem(`${yaml} has no "${from}"`);
	fs.writeFileSync(yaml + ".tmp", text.replace(from, to));
	fs.renameSync(yaml + ".tmp", yaml);
}

// The preview, in Danish as the administrators have it.
const env = { ...process.env, LANG: "C.UTF-8" };
delete env.LANGUAGE;
delete env.LC_ALL;
delete env.LC_MESSAGES;
const serve = spawn(path.resolve(bin), ["serve", "-p", "0"], { cwd: work,
    env, stdio: ["ignore", "ignore", "pipe"] });
let terminal = "";
const exited = new Promise((resolve) => serve.on("exit", (code, sig) =>
    resolve(sig ?? code)));
const origin = await new Promise((resolve, reject) => {
	const timer = setTimeout(() => reject(new Error("no address printed: " +
	    terminal)), 20000);
	serve.stderr.on("data", (d) => {
		terminal += d;
		const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(terminal);
		if (m) {
			clearTimeout(timer);
			resolve(m[0]);
		}
	});
});

async function axe(page, width) {
	await page.setViewport({ width, height: 900 });
	const r = await runAxe(page);
	for (const v of r.violations)
		for (const n of v.nodes)
			problem(`${page.url()}: axe ${v.id} at ${width} px: ` +
			    `${v.help}: ${n.target.join(" ")}`);
}

const text = () => document.body.innerText;
const browser = await puppeteer.launch({ executablePath: chromium,
    headless: true, args: ["--no-sandbox", "--disable-gpu",
    "--no-first-run", "--disable-extensions"] });
try {
	const page = await browser.newPage();
	let reloads = 0;
	page.on("framenavigated", (f) => { if (f === page.mainFrame()) reloads++; });
	await page.goto(`${origin}${note}/`, { waitUntil: "load" });
	reloads = 0;
	if (!/I alt 16\s+kvinder/.test(await page.evaluate(text)))
		problem("the note does not say \"I alt 16 kvinder\"");

	// A figure changed: the new number, by itself, within two seconds.
	let t = Date.now();
	save("started: 16", "started: 17");
	try {
		await page.waitForFunction(() => /I alt 17\s+kvinder/.test(
		    document.body.innerText), { timeout: 2000, polling: 20 });
		console.log(`preview: the new figure after ${Date.now() - t} ms`);
	} catch {
		problem("the page does not show 17 within 2 s of the save");
	}
	if (reloads !== 1)
		problem(`the page loaded ${reloads} times for one save, not once`);

	// Broken: the error at its file, line and column, and the line.
	t = Date.now();
	save("started: 17", "started: seksten");
	try {
		await page.waitForFunction(() => document.body.innerText.includes(
		    "content/initiatives/bydelsmoedre.yaml:17:12"),
		    { timeout: 2000, polling: 20 });
		console.log(`preview: the error after ${Date.now() - t} ms`);
		const shown = await page.evaluate(() => ({
			lang: document.documentElement.lang,
			h1: document.querySelector("h1").innerText,
			msg: document.querySelector("li p").innerText,
			pre: document.querySelector("li pre").innerText,
		}));
		if (shown.lang !== "da" || shown.h1 !== "Indholdet har 1 fejl")
			problem(`the error page is not Danish: ${JSON.stringify(shown)}`);
		if (!shown.msg.includes("\"started\" skal være et helt tal"))
			problem(`the message: ${shown.msg}`);
		const [line, mark] = shown.pre.split("\n");
		if (!line.endsWith("|   started: seksten") ||
		    mark.indexOf("^") !== line.indexOf("seksten"))
			problem(`the line and its marker: ${JSON.stringify(shown.pre)}`);
		if (!terminal.includes("content/initiatives/bydelsmoedre.yaml:" +
		    "17:12: fejl: \"started\" skal være et helt tal"))
			problem("the terminal does not show the error");
		for (const width of [1280, 375]) {
			await axe(page, width);
			if (imageDir)
				await page.screenshot({ path: path.join(imageDir,
				    `preview-error-${width}.png`), fullPage: true });
		}
	} catch (e) {
		problem(`the page does not show the error within 2 s: ${e.message}`);
	}

	// Mended: the note is back.
	t = Date.now();
	save("started: seksten", "started: 16");
	try {
		await page.waitForFunction(() => /I alt 16\s+kvinder/.test(
		    document.body.innerText), { timeout: 2000, polling: 20 });
		console.log(`preview: the note back after ${Date.now() - t} ms`);
	} catch {
		problem("the note is not back within 2 s of the mend");
	}

	// A warning: the note stays, with a link to it in a corner, and
	// the page and the warnings page pass axe-core.
	const baba = path.join(work, "content/initiatives/baba.yaml");
	const babaText = fs.readFileSync(baba, "utf8");
	fs.writeFileSync(baba + ".tmp", babaText.replace(
	    "planned: ultimo oktober 2021", "planned: ultimo april 2021"));
	fs.renameSync(baba + ".tmp", baba);
	try {
		await page.waitForFunction(() => document.querySelector(
		    "aside a[href='/_statusnotat/warnings']")?.innerText ===
		    "1 advarsel", { timeout: 2000, polling: 20 });
		for (const width of [1280, 375]) {
			await axe(page, width);
			if (imageDir)
				await page.screenshot({ path: path.join(imageDir,
				    `preview-warning-${width}.png`) });
		}
		await page.click("aside a");
		await page.waitForFunction(() => document.querySelector("h1")
		    ?.innerText === "1 advarsel", { timeout: 2000 });
		if (!(await page.evaluate(text)).includes(
		    "content/initiatives/baba.yaml:39:14: advarsel:"))
			problem("the warnings page does not show the warning");
		await axe(page, 1280);
		await page.goBack();
	} catch (e) {
		problem(`a warning: no link to it on the page: ${e.message}`);
	}
	fs.writeFileSync(baba + ".tmp", babaText);
	fs.renameSync(baba + ".tmp", baba);

	// The note's folder moved away and back (a git checkout): the page
	// says it is not there, then shows the note again by itself.
	const dir = path.join(work, "content/reports", note);
	const away = path.join(work, "away");
	fs.renameSync(dir, away);
	try {
		await page.waitForFunction(() => document.querySelector("h1")
		    ?.innerText === "Ikke fundet", { timeout: 2000, polling: 20 });
	} catch {
		problem("the page does not say the note is gone within 2 s");
	}
	fs.renameSync(away, dir);
	try {
		await page.waitForFunction(() => /I alt 16\s+kvinder/.test(
		    document.body.innerText), { timeout: 2000, polling: 20 });
	} catch {
		problem("the note is not back within 2 s of its folder's return");
	}

	// More pages than a browser opens connections to one address (six):
	// each loads, and each shows the next save, as the first page does.
	const tabs = [page];
	for (let i = 2; i <= 9; i++) {
		const tab = await browser.newPage();
		try {
			await tab.goto(`${origin}${note}/`, { waitUntil: "load",
			    timeout: 5000 });
		} catch {
			problem(`page ${i} of 9 open does not load within 5 s`);
			break;
		}
		tabs.push(tab);
	}
	t = Date.now();
	save("started: 16", "started: 18");
	let shown = 0;
	for (const tab of tabs) {
		try {
			await tab.waitForFunction(() => /I alt 18\s+kvinder/.test(
			    document.body.innerText), { timeout: Math.max(1,
			    3000 - (Date.now() - t)), polling: 20 });
			shown++;
		} catch {
			// counted below
		}
	}
	if (shown !== 9)
		problem(`${9 - shown} of 9 pages open do not show 18 within 3 s`);
	else
		console.log(`preview: 9 pages open show a save after ${Date.now() - t} ms`);
} finally {
	await browser.close();
	serve.kill("SIGINT");
}
const code = await exited;
if (code !== 0)
	problem(`Ctrl-C: serve ended with ${code}, not 0`);
console.log(`preview: ${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
