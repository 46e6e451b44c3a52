# One path for every POST: CSRF, size, field count, UTF-8 — and nothing changes on refusal.
use strict;
use warnings;
use utf8;
use Apache::Test qw(-withtestmore);
use lib 't/lib';
use Portail::Test qw(client url csrf_of login sql_query);
use HTTP::Request;

my $PARENT = 'parent@demo.portail.fr';

sub sessions { (sql_query("SELECT count(*) FROM sessions"))[0] }

my $ua = client();
my $r = $ua->get(url('/portail/connexion'));
my $csrf = csrf_of($r->decoded_content);
ok($csrf, 'the login form carries a CSRF token');
like($r->decoded_content, qr/<label[^>]+for="f-email"/, 'the e-mail field has a label');

# Without the token, or with a wrong one: French 403, no session created.
my $n = sessions();
$r = $ua->post(url('/portail/connexion'), { email => $PARENT, password => 'Parent-demo-2026' });
is($r->code, 403, 'POST without CSRF token: 403');
like($r->decoded_content, qr/formulaire a expiré/, 'French explanation');
$r = $ua->post(url('/portail/connexion'),
               { email => $PARENT, password => 'Parent-demo-2026', csrf => 'x' . $csrf });
is($r->code, 403, 'POST with a wrong CSRF token: 403');
my $other = client();
$other->get(url('/portail/connexion'));
$r = $other->post(url('/portail/connexion'),
                  { email => $PARENT, password => 'Parent-demo-2026', csrf => $csrf });
is($r->code, 403, 'a token of another browser is refused');
is(sessions(), $n, 'no session was created by refused POSTs');

# A logged-in user's token is bound to the session: logout needs it.
my $parent = client();
login($parent, $PARENT, 'Parent-demo-2026');
$n = sessions();
$r = $parent->post(url('/portail/deconnexion'), { csrf => $csrf });
is($r->code, 403, 'logout with the anonymous token of another browser: 403');
is(sessions(), $n, 'the session is still there');

# Too large: refused with 413 before reading, nothing changed.
my $big = 'email=a%40b.fr&password=x&csrf=' . $csrf . '&pad=' . ('a' x (50 * 1024 * 1024));
my $req = HTTP::Request->new(POST => url('/portail/connexion'),
                             [ 'Content-Type' => 'application/x-www-form-urlencoded' ], $big);
$r = $ua->request($req);
is($r->code, 413, '50 MB body: 413');
like($r->decoded_content, qr/<html/, '413 is the portal\'s page');
is(sessions(), $n, 'nothing changed');

# Too many fields: 413.
my $many = join '&', 'csrf=' . $csrf, map { "f$_=1" } 1 .. 1000;
$req = HTTP::Request->new(POST => url('/portail/connexion'),
                          [ 'Content-Type' => 'application/x-www-form-urlencoded' ], $many);
is($ua->request($req)->code, 413, '1000 fields: 413');

# Invalid UTF-8: 400.
$req = HTTP::Request->new(POST => url('/portail/connexion'),
                          [ 'Content-Type' => 'application/x-www-form-urlencoded' ],
                          "email=%C3%28&password=x&csrf=$csrf");
$r = $ua->request($req);
is($r->code, 400, 'invalid UTF-8: 400');
like($r->decoded_content, qr/<html/, '400 is the portal\'s page');

# Not a form: 400.
$req = HTTP::Request->new(POST => url('/portail/connexion'),
                          [ 'Content-Type' => 'application/json' ], '{"email":"x"}');
is($ua->request($req)->code, 400, 'a JSON body: 400');

# Validation errors come back with what was typed and errors linked to their fields.
$r = $ua->post(url('/portail/connexion'), { email => 'pas-une-adresse', password => '', csrf => $csrf });
is($r->code, 400, 'invalid e-mail: 400');
my $html = $r->decoded_content;
like($html, qr/value="pas-une-adresse"/, 'what was typed is kept');
like($html, qr/href="#f-email"/, 'the error summary links to the field');
like($html, qr/aria-describedby="[^"]*f-email-erreur/, 'the field points at its error');
like($html, qr/aria-invalid="true"/, 'the field is marked invalid');

done_testing();
