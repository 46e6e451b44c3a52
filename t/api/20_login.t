# Login, logout, sessions and roles: agents reach the administration, parents their family.
use strict;
use warnings;
use utf8;
use Apache::Test qw(-withtestmore);
use lib 't/lib';
use Portail::Test qw(client url csrf_of login sql_query);
use Digest::SHA qw(sha256_hex);

my $AGENT = 'agent@demo.portail.fr';
my $PARENT = 'parent@demo.portail.fr';

sub cookie_of {
    my ($ua, $name) = @_;
    my $v;
    $ua->cookie_jar->scan(sub { $v = $_[2] if $_[1] eq $name });
    return $v;
}

# Anonymous visitors of a protected page go to the login page, and come back after.
my $anon = client();
my $r = $anon->get(url('/portail/admin/'));
is($r->code, 303, 'anonymous on /portail/admin/: redirected');
like($r->header('Location'), qr{/portail/connexion\?retour=(%2F|/)portail(%2F|/)admin(%2F|/)$},
     'to the login page, with the way back');
$r = $anon->get(url('/portail/famille/'));
is($r->code, 303, 'anonymous on /portail/famille/: redirected');

# The agent logs in and reaches the administration; the way back is honoured.
my $agent = client();
$r = login($agent, $AGENT, 'Agent-demo-2026', '/portail/admin/');
is($r->code, 303, 'agent login answers 303');
is($r->header('Location'), '/portail/admin/', 'agent is sent back where he was going');
my $token = cookie_of($agent, 'portail_session');
ok($token && length($token) == 43, 'session token is 256 bits in base64url');
my $set = join "\n", $r->header('Set-Cookie');
like($set, qr/portail_session=[^;]+;[^\n]*HttpOnly/i, 'session cookie is HttpOnly');
like($set, qr/portail_session=[^;]+;[^\n]*SameSite=Lax/i, 'session cookie is SameSite=Lax');
$r = $agent->get(url('/portail/admin/'));
is($r->code, 200, 'agent reaches /portail/admin/');
like($r->decoded_content, qr/Administration/, 'the administration dashboard');
like($r->decoded_content, qr/Se déconnecter/, 'a logout button');

# Only the token's hash is stored.
my ($stored) = sql_query("SELECT count(*) FROM sessions WHERE token_hash = '" . sha256_hex($token) . "'");
is($stored, 1, 'the session is stored by the SHA-256 of its token');
my ($raw) = sql_query("SELECT count(*) FROM sessions WHERE token_hash = '$token'");
is($raw, 0, 'the token itself is not stored');

# The parent: family space yes, administration no (French 403, also as XML).
my $parent = client();
$r = login($parent, $PARENT, 'Parent-demo-2026');
is($r->code, 303, 'parent login answers 303');
like($r->header('Location'), qr{^/portail/espace$}, 'parent goes to « Mon espace citoyen »');
$r = $parent->get(url('/portail/famille/'));
is($r->code, 200, 'parent reaches the family space');
like($r->decoded_content, qr/MARTIN/, 'with the demo family');
$r = $parent->get(url('/portail/admin/'));
is($r->code, 403, 'parent on /portail/admin/: 403');
like($r->decoded_content, qr/<html/, '403 is the portal\'s French page');
like($r->decoded_content, qr/accès|autoris/i, '403 says access is refused');
$r = $parent->get(url('/portail/admin/?format=xml'));
is($r->code, 403, 'the XML of an agent screen is refused to a parent too');
$r = $agent->get(url('/portail/famille/'));
is($r->code, 403, 'an agent has no family space');

# A new token at each login: a token known before login is useless after.
my $fix = client();
$fix->get(url('/portail/connexion'));
$fix->cookie_jar->set_cookie(0, 'portail_session', 'A' x 43, '/portail/', Portail::Test::host());
login($fix, $PARENT, 'Parent-demo-2026');
isnt(cookie_of($fix, 'portail_session'), 'A' x 43, 'login gives a new session token');

# Wrong password: the form again, with the e-mail typed, a French message, no session.
my $bad = client();
$r = login($bad, $PARENT, 'pas-le-bon-mot-de-passe');
is($r->code, 400, 'wrong password: 400');
like($r->decoded_content, qr/incorrect/, 'French message');
like($r->decoded_content, qr/value="\Q$PARENT\E"/, 'the e-mail typed is kept');
ok(!cookie_of($bad, 'portail_session'), 'no session cookie');

# Logout ends the session for good.
my $before = cookie_of($parent, 'portail_session');
$r = $parent->get(url('/portail/espace'));
$r = $parent->post(url('/portail/deconnexion'), { csrf => csrf_of($r->decoded_content) });
is($r->code, 303, 'logout answers 303');
my ($left) = sql_query("SELECT count(*) FROM sessions WHERE token_hash = '" . sha256_hex($before) . "'");
is($left, 0, 'the session is deleted from the database');
my $replay = client();
$replay->cookie_jar->set_cookie(0, 'portail_session', $before, '/portail/', Portail::Test::host());
$r = $replay->get(url('/portail/famille/'));
is($r->code, 303, 'the old token no longer opens the family space');

# Sessions expire: after PortailSessionIdle without activity, and at their absolute end.
for my $case (['idle', 'last_seen_at = last_seen_at - 7200'],
              ['absolute', 'expires_at = created_at']) {
    my ($what, $set) = @$case;
    my $ua = client();
    login($ua, $PARENT, 'Parent-demo-2026');
    is($ua->get(url('/portail/famille/'))->code, 200, "$what: the session works");
    my $h = sha256_hex(cookie_of($ua, 'portail_session'));
    sql_query("UPDATE sessions SET $set WHERE token_hash = '$h'");
    is($ua->get(url('/portail/famille/'))->code, 303, "$what: an expired session opens nothing");
}

# An external « retour » is ignored (no open redirect).
my $open = client();
$r = login($open, $AGENT, 'Agent-demo-2026', '//evil.example/');
is($r->header('Location'), '/portail/admin/', 'a foreign retour is ignored');

done_testing();
