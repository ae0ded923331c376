#!/bin/sh
# content-files.sh STATUSNOTAT: only content reaches the site.  A symbolic
# link that leads outside content/ (a narrative, a logo, an image, an
# initiative, a report folder) is an error at the link (exit 1), and
# nothing of its target is published; a link within content/ works.  A
# narrative that is a named pipe is an error, not a hang.  An image must
# be named .png, .jpg or .jpeg as its bytes are, may not clash with what
# the build writes, and works in a sub-folder of the note.  An SVG logo
# (published as /logo.svg on the municipality's own address) with a
# script, an event handler, foreignObject, a link or embedded picture
# from elsewhere, a style sheet that loads something (or a comment in it,
# which could split the words), or a DOCTYPE with entities is an error
# at its line and column and publishes nothing; plain, Inkscape and
# Illustrator logos are published as they are.
set -u
bin=$1
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
status=0
base=tests/golden/markdown/content
note=reports/2022-kaffe
secret="HEMMELIGT-$$"
printf '%s\n' "$secret" >"$tmp/secret.md"
cp "$base/$note/foto.png" "$tmp/secret.png"
mkdir -p "$tmp/outside"
cp -R "$base/$note/." "$tmp/outside/"

fresh() {	# a copy of the fixture in $tmp/c, no output
	rm -rf "$tmp/c" "$tmp/out"
	cp -R "$base" "$tmp/c"
}
# expect WHAT WANT-EXIT GREP: build the content; its exit, its messages
# and that no output holds the secret.
expect() {
	what=$1 want=$2 pattern=$3
	timeout 20 "$bin" build -C "$tmp/c" -o "$tmp/out" >/dev/null 2>"$tmp/err"
	rc=$?
	if [ "$rc" -ne "$want" ] ||
	    { [ -n "$pattern" ] && ! grep -q -- "$pattern" "$tmp/err"; }; then
		echo "content-files: $what: exit $rc (want $want), messages:"
		head -n 5 "$tmp/err"
		status=1
	fi
	if [ -d "$tmp/out" ] && grep -rqa "$secret" "$tmp/out"; then
		echo "content-files: $what: the link's target was published"
		status=1
	fi
}

fresh
ln -sf "$tmp/secret.md" "$tmp/c/$note/kaffe.md"
expect "narrative linked outside" 1 "$note/kaffe.md: error: .*outside the content folder"

fresh
ln -sf "$tmp/secret.md" "$tmp/c/initiatives/kaffe.yaml"
expect "initiative linked outside" 1 "initiatives/kaffe.yaml: error: .*outside the content folder"

fresh
rm -r "$tmp/c/$note"
ln -s "$tmp/outside" "$tmp/c/$note"
expect "report folder linked outside" 1 "$note: error: .*outside the content folder"

fresh
ln -sf "$tmp/secret.png" "$tmp/c/$note/foto.png"
expect "image linked outside" 1 "$note/foto.png: error: .*outside the content folder"

fresh
cp "$tmp/secret.md" "$tmp/secret.svg"
sed 's/^logo:.*/logo: logo.svg/' "$base/site.yaml" >"$tmp/c/site.yaml"
ln -s "$tmp/secret.svg" "$tmp/c/logo.svg"
expect "logo linked outside" 1 "c/logo.svg: error: .*outside the content folder"

# A link within content/ is harmless and works.
fresh
mv "$tmp/c/$note/kaffe.md" "$tmp/c/kaffe-tekst.md"
ln -s ../../kaffe-tekst.md "$tmp/c/$note/kaffe.md"
expect "narrative linked within content" 0 ""
[ -f "$tmp/out/2022-kaffe/index.html" ] ||
    { echo "content-files: link within content: no page"; status=1; }

# A named pipe is refused at once.
fresh
rm "$tmp/c/$note/kaffe.md"
mkfifo "$tmp/c/$note/kaffe.md"
expect "narrative that is a named pipe" 1 "$note/kaffe.md: error: is not an ordinary file"
# A socket too (opening one fails: it must still be a content error).
if command -v python3 >/dev/null 2>&1; then
	fresh
	rm "$tmp/c/$note/kaffe.md"
	python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' \
	    "$tmp/c/$note/kaffe.md"
	expect "narrative that is a socket" 1 "$note/kaffe.md: error: is not an ordinary file"
