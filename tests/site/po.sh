#!/bin/sh
# po.sh STATUSNOTAT: every message of the program has its Danish
# translation in po/da.po (not missing, not fuzzy), and msgfmt accepts
# the catalogue with the same printf conversions as the English.  A
# message added without its translation fails here.
set -u
command -v xgettext >/dev/null 2>&1 && command -v msgmerge >/dev/null 2>&1 || {
	echo "po: skipped: the gettext tools are not installed (apt install gettext)"
	exit 77
}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
sh scripts/pot.sh "$tmp/statusnotat.pot" 2>/dev/null || exit 1
msgmerge -q --no-fuzzy-matching -o "$tmp/da.po" po/da.po "$tmp/statusnotat.pot" || exit 1
msgattrib --untranslated --no-obsolete "$tmp/da.po" >"$tmp/untranslated"
msgattrib --only-fuzzy --no-obsolete "$tmp/da.po" >"$tmp/fuzzy"
status=0
n=$(grep -c '^msgid ' "$tmp/untranslated")
if [ "$n" -gt 0 ]; then
	# The header is one of them when anything is.
	echo "po: $((n - 1)) message(s) without a Danish translation in po/da.po (make pot; msgmerge -U po/da.po po/statusnotat.pot):"
	grep '^msgid ' "$tmp/untranslated" | sed 1d | head -20
	status=1
fi
if [ -s "$tmp/fuzzy" ]; then
	echo "po: fuzzy translations in po/da.po:"
	grep '^msgid ' "$tmp/fuzzy" | head -20
	status=1
fi
msgfmt -c -o /dev/null po/da.po || status=1
# Obsolete entries are messages the program no longer has.
if grep -q '^#~' po/da.po; then
	echo "po: po/da.po keeps messages the program no longer has (#~): remove them"
	status=1
fi
n=$(grep -c '^msgid ' "$tmp/statusnotat.pot")
[ $status -eq 0 ] && echo "po: $((n - 1)) messages, each translated"
exit $status
