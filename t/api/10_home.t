# The home page, the site frame, errors and the XML contract — anonymous visitor.
use strict;
use warnings;
use utf8;
use Apache::Test qw(-withtestmore);
use lib 't/lib';
use Portail::Test qw(client url csrf_of xml_of);

my $ua = client();

# Home page: the news from the database, the way in, French, UTF-8.
my $r = $ua->get(url('/portail/'));
is($r->code, 200, 'home page answers 200');
like($r->header('Content-Type'), qr{^text/html; charset=UTF-8}i, 'home page is UTF-8 HTML');
my $html = $r->decoded_content;
like($html, qr/Actualités/, 'home page shows « Actualités »');
like($html, qr{href="/portail/connexion"}, 'home page links to « Se connecter »');
like($html, qr{href="/portail/inscription"}, 'home page links to « Créer un compte »');
like($html, qr/<html[^>]*lang="fr"/, 'page is declared French');
like($html, qr{href="#contenu"}, 'skip link to the content');
unlike($html, qr/style="/, 'no inline style (the CSP forbids it)');

# News come from the database: the demo's published items, newest first, not the draft.
my $x = xml_of($ua, '/portail/');
my @titles = map { $_->textContent } $x->findnodes('/page/home/news/item/title');
ok(@titles >= 3, 'XML lists the published news') or diag(scalar @titles);
for my $t (@titles) { like($html, qr/\Q$t\E/, "news « $t » shown in the page") }
my @iso = map { $_->getAttribute('iso') } $x->findnodes('/page/home/news/item/published');
is_deeply(\@iso, [sort { $b cmp $a } @iso], 'news are sorted newest first');
my ($draft) = Portail::Test::sql_query("SELECT title FROM news WHERE visible = 0");
ok(!grep({ defined $draft && $_ eq $draft } @titles), 'a draft is not shown');
like(($x->findnodes('/page/home/news/item/published'))[0]->textContent,
     qr/^(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \d/,
     'dates are written the French way');

# Security headers on every page.
for my $path ('/portail/', '/portail/connexion', '/portail/nulle-part') {
    my $h = $ua->get(url($path));
    my $csp = $h->header('Content-Security-Policy') // '';
    like($csp, qr/default-src 'self'/, "$path: CSP restricts to the portal's origin");
    like($csp, qr/frame-ancestors 'none'/, "$path: CSP forbids framing");
    is($h->header('X-Content-Type-Options'), 'nosniff', "$path: nosniff");
    ok($h->header('Referrer-Policy'), "$path: Referrer-Policy");
}

# The XML of a screen: ?format=xml and Accept: application/xml.
$r = $ua->get(url('/portail/?format=xml'));
is($r->code, 200, '?format=xml answers 200');
like($r->header('Content-Type'), qr{^application/xml}, '?format=xml is XML');
$r = $ua->get(url('/portail/'), Accept => 'application/xml');
like($r->header('Content-Type'), qr{^application/xml}, 'Accept: application/xml gives XML');
like($r->decoded_content, qr{<page screen="home"}, 'XML root is <page>');

# Errors are French screens with the right status.
$r = $ua->get(url('/portail/nulle-part'));
is($r->code, 404, 'unknown page: 404');
like($r->decoded_content, qr/introuvable/i, '404 screen is in French');
like($r->header('Content-Type'), qr{text/html}, '404 is the portal\'s page, not Apache\'s');
$r = $ua->get(url('/portail/deconnexion'));
is($r->code, 405, 'GET on a POST-only URL: 405');
like($r->header('Allow') // '', qr/POST/, '405 says which method is allowed');
$r = $ua->get(url('/portail'));
is($r->code, 301, '/portail redirects to /portail/');
$r = $ua->get(url('/portail/?x=%FF'));
is($r->code, 400, 'invalid UTF-8 in the query string: 400');
like($r->decoded_content, qr/<html/, '400 is a page of the portal');

# The town's colour as a stylesheet (no inline style).
$r = $ua->get(url('/portail/theme.css'));
is($r->code, 200, 'theme.css answers');
like($r->decoded_content, qr/--couleur:\s*#[0-9a-fA-F]{6}/, 'theme.css sets the town colour');

done_testing();
