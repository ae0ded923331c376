/*
 * test_nfc.c: canonical composition (nfc.c) against Python's
 * unicodedata.normalize("NFC"): letters and their accents composed,
 * marks reordered by class, a mark blocked by one of its class left
 * alone, singletons (the Angstrom sign) mapped, invisible characters
 * removed; and the names the messages use.
 */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "nfc.h"

static const struct {
	const char	*in, *want;
} cases[] = {
	{ "A\xcc\x8a", "\xc3\x85" },
	{ "\xe2\x84\xab", "\xc3\x85" },
	{ "a\xcc\xa8\xcc\x81", "\xc4\x85\xcc\x81" },
	{ "a\xcc\x81\xcc\xa8", "\xc4\x85\xcc\x81" },
	{ "o\xcc\x88\xcc\x84", "\xc8\xab" },
	{ "e\xcc\xa3\xcc\x82", "\xe1\xbb\x87" },
	{ "u\xcc\x88\xcc\x81", "\xc7\x98" },
	{ "a\xcc\x85\xcc\x81", "a\xcc\x85\xcc\x81" },
	{ "o\xcc\xb8", "o\xcc\xb8" },
	{ "Ish\xc3\xb8j", "Ish\xc3\xb8j" },
	{ "\xd0\xb8\xcc\x86", "\xd0\xb9" },
	{ "\xce\xb1\xcc\x81", "\xce\xac" },
	{ "x\xe2\x80\x8by\xef\xbb\xbfz\xe2\x81\xa0", "xyz" },
	{ "\xcd\x80", "\xcc\x80" },
	{ "e\xcc\x81\xcc\x81", "\xc3\xa9\xcc\x81" },
	{ "abc", "abc" },
};

int
main(void)
{
	char	 buf[64], what[96];
	size_t	 i, n;

	t_begin("nfc");
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(buf, sizeof(buf), "%s", cases[i].in);
		n = nfc_normalize(buf, strlen(buf));
		snprintf(what, sizeof(what), "case %zu", i + 1);
		T_STREQ(buf, cases[i].want, what);
		T_OK(n == strlen(cases[i].want), "the length returned");
	}
	T_STREQ(nfc_name(0x200B), "ZERO WIDTH SPACE", "a name");
	T_OK(nfc_name(0x41) == NULL, "no name for what needs none");
	T_OK(nfc_is_mark(0x338) && !nfc_is_mark('o'), "marks");
	return t_done();
}
