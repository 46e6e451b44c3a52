# The configuration as a webmaster varies it: a second town served by the same Apache
# (a <VirtualHost> with its own PortailTown, PortailColour and PortailBaseURL, the rest
# inherited), and a form limit set for one <Location> only.
use strict;
use warnings;
use utf8;
use Apache::Test qw(-withtestmore);
use Apache::TestRequest ();
use lib 't/lib';
use Portail::Test qw(client url xml_of);

my $ua = client();

# The main server: its town, and the absolute PortailBaseURL it was given.
my $main = url('/portail');
my $site = xml_of($ua, '/portail/')->findnodes('/page/site')->[0];
is($site->getAttribute('town'), 'Ville-de-Démo', 'the main server is the town of its PortailTown');
is($site->getAttribute('public'), $main, 'with the public URL of its PortailBaseURL');

# The second town: its own name and colour, pages rendered with the inherited stylesheets
# and database; its relative PortailBaseURL makes its links its own, never the main
# server's absolute URL (mails and calendar feeds would send its families to the other town).
Apache::TestRequest::module('portail_autre_ville');
my $other = url('/portail');
isnt($other, $main, 'the second town has its own address');
$site = xml_of($ua, '/portail/')->findnodes('/page/site')->[0];
is($site->getAttribute('town'), 'Autre-Ville', 'the second town has its own name');
is($site->getAttribute('public'), $other, 'and its own public URL');
my $r = $ua->get(url('/portail/'));
is($r->code, 200, 'its home page renders');
# It shares the main server's mod_dbd configuration: the statements are registered once.
my $conflicts = () = do {
    open my $log, '<', Apache::Test::vars('t_logs') . '/error_log' or die "error_log: $!";
    grep { /conflicting SQL statements/ } <$log>;
};
is($conflicts, 0, 'no statement registered twice with mod_dbd (AH02653)');
like($r->decoded_content, qr/Autre-Ville/, 'in its name');
unlike($r->decoded_content, qr/Ville-de-Démo/, 'never in the other town\'s');
$r = $ua->get(url('/portail/theme.css'));
like($r->decoded_content, qr/#7a1f1f/i, 'in its colour');
$r = $ua->get(url('/portail/connexion'));
is($r->code, 200, 'its login page renders (the database is inherited)');
Apache::TestRequest::module('default');
like($ua->get(url('/portail/theme.css'))->decoded_content, qr/#1f4e8c/i,
     'the main server keeps its colour');

# PortailMaxFormFields 20 for the login page only.
my $query = join('&', map { "champ$_=x" } 1 .. 21);
is($ua->get(url("/portail/connexion?$query"))->code, 413,
   '21 parameters are refused on the login page (PortailMaxFormFields 20 there)');
$query = join('&', map { "champ$_=x" } 1 .. 20);
is($ua->get(url("/portail/connexion?$query"))->code, 200, '20 are accepted there');
$query = join('&', map { "champ$_=x" } 1 .. 21);
is($ua->get(url("/portail/?$query"))->code, 200, 'elsewhere the server\'s limit (500) holds');

done_testing();
