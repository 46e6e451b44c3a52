# « Mon compte »: change the password with the current one (other sessions end), change
# the e-mail address through a link sent to the new one.
use strict;
use warnings;
use utf8;
use Apache::Test qw(-withtestmore);
use lib 't/lib';
use Portail::Test qw(client url csrf_of login sql_query ctl smtp_server new_account);
use MIME::Base64 qw(decode_base64);
use Encode qw(decode);

my $EMAIL = 'compte@exemple.fr';
new_account($EMAIL, 'Compte-mot-2026');
my ($ua1, $ua2) = (client(), client());
login($ua1, $EMAIL, "Compte-mot-2026");
login($ua2, $EMAIL, "Compte-mot-2026");
my $r = $ua1->get(url('/portail/espace/compte'));
is($r->code, 200, '« Mon compte » answers');
like($r->decoded_content, qr/\Q$EMAIL\E/, 'it shows the address');
my $csrf = csrf_of($r->decoded_content);

# The password, with the current one.
$r = $ua1->post(url('/portail/espace/compte/mot-de-passe'), { csrf => $csrf, actuel => 'faux',
    password => 'Nouveau-mot-2026', confirmation => 'Nouveau-mot-2026' });
is($r->code, 400, 'a wrong current password: 400');
like($r->decoded_content, qr/href="#f-actuel"/, 'the error is linked to its field');
$r = $ua1->post(url('/portail/espace/compte/mot-de-passe'), { csrf => $csrf, actuel => 'Compte-mot-2026',
    password => 'court', confirmation => 'court' });
is($r->code, 400, 'a weak new password: 400');
$r = $ua1->post(url('/portail/espace/compte/mot-de-passe'), { csrf => $csrf, actuel => 'Compte-mot-2026',
    password => 'Nouveau-mot-2026', confirmation => 'Nouveau-mot-2026' });
is($r->code, 303, 'the password is changed');
is($ua1->get(url('/portail/espace/compte'))->code, 200, 'this browser stays logged in');
is($ua2->get(url('/portail/espace/compte'))->code, 303, 'the other session is closed');
is(login(client(), $EMAIL, 'Nouveau-mot-2026')->code, 303, 'the new password works');

# The e-mail address.
$csrf = csrf_of($ua1->get(url('/portail/espace/compte'))->decoded_content);
$r = $ua1->post(url('/portail/espace/compte/email'), { csrf => $csrf, email => 'nouvelle@exemple.fr', actuel_email => 'faux' });
is($r->code, 400, 'changing the address needs the password');
like($r->decoded_content, qr/value="nouvelle\@exemple\.fr"/, 'the address typed is kept');
sql_query("DELETE FROM outbox");
$r = $ua1->post(url('/portail/espace/compte/email'), { csrf => $csrf, email => 'parent@demo.portail.fr', actuel_email => 'Nouveau-mot-2026' });
is($r->code, 303, 'an address that has an account: the same answer');
my ($n) = sql_query("SELECT count(*) FROM outbox");
is($n, 0, 'but no link is sent to it');
$r = $ua1->post(url('/portail/espace/compte/email'), { csrf => $csrf, email => 'Nouvelle@Exemple.fr', actuel_email => 'Nouveau-mot-2026' });
is($r->code, 303, 'a new address: a link is sent');
my ($still) = sql_query("SELECT email FROM accounts WHERE email = '$EMAIL'");
is($still, $EMAIL, 'the address does not change before the link is opened');

my ($port, $maildir) = smtp_server();
my ($rc, $out) = ctl('--smtp', "smtp://127.0.0.1:$port", '--smtp-security', 'none',
                     '--from', 'portail@demo.portail.fr', 'mail');
is($rc, 0, 'the mail is delivered') or diag($out);
opendir my $dh, "$maildir/new" or die;
my ($file) = grep { !/^\./ } readdir $dh;
open my $fh, '<', "$maildir/new/$file" or die;
my $m = do { local $/; <$fh> };
like($m, qr/^X-RcptTo: nouvelle\@exemple\.fr/m, 'to the new address');
my ($b64) = $m =~ m{text/plain; charset=UTF-8\r?\nContent-Transfer-Encoding: base64\r?\n\r?\n(.*?)--}s;
my ($link) = decode('UTF-8', decode_base64($b64 // '')) =~ m{(http://\S+/portail/confirmation-email/[A-Za-z0-9_-]{43})};
ok($link, 'with a confirmation link') or BAIL_OUT('no link');
(my $path = $link) =~ s{^http://[^/]+}{};
my $c = client();
$r = $c->get(url($path));
is($r->code, 200, 'the link opens a page');
like($r->decoded_content, qr/nouvelle\@exemple\.fr/, 'showing the new address');
$r = $c->post(url($path), { csrf => csrf_of($r->decoded_content) });
is($r->code, 303, 'confirmed');
my ($now) = sql_query("SELECT count(*) FROM accounts WHERE email = 'nouvelle\@exemple.fr'");
is($now, 1, 'the account has its new address');
is(login(client(), 'nouvelle@exemple.fr', 'Nouveau-mot-2026')->code, 303, 'and logs in with it');
is($c->get(url($path))->code, 409, 'the link serves once');

done_testing();
