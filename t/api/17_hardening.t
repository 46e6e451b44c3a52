# The reviewer's findings that are not database failures: uploads refused before their
# body is read when anonymous or forged (CSRF must be the first part), multipart field
# names checked, the closures CSV import's error report capped, portail-ctl
# import-families on a file without a final newline and its report capped, portail-ctl
# mail never sending a mail it cannot mark sent.
use strict;
use warnings;
use utf8;
use Apache::Test qw(-withtestmore);
use HTTP::Request;
use HTTP::Request::Common qw(POST);
use Time::HiRes qw(time);
use lib 't/lib';
use Portail::Test qw(client url csrf_of login sql_query new_family ctl smtp_server csv_file);

sub multipart {
    my ($ua, $path, @parts) = @_;
    my $body = join('', map { "--XyZ\r\nContent-Disposition: form-data; $_->[0]\r\n\r\n$_->[1]\r\n" } @parts) . "--XyZ--\r\n";
    return $ua->request(HTTP::Request->new(POST => url($path),
        [ 'Content-Type' => 'multipart/form-data; boundary=XyZ' ], $body));
}

# --- uploads -------------------------------------------------------------------------------
my ($fam, $ua) = new_family('BLND-1111-2222', 'BLINDE', 'blinde@exemple.fr', 'Durci-de-base-2026');
sql_query("INSERT INTO children (family_id, nom, prenom, date_naissance) VALUES ($fam, 'DURCI', 'Max', '2018-05-02')");
my ($child) = sql_query("SELECT id FROM children WHERE family_id = $fam");
my $path = "/portail/famille/dossier/enfant/$child/photo";
my $csrf = csrf_of($ua->get(url($path))->decoded_content);
my $jpeg = "\xFF\xD8\xFF\xE0\x00\x10JFIF\x00" . ("\x42" x 2000) . "\xFF\xD9";
my $tmp = Apache::Test::vars('t_dir') . '/data/tmp';
sub requests { (sql_query("SELECT count(*) FROM requests WHERE family_id = $fam"))[0] }
my $reqs = requests();

# Anonymous: refused before the body is read (5 MB sent, answered at once).
my $anon = client();
$anon->get(url('/portail/connexion'));
my $big = 'x' x (5 * 1024 * 1024 - 1024);
my $t0 = time;
my $r = multipart($anon, '/portail/connexion', [ 'name="email"', 'a@b.fr' ],
                  [ 'name="photo"; filename="a.jpg"', $big ]);
is($r->code, 403, 'an anonymous multipart POST: 403');
like($r->decoded_content, qr/ne vient pas du portail/, 'said in French');

# A family's form whose token is not the first part: refused, no file, no request.
$r = multipart($ua, $path, [ 'name="photo"; filename="a.jpg"', $jpeg ], [ 'name="csrf"', $csrf ]);
is($r->code, 403, 'the CSRF token after the file: 403');
$r = multipart($ua, $path, [ 'name="csrf"', 'forged' ], [ 'name="photo"; filename="a.jpg"', $jpeg ]);
is($r->code, 403, 'a forged token first: 403');
is(requests(), $reqs, 'no request made');
opendir(my $dh, $tmp) or die "no $tmp";
my @left = grep { !/^\./ } readdir $dh;
closedir $dh;
is(scalar @left, 0, 'no temporary file left');

# Field names must be UTF-8.
$r = multipart($ua, $path, [ 'name="csrf"', $csrf ], [ "name=\"pr\xE9nom\"", 'x' ],
               [ 'name="photo"; filename="a.jpg"', $jpeg ]);
is($r->code, 400, 'a field name in Latin-1: 400');
is(requests(), $reqs, 'nothing done');

# The right order still works.
$r = multipart($ua, $path, [ 'name="csrf"', $csrf ], [ 'name="photo"; filename="a.jpg"', $jpeg ]);
is($r->code, 303, 'the token first, then the photo: accepted');
is(requests(), $reqs + 1, 'as a request');

