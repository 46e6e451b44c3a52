# Links sent by mail cannot outlive a new password, and proving an address is what sets
# the password of an account not activated yet: a sign-up made with someone else's
# address can never be claimed with the password its author typed.
use strict;
use warnings;
use utf8;
use Apache::Test qw(-withtestmore);
use lib 't/lib';
use Portail::Test qw(client url csrf_of login sql_query new_account mailed_link ask_reset);

sub choose {
    my ($path, $password) = @_;
    my $ua = client();
    my $r = $ua->get(url($path));
    return $r if $r->code != 200;
    return $ua->post(url($path), { csrf => csrf_of($r->decoded_content), password => $password,
                                   confirmation => $password });
}

# Two reset links; the newer one is used: the older one no longer works.
my $EMAIL = 'deux.liens@exemple.fr';
new_account($EMAIL, 'Premier-mot-2026');
is(ask_reset($EMAIL)->code, 303, 'a first reset link is sent');
my $old = mailed_link($EMAIL, 'reinitialisation');
is(ask_reset($EMAIL)->code, 303, 'a second one');
my $new = mailed_link($EMAIL, 'reinitialisation');
ok($old && $new && $old ne $new, 'two different links');
is(choose($new, 'Deuxieme-mot-2026')->code, 303, 'the newer link sets a password');
my $r = choose($old, 'Pirate-mot-2026!');
is($r->code, 409, 'the older link is refused afterwards');
like($r->decoded_content, qr/déjà servi/, 'with a French explanation');
is(login(client(), $EMAIL, 'Pirate-mot-2026!')->code, 400, 'its password was not set');
is(login(client(), $EMAIL, 'Deuxieme-mot-2026')->code, 303, 'the chosen one works');

# A link asked before a change of password in « Mon compte » dies with the change.
ask_reset($EMAIL);
my $pending = mailed_link($EMAIL, 'reinitialisation');
my $ua = client();
login($ua, $EMAIL, 'Deuxieme-mot-2026');
my $csrf = csrf_of($ua->get(url('/portail/espace/compte'))->decoded_content);
$r = $ua->post(url('/portail/espace/compte/mot-de-passe'),
               { csrf => $csrf, actuel => 'Deuxieme-mot-2026', password => 'Troisieme-mot-2026',
                 confirmation => 'Troisieme-mot-2026' });
is($r->code, 303, 'the password is changed in « Mon compte »');
is(choose($pending, 'Pirate-mot-2026!')->code, 409, 'the reset link asked before no longer works');
is(login(client(), $EMAIL, 'Troisieme-mot-2026')->code, 303, 'the new password stands');

# Someone signs up with another person's address and their own password…
my $VICTIM = 'victime@exemple.fr';
my $line = `htpasswd -nbB -C 10 x Pirate-mot-2026!`;
$line =~ s/\s+\z//;
(my $hash = $line) =~ s/^x://;
my $t = time;
sql_query("INSERT INTO accounts (email, password_hash, nom, prenom, role, state, created_at) "
          . "VALUES ('$VICTIM', '$hash', 'PIRATE', 'Pirate', 'parent', 'en_attente', $t)");
my ($acct) = sql_query("SELECT id FROM accounts WHERE email = '$VICTIM'");
is(login(client(), $VICTIM, 'Pirate-mot-2026!')->code, 400, 'no login before activation');
# … the owner of the address uses « Mot de passe oublié »: an activation link comes.
is(ask_reset($VICTIM)->code, 303, 'the owner asks for a new password');
my $activation = mailed_link($VICTIM, 'activation');
ok($activation, 'a pending account gets an activation link');
$ua = client();
$r = $ua->get(url($activation));
is($r->code, 200, 'the link opens a form');
like($r->decoded_content, qr/name="password"/, 'which asks for the password');
$csrf = csrf_of($r->decoded_content);
$r = $ua->post(url($activation), { csrf => $csrf });
is($r->code, 400, 'activating without choosing a password is refused');
my ($state) = sql_query("SELECT state FROM accounts WHERE id = $acct");
is($state, 'en_attente', 'and activates nothing');
$r = $ua->post(url($activation), { csrf => $csrf, password => 'Proprietaire-2026',
                                   confirmation => 'Proprietaire-2026' });
is($r->code, 303, 'the owner activates with a password of their own');
($state) = sql_query("SELECT state FROM accounts WHERE id = $acct");
is($state, 'actif', 'the account is active');
is(login(client(), $VICTIM, 'Pirate-mot-2026!')->code, 400,
   "the password typed at sign-up by someone else never works");
is(login(client(), $VICTIM, 'Proprietaire-2026')->code, 303, "the owner's password does");
my ($open) = sql_query("SELECT count(*) FROM account_tokens WHERE account_id = $acct AND used_at IS NULL");
is($open, 0, 'no link of the account is left usable');

done_testing();