fi

# Image names: the kind by the bytes, nothing the build writes.
img() {		# img NAME: the narrative shows NAME
	printf 'Tekst.\n\n![Et foto](%s)\n' "$1" >"$tmp/c/$note/kaffe.md"
}
fresh
cp "$base/$note/foto.png" "$tmp/c/$note/foto.html"
img foto.html
expect "PNG named .html" 1 "kaffe.md:3:1: error: image \"foto.html\": the file name must end in .png, .jpg or .jpeg"
fresh
mkdir "$tmp/c/$note/index.html"
cp "$base/$note/foto.png" "$tmp/c/$note/index.html/a.png"
img index.html/a.png
expect "image in a folder named index.html" 1 "kaffe.md:3:1: error: .*may not be named index.html"
fresh
cp "$base/$note/foto.png" "$tmp/c/$note/foto.jpg"
img foto.jpg
expect "PNG named .jpg" 1 "kaffe.md:3:1: error: image \"foto.jpg\" is a PNG file.*rename it to end in .png"
fresh
img .skjult.png
cp "$base/$note/foto.png" "$tmp/c/$note/.skjult.png"
expect "hidden image" 1 "kaffe.md:3:1: error: .*begin with \".\""

# A sub-folder and a capital ending work: the image is on the site.
fresh
mkdir "$tmp/c/$note/billeder"
cp "$base/$note/foto.png" "$tmp/c/$note/billeder/a.PNG"
img billeder/a.PNG
expect "image in a sub-folder" 0 ""
cmp -s "$base/$note/foto.png" "$tmp/out/2022-kaffe/billeder/a.PNG" ||
    { echo "content-files: sub-folder image not copied"; status=1; }
grep -q 'src="billeder/a.PNG"' "$tmp/out/2022-kaffe/index.html" ||
    { echo "content-files: sub-folder image not on the page"; status=1; }
# SVG logos.
head='<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
try() {	# try WHAT WANT-EXIT GREP: build with $tmp/logo.svg as the logo
	fresh
	sed 's/^logo:.*/logo: logo.svg/' "$base/site.yaml" >"$tmp/c/site.yaml"
	cp "$tmp/logo.svg" "$tmp/c/logo.svg"
	expect "logo: $1" "$2" "$3"
	if [ "$2" -eq 0 ] && ! cmp -s "$tmp/logo.svg" "$tmp/out/logo.svg"; then
		echo "content-files: logo: $1: not published as it is"
		status=1
	fi
	if [ "$2" -ne 0 ] && [ -e "$tmp/out" ]; then
		echo "content-files: logo: $1: published"
		status=1
	fi
}
bad() {	# bad WHAT LINE:COL GREP < svg (in a pipe: a subshell, so a
	# failure is kept in a file)
	cat >"$tmp/logo.svg"
	try "$1" 1 "c/logo.svg:$2: error: .*$3"
	[ "$status" -eq 0 ] || : >"$tmp/bad-failed"
}

printf '%s\n<script>alert(1)</script>\n</svg>\n' "$head" |
    bad script 2:1 "the element <script> is not allowed"
printf '%s\n<rect width="5" height="5"\n  onload="alert(1)"/>\n</svg>\n' "$head" |
    bad onload 3:3 "the attribute \"onload\" runs a script"
printf '%s\n<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject></svg>\n' "$head" |
    bad foreignObject 2:1 "<foreignObject> is not allowed"
printf '%s\n<image href="https://example.com/x.png" width="5" height="5"/></svg>\n' "$head" |
    bad image 2:1 "<image> is not allowed"
printf '%s\n<use xlink:href="http://example.com/a.svg#x" xmlns:xlink="http://www.w3.org/1999/xlink"/></svg>\n' "$head" |
    bad "external use" 2:6 "may only refer to a part of the logo"
printf '%s\n<a href="javascript:alert(1)"><rect width="5" height="5"/></a></svg>\n' "$head" |
    bad "link" 2:1 "<a> is not allowed"
printf '%s\n<style>@import url(https://example.com/x.css);</style></svg>\n' "$head" |
    bad "style import" 2:8 "@import"
