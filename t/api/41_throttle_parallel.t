# Guesses are reserved before they are evaluated: simultaneous wrong passwords or codes for
# one account get no more evaluations than the design allows (6 passwords, 5 codes),
# whatever the number of processes — and the current password asked by « Mon compte » is
# throttled like a login.
use strict;
use warnings;
use utf8;
use Apache::Test qw(-withtestmore);
use lib 't/lib';
use Portail::Test qw(client url login sql_query csrf_of new_account new_family parallel);

# The answers of simultaneous attempts, sorted into evaluated / refused unevaluated.
sub tally {
    my ($evaluated_re, $throttled_re, @answers) = @_;
    my %n = (evaluated => 0, throttled => 0, other => 0);
    for my $a (@answers) {
        my ($code, $body) = split /\n/, $a, 2;
        $body //= '';
        if ($code == 400 && $body =~ $evaluated_re) { $n{evaluated}++ }
        elsif ($code == 429 && $body =~ $throttled_re) { $n{throttled}++ }
        else { $n{other}++; diag("unexpected answer: $code") }
    }
    return \%n;
}

# Every test comes from 127.0.0.1: start from clean address counters, so that what is
# measured here is the account's.
sub clean_addresses { sql_query("DELETE FROM throttle WHERE key LIKE '%:ip:%'") }
clean_addresses();

# 40 wrong passwords at once for one account, from 40 browsers.
my $EMAIL = 'parallele@exemple.fr';
new_account($EMAIL, 'Parallele-mot-2026');
my @browsers = map {
    my $ua = client();
    my $page = $ua->get(url('/portail/connexion'));
    [$ua, csrf_of($page->decoded_content)];
} 1 .. 40;
my @answers = parallel(40, sub {
    my ($i) = @_;
    my ($ua, $csrf) = @{ $browsers[$i - 1] };
    my $r = $ua->post(url('/portail/connexion'),
                      { email => $EMAIL, password => "mauvais-$i", csrf => $csrf });
    return $r->code . "\n" . $r->decoded_content;
});
my $n = tally(qr/mot de passe incorrect/, qr/Trop de tentatives/, @answers);
is($n->{other}, 0, '40 simultaneous wrong passwords: every answer is « incorrect » or « trop de tentatives »');
ok($n->{evaluated} <= 6, "at most 6 evaluated (got $n->{evaluated})");
ok($n->{evaluated} >= 1, 'the first ones are evaluated');
is($n->{throttled}, 40 - $n->{evaluated}, 'the others are refused without being evaluated');
my ($count) = sql_query("SELECT failures FROM throttle WHERE key = 'login:acct:$EMAIL'");
is($count, $n->{evaluated}, 'the database counted exactly the evaluated attempts');
# A refused attempt gave the address its reservation back.
my ($ip) = sql_query("SELECT failures FROM throttle WHERE key = 'login:ip:127.0.0.1'");
is($ip, $n->{evaluated}, 'the address counts only the evaluated attempts (the others gave theirs back)');

clean_addresses();
# While blocked (made long here: the evaluated attempts' bcrypt may outlast a 2 s block),
# even the right password waits; once the delay is over it works.
sql_query("UPDATE throttle SET blocked_until = " . (time + 600) . " WHERE key = 'login:acct:$EMAIL'");
my $r = login(client(), $EMAIL, 'Parallele-mot-2026');
is($r->code, 429, 'the right password waits too');
sql_query("UPDATE throttle SET blocked_until = 0 WHERE key = 'login:acct:$EMAIL'");
$r = login(client(), $EMAIL, 'Parallele-mot-2026');
is($r->code, 303, 'after the delay the right password logs in');
my ($left) = sql_query("SELECT count(*) FROM throttle WHERE key = 'login:acct:$EMAIL'");
is($left, 0, 'and clears the account counter');

# « Mon compte »: the current password is throttled like a login, on the same counter.
clean_addresses();
my $ua = client();
login($ua, $EMAIL, 'Parallele-mot-2026');
my $page = $ua->get(url('/portail/espace/compte'));
my $csrf = csrf_of($page->decoded_content);
@answers = parallel(20, sub {
    my ($i) = @_;
    my $r = $i % 2
        ? $ua->post(url('/portail/espace/compte/mot-de-passe'),
                    { csrf => $csrf, actuel => "devine-$i", password => 'Autre-mot-2026!',
                      confirmation => 'Autre-mot-2026!' })
        : $ua->post(url('/portail/espace/compte/email'),
                    { csrf => $csrf, actuel_email => "devine-$i", email => 'vol@exemple.fr' });
    return $r->code . "\n" . $r->decoded_content;
});
$n = tally(qr/mot de passe actuel n'est pas le bon/, qr/Trop de tentatives/, @answers);
is($n->{other}, 0, '20 simultaneous guesses of the current password: « pas le bon » or « trop de tentatives »');
ok($n->{evaluated} <= 6, "at most 6 evaluated (got $n->{evaluated})");
is($n->{throttled}, 20 - $n->{evaluated}, 'the others are refused unevaluated');
sql_query("UPDATE throttle SET blocked_until = " . (time + 600) . " WHERE key = 'login:acct:$EMAIL'");
$r = $ua->post(url('/portail/espace/compte/mot-de-passe'),
               { csrf => $csrf, actuel => 'Parallele-mot-2026', password => 'Autre-mot-2026!',
                 confirmation => 'Autre-mot-2026!' });
is($r->code, 429, 'even the right current password waits while blocked');
like($r->decoded_content, qr/réessayez dans \d+ seconde/, 'saying how long');
my ($hash_kept) = sql_query("SELECT count(*) FROM accounts WHERE email = '$EMAIL'");
is($hash_kept, 1, 'the account is still there');
sql_query("UPDATE throttle SET blocked_until = 0 WHERE key = 'login:acct:$EMAIL'");
clean_addresses();
$r = $ua->post(url('/portail/espace/compte/mot-de-passe'),
               { csrf => $csrf, actuel => 'Parallele-mot-2026', password => 'Autre-mot-2026!',
                 confirmation => 'Autre-mot-2026!' });
is($r->code, 303, 'after the delay the right current password is accepted');

# Subscription codes: 30 wrong codes at once from one account → at most 5 looked up.
clean_addresses();
my ($fam, $parent) = new_family('PARA-LLEL-0001', 'PARALLELE', 'code.parallele@exemple.fr',
                                'Code-parallele-2026');
$page = $parent->get(url('/portail/espace/abonnements'));
$csrf = csrf_of($page->decoded_content);
@answers = parallel(30, sub {
    my ($i) = @_;
    my $r = $parent->post(url('/portail/espace/abonnements'),
                          { csrf => $csrf, par => 'code', code => 'ZZZZ-ZZZZ-Z' . join('', map { substr('ABCDEFGHJK', $_, 1) } split //, sprintf('%03d', $i)) });
    return $r->code . "\n" . $r->decoded_content;
});
$n = tally(qr/Aucune famille ne correspond/, qr/Trop d'essais/, @answers);
is($n->{other}, 0, '30 simultaneous wrong codes: « aucune famille » or « trop d\'essais »');
ok($n->{evaluated} <= 5, "at most 5 looked up (got $n->{evaluated})");
is($n->{throttled}, 30 - $n->{evaluated}, 'the others are refused without a lookup');

# The test's guesses came from 127.0.0.1 like every other test's: leave its counters clean.
clean_addresses();
done_testing();
