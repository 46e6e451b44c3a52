# « Mot de passe oublié »: same answer for every e-mail, a single-use link valid one hour,
# and a new password ends every session of the account.
use strict;
use warnings;
use utf8;
use Apache::Test qw(-withtestmore);
use lib 't/lib';
use Portail::Test qw(client url csrf_of login sql_query ctl smtp_server new_account);
use MIME::Base64 qw(decode_base64);
use Encode qw(decode);

my $PARENT = 'oubli@exemple.fr';
new_account($PARENT, 'Ancien-mot-2026');
sql_query("DELETE FROM outbox");

# A session opened before the reset.
my $before = client();
is(login($before, $PARENT, 'Ancien-mot-2026')->code, 303, 'the parent is logged in');

# Known and unknown e-mails: the same answer.
my @answers;
for my $email ($PARENT, 'personne@exemple.fr') {
    my $ua = client();
    my $csrf = csrf_of($ua->get(url('/portail/mot-de-passe-oublie'))->decoded_content);
    my $r = $ua->post(url('/portail/mot-de-passe-oublie'), { email => $email, csrf => $csrf });
    (my $page = $ua->get(url('/portail/connexion'))->decoded_content) =~ s/\Q$email\E/ADRESSE/g;
    $page =~ s/value="[^"]*"//g;
    push @answers, [$r->code, $r->header('Location'), $page];
}
is($answers[0][0], 303, 'the request answers 303');
is_deeply($answers[0], $answers[1], 'a known and an unknown e-mail get the same answer');
# The same work either way (no timing difference to measure): one try counted and one mail
# queued for each — a reset link for the account, « no account here » for the other.
my @queued = sql_query("SELECT template FROM outbox ORDER BY to_addr");
is_deeply(\@queued, ['reinitialisation', 'compte-inconnu'],
          'one mail queued for each address: the link, and « aucun compte » for the unknown one');
my @tries = sql_query("SELECT failures FROM throttle WHERE key IN ('reset:$PARENT', 'reset:personne\@exemple.fr')");
is_deeply(\@tries, [1, 1], 'and one try counted for each');

# A malformed e-mail: the form again.
my $ua = client();
my $csrf = csrf_of($ua->get(url('/portail/mot-de-passe-oublie'))->decoded_content);
my $r = $ua->post(url('/portail/mot-de-passe-oublie'), { email => 'pas une adresse', csrf => $csrf });
is($r->code, 400, 'a malformed e-mail: 400');
like($r->decoded_content, qr/value="pas une adresse"/, 'with what was typed');

# The mail and its link.
my ($port, $maildir) = smtp_server();
my ($rc, $out) = ctl('--smtp', "smtp://127.0.0.1:$port", '--smtp-security', 'none',
                     '--from', 'portail@demo.portail.fr', 'mail');
is($rc, 0, 'the mail is delivered') or diag($out);
opendir my $dh, "$maildir/new" or die;
my ($link, $unknown_told);
for my $file (grep { !/^\./ } readdir $dh) {
    open my $fh, '<', "$maildir/new/$file" or die;
    my $m = do { local $/; <$fh> };
    my ($b64) = $m =~ m{text/plain; charset=UTF-8\r?\nContent-Transfer-Encoding: base64\r?\n\r?\n(.*?)--}s;
    my $text = decode('UTF-8', decode_base64($b64 // ''));
    ($link) = $text =~ m{(http://\S+/portail/reinitialisation/[A-Za-z0-9_-]{43})} unless $link;
    $unknown_told = 1 if $m =~ /^X-RcptTo: personne\@exemple\.fr/m && $text =~ /aucun compte/;
}
ok($unknown_told, 'the unknown address is told no account uses it');
ok($link, 'the mail carries the reset link') or BAIL_OUT('no link');
(my $path = $link) =~ s{^http://[^/]+}{};

# Choose the new password.
my $reset = client();
$r = $reset->get(url($path));
is($r->code, 200, 'the link opens the form');
$csrf = csrf_of($r->decoded_content);
$r = $reset->post(url($path), { password => 'nouveau mot de passe', confirmation => 'autre chose', csrf => $csrf });
is($r->code, 400, 'a confirmation that differs: 400');
like($r->decoded_content, qr/href="#f-confirmation"/, 'the error is linked to the field');
$r = $reset->post(url($path), { password => 'court', confirmation => 'court', csrf => $csrf });
is($r->code, 400, 'a weak password: 400');
$r = $reset->post(url($path), { password => 'nouveau mot de passe', confirmation => 'nouveau mot de passe', csrf => $csrf });
is($r->code, 303, 'the new password is saved');

is($before->get(url('/portail/famille/'))->code, 303, 'the session opened before is gone');
is(login(client(), $PARENT, 'Ancien-mot-2026')->code, 400, 'the old password no longer works');
is(login(client(), $PARENT, 'nouveau mot de passe')->code, 303, 'the new one does');

# The link serves once; an expired one is refused.
$r = $reset->get(url($path));
is($r->code, 409, 'a used link: 409');
like($r->decoded_content, qr/déjà servi/, 'saying so');
sql_query("UPDATE account_tokens SET used_at = NULL, expires_at = 1 WHERE purpose = 'reinitialisation'");
$r = $reset->get(url($path));
is($r->code, 400, 'an expired link: 400');
like($r->decoded_content, qr/expiré/, 'saying so');
is($reset->get(url('/portail/reinitialisation/' . ('y' x 43)))->code, 404, 'an unknown link: 404');

done_testing();
