# « Actualités »: agents write, preview, publish and unpublish news; the home page shows
# those published and inside their window (also when the page comes from the page cache),
# each on its own page; the text is plain text (paragraphs, line breaks, links), never
# markup; the image is checked by its bytes; bad input gives the form back, nothing done.
# Windows are fixed days around today, two days from its edges (the portal's today is
# Paris's, the test's is the machine's).
use strict;
use warnings;
use utf8;
use Apache::Test qw(-withtestmore);
use HTTP::Request::Common qw(POST);
use Encode ();
use lib 't/lib';
use Portail::Test qw(client url csrf_of login sql_query xml_of day visible_text);

my $agent = client();
login($agent, 'agent@demo.portail.fr', 'Agent-demo-2026');
my $anon = client();
my $parent = client();
login($parent, 'parent@demo.portail.fr', 'Parent-demo-2026');
my $photos = Apache::Test::vars('t_dir') . '/data/photos';
sub stored { opendir my $d, $photos or return 0; scalar grep { !/^\./ } readdir $d }
sub news_count { (sql_query('SELECT count(*) FROM news'))[0] }
sub home { $anon->get(url('/portail/'))->decoded_content }

# The agent's form as a browser sends it: multipart, the CSRF token first.
sub send_form {
    my ($path, %f) = @_;
    my $csrf = csrf_of($agent->get(url('/portail/admin/actualites/nouvelle'))->decoded_content);
    my $img = delete $f{image};
    my @content = (csrf => $csrf, map { ($_ => Encode::encode('UTF-8', $f{$_})) } sort keys %f);
    push @content, image => [ undef, $img->[0], 'Content-Type' => $img->[1], Content => $img->[2] ]
        if $img;
    return $agent->request(POST url($path), Content_Type => 'form-data', Content => \@content);
}
sub post_action {
    my ($id, $what) = @_;
    my $csrf = csrf_of($agent->get(url('/portail/admin/actualites'))->decoded_content);
    return $agent->post(url("/portail/admin/actualites/$id/$what"), { csrf => $csrf });
}

# --- The agents' screens ---------------------------------------------------------------
like($agent->get(url('/portail/admin/'))->decoded_content, qr{href="/portail/admin/actualites"},
     'the dashboard has an « Actualités » tile');
my $r = $agent->get(url('/portail/admin/actualites'));
is($r->code, 200, 'the news list answers');
like($r->decoded_content, qr/Brouillon/, 'it shows the demo draft as a draft');
is($parent->get(url('/portail/admin/actualites'))->code, 403, 'a parent: 403');
$r = $agent->get(url('/portail/admin/actualites/nouvelle'));
is($r->code, 200, 'the form answers');
like($r->decoded_content, qr/enctype="multipart\/form-data"/, 'sent as multipart');
like($r->decoded_content, qr/<input type="file" id="f-image" name="image"[^>]*accept="image\/jpeg,image\/png"/,
     'with an image field');

# --- Bad input: the form again with what was typed, nothing stored ----------------------
my ($n0, $s0) = (news_count(), stored());
$r = send_form('/portail/admin/actualites/nouvelle', title => '  ', body => 'Texte gardé');
is($r->code, 400, 'empty title: 400');
like($r->decoded_content, qr/Indiquez le titre/, 'said in French');
like($r->decoded_content, qr/Texte gardé/, 'the text typed is kept');
like($r->decoded_content, qr/aria-invalid="true"/, 'the field is marked');

$r = send_form('/portail/admin/actualites/nouvelle', title => 'Fenêtre à l\'envers', body => 'x',
               visible_from => day(10), visible_until => day(5));
is($r->code, 400, 'window end before its start: 400');
like($r->decoded_content, qr/ne peut pas précéder son début/, 'said clearly');
like($r->decoded_content, qr/value="Fenêtre à l'envers"/, 'the title typed is kept');
$r = send_form('/portail/admin/actualites/nouvelle', title => 'Date', body => 'x', visible_from => '2026-02-30');
is($r->code, 400, 'an impossible date: 400');

$r = send_form('/portail/admin/actualites/nouvelle', title => 'Image fausse', body => 'x',
               image => [ 'affiche.png', 'image/png', "Bonjour, je suis un texte.\n" x 20 ]);
is($r->code, 400, 'a text file renamed .png: 400');
like($r->decoded_content, qr/JPEG ou PNG/, 'said clearly');
like($r->decoded_content, qr/value="Image fausse"/, 'the title typed is kept');

my $png = "\x89PNG\r\n\x1A\n" . ("\x00" x 64);
$r = send_form('/portail/admin/actualites/nouvelle', title => 'Image énorme', body => 'x',
               image => [ 'grande.png', 'image/png', $png . ("\x00" x (3 * 1024 * 1024)) ]);
is($r->code, 413, 'an image over 2 Mo: 413');
like($r->decoded_content, qr/trop volumineuse/, 'said clearly');
like($r->decoded_content, qr/value="Image énorme"/, 'the form again with the title typed');
is(news_count(), $n0, 'no news recorded by any bad form');
is(stored(), $s0, 'no file kept');

