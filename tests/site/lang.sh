#!/bin/sh
# lang.sh STATUSNOTAT: which language the program speaks.  Danish by
# default and for a C or POSIX locale; English for --lang en (wherever
# it stands, also as --lang=en) and for an English LANGUAGE, LC_ALL,
# LC_MESSAGES or LANG; LANGUAGE's first Danish or English entry decides
# before the locale; --lang da wins over the environment.
set -u
bin=$1
case "$bin" in /*) ;; *) bin=$PWD/$bin ;; esac
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "lang: $*"; fails=$((fails + 1)); }
mkdir "$tmp/c"
cp -R content "$tmp/c/content"
sed -i 's/^  started: 16/  started: seksten/' "$tmp/c/content/initiatives/bydelsmoedre.yaml"
t=$PWD/templates

speaks() {	# WANT ENV... -- ARGS...: the check's message is in WANT
	want=$1; shift
	envs=""
	while [ "$1" != -- ]; do envs="$envs $1"; shift; done
	shift
	out=$(cd "$tmp/c" && env -u LANGUAGE -u LC_ALL -u LC_MESSAGES -u LANG \
	    $envs "$bin" "$@" -t "$t" 2>&1)
	case $want in
	da) echo "$out" | grep -q ': fejl: "started" skal være et helt tal' ||
		fail "with$envs $*: not Danish: $out" ;;
	en) echo "$out" | grep -q ': error: "started" must be a whole number' ||
		fail "with$envs $*: not English: $out" ;;
	esac
}
speaks da -- check
speaks da LANG=C -- check
speaks da LANG=POSIX LC_ALL=C.UTF-8 -- check
speaks da LANG=da_DK.UTF-8 -- check
speaks en LANG=en_US.UTF-8 -- check
speaks en LC_MESSAGES=en_GB.UTF-8 -- check
speaks en LC_ALL=en_US.UTF-8 LANG=da_DK.UTF-8 -- check
speaks en LANGUAGE=en -- check
speaks en LANGUAGE=en LANG=C -- check
speaks da LANGUAGE=da:en LANG=en_US.UTF-8 -- check
speaks en LANGUAGE=sv:en LANG=da_DK.UTF-8 -- check
speaks en -- check --lang en
speaks en -- --lang en check
speaks en -- check --lang=en
speaks da LANGUAGE=en -- check --lang da

# --lang with something else: a usage error, said in the environment's language.
(cd "$tmp/c" && env -u LANGUAGE -u LC_ALL -u LANG "$bin" check --lang fr \
    >/dev/null 2>"$tmp/err")
[ $? -eq 2 ] || fail "--lang fr: not exit 2"
grep -q -- '--lang skal have "da" (dansk) eller "en" (engelsk)' "$tmp/err" ||
	fail "--lang fr: $(cat "$tmp/err")"
(cd "$tmp/c" && "$bin" check --lang >/dev/null 2>"$tmp/err")
[ $? -eq 2 ] || fail "--lang without a value: not exit 2"

# The help and the usage in both.
env -u LANGUAGE -u LC_ALL -u LANG "$bin" --help | grep -q '^Kommandoer:' ||
	fail "--help is not Danish by default"
"$bin" --help --lang en | grep -q '^Commands:' || fail "--help --lang en is not English"
env -u LANGUAGE -u LC_ALL -u LANG "$bin" new --help | grep -q '^Kommandoer:' ||
	fail "new --help does not give the help"
env -u LANGUAGE -u LC_ALL -u LANG "$bin" 2>&1 | grep -q '^brug: statusnotat build' ||
	fail "the usage is not Danish by default"
[ "$fails" -eq 0 ] && echo "lang: Danish by default, English when asked, by option or environment"
[ "$fails" -eq 0 ]