printf '%s\n<rect style="fill: url(https://example.com/p.svg#g)" width="5" height="5"/></svg>\n' "$head" |
    bad "style url" 2:7 "url() may only refer"
printf '%s\n<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script></svg>\n' "$head" |
    bad "xhtml script" 2:1 "<h:script> is not allowed"
printf '<?xml version="1.0"?>\n<!DOCTYPE svg [ <!ENTITY x "y"> ]>\n%s</svg>\n' "$head" |
    bad "doctype entities" 2:1 "DOCTYPE declares"
printf '%s\n<set attributeName="onclick" to="alert(1)"/></svg>\n' "$head" |
    bad "animation" 2:1 "<set> is not allowed"
printf '%s<style>.a{fill:u\\72l(http://x/y)}</style></svg>\n' "$head" |
    bad "css escape" 1:68 "escape"
printf '%s\n<style>@imp<!---->ort "https://example.com/x.css";</style></svg>\n' "$head" |
    bad "comment in a style sheet" 2:12 "a comment (<!-- ... -->) inside the logo's <style> element could hide a link"

# Logos as drawing programs save them.
cat >"$tmp/logo.svg" <<'SVG'
<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" viewBox="0 0 40 40">
  <title>Testrup Kommune</title>
  <defs><linearGradient id="g"><stop offset="0" stop-color="#036"/><stop offset="1" stop-color="#69c"/></linearGradient></defs>
  <circle cx="20" cy="20" r="18" fill="url(#g)"/>
  <path d="M10 20h20" stroke="#fff" stroke-width="3"/>
</svg>
SVG
try "plain logo" 0 ""
cat >"$tmp/logo.svg" <<'SVG'
<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Created with Inkscape (http://www.inkscape.org/) -->
<svg
   width="40mm" height="40mm" viewBox="0 0 40 40" version="1.1" id="svg5"
   inkscape:version="1.2.2 (b0a8486541, 2022-12-01)"
   sodipodi:docname="logo.svg"
   xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
   xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
   xmlns:xlink="http://www.w3.org/1999/xlink"
   xmlns="http://www.w3.org/2000/svg"
   xmlns:svg="http://www.w3.org/2000/svg"
   xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
   xmlns:cc="http://creativecommons.org/ns#"
   xmlns:dc="http://purl.org/dc/elements/1.1/">
  <sodipodi:namedview id="namedview7" pagecolor="#ffffff" inkscape:zoom="0.7"/>
  <metadata><rdf:RDF><cc:Work rdf:about=""><dc:title>Logo</dc:title></cc:Work></rdf:RDF></metadata>
  <defs id="defs2"><path id="p" d="M0 0h10v10z"/></defs>
  <g inkscape:label="Lag 1" inkscape:groupmode="layer" id="layer1">
    <use xlink:href="#p" x="5" y="5" style="fill:#004b87;stroke:none"/>
    <text x="2" y="30" style="font-size:6px;font-family:sans-serif">Ishøj &amp; co</text>
  </g>
</svg>
SVG
try "Inkscape logo" 0 ""
cat >"$tmp/logo.svg" <<'SVG'
<?xml version="1.0" encoding="utf-8"?>
<!-- Generator: Adobe Illustrator 24.0.0, SVG Export Plug-In . SVG Version: 6.00 Build 0)  -->
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg version="1.1" id="Layer_1" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" x="0px" y="0px"
	 viewBox="0 0 40 40" style="enable-background:new 0 0 40 40;" xml:space="preserve">
<style type="text/css">
	.st0{fill:#004B87;}
	.st1{fill:url(#SVGID_1_);}
</style>
<linearGradient id="SVGID_1_" gradientUnits="userSpaceOnUse" x1="0" y1="0" x2="40" y2="40">
	<stop  offset="0" style="stop-color:#FFFFFF"/>
	<stop  offset="1" style="stop-color:#000000"/>
</linearGradient>
<rect class="st0" width="40" height="20"/>
<polygon class="st1" points="0,20 40,20 20,40 "/>
</svg>
SVG
try "Illustrator logo" 0 ""
[ -e "$tmp/bad-failed" ] && status=1
exit $status
