"""The lexicon files themselves: normalised, sorted, unique, no empty kind."""
import unicodedata
from importlib import resources

import pytest
from hypothesis import given, settings, strategies as st

from cleanpage import lexicons
from cleanpage.lexicons import KINDS, Lexicon, Lexicons, languages, normalize

ROOT = resources.files("cleanpage.lexicons")
FILES = [(lang, kind) for lang in languages() for kind in KINDS]


def test_languages_shipped():
    assert {"en", "de", "fr", "es", "zh"} <= set(languages())


@pytest.mark.parametrize("lang,kind", FILES, ids=[f"{l}/{k}" for l, k in FILES])
def test_lexicon_file_is_normalised_sorted_unique(lang, kind):
    path = ROOT / lang / f"{kind}.txt"
    assert path.is_file(), f"{lang}/{kind}.txt missing"
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == "", "file must end with a newline"
    lines = lines[:-1]
    assert lines, "empty kind"
    assert all(lines), "empty line"
    assert [l for l in lines if normalize(l) != l] == []
    assert lines == sorted(set(lines))


@pytest.mark.parametrize(
    "raw,norm",
    [
        ("ADVERTISEMENT:", "advertisement"),
        ("3 Comments", "0 comments"),
        ("1,024 comments", "0 comments"),
        ("1.2K shares", "0 shares"),
        ("- Advertisement -", "advertisement"),
        ("Share\u00a0this\tarticle", "share this article"),
        ("ＡＤＶＥＲＴＩＳＥＭＥＮＴ", "advertisement"),
        ("Publicité", "publicité"),
        ("相关文章：", "相关文章"),
        ("Don’t miss", "don t miss"),
        ("İLGİLİ HABERLER", "ilgili haberler"),  # Turkish dotted capital I stays one word
        ("İlgili Haberler", "ilgili haberler"),
        ("विज्ञापन", "विज्ञापन"),  # vowel signs and virama stay in the word
        ("यह भी पढ़ें", "यह भी पढ़ें"),
        ("हिंदी। अगला", "हिंदी अगला"),  # the danda is punctuation
        ("يُرجى التسجيل", "يرجى التسجيل"),  # Arabic vowel points go
        ("می\u200cکند", "می کند"),  # the Persian non-joiner parts words, as the lexicons' space
        ("कक्\u200dष", "कक्ष"),  # a zero-width joiner goes: one word either way
        ("ক্\u200cষ", "ক্ষ"),  # outside Arabic script the non-joiner is spelling: it goes
    ],
)
def test_normalize(raw, norm):
    assert normalize(raw) == norm


def _general_normalize(text: str) -> str:
    """normalize() as its docstring defines it, every step taken whatever the text."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = lexicons._POINTS.sub("", text).replace("i\u0307", "i")
    return " ".join(lexicons._WORD_RUN.findall(lexicons._NUMBER.sub("0", text)))


@pytest.mark.parametrize("raw", ["1\u20245 shares", "1…5", "5k… views", "“Don’t” — 3 comments", "´ab¸c"])
def test_normalize_shortcuts_give_the_general_result(raw):
    assert normalize(raw) == _general_normalize(raw)


@settings(max_examples=3000, deadline=None)
@given(st.one_of(
    st.text(),
    # ASCII, digits and the punctuation normalize() takes its ASCII way with, in any order
    st.lists(st.sampled_from([*"abKkm09 .,_-:'", *lexicons._typographic(), "\u2024", "é"])).map("".join),
))
def test_normalize_fast_ways_agree_with_the_general_one(text):
    assert normalize(text) == _general_normalize(text)


def test_lookups():
    lx = Lexicon("x", ["read more", "more", "we use cookies", "版权所有"])
    assert lx.whole("more") == "more"
    assert lx.whole("more stuff") is None
    assert lx.prefix("read more about it") == "read more"
    assert lx.prefix("reader") is None
    assert lx.search("hello we use cookies here") == "we use cookies"
    assert lx.search("hello we used cookies") is None
    assert lx.search("新华网版权所有") == "版权所有"


def test_lang_selects_language_and_english():
    from cleanpage.features import Features

    de = Lexicons("de")
    # Labels standing alone match in every language...
    assert {"anzeige", "advertisement", "publicité"} <= de["ad_markers"].phrases
    # ...but block starts and single words only in the page's language and English.
    assert de.prefix(Features("Lesen Sie auch: Der neue Hafen"), "related_prefixes") == "lesen sie auch"
    assert de.prefix(Features("Read more: the new harbour"), "related_prefixes") == "read more"
    assert de.prefix(Features("Lire aussi : le nouveau port"), "related_prefixes") is None
    assert Lexicons(None).prefix(Features("Lire aussi : le nouveau port"), "related_prefixes") == "lire aussi"
    assert "die" in de["continuation_words"] and "la" not in de["continuation_words"]
    assert "la" not in Lexicons(None)["continuation_words"]  # no language: English words only
    assert "la" in Lexicons("fr")["continuation_words"]


def test_unknown_lang_and_kind():
    with pytest.raises(ValueError, match="unknown language 'xx'"):
        Lexicons("xx")
    with pytest.raises(ValueError, match="unknown lexicon kind"):
        Lexicons(None, extra={"nope": ["a"]})


def test_extra_phrases():
    lx = Lexicons("en", extra={"ad_markers": ["Werbeblock Ende"]})
    assert lx["ad_markers"].whole("werbeblock ende")



@pytest.mark.parametrize("lang", languages())
def test_stopword_file_is_normalised_sorted_unique(lang):
    lines = (ROOT / lang / "stopwords.txt").read_text(encoding="utf-8").split("\n")
    assert lines[-1] == "" and len(lines) > 50
    lines = lines[:-1]
    assert [l for l in lines if normalize(l) != l] == []
    assert lines == sorted(set(lines))
    assert not [l for l in lines if "0" in l.split()]


def test_stopword_licence_ships():
    assert "MIT" in (ROOT / "STOPWORDS-LICENSE").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "lang,text,low,high",
    [
        ("en", "the council said that it would vote on the plan in the spring", 0.5, 1.0),
        ("en", "stock car brasil, stock car interlagos, stock car velopark 2018", 0.0, 0.1),
        ("de", "Die Stadt hat am Montag mitgeteilt, dass das Bad wieder öffnet", 0.3, 1.0),
        ("pt", "calendario kart 2024, kart serrano, kartodromo vale alto", 0.0, 0.1),
        ("ru", "Власти города сообщили, что мост откроют уже в эту пятницу", 0.2, 1.0),
    ],
)
def test_stopword_density(lang, text, low, high):
    from cleanpage.features import Features

    density = Lexicons(lang).stopword_density(Features(text))
    assert low <= density <= high


def test_no_stopword_density_without_spaced_words_or_language():
    from cleanpage.features import Features

    assert Lexicons("zh").stopword_density(Features("这是一个关于天气的句子")) is None
    assert Lexicons(None).stopword_density(Features("the plan in the spring")) is None
