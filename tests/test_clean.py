"""Cleaning pages into articles: trafilatura text and metadata, languages, syndicated copies, bad pages."""

import pytest

from cleaning.articles import ArticleIndex, article_id_for
from cleaning.page import CleaningError, clean_page, detect_language, sentence_fingerprints
from devtools.corpus import load_corpus
from devtools.sample_site import render_article

BASE = "http://127.0.0.1:1"
ARTICLES = {a.id: a for a in load_corpus()}


def page(article_id):
    a = ARTICLES[article_id]
    return render_article(a, BASE, list(ARTICLES.values())[:3]), f"{BASE}/{a.outlet}{a.path}"


@pytest.mark.parametrize("article_id", ["001-bontang-mou-2025", "004-lotim-keaktifan-2025", "002-bontang-nota-kesepakatan-2025"])
def test_clean_keeps_the_story_and_drops_boilerplate(article_id):
    html, url = page(article_id)
    cleaned = clean_page(html, url)
    a = ARTICLES[article_id]
    assert cleaned.title == a.title
    assert cleaned.published == a.published
    assert cleaned.language == "id"
    first_paragraph = a.body.strip().split("\n\n")[0]
    assert first_paragraph[:80] in cleaned.text
    for boilerplate in ("Terpopuler", "Komentar", "Berita Terkait", "Pedoman Media Siber", "Posting Komentar", "Baca Juga"):
        assert boilerplate not in cleaned.text


def test_canonical_link_wins_over_the_fetched_url():
    html, url = page("001-bontang-mou-2025")
    cleaned = clean_page(html, url + "/amp?utm_source=x")
    assert cleaned.canonical_url == url


@pytest.mark.parametrize("html", ["", "   ", "<html><body><nav>menu</nav></body></html>"])
def test_pages_without_an_article_are_rejected(html):
    with pytest.raises(CleaningError):
        clean_page(html, f"{BASE}/x")


def test_language_detection():
    assert detect_language("Pemerintah kota dan warga yang terdaftar dalam program jaminan kesehatan untuk semua " * 3) == "id"
    assert detect_language("The government and the people of the city are covered by the health insurance in the region " * 3) == "en"
    assert detect_language("terlalu pendek") is None


def test_syndicated_copy_is_found_and_other_stories_are_not():
    index = ArticleIndex()
    for article_id in ("001-bontang-mou-2025", "002-bontang-nota-kesepakatan-2025", "003-bontang-uhc-2017"):
        cleaned = clean_page(*page(article_id))
        index.add(article_id_for(cleaned.canonical_url), cleaned.canonical_url, cleaned.fingerprints, cleaned.text_sha256)
    copy = clean_page(*page("045-bontang-syndicated-2025"))
    matched, similar = index.match(copy)
    assert similar and matched == article_id_for(clean_page(*page("001-bontang-mou-2025")).canonical_url)
    other = clean_page(*page("005-balikpapan-bantuan-iuran-2025"))
    assert index.match(other) == (None, False)


def test_fingerprints_ignore_case_punctuation_and_short_lines():
    a = sentence_fingerprints("Cakupan kepesertaan JKN di Kota Bontang mencapai 92 persen. Oke.")
    b = sentence_fingerprints("CAKUPAN kepesertaan JKN di Kota Bontang, mencapai 92 persen!\nFoto: Humas")
    assert a == b and len(a) == 1


CONTROL_CHARACTERS = ["\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x00", "\ud800", "\uffff"]


@pytest.mark.parametrize("char", CONTROL_CHARACTERS)
@pytest.mark.parametrize("where", ["first paragraph", "page start", "between tags", "title", "everywhere"])
def test_a_control_character_does_not_lose_the_article(char, where):
    html, url = page("001-bontang-mou-2025")
    reference = clean_page(html, url)
    a = ARTICLES["001-bontang-mou-2025"]
    first_paragraph = a.body.strip().split("\n\n")[0]
    words = first_paragraph.split(" ")
    if where == "first paragraph":
        dirty = html.replace(first_paragraph, " ".join(words[:5]) + f" {char}" + " " + " ".join(words[5:]), 1)
    elif where == "page start":
        dirty = char + html
    elif where == "between tags":
        dirty = html.replace("</p>", f"</p>{char}", 1)
    elif where == "title":
        dirty = html.replace(a.title, a.title[:10] + char + a.title[10:])
    else:
        dirty = html.replace(" ", f" {char}", 40).replace(a.title, a.title[:10] + char + a.title[10:])
    assert dirty != html
    cleaned = clean_page(dirty, url)
    assert first_paragraph[:80] in cleaned.text
    # a deleted character leaves the text as it was; vertical tab, form feed and separators become a space
    assert "".join(cleaned.text.split()) == "".join(reference.text.split())
    assert not any(c in cleaned.text or c in (cleaned.title or "") for c in CONTROL_CHARACTERS)
    assert cleaned.title is not None and cleaned.title.replace(" ", "") == a.title.replace(" ", "")
    assert cleaned.published == reference.published


def test_vertical_tab_and_form_feed_separate_words_and_whitespace_controls_stay():
    from cleaning.page import strip_control_characters

    assert strip_control_characters("98\x0bpersen") == "98 persen"
    assert strip_control_characters("Kota\x0cBontang") == "Kota Bontang"
    assert strip_control_characters("JK\x01N") == "JKN"
    assert strip_control_characters("a\tb\nc\r\nd") == "a\tb\nc\r\nd"
    clean = "<p>Tidak ada yang perlu dibersihkan.</p>"
    assert strip_control_characters(clean) is clean
