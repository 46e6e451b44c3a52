# Photo storage is bounded: a family has at most PortailPhotosPending (3) photos waiting,
# a refused, cancelled or replaced photo is deleted when its request closes, and
# `portail-ctl purge` sweeps orphan photos and interrupted uploads older than an hour,
# saying what it removes (--dry-run removes nothing).
use strict;
use warnings;
use utf8;
use Apache::Test qw(-withtestmore);
use HTTP::Request::Common qw(POST);
use lib 't/lib';
use Portail::Test qw(client url csrf_of login sql_query new_family ctl);

my ($fam, $ua) = new_family('STCK-2345-6789', 'STOCKAGE', 'stockage@exemple.fr', 'Stockage-famille-2026');
sql_query("INSERT INTO children (family_id, nom, prenom, date_naissance) VALUES ($fam, 'Stockage', 'Zoé', '2018-05-02')");
my ($child) = sql_query("SELECT id FROM children WHERE family_id = $fam");
my $path = "/portail/famille/dossier/enfant/$child/photo";
my $csrf = csrf_of($ua->get(url($path))->decoded_content);
my $data = Apache::Test::vars('t_dir') . '/data';
my $photos = "$data/photos";
my $jpeg = "\xFF\xD8\xFF\xE0\x00\x10JFIF\x00" . ("\x42" x 2000) . "\xFF\xD9";
sub upload {
    return $ua->request(POST url($path), Content_Type => 'form-data',
        Content => [ csrf => $csrf, photo => [ undef, 'zoe.jpg', 'Content-Type' => 'image/jpeg', Content => $jpeg ] ]);
}
sub pending { sql_query("SELECT rc.request_id || ' ' || rc.new_value FROM request_changes rc JOIN requests r ON r.id = rc.request_id "
                        . "WHERE r.family_id = $fam AND rc.field = 'photo' AND r.status = 'en_attente' ORDER BY rc.id") }
sub tmp_files { opendir my $d, "$data/tmp" or return 0; scalar grep { !/^\./ } readdir $d }

# Three photos may wait at once; the fourth is refused and not kept.
is(upload()->code, 303, "photo $_ sent") for 1 .. 3;
my @p = map { [split / /] } pending();
is(scalar @p, 3, 'three requests wait');
ok(-e "$photos/$_->[1]", 'its file is stored') for @p;
my $tmp_before = tmp_files();
my $r = upload();
is($r->code, 400, 'a fourth photo while three wait: 400');
like($r->decoded_content, qr/déjà 3 photos en attente/, 'said in French');
is(scalar(() = pending()), 3, 'no fourth request');
is(tmp_files(), $tmp_before, 'its upload is not kept in tmp/ either');

# Refused by an agent: deleted.  Cancelled by the family: deleted.
my $agent = client();
login($agent, 'agent@demo.portail.fr', 'Agent-demo-2026');
my $acsrf = csrf_of($agent->get(url('/portail/admin/dossiers'))->decoded_content);
is($agent->post(url("/portail/admin/dossiers/$p[0][0]/refuser"), { csrf => $acsrf, message => 'Floue.' })->code,
   303, 'an agent refuses the first');
ok(!-e "$photos/$p[0][1]", 'the refused photo is deleted');
is($ua->post(url("/portail/famille/demandes/$p[1][0]/annuler"), { csrf => $csrf })->code, 303,
   'the family cancels the second');
ok(!-e "$photos/$p[1][1]", 'the cancelled photo is deleted');
# Accepted: kept as the child's photo; replaced later: the old one goes.
is($agent->post(url("/portail/admin/dossiers/$p[2][0]/accepter"), { csrf => $acsrf })->code, 303,
   'the third is accepted');
ok(-e "$photos/$p[2][1]", 'the accepted photo is kept');
is(upload()->code, 303, 'a new photo can be sent now');
my ($next) = map { [split / /] } pending();
is($agent->post(url("/portail/admin/dossiers/$next->[0]/accepter"), { csrf => $acsrf })->code, 303,
   'and is accepted');
ok(!-e "$photos/$p[2][1]", 'the photo it replaced is deleted');
ok(-e "$photos/$next->[1]", 'the new one is there');

# portail-ctl purge: orphans and interrupted uploads older than an hour.
my $old = time - 7200;
sub touch { my ($f, $t) = @_; open my $fh, '>', $f or die "$f: $!"; print $fh 'x'; close $fh; utime $t, $t, $f }
mkdir "$data/tmp";
touch("$photos/orphelin-ancien.jpg", $old);
touch("$photos/orphelin-recent.jpg", time);
touch("$data/tmp/envoi-ancien", $old);
touch("$data/tmp/envoi-recent", time);
utime $old, $old, "$photos/$next->[1]";                  # old, but the child's photo
my ($rc, $out) = ctl('--data-dir', $data, '--dry-run', 'purge');
is($rc, 0, 'purge --dry-run runs') or diag($out);
like($out, qr{photos/orphelin-ancien\.jpg .*à supprimer}, 'it names the old orphan');
like($out, qr{tmp/envoi-ancien .*à supprimer}, 'and the interrupted upload');
ok(-e "$photos/orphelin-ancien.jpg" && -e "$data/tmp/envoi-ancien", 'but removes nothing');
($rc, $out) = ctl('--data-dir', $data, 'purge');
is($rc, 0, 'purge runs') or diag($out);
like($out, qr{photos/orphelin-ancien\.jpg .*supprimé}, 'it says what it removed');
ok(!-e "$photos/orphelin-ancien.jpg", 'the old orphan photo is gone');
ok(!-e "$data/tmp/envoi-ancien", 'the old temporary file is gone');
ok(-e "$photos/orphelin-recent.jpg", 'a recent file is left (its request may be running)');
ok(-e "$data/tmp/envoi-recent", 'a recent upload too');
ok(-e "$photos/$next->[1]", "the child's photo is kept");
unlike($out, qr/\Q$next->[1]\E/, 'and not listed');
like($out, qr/sessions expirées : \d+/, 'sessions are purged as before');
unlink "$photos/orphelin-recent.jpg", "$data/tmp/envoi-recent";

done_testing();