# --- the closures CSV import ---------------------------------------------------------------
my $agent = client();
login($agent, 'agent@demo.portail.fr', 'Agent-demo-2026');
my $acsrf = csrf_of($agent->get(url('/portail/admin/fermetures'))->decoded_content);
my ($closures) = sql_query('SELECT count(*) FROM closures');
my $line = "2027-02-06,2027-02-21,Vacances d'hiver de la zone B\n";
my $csv = $line x int(320 * 1024 / length $line);
$t0 = time;
$r = $agent->request(POST url('/portail/admin/fermetures/import'), Content_Type => 'form-data',
    Content => [ csrf => $acsrf, fichier => [ undef, 'vacances.csv', 'Content-Type' => 'text/csv', Content => $csv ] ]);
my $took = time - $t0;
is($r->code, 400, 'a 320 kB CSV written with « , »: 400');
my $n = () = $csv =~ /\n/g;
like($r->decoded_content, qr/ligne 20 : 3 champs attendus/, 'the first errors by line');
unlike($r->decoded_content, qr/ligne 21 :/, 'twenty of them');
like($r->decoded_content, qr/et @{[ $n - 20 ]} autres erreurs/, 'the others counted');
cmp_ok(length $r->content, '<', 30_000, 'a page of reasonable size');
cmp_ok($took, '<', 10, 'answered in reasonable time');
is((sql_query('SELECT count(*) FROM closures'))[0], $closures, 'nothing imported');

# --- portail-ctl import-families -----------------------------------------------------------
my ($rc, $out) = ctl('import-families', csv_file('reference;type;nom;prenom'));
isnt($rc, 0, 'a header without a final newline and no line: refused');
like($out, qr/pas de ligne après l'en-tête/, 'for what it is');
($rc, $out) = ctl('import-families', csv_file("reference;type;nom;prenom\n" . ("F1;parent;X;Y\n" x 5000)));
isnt($rc, 0, 'five thousand bad lines: refused');
like($out, qr/et 4800 autres erreurs/, 'the first 200 errors, the others counted');
cmp_ok(scalar(() = $out =~ /\n/g), '<', 210, 'in about two hundred lines');

# --- portail-ctl mail ----------------------------------------------------------------------
SKIP: {
    my ($port, $maildir) = smtp_server();
    my @smtp = ('--smtp', "smtp://127.0.0.1:$port", '--smtp-security', 'none',
                '--from', 'Mairie de Ville-de-Démo <portail@demo.portail.fr>');
    sql_query("DELETE FROM outbox");
    ctl('mail-test', "un\@exemple.fr");
    ctl('mail-test', "deux\@exemple.fr");
    local $ENV{PORTAIL_FAULT} = 'portail_mail_sent=lost*';
    ($rc, $out) = ctl(@smtp, 'mail');
    skip 'portail-ctl built without --enable-fault-injection', 5 if $out =~ /PORTAIL_FAULT/;
    opendir my $md, "$maildir/new" or die;
    is(scalar(grep { !/^\./ } readdir $md), 0,
       'a mail that cannot be marked sent is not sent at all (marked before the final « . »)');
    closedir $md;
    isnt($rc, 0, 'the run says it could not send');
    is((sql_query("SELECT count(*) FROM outbox WHERE state = 'a_envoyer' AND last_error IS NOT NULL"))[0], 2,
       'both mails back in the queue with their error');
    delete $ENV{PORTAIL_FAULT};
    sql_query("UPDATE outbox SET next_attempt_at = 0");
    ($rc, $out) = ctl(@smtp, 'mail');
    opendir $md, "$maildir/new" or die;
    is(scalar(grep { !/^\./ } readdir $md), 2, 'the next run sends both: each once');
    is((sql_query("SELECT count(*) FROM outbox WHERE state = 'envoye'"))[0], 2, 'both counted sent');
}

done_testing();
