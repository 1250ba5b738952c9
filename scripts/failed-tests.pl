#!/usr/bin/perl
# Prints each failed test in the given TRX files with the first lines of its message, so the end of a long
# test log says which test failed and why (CI shows only the tail of the output).
use strict;
use warnings;

sub unescape {
  my ($text) = @_;
  $text =~ s/&lt;/</g; $text =~ s/&gt;/>/g; $text =~ s/&quot;/"/g; $text =~ s/&apos;/'/g;
  $text =~ s/&#x([0-9A-Fa-f]+);/chr(hex($1))/ge; $text =~ s/&#(\d+);/chr($1)/ge; $text =~ s/&amp;/&/g;
  return $text;
}

for my $file (@ARGV) {
  open(my $in, '<', $file) or next;
  local $/;
  my $trx = <$in>;
  while ($trx =~ m{<UnitTestResult\s([^>]*?)(/>|>(.*?)</UnitTestResult>)}gs) {
    my ($attributes, $body) = ($1, $3 // '');
    next unless $attributes =~ /outcome="(Failed|Error|Timeout|Aborted)"/;
    my $outcome = $1;
    my ($name) = $attributes =~ /testName="([^"]*)"/;
    my ($duration) = $attributes =~ /duration="([^"]*)"/;
    print "FAILED ($outcome, ", $duration // '?', "): ", unescape($name // '?'), "\n";
    my ($message) = $body =~ m{<Message>(.*?)</Message>}s;
    my ($stack) = $body =~ m{<StackTrace>(.*?)</StackTrace>}s;
    my @message = split(/\n/, unescape($message // ''));
    my @ours = grep { /AnomalyStudio/ } split(/\n/, unescape($stack // ''));
    my @lines = (@message[0 .. ($#message < 11 ? $#message : 11)], @ours[0 .. ($#ours < 7 ? $#ours : 7)]);
    print "    $_\n" for grep { length } @lines;
  }
}
