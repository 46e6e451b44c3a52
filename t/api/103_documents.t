# Documents (issue 16): a family sends a file checked by its bytes, agents accept it with
# its validity or refuse it with a message, activities require valid documents at
# pré-inscription, an expiring document is announced once, a medical certificate excuses
# the child's absences, and nobody sees another family's file.
use strict;
use warnings;
use utf8;
use Apache::Test qw(-withtestmore);
use HTTP::Request::Common qw(POST);
use lib 't/lib';
use Portail::Test qw(client url csrf_of login sql_query new_family new_children new_activity
                     day ctl xml_of);

my ($fam, $ua) = new_family('DOCS-1034-5678', 'DOCUMENT', 'lea.document@exemple.fr', 'Document-famille-2026');
my ($kid1, $kid2) = new_children($fam, 'DOCUMENT', 2);
my $agent = client();
login($agent, 'agent@demo.portail.fr', 'Agent-demo-2026');
sub type_id { (sql_query("SELECT id FROM document_types WHERE label = '$_[0]'"))[0] }
my $assurance = type_id("Attestation d''assurance");
my $domicile = type_id('Justificatif de domicile');
my $certificat = type_id('Certificat médical');
my $dir = Apache::Test::vars('t_dir') . '/data/documents';
sub stored { opendir my $d, $dir or return 0; scalar grep { !/^\./ } readdir $d }
sub count { (sql_query("SELECT count(*) FROM $_[0] WHERE family_id = $fam"))[0] }

