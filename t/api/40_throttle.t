# Login attempts are slowed down per account, in the database (so across servers).
use strict;
use warnings;
use utf8;
use Apache::Test qw(-withtestmore);
use lib 't/lib';
use Portail::Test qw(client url login sql_query);

my $EMAIL = 'agent@demo.portail.fr';
my $ua = client();
my $r;
for my $i (1 .. 5) {
    $r = login($ua, $EMAIL, "mauvais-$i");
    is($r->code, 400, "wrong password $i: 400, not yet slowed");
}
$r = login($ua, $EMAIL, 'mauvais-6');
is($r->code, 400, 'the 6th wrong password is counted');
my ($until) = sql_query("SELECT blocked_until FROM throttle WHERE key = 'login:acct:$EMAIL'");
ok($until && $until > time, 'the account is blocked for a while, in the database');

# Even the right password waits now, from any browser.
my $other = client();
$r = login($other, $EMAIL, 'Agent-demo-2026');
is($r->code, 429, 'the right password is refused while slowed down');
like($r->decoded_content, qr/Trop de tentatives/, 'with a French explanation');
like($r->decoded_content, qr/réessayez dans \d+ seconde/, 'saying how long to wait');

# Once the delay is over (simulated by moving it back), the right password works and clears it.
sql_query("UPDATE throttle SET blocked_until = 0 WHERE key = 'login:acct:$EMAIL'");
$r = login($other, $EMAIL, 'Agent-demo-2026');
is($r->code, 303, 'after the delay the right password logs in');
my ($left) = sql_query("SELECT count(*) FROM throttle WHERE key = 'login:acct:$EMAIL'");
is($left, 0, 'a successful login clears the account counter');

# Unknown and known e-mails get the same answer.
my $u1 = login(client(), 'inconnu@exemple.fr', 'x');
my $u2 = login(client(), 'parent@demo.portail.fr', 'x');
is($u1->code, $u2->code, 'same status for unknown and known e-mail');
(my $b1 = $u1->decoded_content) =~ s/value="[^"]*"//g;
(my $b2 = $u2->decoded_content) =~ s/value="[^"]*"//g;
is($b1, $b2, 'same page for unknown and known e-mail (but the e-mail typed)');

done_testing();
