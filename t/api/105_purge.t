# portail-ctl purge applies the retention rules at a fixed --now: expired sessions, links
# and captcha answers, accounts never activated after 30 days, accounts unused for 3 years
# warned by mail first and removed after the notice unless they logged in since, journal
# lines older than 5 years.  --dry-run removes nothing; a second run removes nothing more
# and sends no second warning; a run failing halfway keeps the sweeps done and leaves the
# failing one whole; bad options exit 2 with a French message.  The rows are dated in
# 1997-2004 so that nothing else of the test database is touched.
use strict;
use warnings;
use utf8;
use Apache::Test qw(-withtestmore);
use POSIX qw(mktime);
use lib 't/lib';
use Portail::Test qw(sql_query ctl);
sub at { my ($y, $m, $d) = @_; mktime(0, 0, 12, $d, $m - 1, $y - 1900) }

# Accounts: name => [state, created_at, last_login_at, warned_at]
my %acc = (
    'u-vieux'    => [ 'en_attente', at(2003, 11, 1), undef, undef ],   # never activated, 75 days
    'u-recent'   => [ 'en_attente', at(2004, 1, 1), undef, undef ],    # 14 days: kept
    'i-avertir'  => [ 'actif', at(1999, 1, 1), at(2000, 6, 1), undef ],# unused 3.6 years: warned
    'i-actif'    => [ 'actif', at(1999, 1, 1), at(2001, 6, 1), undef ],# 2.6 years: nothing
    'i-supprime' => [ 'actif', at(1999, 1, 1), at(2000, 1, 1), at(2003, 12, 1) ], # warned 45 days ago
    'i-revenu'   => [ 'actif', at(1999, 1, 1), at(2003, 12, 10), at(2003, 12, 1) ], # logged in since
    'i-preavis'  => [ 'actif', at(1999, 1, 1), at(2000, 1, 1), at(2004, 1, 5) ],  # warned 10 days ago
);
my %id;
for my $name (sort keys %acc) {
    my ($state, $created, $login, $warned) = @{ $acc{$name} };
    sql_query("INSERT INTO accounts (email, password_hash, nom, prenom, role, state, created_at, last_login_at) "
              . "VALUES ('purge-$name\@exemple.fr', 'x', 'PURGE', 'Purge', 'parent', '$state', $created, "
              . ($login // 'NULL') . ")");
    ($id{$name}) = sql_query("SELECT id FROM accounts WHERE email = 'purge-$name\@exemple.fr'");
    sql_query("INSERT INTO account_warnings (account_id, warned_at) VALUES ($id{$name}, $warned)") if $warned;
}
sql_query("INSERT INTO accounts (email, password_hash, role, state, created_at) "
          . "VALUES ('purge-agent\@exemple.fr', 'x', 'agent', 'en_attente', " . at(2003, 1, 1) . ")");
my $keep = $id{'i-actif'};
sql_query("INSERT INTO sessions (token_hash, account_id, created_at, last_seen_at, expires_at) VALUES "
          . "('purge-s1', $keep, " . at(2003, 11, 1) . ", " . at(2003, 11, 2) . ", " . at(2003, 12, 1) . "), "
          . "('purge-s2', $keep, " . at(2004, 1, 14) . ", " . at(2004, 1, 14) . ", " . at(2004, 2, 1) . ")");
sql_query("INSERT INTO account_tokens (token_hash, account_id, purpose, created_at, expires_at) VALUES "
          . "('purge-t1', $keep, 'reinitialisation', " . at(2003, 12, 31) . ", " . at(2004, 1, 1) . "), "
          . "('purge-t2', $keep, 'reinitialisation', " . at(2004, 1, 14) . ", " . at(2004, 2, 1) . ")");
sql_query("INSERT INTO captcha_used (id, expires_at) VALUES ('purge-c1', " . at(2004, 1, 1) . "), "
          . "('purge-c2', " . at(2004, 2, 1) . ")");
sql_query("INSERT INTO audit (at, action, object_type, object_id) VALUES "
          . "(" . at(1998, 6, 1) . ", 'purge-test', 'famille', '1'), (" . at(2000, 1, 1) . ", 'purge-test', 'famille', '2')");

sub count { (sql_query($_[0]))[0] }
sub state {
    return join ' ', map { count($_) }
        "SELECT count(*) FROM accounts WHERE email LIKE 'purge-%'",
        "SELECT count(*) FROM sessions WHERE token_hash LIKE 'purge-%'",
        "SELECT count(*) FROM account_tokens WHERE token_hash LIKE 'purge-%'",
        "SELECT count(*) FROM captcha_used WHERE id LIKE 'purge-%'",
        "SELECT count(*) FROM audit WHERE action = 'purge-test'",
        "SELECT count(*) FROM account_warnings",
        "SELECT count(*) FROM outbox WHERE template = 'compte-inactif'";
}
sub exists_acc { count("SELECT count(*) FROM accounts WHERE email = 'purge-$_[0]\@exemple.fr'") }
my $now = '2004-01-15 03:00';

# --- bad options: exit 2, a French message, nothing done ---------------------------------
my $initial = state();
for my $bad ([ '--journal-ans', '0' ], [ '--inactifs-ans', 'trois' ], [ '--preavis-jours', '-4' ],
             [ '--non-actives-jours', '99999' ], [ '--now', 'demain' ]) {
    my ($rc, $out) = ctl(@$bad, 'purge');
    is($rc, 2, "purge @$bad: exit status 2");
    like($out, qr/attend un nombre entier|s'écrit 'AAAA-MM-JJ HH:MM'/, 'with a French message');
}
is(state(), $initial, 'nothing removed by a bad command');

# --- dry run --------------------------------------------------------------------------------
my ($rc, $out) = ctl('--now', $now, '--dry-run', 'purge');
is($rc, 0, 'purge --dry-run') or diag $out;
like($out, qr/comptes jamais activés après 30 jours : 1 à supprimer \(comptes n° $id{'u-vieux'}\)/,
     'says which never-activated account would go');
like($out, qr/comptes inutilisés depuis 3 ans : 1 à prévenir \(comptes n° $id{'i-avertir'}\)/,
     'which account would be warned');
like($out, qr/prévenus il y a 30 jours ou plus : 1 à supprimer \(comptes n° $id{'i-supprime'}\)/,
     'which warned account would go');
like($out, qr/lignes du journal de plus de 5 ans : 1 à supprimer/, 'the old journal line');
is(state(), $initial, '--dry-run removes nothing and sends nothing');

# --- the run ------------------------------------------------------------------------------
($rc, $out) = ctl('--now', $now, 'purge');
is($rc, 0, 'purge') or diag $out;
like($out, qr/sessions expirées : 1 supprimé/, 'prints what it removed');
ok(!exists_acc('u-vieux'), 'an account never activated for 75 days: removed');
ok(exists_acc('u-recent'), 'one of 14 days: kept');
is(count("SELECT count(*) FROM accounts WHERE email = 'purge-agent\@exemple.fr'"), 1, "an agent's: kept");
ok(exists_acc('i-avertir'), 'an account unused for 3 years is not removed at once');
is(count("SELECT count(*) FROM outbox WHERE template = 'compte-inactif' AND to_addr = 'purge-i-avertir\@exemple.fr'"), 1,
   'it is warned by mail');
is(count("SELECT count(*) FROM account_warnings WHERE account_id = $id{'i-avertir'}"), 1, 'the warning recorded');
ok(!exists_acc('i-supprime'), 'warned 45 days ago, unused since: removed');
ok(exists_acc('i-revenu'), 'warned, but logged in since: kept');
is(count("SELECT count(*) FROM account_warnings WHERE account_id = $id{'i-revenu'}"), 0, 'its warning forgotten');
ok(exists_acc('i-preavis'), 'warned 10 days ago: kept until the notice ends');
ok(exists_acc('i-actif'), 'used 2.6 years ago: kept, not warned');
is(count("SELECT count(*) FROM outbox WHERE template = 'compte-inactif'"), 1, 'one warning mail in all');
is(count("SELECT count(*) FROM sessions WHERE token_hash = 'purge-s2'"), 1, 'a valid session kept');
is(count("SELECT count(*) FROM sessions WHERE token_hash LIKE 'purge-%'"), 1, 'the expired one removed');
is(count("SELECT count(*) FROM account_tokens WHERE token_hash LIKE 'purge-%'"), 1, 'the expired link removed, the other kept');
is(count("SELECT count(*) FROM captcha_used WHERE id LIKE 'purge-%'"), 1, 'the expired captcha answer removed');
is(count("SELECT count(*) FROM audit WHERE action = 'purge-test'"), 1, 'the journal line of 1998 removed, 2000 kept');
my $after = state();

# --- twice in a row: nothing more -----------------------------------------------------------
($rc, $out) = ctl('--now', $now, 'purge');
is($rc, 0, 'purge again');
is(state(), $after, 'a second run removes nothing more and sends no second warning');
unlike($out, qr/: [1-9]\d* supprimé/, 'and says so') or diag $out;

# --- interrupted halfway: the sweeps done stay done, the failing one is whole ---------------
SKIP: {
    local $ENV{PORTAIL_FAULT} = 'portail_purge_inactive=lost';
    my $later = '2004-02-20 03:00';      # i-avertir's and i-preavis's notices are over
    ($rc, $out) = ctl('--now', $later, 'purge');
    skip 'portail-ctl built without --enable-fault-injection', 6 if $out =~ /PORTAIL_FAULT/;
    isnt($rc, 0, 'a purge failing in the removal of warned accounts fails');
    ok(!exists_acc('u-recent'), 'the sweeps before it are done (never-activated account removed)');
    ok(exists_acc('i-avertir') && exists_acc('i-preavis'), 'that sweep removed nothing');
    local $ENV{PORTAIL_FAULT};
    delete $ENV{PORTAIL_FAULT};
    ($rc, $out) = ctl('--now', $later, 'purge');
    is($rc, 0, 'run again, it does what was left') or diag $out;
    ok(!exists_acc('i-avertir') && !exists_acc('i-preavis'), 'the warned accounts removed after their notice');
    is(count("SELECT count(*) FROM account_warnings WHERE account_id IN ($id{'i-avertir'}, $id{'i-preavis'})"), 0,
       'with their warnings');
}

done_testing();