# --- the form ----------------------------------------------------------------------------
my $page = $ua->get(url('/portail/famille/documents'));
is($page->code, 200, '« Envoyer un document » answers');
like($page->decoded_content, qr/enctype="multipart\/form-data"/, 'a multipart form');
like($page->decoded_content, qr/<option value="\Q$assurance\E">Attestation d&#39;assurance|<option value="\Q$assurance\E">Attestation d'assurance/, 'the types agents manage');
like($page->decoded_content, qr/<option value="enfant-$kid1">Enfant1 DOCUMENT/, 'each member of the family');
my $csrf = csrf_of($page->decoded_content);

sub send_doc {
    my ($type, $concerne, $bytes, $name, $mime) = @_;
    return $ua->request(POST url('/portail/famille/documents'), Content_Type => 'form-data',
        Content => [ csrf => $csrf, type => $type, concerne => $concerne,
                     fichier => [ undef, $name, 'Content-Type' => $mime, Content => $bytes ] ]);
}
my $pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" . ('x' x 500) . "\n%%EOF\n";

# --- bad input: nothing stored, no request -----------------------------------------------
my ($files, $docs, $reqs) = (stored(), count('documents'), count('requests'));
my $r = send_doc($assurance, "enfant-$kid1", "<html><body><script>alert(1)</script></body></html>", 'assurance.pdf', 'application/pdf');
is($r->code, 400, 'an HTML page renamed .pdf: 400');
like($r->decoded_content, qr/ni un PDF, ni une image JPEG ou PNG/, 'said clearly');
like($r->decoded_content, qr/<option value="enfant-$kid1" selected/, 'the form again with what was chosen');
$r = send_doc($assurance, "enfant-$kid1", "%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n", 'piege.pdf', 'application/pdf');
is($r->code, 400, 'a PDF with JavaScript: 400');
like($r->decoded_content, qr/contient du code JavaScript/, 'said clearly');
$r = send_doc($assurance, "enfant-$kid1", '', 'vide.pdf', 'application/pdf');
is($r->code, 400, 'an empty file: 400');
like($r->decoded_content, qr/Le fichier est vide/, 'said clearly');
$r = send_doc($assurance, "enfant-$kid1", '%PDF-1.4' . ('x' x (6 * 1024 * 1024)), 'grand.pdf', 'application/pdf');
is($r->code, 413, 'over PortailMaxUploadSize: 413');
like($r->decoded_content, qr/trop volumineux/, 'said clearly');
my ($other_child) = sql_query("SELECT id FROM children WHERE family_id <> $fam ORDER BY id LIMIT 1");
is(send_doc($assurance, "enfant-$other_child", $pdf, 'a.pdf', 'application/pdf')->code, 404, "another family's child: 404");
my ($other_fam) = sql_query("SELECT family_id FROM children WHERE id = $other_child");
is(send_doc($assurance, "famille-$other_fam", $pdf, 'a.pdf', 'application/pdf')->code, 404, 'another family: 404');
is(send_doc(999999, "enfant-$kid1", $pdf, 'a.pdf', 'application/pdf')->code, 400, 'no such type: 400');
is(stored(), $files, 'no file kept');
is(count('documents'), $docs, 'no document recorded');
is(count('requests'), $reqs, 'no request made');

# --- upload -> queue -> accept -> valid ---------------------------------------------------
$r = send_doc($assurance, "enfant-$kid1", $pdf, 'Attestation 2026.pdf', 'application/octet-stream');
is($r->code, 303, 'a real PDF is sent');
is(stored(), $files + 1, 'its file is kept in the data directory');
my ($doc) = sql_query("SELECT max(id) FROM documents WHERE family_id = $fam");
my ($file) = sql_query("SELECT file_name FROM documents WHERE id = $doc");
my ($req) = sql_query("SELECT request_id FROM documents WHERE id = $doc");
my ($state) = sql_query("SELECT state FROM documents WHERE id = $doc");
like($file, qr/^[A-Za-z0-9_-]{43}\.pdf$/, 'under a random name');
is($state, 'en_attente', 'waiting for the town');
is((sql_query("SELECT mime FROM documents WHERE id = $doc"))[0], 'application/pdf', 'its type from its bytes, not the declared one');
like($ua->get(url('/portail/famille/demandes'))->decoded_content, qr/Document : Attestation d(?:&#39;|')assurance/, 'a request in « Mes demandes »');

$r = $ua->get(url("/portail/famille/documents/$doc"));
is($r->code, 200, 'the family downloads it');
is($r->header('Content-Type'), 'application/pdf', 'as a PDF');
is($r->header('Content-Disposition'), "attachment; filename=\"document-$doc.pdf\"", 'as an attachment');
is($r->header('X-Content-Type-Options'), 'nosniff', 'never sniffed');
is($r->content, $pdf, 'byte for byte');
my $other = client();
login($other, 'parent@demo.portail.fr', 'Parent-demo-2026');
is($other->get(url("/portail/famille/documents/$doc"))->code, 404, "another family's document: 404");
is($other->get(url('/portail/famille/documents/99999999'))->code, 404, 'no such document: 404');
ok($ua->get(url("/portail/admin/documents/$doc/fichier"))->code =~ /^40[34]$/, 'the agents\' URL is for agents');
$r = $agent->get(url("/portail/admin/documents/$doc/fichier"));
is($r->code, 200, 'agents download it');
like($r->header('Content-Disposition') // '', qr/^attachment/, 'as an attachment too');

$page = $agent->get(url('/portail/admin/documents'));
is($page->code, 200, 'the agents\' queue answers');
like($page->decoded_content, qr{/admin/documents/$req/accepter}, 'the request is in it');
like($page->decoded_content, qr{/admin/documents/$doc/fichier}, 'with its file');
my $acsrf = csrf_of($page->decoded_content);
$r = $agent->post(url("/portail/admin/documents/$req/accepter"), { csrf => $acsrf });
is($r->code, 400, 'accepted without its end of validity: 400');
like($r->decoded_content, qr/date de fin de validité/, 'said clearly');
is((sql_query("SELECT state FROM documents WHERE id = $doc"))[0], 'en_attente', 'nothing done');
$r = $agent->post(url("/portail/admin/documents/$req/accepter"), { csrf => $acsrf, valide_au => day(200) });
is($r->code, 303, 'accepted with its end of validity');
is((sql_query("SELECT state || ':' || valid_until FROM documents WHERE id = $doc"))[0], 'acceptee:' . day(200), 'valid until that day');
is((sql_query("SELECT status FROM requests WHERE id = $req"))[0], 'acceptee', 'its request accepted');
is($agent->post(url("/portail/admin/documents/$req/accepter"), { csrf => $acsrf, valide_au => day(200) })->code, 409, 'twice: 409');
my $t0 = time;
sql_query("INSERT INTO requests (family_id, kind, status, title, created_at, updated_at) VALUES ($fam, 'dossier', 'en_attente', 'Adresse', $t0, $t0)");
my ($dossier_req) = sql_query("SELECT max(id) FROM requests WHERE family_id = $fam AND kind = 'dossier'");
is($agent->post(url("/portail/admin/documents/$dossier_req/accepter"), { csrf => $acsrf, valide_au => day(200) })->code, 404, 'a request of another queue: 404');
like($agent->get(url("/portail/admin/familles/$fam"))->decoded_content, qr{/admin/documents/$doc/fichier}, "on the family's page");

# --- refuse -> message in « Mes demandes » -----------------------------------------------
my $png = "\x89PNG\r\n\x1A\n" . ("\x00" x 200);
is(send_doc($domicile, "famille-$fam", $png, 'facture.png', 'image/png')->code, 303, 'a PNG is sent');
my ($req2) = sql_query("SELECT request_id FROM documents WHERE family_id = $fam ORDER BY id DESC LIMIT 1");
$r = $agent->post(url("/portail/admin/documents/$req2/refuser"), { csrf => $acsrf, message => '' });
is($r->code, 400, 'refused without a message: 400');
$r = $agent->post(url("/portail/admin/documents/$req2/refuser"), { csrf => $acsrf, message => 'Illisible : envoyez une facture de moins de 3 mois.' });
is($r->code, 303, 'refused with a message');
is((sql_query("SELECT state FROM documents WHERE request_id = $req2"))[0], 'refusee', 'the document is refused');
like($ua->get(url("/portail/famille/demandes/$req2"))->decoded_content, qr/Illisible : envoyez une facture de moins de 3 mois\./, 'the family reads the message');

# --- required documents at pré-inscription -----------------------------------------------
my $act = new_activity('Stage documents', 10, 0);
$r = $agent->get(url("/portail/admin/activites/$act"));
like($r->decoded_content, qr/name="document_$domicile"/, 'the activity form lists the types');
my $x = xml_of($agent, "/portail/admin/activites/$act");
my %form = map { ($_->getAttribute('name') => $_->getAttribute('value') // '') } $x->findnodes('//admin-activite/form//field');
delete $form{$_} for grep { /^document_/ || !length $form{$_} } keys %form;
$r = $agent->post(url("/portail/admin/activites/$act"), { %form, csrf => $acsrf, "document_$domicile" => 1, "document_$assurance" => 1 });
is($r->code, 303, 'the agent requires two types');
is(join(',', sort { $a <=> $b } sql_query("SELECT type_id FROM activity_documents WHERE activity_id = $act")), join(',', sort { $a <=> $b } $domicile, $assurance), 'recorded');
my $pcsrf = csrf_of($ua->get(url("/portail/famille/preinscriptions/nouvelle?activite=$act"))->decoded_content);
my %pre = (csrf => $pcsrf, activite => $act, "enfant_$kid1" => 1, date_debut => day(5), date_fin => day(60), mode => 'reguliere', j1 => 1, j2 => 1);
($reqs) = count('requests');
$r = $ua->post(url('/portail/famille/preinscriptions/nouvelle'), \%pre);
is($r->code, 400, 'a pré-inscription without the documents: 400');
like($r->decoded_content, qr/Il manque — Enfant1 : Justificatif de domicile\./, 'which ones, for whom');
like($r->decoded_content, qr{href="/portail/famille/documents"}, 'a link to « Envoyer un document »');
is(count('requests'), $reqs, 'no request made');
is(send_doc($domicile, "famille-$fam", $pdf, 'edf.pdf', 'application/pdf')->code, 303, 'the family sends the missing one');
my ($req3) = sql_query("SELECT request_id FROM documents WHERE family_id = $fam ORDER BY id DESC LIMIT 1");
is($ua->post(url('/portail/famille/preinscriptions/nouvelle'), \%pre)->code, 400, 'still refused while it waits for the town');
is($agent->post(url("/portail/admin/documents/$req3/accepter"), { csrf => $acsrf, valide_au => day(30) })->code, 303, 'accepted, but ending before the period does');
like($ua->post(url('/portail/famille/preinscriptions/nouvelle'), \%pre)->decoded_content, qr/Justificatif de domicile/, 'not valid over the whole period: still refused');
sql_query("UPDATE documents SET valid_until = '" . day(90) . "' WHERE request_id = $req3");
$r = $ua->post(url('/portail/famille/preinscriptions/nouvelle'), \%pre);
is($r->code, 303, 'valid over the period: the pré-inscription is made');
is(count('requests'), $reqs + 2, 'one request more (and the document\'s)');
%pre = (%pre, "enfant_$kid2" => 1);
delete $pre{"enfant_$kid1"};
like($ua->post(url('/portail/famille/preinscriptions/nouvelle'), \%pre)->decoded_content, qr/Enfant2 : Attestation d(?:&#39;|')assurance/, "a child's document does not count for its sibling");
sql_query("UPDATE documents SET valid_until = '" . day(40) . "' WHERE request_id = $req3");
like($ua->get(url('/portail/espace'))->decoded_content, qr/Documents à fournir.*Justificatif de domicile/s, '« Documents à fournir » on the family\'s space');

# --- the expiry mail, once -----------------------------------------------------------------
sql_query("UPDATE documents SET valid_until = '" . day(10) . "' WHERE id = $doc");
my $mails = sub { (sql_query("SELECT count(*) FROM outbox WHERE template = 'document-expire' AND to_addr = 'lea.document\@exemple.fr'"))[0] };
my ($st, $out) = ctl('document-reminders');
is($st, 0, 'portail-ctl document-reminders runs');
is($mails->(), 1, 'a mail for the document ending in 10 days');
is((sql_query("SELECT count(*) FROM outbox WHERE template = 'document-expire' AND data LIKE '%Attestation d%assurance%' AND data LIKE '%Enfant1%'"))[0], 1, 'naming it and the child');
($st, $out) = ctl('document-reminders');
is($mails->(), 1, 'run again: no second mail');

# --- a medical certificate excuses the child's absences of its period -----------------------
my $t = time;
sql_query("INSERT INTO bookings (child_id, activity_id, day, status, majore, created_at, updated_at) VALUES "
          . "($kid1, $act, '" . day(-2) . "', 'absent', 0, $t, $t), ($kid1, $act, '" . day(-1) . "', 'excuse', 0, $t, $t), "
          . "($kid1, $act, '" . day(-20) . "', 'absent', 0, $t, $t), ($kid2, $act, '" . day(-2) . "', 'absent', 0, $t, $t)");
my $jpeg = "\xFF\xD8\xFF\xE0\x00\x10JFIF\x00" . ("\x42" x 300) . "\xFF\xD9";
is(send_doc($certificat, "enfant-$kid1", $jpeg, 'certificat.jpg', 'image/jpeg')->code, 303, 'a medical certificate for the child');
my ($req4) = sql_query("SELECT request_id FROM documents WHERE family_id = $fam ORDER BY id DESC LIMIT 1");
$r = $agent->post(url("/portail/admin/documents/$req4/accepter"), { csrf => $acsrf, valide_au => day(0) });
is($r->code, 400, 'accepted without the period it covers: 400');
$r = $agent->post(url("/portail/admin/documents/$req4/accepter"), { csrf => $acsrf, valide_du => day(-3), valide_au => day(0) });
is($r->code, 303, 'accepted with its period');
my $today = day(0);
is(join(',', sql_query("SELECT day || ':' || status || ':' || COALESCE(certificat_le, '-') FROM bookings WHERE child_id = $kid1 AND activity_id = $act ORDER BY day")),
   join(',', day(-20) . ':absent:-', day(-2) . ":excuse:$today", day(-1) . ":excuse:$today"), 'its absences in the period are excused, received today; not the others');
is((sql_query("SELECT status FROM bookings WHERE child_id = $kid2 AND activity_id = $act"))[0], 'absent', 'nor its sibling\'s');

# --- types managed by agents -----------------------------------------------------------------
$r = $agent->get(url('/portail/admin/documents/types'));
is($r->code, 200, 'the types screen answers');
$r = $agent->post(url('/portail/admin/documents/types'), { csrf => $acsrf, label => 'Attestation de la médecine du sport', expires => 1 });
is($r->code, 303, 'an agent adds a type');
$r = $agent->post(url('/portail/admin/documents/types'), { csrf => $acsrf, label => 'Attestation de la médecine du sport' });
is($r->code, 409, 'the same name twice: 409');
like($r->decoded_content, qr/porte déjà ce nom/, 'said clearly');

# --- purge: a refused document, old enough, goes with its file ------------------------------
sql_query("UPDATE documents SET created_at = " . ($t - 400 * 86400) . " WHERE request_id = $req2");
my ($gone) = sql_query("SELECT file_name FROM documents WHERE request_id = $req2");
utime $t - 400 * 86400, $t - 400 * 86400, "$dir/$gone";
($st, $out) = ctl('purge', '--data-dir', Apache::Test::vars('t_dir') . '/data');
is($st, 0, 'portail-ctl purge runs');
like($out, qr/documents expirés depuis plus de 12 mois : 1 supprimé/, 'it names the document removed');
is((sql_query("SELECT count(*) FROM documents WHERE request_id = $req2"))[0], 0, 'its row is gone');
ok(!-e "$dir/$gone", 'and its file');
ok(-e "$dir/$file", 'a valid document stays');
($st, $out) = ctl('purge', '--data-dir', Apache::Test::vars('t_dir') . '/data');
like($out, qr/documents expirés depuis plus de 12 mois : 0 supprimé/, 'twice: nothing more');

done_testing();
