# « Mes abonnements »: link the account to a family by code abonné or by an invoice's
# references — at once, without logging in again; wrong codes are slowed down.
use strict;
use warnings;
use utf8;
use Apache::Test qw(-withtestmore);
use lib 't/lib';
use Portail::Test qw(client url csrf_of login sql_query);

my $PARENT = 'parent@demo.portail.fr';
my $ua = client();
login($ua, $PARENT, 'Parent-demo-2026');
my $r = $ua->get(url('/portail/espace/abonnements'));
is($r->code, 200, 'the page answers');
my $csrf = csrf_of($r->decoded_content);
like($r->decoded_content, qr/Famille MARTIN/, 'the demo family is listed');
like($r->decoded_content, qr/<label for="f-code">Code abonné/, 'the code field has a label');
like($r->decoded_content, qr/<label for="f-code_personne">Code personne/, 'so do the invoice fields');

# Unsubscribe; another family's id is unknown to this account.
$r = $ua->post(url('/portail/espace/abonnements/2/desabonner'), { csrf => $csrf });
is($r->code, 404, 'unsubscribing from a family that is not mine: 404');
$r = $ua->post(url('/portail/espace/abonnements/1/desabonner'), { csrf => $csrf });
is($r->code, 303, 'unsubscribed');
like($ua->get(url('/portail/famille/'))->decoded_content, qr/rattaché à aucune famille/,
     'the family space is closed at once');

# By code, typed loosely: at once, in the same session.
$r = $ua->post(url('/portail/espace/abonnements'), { csrf => $csrf, par => 'code', code => ' k7qm 4xpt 9hwa ' });
is($r->code, 303, 'subscription by code');
is($r->header('Location'), '/portail/famille/', 'to the family space');
$r = $ua->get(url('/portail/famille/'));
like($r->decoded_content, qr/Famille MARTIN/, 'the family space opens without a new login');
like($r->decoded_content, qr/rattaché à la famille MARTIN/, 'with a message');

# By an invoice's references.
$r = $ua->post(url('/portail/espace/abonnements'), { csrf => $csrf, par => 'facture',
    code_emission => 'rs2610', reference => 'F2026-000124', montant => '45,20 €', code_personne => 'P00522' });
is($r->code, 303, 'subscription by invoice references');
like($ua->get(url('/portail/famille/'))->decoded_content, qr/Famille BENALI/, 'the second family is there');
$r = $ua->post(url('/portail/espace/abonnements'), { csrf => $csrf, par => 'facture',
    code_emission => 'RS2610', reference => 'F2026-000123', montant => '86,41', code_personne => 'P00417' });
is($r->code, 400, 'a wrong amount finds nothing');
like($r->decoded_content, qr/Aucune facture ne correspond/, 'and says so');
like($r->decoded_content, qr/value="86,41"/, 'the form keeps what was typed');

# A malformed code.
$r = $ua->post(url('/portail/espace/abonnements'), { csrf => $csrf, par => 'code', code => 'ABC' });
is($r->code, 400, 'a malformed code: 400');
like($r->decoded_content, qr/forme d'un code abonné/, 'explained');

# Guessing: the sixth wrong code in a row is slowed down.
my $guess = client();
login($guess, 'agent@demo.portail.fr', 'Agent-demo-2026');   # (an agent has no such page)
is($guess->get(url('/portail/espace/abonnements'))->code, 403, 'agents have no subscriptions page');
sql_query("DELETE FROM throttle WHERE key LIKE 'abonnement:%'");
my @codes;
for my $i (1 .. 6) {
    $r = $ua->post(url('/portail/espace/abonnements'), { csrf => $csrf, par => 'code', code => "ZZZZ-ZZZZ-ZZZ$i" });
    push @codes, $r->code;
}
is_deeply([@codes[0 .. 4]], [400, 400, 400, 400, 400], 'five wrong codes: each told it is unknown');
is($codes[5], 429, 'the sixth in a row is slowed down');
$r = $ua->post(url('/portail/espace/abonnements'), { csrf => $csrf, par => 'code', code => 'W9HT-5CMU-6YPF' });
is($r->code, 429, 'even a right code waits');
like($r->decoded_content, qr/réessayez dans \d+ seconde/, 'saying how long');
my ($fails) = sql_query("SELECT failures FROM throttle WHERE key LIKE 'abonnement:acct:%'");
is($fails, 5, 'the count is kept in the database (every server sees it)');
my ($n) = sql_query("SELECT count(*) FROM account_families af JOIN families f ON f.id = af.family_id JOIN accounts a ON a.id = af.account_id WHERE f.code_abonne = 'W9HT-5CMU-6YPF' AND a.email = '$PARENT'");
is($n, 0, 'the slowed-down try subscribed nothing');

done_testing();
