#!/bin/sh
# content-files.sh STATUSNOTAT: only content reaches the site.  A symbolic
# link that leads outside content/ (a narrative, a logo, an image, an
# initiative, a report folder) is an error at the link (exit 1), and
# nothing of its target is published; a link within content/ works.  A
# narrative that is a named pipe is an error, not a hang.  An image must
# be named .png, .jpg or .jpeg as its bytes are, may not clash with what
# the build writes, and works in a sub-folder of the note.
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
exit $status
