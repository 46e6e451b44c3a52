# Children's photos: a multipart upload checked by its content, stored outside the web
# root and served only after the access check; truncated, oversized or disguised files
# are refused and nothing is stored.
use strict;
use warnings;
use utf8;
use Apache::Test qw(-withtestmore);
use HTTP::Request::Common qw(POST);
use lib 't/lib';
use Portail::Test qw(client url csrf_of login sql_query new_family);

my ($fam, $ua) = new_family('PHTS-2345-6789', 'PHOTO', 'lina.photo@exemple.fr', 'Photo-famille-2026');
sql_query("INSERT INTO children (family_id, nom, prenom, date_naissance) VALUES ($fam, 'Photo', 'Lina', '2018-05-02')");
my ($child) = sql_query("SELECT id FROM children WHERE family_id = $fam");
my $form = $ua->get(url("/portail/famille/dossier/enfant/$child/photo"));
is($form->code, 200, 'the photo form answers');
like($form->decoded_content, qr/enctype="multipart\/form-data"/, 'it is sent as multipart');
like($form->decoded_content, qr/<input type="file" id="f-photo" name="photo"[^>]*accept="image\/jpeg,image\/png"/, 'with a file input');
my $csrf = csrf_of($form->decoded_content);
my $path = "/portail/famille/dossier/enfant/$child/photo";
my $photos = Apache::Test::vars('t_dir') . '/data/photos';
sub stored { opendir my $d, $photos or return 0; scalar grep { !/^\./ } readdir $d }
sub requests { (sql_query("SELECT count(*) FROM requests WHERE family_id = $fam"))[0] }
sub upload {
    my ($bytes, $name, $type) = @_;
    return $ua->request(POST url($path), Content_Type => 'form-data',
        Content => [ csrf => $csrf, photo => [ undef, $name, 'Content-Type' => $type, Content => $bytes ] ]);
}

# A PDF renamed .jpg: refused by its content.
my ($before, $reqs) = (stored(), requests());
my $r = upload("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n", 'photo.jpg', 'image/jpeg');
is($r->code, 400, 'a PDF renamed .jpg: 400');
like($r->decoded_content, qr/n'est pas une photo/, 'said clearly');
is(stored(), $before, 'nothing stored');
is(requests(), $reqs, 'no request made');

# Too large: 413 before the body is read.
$r = upload('x' x (20 * 1024 * 1024), 'grande.jpg', 'image/jpeg');
is($r->code, 413, 'a 20 MB photo: 413');
like($r->decoded_content, qr/trop volumineux/, 'said clearly');
is(stored(), $before, 'nothing stored');

# A truncated body: no closing delimiter.
my $body = "--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n$csrf\r\n"
         . "--XyZ\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"a.jpg\"\r\n"
         . "Content-Type: image/jpeg\r\n\r\n\xFF\xD8\xFF\xE0 cut here";
my $req = HTTP::Request->new(POST => url($path), [ 'Content-Type' => 'multipart/form-data; boundary=XyZ' ], $body);
$r = $ua->request($req);
is($r->code, 400, 'a truncated multipart body: 400');
is(stored(), $before, 'nothing stored');
is(requests(), $reqs, 'no request made');

# A real JPEG (its first bytes): a request, the pending photo visible to the family.
my $jpeg = "\xFF\xD8\xFF\xE0\x00\x10JFIF\x00" . ("\x42" x 2000) . "\xFF\xD9";
$r = upload($jpeg, 'C:\\Users\\moi\\Lina.jpg', 'image/jpeg');
is($r->code, 303, 'a JPEG photo is sent');
is(requests(), $reqs + 1, 'as a change request');
is(stored(), $before + 1, 'its file is stored in the data directory');
my ($name) = sql_query("SELECT rc.new_value FROM request_changes rc JOIN requests r ON r.id = rc.request_id WHERE r.family_id = $fam AND rc.field = 'photo'");
like($name, qr/^[A-Za-z0-9_-]{43}\.jpg$/, 'under a random name, not the one sent');
like($ua->get(url('/portail/famille/dossier'))->decoded_content, qr{src="/portail/famille/photos/\Q$name\E"}, 'the dossier shows the pending photo');
$r = $ua->get(url("/portail/famille/photos/$name"));
is($r->code, 200, 'the family sees its photo');
is($r->header('Content-Type'), 'image/jpeg', 'as a JPEG');
is($r->content, $jpeg, 'byte for byte');
like($r->header('Cache-Control') // '', qr/private/, 'never in a shared cache');

# Nobody else does.
my $other = client();
login($other, 'parent@demo.portail.fr', 'Parent-demo-2026');
is($other->get(url("/portail/famille/photos/$name"))->code, 404, "another family's photo: 404");
is($other->get(url('/portail/famille/photos/..%2F..%2Fconf%2Fhttpd.conf'))->code, 404, 'a path is no photo name: 404');
is(client()->get(url("/portail/famille/photos/$name"))->code, 303, 'anonymous: to the login page');
my $agent = client();
login($agent, 'agent@demo.portail.fr', 'Agent-demo-2026');
is($agent->get(url("/portail/admin/photos/$name"))->code, 200, 'agents see it');
ok(!-e Apache::Test::vars('documentroot') . "/$name", 'it is not under the web root');

# Accepted: it becomes the child's photo.
my ($req_id) = sql_query("SELECT id FROM requests WHERE family_id = $fam AND status = 'en_attente'");
my $acsrf = csrf_of($agent->get(url('/portail/admin/dossiers'))->decoded_content);
is($agent->post(url("/portail/admin/dossiers/$req_id/accepter"), { csrf => $acsrf })->code, 303, 'the agent accepts');
is((sql_query("SELECT photo FROM children WHERE id = $child"))[0], $name, 'the child has the photo');

done_testing();
