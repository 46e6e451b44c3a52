# The outbox and `portail-ctl mail`: real SMTP, each mail sent once even by two runs at
# once, failures retried later.
use strict;
use warnings;
use utf8;
use Apache::Test qw(-withtestmore);
use lib 't/lib';
use Portail::Test qw(sql_query ctl smtp_server);
use MIME::Base64 qw(decode_base64);
use Encode qw(decode);
use POSIX ();

my ($port, $maildir) = smtp_server();
my @smtp = ('--smtp', "smtp://127.0.0.1:$port", '--smtp-security', 'none',
            '--from', 'Mairie de Ville-de-Démo <portail@demo.portail.fr>');
sql_query("DELETE FROM outbox");

# Ten mails queued, two deliveries started at the same moment.
for my $i (1 .. 10) {
    my ($rc, $out) = ctl('mail-test', "destinataire$i\@exemple.fr");
    is($rc, 0, "mail $i queued") or diag($out);
}
my @pids;
for (1 .. 2) {
    my $pid = fork // die;
    if (!$pid) { my ($rc) = ctl(@smtp, "mail"); POSIX::_exit($rc) }  # no END blocks in the child
    push @pids, $pid;
}
waitpid($_, 0) for @pids;

opendir my $dh, "$maildir/new" or die "no maildir: $!";
my @files = grep { !/^\./ } readdir $dh;
is(scalar @files, 10, 'two runs at once sent each of the ten mails once');
my %to;
for my $f (@files) {
    open my $fh, '<', "$maildir/new/$f" or die;
    local $/;
    my $m = <$fh>;
    $to{$1}++ if $m =~ /^X-RcptTo: (\S+)/m;
    if ($f eq $files[0]) {
        like($m, qr/^From: =\?UTF-8\?B\?[^?]+\?= <portail\@demo\.portail\.fr>/m, 'From from the configuration, name encoded');
        like($m, qr/^Subject: .*courriel d'essai/m, 'a subject');
        like($m, qr/^Date: \w{3}, \d\d \w{3} \d{4} /m, 'a Date header');
        like($m, qr/^Message-ID: <[^>]+\@demo\.portail\.fr>/m, 'a Message-ID');
        like($m, qr{^Content-Type: multipart/alternative}m, 'text and HTML parts');
        my ($text) = $m =~ m{Content-Type: text/plain; charset=UTF-8\r?\nContent-Transfer-Encoding: base64\r?\n\r?\n(.*?)--}s;
        like(decode('UTF-8', decode_base64($text // '')), qr/merci de ne pas y répondre/, 'the text part is UTF-8');
    }
}
is(scalar keys %to, 10, 'to ten different recipients');
my ($left) = sql_query("SELECT count(*) FROM outbox WHERE state <> 'envoye'");
is($left, 0, 'every row is marked sent');

# Nothing left: a second run sends nothing.
my ($rc, $out) = ctl(@smtp, 'mail');
like($out, qr/^0 courriel/, 'a second run sends nothing');

# The server is down: the mail stays, to be tried again later, with the error recorded.
ctl('mail-test', 'plus-tard@exemple.fr');
($rc, $out) = ctl('--smtp', 'smtp://127.0.0.1:1', '--smtp-security', 'none',
                  '--from', 'portail@demo.portail.fr', 'mail');
isnt($rc, 0, 'portail-ctl mail says it could not send');
my $where = "to_addr = 'plus-tard\@exemple.fr'";
my ($state) = sql_query("SELECT state FROM outbox WHERE $where");
my ($attempts) = sql_query("SELECT attempts FROM outbox WHERE $where");
my ($next) = sql_query("SELECT next_attempt_at FROM outbox WHERE $where");
my ($err) = sql_query("SELECT last_error FROM outbox WHERE $where");
is($state, 'a_envoyer', 'the mail waits for another try');
is($attempts, 1, 'one attempt counted');
ok($next > time, 'the next try is later (backoff)');
ok(length($err // ''), 'the error is recorded');

done_testing();