# --- A draft: the agent previews it, the public does not see it -------------------------
my $title = 'Menus <script>alert(1)</script> & fêtes';
my $body = "Les menus sont en ligne : https://www.ville-demo.fr/menus?mois=12&ecole=2.\n"
         . "Voir aussi www.ville-demo.fr/cantine.\n\n<b>Gras</b> <script>alert(2)</script>\n"
         . "<a href=\"javascript:alert(3)\">clic</a>";
$r = send_form('/portail/admin/actualites/nouvelle', title => $title, body => $body, rang => 5);
is($r->code, 303, 'a news is recorded');
my ($id) = ($r->header('Location') // '') =~ m{/admin/actualites/(\d+)$};
ok($id, 'back to its page') or diag($r->header('Location'));
is((sql_query("SELECT visible FROM news WHERE id = $id"))[0], 0, 'as a draft');
is((sql_query("SELECT count(*) FROM audit WHERE object_type = 'actualite' AND object_id = '$id' AND action = 'creation'"))[0],
   1, 'in the journal');
is($anon->get(url("/portail/actualites/$id"))->code, 404, 'a draft: 404 for the public');
is($parent->get(url("/portail/actualites/$id"))->code, 404, 'and for a parent');
unlike(home(), qr/fêtes/, 'not on the home page');
$r = $agent->get(url("/portail/actualites/$id"));
is($r->code, 200, 'an agent previews it');
like($r->decoded_content, qr/Aperçu : cette actualité est un brouillon/, 'told it is a draft');

# --- Published: on the home page and its page, the text as text --------------------------
$r = post_action($id, 'publier');
is($r->code, 303, 'published');
is(post_action($id, 'publier')->code, 409, 'published twice: 409');
my $home = home();
like($home, qr{href="/portail/actualites/$id"}, 'the home page has its tile');
like($home, qr/Menus &lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; fêtes/, 'the title shown as text');
unlike($home, qr/<script>alert/, 'no script from the agent on the home page');
$r = $anon->get(url("/portail/actualites/$id"));
is($r->code, 200, 'its page is public');
my $page = $r->decoded_content;
like($page, qr{<a href="https://www.ville-demo.fr/menus\?mois=12&amp;ecole=2">https://www.ville-demo.fr/menus\?mois=12&amp;ecole=2</a>\.<br>},
     'a web address is a link, the final full stop left out, the line break kept');
like($page, qr{<a href="https://www.ville-demo.fr/cantine">www.ville-demo.fr/cantine</a>}, 'www. addresses too, over https');
like($page, qr{<p>&lt;b&gt;Gras&lt;/b&gt; &lt;script&gt;alert\(2\)&lt;/script&gt;<br>&lt;a href="javascript:alert\(3\)"&gt;clic&lt;/a&gt;</p>},
     'a second paragraph; typed markup is shown as typed');
unlike($page, qr/<script>alert|<b>Gras|<a href="javascript/, 'no markup of the agent reaches the page');
unlike($page, qr/Aperçu/, 'no preview notice for the public');
is((sql_query("SELECT count(*) FROM audit WHERE object_type = 'actualite' AND object_id = '$id' AND action = 'publication'"))[0],
   1, 'publishing is in the journal');
like($agent->get(url('/portail/admin/journal'))->decoded_content, qr/Publication/, 'which says it in French');

# Unpublished: gone from the home page at once, though that page was cached.
my @heads = map { my $h = $anon->get(url('/portail/')); join ' | ', map { $h->header($_) // '' } qw(Cache-Control Vary) } 1 .. 3;
like($heads[0], qr/^no-cache \| Cookie, ?Accept$/, 'the public home page: revalidated, varies with the cookie');
is_deeply([ @heads[1, 2] ], [ $heads[0], $heads[0] ], 'the same headers when it comes from the page cache');
is(post_action($id, 'depublier')->code, 303, 'unpublished');
unlike(home(), qr{/portail/actualites/$id"}, 'gone from the (cached) home page');
is($anon->get(url("/portail/actualites/$id"))->code, 404, 'its page: 404 again');
is(post_action($id, 'depublier')->code, 409, 'unpublished twice: 409');
post_action($id, 'publier');
like(home(), qr{/portail/actualites/$id"}, 'published again: back');

# --- The window: shown inside it, not before, not after ---------------------------------
sub edit {
    my (%f) = @_;
    return send_form("/portail/admin/actualites/$id", title => $title, body => $body, rang => 5, %f);
}
$r = edit(visible_from => day(-10), visible_until => day(-3));
is($r->code, 303, 'a window in the past is recorded');
unlike(home(), qr{/portail/actualites/$id"}, 'a window that ended: not on the home page');
is($anon->get(url("/portail/actualites/$id"))->code, 404, 'nor its page');
like($agent->get(url('/portail/admin/actualites'))->decoded_content, qr/affichage terminé/, 'the list says it ended');
like($agent->get(url("/portail/actualites/$id"))->decoded_content, qr/a pris fin le/, 'the preview says so');
edit(visible_from => day(3), visible_until => day(10));
unlike(home(), qr{/portail/actualites/$id"}, 'a window to come: not yet on the home page');
like($agent->get(url("/portail/actualites/$id"))->decoded_content, qr/la verra à partir du/, 'the preview says when');
edit(visible_from => day(-2), visible_until => day(2));
like(home(), qr{/portail/actualites/$id"}, 'inside its window: on the home page');
is($anon->get(url("/portail/actualites/$id"))->code, 200, 'and its page');

# The edges need no action of the portal: the days pass (here, the row's dates are moved
# behind its back) and the cached home page follows.
home() for 1 .. 2;
sql_query("UPDATE news SET visible_until = '" . day(-2) . "' WHERE id = $id");
unlike(home(), qr{/portail/actualites/$id"}, 'the window closed: gone without any publish action');
sql_query("UPDATE news SET visible_until = NULL, visible_from = '" . day(2) . "' WHERE id = $id");
unlike(home(), qr{/portail/actualites/$id"}, 'before the window opens: not there');
sql_query("UPDATE news SET visible_from = '" . day(-2) . "' WHERE id = $id");
like(home(), qr{/portail/actualites/$id"}, 'the window open: there');

# --- Order: smallest first --------------------------------------------------------------
$r = send_form('/portail/admin/actualites/nouvelle', title => 'En tête', body => 'Premier.', rang => 1);
my ($first) = ($r->header('Location') // '') =~ m{/(\d+)$};
post_action($first, 'publier');
my @ids = map { $_->value } xml_of($anon, '/portail/')->findnodes('/page/home/news/item/@id');
ok(@ids && $ids[0] == $first, 'order 1 comes first') or diag("@ids");
my %pos = map { $ids[$_] => $_ } 0 .. $#ids;
ok(defined $pos{$id} && $pos{$id} == $#ids, 'order 5 after the demo news (order 1)') or diag("@ids");

# --- The image: checked, stored, served with nosniff; replaced and removed --------------
$s0 = stored();
$r = edit(visible_from => day(-2), image_alt => 'Un plateau repas',
          image => [ 'plateau.png', 'image/png', $png ]);
is($r->code, 303, 'a PNG image is recorded');
is(stored(), $s0 + 1, 'its file is stored');
my ($img) = sql_query("SELECT image FROM news WHERE id = $id");
like($img, qr/^[A-Za-z0-9_-]{43}\.png$/, 'under a random name');
like(home(), qr{<img class="actualite-image" src="/portail/actualites/$id/image" alt="Un plateau repas">}, 'the tile shows it, with its text');
$r = $anon->get(url("/portail/actualites/$id/image"));
is($r->code, 200, 'the image is public with its news');
is($r->header('Content-Type'), 'image/png', 'as a PNG');
is($r->header('X-Content-Type-Options'), 'nosniff', 'with nosniff');
is($r->content, $png, 'byte for byte');
is($anon->get(url("/portail/actualites/$first/image"))->code, 404, 'a news without image: 404');
utime time - 7200, time - 7200, "$photos/$img";            # old enough to be swept
my ($code, $out) = Portail::Test::ctl('--data-dir', Apache::Test::vars('t_dir') . '/data', 'purge');
is($code, 0, 'portail-ctl purge runs') or diag($out);
ok(-e "$photos/$img", 'and keeps the news image (not an orphan photo)');
my $jpeg = "\xFF\xD8\xFF\xE0\x00\x10JFIF\x00" . ("\x42" x 100) . "\xFF\xD9";
edit(visible_from => day(-2), image => [ 'photo.jpg', 'image/jpeg', $jpeg ]);
my ($img2) = sql_query("SELECT image FROM news WHERE id = $id");
like($img2, qr/\.jpg$/, 'replaced by a JPEG');
ok(!-e "$photos/$img", 'the old file is removed');
edit(visible_from => day(-2));
is((sql_query("SELECT image FROM news WHERE id = $id"))[0], $img2, 'saving without a file keeps the image');
post_action($id, 'depublier');
is($anon->get(url("/portail/actualites/$id/image"))->code, 404, 'unpublished: its image is 404 for the public');
is($agent->get(url("/portail/actualites/$id/image"))->code, 200, 'agents still see it');
edit(visible_from => day(-2), retirer_image => 1);
is((sql_query("SELECT count(*) FROM news WHERE id = $id AND image IS NULL"))[0], 1, 'the image removed');
ok(!-e "$photos/$img2", 'and its file');

# --- Unknown ids --------------------------------------------------------------------------
is($anon->get(url('/portail/actualites/999999'))->code, 404, 'an unknown news: 404');
is($agent->get(url('/portail/admin/actualites/999999'))->code, 404, 'for agents too');
is(post_action(999999, 'publier')->code, 404, 'publishing an unknown news: 404');

done_testing();
