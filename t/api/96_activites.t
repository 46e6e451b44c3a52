# Agents define activities (rules written « J-2 10:00 »), their periods, and the closures
# (one by one or from a CSV file, all or nothing).
use strict;
use warnings;
use utf8;
use Apache::Test qw(-withtestmore);
use HTTP::Request::Common qw(POST);
use lib 't/lib';
use Portail::Test qw(client url csrf_of login sql_query xml_of);

my $agent = client();
login($agent, 'agent@demo.portail.fr', 'Agent-demo-2026');
my $r = $agent->get(url('/portail/admin/activites/nouvelle'));
is($r->code, 200, 'the activity form answers');
my $csrf = csrf_of($r->decoded_content);
my %a = (csrf => $csrf, name => 'Atelier théâtre', type => 'EXTRA', description => '', place => 'Salle des fêtes',
         age_min => '8', age_max => '6', capacity => '12', start_time => '14:00', end_time => '16:00',
         booking_rule => 'J+2 10h', cancel_rule => 'J-1 ouvrés 18:00', late_policy => 'majoration', surcharge => '20 %',
         validation => '1', waiting_list => '1');
my ($before) = sql_query('SELECT count(*) FROM activities');
$r = $agent->post(url('/portail/admin/activites/nouvelle'), \%a);
is($r->code, 400, 'a wrong rule and ages: 400');
like($r->decoded_content, qr/href="#f-booking_rule"/, 'the rule error is linked to its field');
like($r->decoded_content, qr/href="#f-age_max"/, 'so is the age error');
like($r->decoded_content, qr/value="J\+2 10h"/, 'what was typed is kept');
is((sql_query('SELECT count(*) FROM activities'))[0], $before, 'nothing created');

$a{booking_rule} = 'J-2 10:00';
$a{age_max} = '12';
$r = $agent->post(url('/portail/admin/activites/nouvelle'), \%a);
is($r->code, 303, 'the activity is created');
my ($id) = $r->header('Location') =~ m{/activites/(\d+)$};
my ($rule) = sql_query("SELECT cancel_rule FROM activities WHERE id = $id");
is($rule, 'J-1 ouvrés 18:00', 'the cancellation rule in working days is kept as written');
my ($pct) = sql_query("SELECT surcharge_pct FROM activities WHERE id = $id");
is($pct, 20, 'the surcharge is a percentage');

# Periods.
$r = $agent->post(url("/portail/admin/activites/$id/periodes"), { csrf => $csrf, date_debut => '2027-01-04', date_fin => '2027-02-30', j3 => '1' });
is($r->code, 400, 'a period ending on 30 February: 400');
$r = $agent->post(url("/portail/admin/activites/$id/periodes"), { csrf => $csrf, date_debut => '2027-01-04', date_fin => '2027-06-30', j3 => '1', j6 => '1' });
is($r->code, 303, 'a period is added');
is((sql_query("SELECT weekdays FROM activity_periods WHERE activity_id = $id"))[0], '0010010', 'on Wednesdays and Saturdays');
my $x = xml_of($agent, '/portail/admin/activites');
is($x->findvalue("//admin-activites/activite[\@id = '$id']/\@periodes"), 1, 'the list counts its periods');

# Closures: CSV all or nothing.
my ($closures) = sql_query('SELECT count(*) FROM closures');
my $bad = "date_debut;date_fin;libelle\n2027-02-06;2027-02-21;Vacances d'hiver\n2027-04-10;2027-04-31;Vacances de printemps\n";
$r = $agent->request(POST url('/portail/admin/fermetures/import'), Content_Type => 'form-data',
    Content => [ csrf => $csrf, fichier => [ undef, 'vacances.csv', 'Content-Type' => 'text/csv', Content => $bad ] ]);
is($r->code, 400, 'a CSV with a wrong date: 400');
like($r->decoded_content, qr/ligne 3/, 'the line is named');
is((sql_query('SELECT count(*) FROM closures'))[0], $closures, 'nothing imported');
(my $good = $bad) =~ s/2027-04-31/2027-04-25/;
$r = $agent->request(POST url('/portail/admin/fermetures/import'), Content_Type => 'form-data',
    Content => [ csrf => $csrf, fichier => [ undef, 'vacances.csv', 'Content-Type' => 'text/csv', Content => $good ] ]);
is($r->code, 303, 'a good CSV is imported');
is((sql_query('SELECT count(*) FROM closures'))[0], $closures + 2, 'both closures');
$r = $agent->post(url('/portail/admin/fermetures'), { csrf => $csrf, date_debut => '2027-05-14', date_fin => '2027-05-14', label => 'Pont de l\'Ascension', activite => $id });
is($r->code, 303, 'a closure of one activity is added');

my $parent = client();
login($parent, 'parent@demo.portail.fr', 'Parent-demo-2026');
is($parent->get(url('/portail/admin/activites'))->code, 403, 'a parent: 403');

done_testing();
