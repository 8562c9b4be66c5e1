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
