#!/usr/bin/perl
# seed.pl SEED.txt PAGE SENDER: every sentence of the source status
# note (text pulled from its PDF) must stand in the built page (HTML, or
# the text pdftotext gives of our PDF), word for word and in order.  Words the PDF broke at a line end ("initiati-" /
# "ver") are joined first, keeping the hyphen where the page has it
# ("Baba-" / "fædre"); a block that is only the sending unit is the
# PDF's page footer and is looked for anywhere.  In a page that marks
# the line ends a PDF engine gave as "-" with U+00AD (engines-text.sh),
# the hyphen there may be kept or not.
use strict;
use warnings;
binmode(STDOUT, ':utf8');

my ($seed, $page, $sender) = @ARGV;
sub slurp {
	open(my $fh, '<:utf8', $_[0]) or die "$_[0]: $!\n";
	local $/;
	return scalar <$fh>;
}
utf8::decode($sender);

my $html = slurp($page);
if ($page =~ /\.html$/) {
	$html =~ s/<[^>]*>/ /g;
	$html =~ s/&lt;/</g; $html =~ s/&gt;/>/g; $html =~ s/&quot;/"/g;
	$html =~ s/&#39;/'/g; $html =~ s/&amp;/&/g;
}
$html =~ s/\s+/ /g;

my @blocks = split /\n\s*\n/, slurp($seed);
my ($pos, $n, $bad) = (0, 0, 0);
for my $block (@blocks) {
	my @lines = grep { /\S/ } map { s/^\s+|\s+$//gr } split /\n/, $block;
	next unless @lines;
	my $text = shift @lines;
	for my $l (@lines) {
		if ($text =~ /\p{L}-$/ && $l =~ /^\p{Ll}/) {
			$text =~ s/-$/\x{AD}/;	# a hyphen, or none
			$text .= $l;
		} else {
			$text .= " $l";
		}
	}
	$text =~ s/\s+/ /g;
	if ($text eq $sender) {
		$n++;
		if (index($html, $text) < 0) { print "missing footer: $text\n"; $bad++; }
		next;
	}
	for my $s (split /(?<=[.!?])\s+(?=[\p{Lu}])/, $text) {
		$n++;
		my $re = join("[-\x{AD}]?", map { quotemeta } split(/\x{AD}/, $s, -1));
		# A page may mark with U+00AD a line end an engine gave as
		# "-": a hyphen there, or none, between two letters.
		if ($html =~ /\x{AD}/) {
			$re =~ s/(\p{L})(?=\p{L})/$1\x{AD}?/g;
			$re =~ s/\\-/[-\x{AD}]/g;
		}
		pos($html) = $pos;
		if ($html !~ /$re/g) {
			print $html =~ /$re/ ? "out of order: $s\n" : "missing: $s\n";
			$bad++;
			next;
		}
		$pos = pos($html);
	}
}
print "seed: $n sentences, ", $n - $bad, " found in order\n";
exit($bad ? 1 : 0);
