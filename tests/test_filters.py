"""Reason tables: for each filter, inputs it must remove with a given reason, and look-alikes
it must keep.  Each row is a kind of boilerplate, not one page."""
from __future__ import annotations

import pytest

import cleanpage
from cleanpage import Pipeline
from cleanpage.filters import registry

P1 = (
    "The city council voted on Tuesday to extend the night bus network to the eastern districts, "
    "after two years of complaints from shift workers who had no way home after midnight."
)
P2 = (
    "Officials said the first new routes would start in March, and that the cost would be covered "
    "by a small rise in parking fees in the city centre rather than by higher fares."
)
P3 = (
    "Residents who spoke at the meeting welcomed the plan but asked for more stops near the "
    "hospital, where many of the night staff live within a short walk of the main road."
)


def verdicts(text: str, pipeline: Pipeline | None = None, **kw) -> dict[str, str | None]:
    """line text -> "filter/reason" or None when kept."""
    res = cleanpage.clean_and_explain(text, pipeline=pipeline, **kw)
    return {
        b.text: (f"{b.removal.filter}/{b.removal.reason}" if b.removal else None)
        for b in res.document.blocks
    }


def article_with(line: str, where: str = "middle") -> str:
    if where == "top":
        return "\n".join([line, "", P1, P2, P3])
    if where == "end":
        return "\n".join([P1, P2, P3, line])
    return "\n".join([P1, P2, line, P3])


REMOVED = [
    # (line, where, expected "filter/reason")
    ("Advertisement", "middle", "ad_markers/ad_label"),
    ("ADVERTISEMENT - SCROLL TO CONTINUE", "middle", "ad_markers/ad_label"),
    ("Sponsored", "middle", "ad_markers/ad_label"),
    ("Anzeige", "middle", "ad_markers/ad_label"),
    ("Publicité", "middle", "ad_markers/ad_label"),
    ("广告", "middle", "ad_markers/ad_label"),
    ("We use cookies to improve your experience on our site.", "top", "cookies/cookie_banner"),
    ("Skip to main content", "top", "navigation/skip_link"),
    ("Menu", "top", "navigation/menu_label"),
    ("Home › News › Local", "top", "navigation/breadcrumb"),
    ("Home › Gifts › Under $50", "top", "navigation/breadcrumb"),  # a price, not code
    ("Share this article", "middle", "share/share_label"),
    ("Tweet", "middle", "share/share_label"),
    ("Like this:", "end", "share/share_label"),  # WordPress.com's like button, with its label
    ("Like Loading...", "end", "share/share_label"),
    ("1.2K", "middle", "share/share_count"),
    ("Try Our AI Features", "middle", "promo/promo_phrase"),
    ("Sign up for our newsletter", "middle", "promo/promo_phrase"),
    ("Download the app", "middle", "promo/promo_phrase"),
    ("Type your email…", "middle", "promo/promo_phrase"),
    ("Support the show on Patreon and get episodes a day early", "end", "promo/promo_phrase"),
    ("SCROLL TO CONTINUE WITH CONTENT", "middle", "ad_markers/ad_label"),
    ("No comments yet...", "end", "comments/comment_stub"),
    ("Leave a comment", "end", "comments/comment_stub"),
    ("12 Comments", "end", "comments/comment_count"),
    ("3 thoughts on “Night buses”", "end", "comments/comment_heading"),
    ("Related Articles", "end", "related/related_heading"),
    ("More from The Daily Ledger", "end", "related/related_heading"),
    ("Read more: Council approves new cycle lanes", "middle", "related/inline_link"),
    ("Photo: AFP", "middle", "credits/photo_credit"),
    ("Photo by Jane Roe/Getty Images", "middle", "credits/photo_credit"),
    ("The new night bus depot in the east. Photo: City Transport", "middle", "credits/caption_credit"),
    ("© 2024 Daily Ledger Media. All rights reserved.", "end", "footer/copyright"),
    ("Privacy Policy | Terms of Use | Contact Us", "end", "footer/legal_links"),
]


@pytest.mark.parametrize("line,where,expected", REMOVED, ids=[r[0][:30] for r in REMOVED])
def test_removed_with_reason(line, where, expected):
    v = verdicts(article_with(line, where))
    assert v[line] == expected
    for p in (P1, P2, P3):
        assert v[p] is None, "article paragraph lost"


# A feedback widget's question under an article ("Was this article helpful?  Yes  No"), in
# every language with a lexicon (prefix look-ups read the page's language and English).
FEEDBACK = [
    ("en", "Was this article helpful?"), ("de", "War dieser Artikel hilfreich?"),
    ("fr", "Cet article vous a-t-il été utile ?"), ("es", "¿Te ha resultado útil este artículo?"),
    ("it", "Questo articolo ti è stato utile?"), ("pt", "Este artigo foi útil?"),
    ("nl", "Was deze informatie nuttig?"), ("pl", "Czy ten artykuł był pomocny?"),
    ("sv", "Var den här artikeln till hjälp?"), ("ru", "Была ли эта статья полезной?"),
    ("uk", "Чи була ця стаття корисною?"), ("tr", "Bu makale yardımcı oldu mu?"),
    ("id", "Apakah artikel ini membantu?"), ("vi", "Bài viết này có hữu ích không?"),
    ("ja", "この記事は役に立ちましたか？"), ("ko", "이 기사가 도움이 되었나요?"),
    ("zh", "这篇文章对您有帮助吗？"), ("ar", "هل كان هذا المقال مفيدًا؟"),
    ("fa", "آیا این مطلب مفید بود؟"), ("hi", "क्या यह लेख उपयोगी था?"),
    ("cs", "Byl pro vás tento článek užitečný?"), ("el", "Σας βοήθησε αυτό το άρθρο;"),
    ("he", "האם הכתבה עזרה לך?"), ("th", "บทความนี้มีประโยชน์หรือไม่"),
    ("ro", "Ți-a fost util acest articol?"), ("hu", "Hasznos volt ez a cikk?"),
    ("da", "Var denne artikel nyttig?"), ("fi", "Oliko tästä artikkelista apua?"),
    ("no", "Var denne artikkelen nyttig?"),
]


@pytest.mark.parametrize("lang,question", FEEDBACK, ids=[lang for lang, _ in FEEDBACK])
def test_feedback_widget_question_removed_in_every_language(lang, question):
    v = verdicts(article_with(question), lang=lang)
    assert v[question] == "promo/promo_phrase"
    assert all(v[p] is None for p in (P1, P2, P3))


def test_every_lexicon_language_has_a_feedback_question_row():
    from cleanpage.lexicons import languages

    assert sorted(lang for lang, _ in FEEDBACK) == sorted(languages())


# Rows that need the page's language (prefix look-ups read it and English): (lang, line,
# expected "filter/reason" or None when kept).
BY_LANGUAGE = [
    # An inline link to another story: its prefix and a separator, or the prefix in brackets
    # at the start, as Japanese, Chinese and Korean papers write it.
    ("en", "READ MORE: Council approves new cycle lanes", "related/inline_link"),
    ("en", "[Related] Council approves new cycle lanes", "related/inline_link"),
    ("ja", "【関連】市議会、新しい自転車道を承認", "related/inline_link"),
    ("zh", "【相关阅读】市议会批准新建自行车道", "related/inline_link"),
    ("ko", "[관련기사] 시의회, 새 자전거도로 승인", "related/inline_link"),
    ("de", "Lesen Sie auch: Stadtrat beschließt neue Radwege", "related/inline_link"),
    # A share bar whose buttons land on one line: a label, then the networks.
    ("en", "Share this page Facebook X LinkedIn Email", "share/share_bar"),
    ("nl", "Deel deze pagina Facebook LinkedIn X E-mail", "share/share_bar"),
    ("de", "Diese Seite teilen Facebook X WhatsApp E-Mail", "share/share_bar"),
    ("fr", "Partager cette page Facebook X LinkedIn", "share/share_bar"),
    ("es", "Compartir esta página Facebook X WhatsApp", "share/share_bar"),
    # Chinese and Japanese captions end in the photographer's credit with no separator; the
    # look-alikes are news copy that ends in a wire agency's name, and sentences about filming.
    ("ja", "酒蔵の貯蔵庫で出荷前の瓶を確認する従業員（長野県内で、本社撮影）", "credits/caption_credit"),
    ("zh", "图为某小区新装的电梯。 东方晨报记者 陈伟 摄", "credits/caption_credit"),
    ("zh", "市民在新开放的滨江公园散步（新华社记者 李明 摄）", "credits/caption_credit"),
    ("ja", "政府は14日、来年度から地方の酒蔵への補助金を拡充する方針を明らかにした。（共同）", None),
    ("zh", "导演表示，这部关于老城区改造的纪录片全部在上海拍摄", None),
    ("zh", "片中大部分场景都是在导演的家乡取景的，这让影片显得格外真实（全片于2019年在上海拍摄）", None),
    ("ja", "式典は午前10時に始まり、多くの市民が参加した。会場は終日にぎわった（式典の様子はNHKが撮影）", None),
]


@pytest.mark.parametrize("lang,line,expected", BY_LANGUAGE, ids=[f"{lang}-{i}" for i, (lang, *_) in enumerate(BY_LANGUAGE)])
def test_removed_with_reason_in_the_page_language(lang, line, expected):
    v = verdicts(article_with(line), lang=lang)
    assert v[line] == expected
    assert all(v[p] is None for p in (P1, P2, P3))


@pytest.mark.parametrize(
    "line",
    ['[ -e "/backup/$(date +%F).tar" ] && exit 0', "systemctl restart cron && tail -f /var/log/syslog", "ratio = total / count;"],
)
def test_code_line_with_slashes_is_not_a_breadcrumb(line):
    assert verdicts(article_with(line))[line] != "navigation/breadcrumb"


KEPT = [
    # Sentences that merely contain a phrase are not labels.
    "More than 200 residents (mostly elderly) were moved to the school hall overnight.",
    "Related costs (repairs and cleaning) will be met by the regional fund, officials said.",
    "The advertisement campaign cost the council more than it raised, critics said on Monday.",
    "She said she would share the results with every resident who asked for them by email.",
    "Related research from the university suggests night routes pay for themselves within years.",
    "Comments from the public will be taken until the end of the month, the council said.",
    "The committee will subscribe to the new data service, which tracks passenger numbers daily.",
    "The regulator found that the shop's website uses cookies to follow visitors across other sites.",
]


@pytest.mark.parametrize("line", KEPT, ids=[k[:30] for k in KEPT])
def test_lookalike_sentence_kept(line):
    v = verdicts(article_with(line))
    assert v[line] is None


def test_related_tail_removed_to_the_end():
    text = "\n".join(
        [P1, P2, P3, "Related Articles", "", "Daily Ledger", "6 hours ago",
         "Harbour ferry fares to rise in spring",
         "The harbour authority confirmed on Friday that ferry fares will rise by ten per cent, "
         "citing fuel costs and the repair of two ageing vessels over the winter season.",
         "Daily Ledger", "a day ago", "New library opens in the old post office"]
    )
    v = verdicts(text)
    assert v["Related Articles"] == "related/related_heading"
    assert v["Harbour ferry fares to rise in spring"] == "related/related_tail"
    assert v["New library opens in the old post office"] == "related/related_tail"
    assert cleanpage.clean(text).splitlines() == [P1, P2, P3]


def test_inline_related_box_article_resumes():
    text = "\n".join([P1, P2, "Related", "Ferry fares to rise in spring", "New library opens downtown", P3, P1 + " Again."])
    v = verdicts(text)
    assert v["Related"] == "related/related_heading"
    assert v["Ferry fares to rise in spring"] == "related/teaser_run"
    assert v[P3] is None and v[P1 + " Again."] is None


def test_comments_link_above_article_does_not_eat_it():
    text = "\n".join(["Comments", "By Ann Lee", "2 hours ago", P1, P2, P3])
    v = verdicts(text)
    assert v["Comments"] == "comments/comment_stub"
    assert all(v[p] is None for p in (P1, P2, P3))


def test_comment_thread_after_article():
    text = "\n".join(
        [P1, P2, P3, "2 thoughts on “Night buses”", "mark_r says:", "March 3, 2024 at 9:12 am",
         "Finally! I have been waiting for this for years and it will change my commute.",
         "Reply", "june_b says:", "March 3, 2024 at 10:40 am",
         "Good news, but the eastern stops are still too far apart for older residents."]
    )
    kept = cleanpage.clean(text).splitlines()
    assert kept == [P1, P2, P3]
    v = verdicts(text)
    assert v["mark_r says:"] == "comments/comment_thread"


def test_menu_run_before_article():
    menu = ["News", "Sport", "Business", "Culture", "Travel", "Weather"]
    v = verdicts("\n".join(menu + ["", P1, P2, P3]))
    assert {v[m] for m in menu} == {"navigation/menu_run"}


def test_main_content_drops_before_and_after():
    text = "\n".join(["Daily Ledger", "Subscribe to print edition", "", P1, P2, P3, "", "Back to the front page", "Daily Ledger Media Group"])
    v = verdicts(text, pipeline=Pipeline.preset().only("main_content"))
    assert v["Daily Ledger"] == "main_content/before_content"
    assert v["Daily Ledger Media Group"] == "main_content/after_content"


def test_title_directly_above_article_is_kept():
    title = "Night buses to reach the eastern districts"
    assert cleanpage.clean("\n".join(["Menu", "", title, P1, P2, P3])).splitlines()[0] == title


def test_list_after_article_is_kept():
    dates = [f"June {d} – Riverside Hall, Portown" for d in (3, 5, 9, 12)]
    out = cleanpage.clean("\n".join([P1, P2, P3, "Tour dates", *dates, "", "Share", "Tweet"]))
    assert all(d in out for d in dates)
    assert "Tweet" not in out


def test_context_removes_stranded_leftovers():
    text = "\n".join([P1, P2, "Try Our AI Features", "Ask anything", "Sign up for our newsletter", P3])
    v = verdicts(text)
    assert v["Ask anything"] == "context/between_removed"


def test_duplicates_remove_later_copy_only():
    line = "Night buses will reach the eastern districts in March"
    v = verdicts("\n".join([P1, line, P2, line, P3]))
    assert v[line] is None or v[line] == "duplicates/repeated_block"
    res = cleanpage.clean_and_explain("\n".join([P1, line, P2, line, P3]))
    reasons = [b.removal and b.removal.reason for b in res.document.blocks if b.text == line]
    assert reasons == [None, "repeated_block"]


@pytest.mark.parametrize(
    "copies,gaps,kept",
    [
        (4, [5, 5, 5], True),    # a line the plan repeats each day: content
        (6, [5, 6, 5, 6, 5], True),
        (3, [5, 5], False),      # three copies: a teaser listed in three widgets, as often
        (4, [1, 7, 1], False),   # a gallery caption beside each slide, at odd intervals
        (4, [2, 2, 2], False),   # copies too close: a repeated label, not items
    ],
)
def test_duplicates_spare_a_line_the_pasted_content_repeats_steadily(copies, gaps, kept):
    line = "Drink a large glass of water before your workout"
    filler = iter(f"Meal {i}: a bowl of oats with {i} spoons of honey and fresh berries on top." for i in range(100))
    lines = [P1, line]
    for gap in gaps:
        lines += [next(filler) for _ in range(gap - 1)] + [line]
    lines.append(P2)
    res = cleanpage.clean_and_explain("\n".join(lines))
    reasons = [b.removal and f"{b.removal.filter}/{b.removal.reason}" for b in res.document.blocks if b.text == line]
    assert len(reasons) == copies
    later = set(reasons[1:])
    assert later == ({None} if kept else {"duplicates/repeated_block"})


def test_every_filter_declares_reasons_and_summary():
    for name, cls in registry().items():
        assert cls.name == name
        assert cls.reasons and all(r == r.lower() and " " not in r for r in cls.reasons)
        assert cls.summary and cls.__doc__


def test_removals_name_registered_filter_and_declared_reason():
    text = "\n".join(["Menu", "Home", "News", "Sport", "", P1, "Advertisement", P2, "Share", P3, "Related Articles", "Other story"])
    res = cleanpage.clean_and_explain(text)
    reg = registry()
    for b in res.document.removed:
        assert b.removal.filter in reg
        assert b.removal.reason in reg[b.removal.filter].reasons
        assert b.removal.evidence


@pytest.mark.parametrize(
    "line,lang,removed",
    [
        ("Share: Facebook Twitter Email LinkedIn", None, True),
        ("Udostępnij: Facebook Pinterest E-mail", "pl", True),
        ("Teilen: Facebook WhatsApp E-Mail", "de", True),
        ("Compartilhe isso: Facebook X WhatsApp", "pt", True),
        ("Facebook and Twitter both changed their rules this week.", None, False),  # a sentence
        ("Share your Facebook memories", None, False),  # words that are no labels
    ],
)
def test_share_bar_of_labels_on_one_line(line, lang, removed):
    P = ("The council approved the new ferry timetable on Monday after a long consultation "
         "with residents of both islands.")
    res = cleanpage.clean_and_explain(f"{P}\n{line}\n{P} Again, it said.\n", lang=lang)
    (b,) = [b for b in res.document.blocks if b.text == line]
    assert (b.removal is not None and b.removal.reason == "share_bar") is removed


@pytest.mark.parametrize(
    "line,lang,reason",
    [
        # A share verb with its preposition, then the platform: one button a line.
        ("Share this with Facebook", None, "share_bar"),  # BBC's share panel
        ("* Share this with Email", None, "share_bar"),
        ("Share this with", None, "share_label"),
        ("Share to WhatsApp", None, "share_bar"),
        ("Compartilhe no WhatsApp", "pt", "share_label"),
        ("Compartilhar no Telegram", "pt", "share_label"),
        ("Share this with your family before the storm arrives.", None, None),  # a sentence
    ],
)
def test_share_button_lines(line, lang, reason):
    P = ("The council approved the new ferry timetable on Monday after a long consultation "
         "with residents of both islands.")
    res = cleanpage.clean_and_explain(f"{P}\n{line}\n{P} Again, it said.\n", lang=lang)
    (b,) = [b for b in res.document.blocks if b.text == line]
    assert (b.removal.reason if b.removal else None) == reason


@pytest.mark.parametrize(
    "line,lang,reason",
    [
        ("[사진=한빛일보 DB]", "ko", "photo_credit"),
        ("写真＝共同通信", "ja", "photo_credit"),
        ("图/新华社", "zh", "photo_credit"),
        ("Photo: AFP", None, "photo_credit"),
        ("시장 상인들이 새 간판을 달고 있다. 사진=한빛일보 DB", "ko", "caption_credit"),
        ("The equation a=b holds for every photo in the set we measured.", None, None),
    ],
)
def test_credit_separators(line, lang, reason):
    P = ("The council approved the new ferry timetable on Monday after a long consultation "
         "with residents of both islands.")
    res = cleanpage.clean_and_explain(f"{P}\n{line}\n{P} Again, it said.\n", lang=lang)
    (b,) = [b for b in res.document.blocks if b.text == line]
    assert (b.removal.reason if b.removal and b.removal.filter == "credits" else None) == reason


@pytest.mark.parametrize(
    "line,likeness",
    [
        ("Home", 1.0),  # a label
        ("Weather Forecast Today", 1.0),  # Title Case: a teaser or menu
        ("and then the river rose again", 0.25),  # a lower-case start continues a sentence
        ("When the river rose again,", 0.25),  # so does a comma at the end
        ("もとの商品を小分けにして販売するような行為は、", 0.25),  # and the ideographic comma
        ("1. Preheat the oven", 0.25),  # numbered
        ("Was this helpful?", 0.5),  # a sentence
        ("新闻", 1.0),  # a short caseless label
        ("商標権侵害と判断される場合があります", 0.5),  # a caseless phrase
    ],
)
def test_menu_likeness_table(line, likeness):
    from cleanpage.features import Features, menu_likeness

    assert menu_likeness(line, Features(line)) == likeness


_SIDEBAR = [
    "Related Articles",
    "Five Freezer Meals for Busy Weeks",
    "Our editors read every reader letter and answer the most common questions in a weekly column that runs on Sundays in print and online.",
    "The information on this website is general information only and is not a substitute for professional advice of any kind, medical or otherwise.",
    "Results vary with starting point, goals and effort, and regular exercise together with a balanced diet is needed to keep any change over time.",
]


@pytest.mark.parametrize(
    "body,anchored",
    [
        # A list article under a dated headline: the span up to "Related Articles" wins over
        # the denser prose past it.
        (["Round 1: 2 March – Valley Park", "Round 2: 23 March – Pine Circuit",
          "Round 3: 13 April – Stone Ring", "Round 4: 4 May – to be announced",
          "Round 5: 1 June – Lake Circuit", "Round 6: 29 June – Valley Park (night race)"], True),
        # A bulleted menu is not a list article: the bullet alone does not make lines content.
        (["* Home", "* News", "* Sport", "* Weather", "* Travel", "* Culture", "* Food"], False),
        # Widget buttons that open alike are not content either.
        (["* Email this to a friend", "* Print this page", "* Save for later reading",
          "* Report an error here", "* Copy the page link", "* Follow this topic"], False),
    ],
)
def test_main_content_takes_the_span_under_a_dated_headline(body, anchored):
    head = ["Home", "News", "Sport", "", "Regional Karting Calendar 2024", "March 4, 2024", ""]
    text = "\n".join(head + body + [""] + _SIDEBAR) + "\n"
    out = cleanpage.clean(text, input_format="text")
    assert (body[0] in out) is anchored
    assert ("The information on this website" in out) is not anchored


def test_main_content_keeps_an_article_after_a_standfirst_and_share_bar():
    # headline, date, standfirst, share bar, then the article: the share bar after the
    # standfirst is not the article's end.
    text = "\n".join([
        "Ferry Timetable Changes Approved", "March 4, 2024",
        "Islanders will get two extra crossings a day from June, the council said.",
        "Share", P1, P2, P3, "Related Articles", "Other story",
    ]) + "\n"
    out = cleanpage.clean(text, input_format="text")
    assert P1 in out and P2 in out and P3 in out


def test_a_tag_line_is_not_running_text():
    # A long line of keywords with no sentence end and no function words (a tag list) scores
    # as a short line in the main-content search, not as half its words of prose: the region
    # ends with the article instead of taking the tag line after it.
    tags = ("kart calendar 2024, regional karting, valley park circuit, pine circuit, stone ring, "
            "lake circuit, night race, karting results, karting standings, junior karting, karting "
            "tyres, karting engines")  # 27 words: prose by length
    text = "\n".join([P1, P2, P3, "", tags, "", "About us", "Contact"]) + "\n"
    res = cleanpage.clean_and_explain(text, lang="en")
    (b,) = [b for b in res.document.blocks if b.text == tags]
    assert b.removal is not None and b.removal.reason == "after_content"
    assert [x.text for x in res.document.kept] == [P1, P2, P3]
    off = cleanpage.Pipeline.preset("balanced").configure("main_content", min_stopword_density=0.0)
    assert tags in cleanpage.clean(text, lang="en", pipeline=off)  # the check is what drops it


@pytest.mark.parametrize(
    "line,lang,heading",
    [
        ("More Business News", None, True),
        ("MORE STORIES LIKE THIS ONE", None, True),
        ("More from The Herald", None, True),  # a two-word prefix: not checked
        ("Related guides", None, True),  # sentence case, as British sites write it
        ("More Poems of the Week", None, True),  # title case keeps function words small
        ("Next Up In Science & Health", None, True),
        # A sub-heading or list item that starts with "More" reads as a phrase.
        ("More “Questions” for your opponent", None, False),
        ("More rain expected across the valley", None, False),
    ],
)
def test_related_prefix_headings_read_as_titles(line, lang, heading):
    text = "\n".join([P1, P2, line, P3]) + "\n"
    res = cleanpage.clean_and_explain(text, input_format="text", lang=lang)
    (b,) = [b for b in res.document.blocks if b.text == line]
    got = b.removal is not None and b.removal.reason == "related_heading"
    assert got is heading


@pytest.mark.parametrize(
    "line,lang,reason",
    [
        ("3 comments", None, "comment_count"),
        ("Comments (14)", None, "comment_count"),
        ("Kommentare: 3", "de", "comment_count"),
        ("Commentaires (2)", "fr", "comment_count"),
        ("Comments", None, "comment_stub"),
        ("Chapter 14", None, None),
    ],
)
def test_comment_counts_either_side(line, lang, reason):
    text = "\n".join([P1, P2, P3, line]) + "\n"
    res = cleanpage.clean_and_explain(text, input_format="text", lang=lang)
    (b,) = [b for b in res.document.blocks if b.text == line]
    got = b.removal.reason if b.removal and b.removal.filter == "comments" else None
    assert got == reason


@pytest.mark.parametrize(
    "lines,pitch,removed",
    [
        (["Sign up for our newsletter", "Get the day's top stories delivered to your inbox every morning."],
         "Get the day's top stories delivered to your inbox every morning.", True),
        (["Stay up to date with Ascom. Subscribe to our newsletter.", "Enter your email",
          "Please fill in the form to subscribe to our newsletter."],
         "Please fill in the form to subscribe to our newsletter.", True),
        (["Newsletter abonnieren", "Die wichtigsten Nachrichten jeden Morgen in Ihrem Posteingang."],
         "Die wichtigsten Nachrichten jeden Morgen in Ihrem Posteingang.", True),
        # Not beside a promo line: an article sentence about a newsletter stays.
        ([P2, "The mayor's office said its newsletter would now reach every household in town."],
         "The mayor's office said its newsletter would now reach every household in town.", False),
        # Beside a promo line but no subscription word: another sentence of the article.
        (["Sign up for our newsletter", "The council will vote on the plan again in March next year."],
         "The council will vote on the plan again in March next year.", False),
    ],
)
def test_newsletter_pitch_beside_a_promo_line(lines, pitch, removed):
    text = "\n".join([P1, *lines, P3]) + "\n"
    lang = "de" if "Posteingang" in pitch else None  # German lines inside English paragraphs
    res = cleanpage.clean_and_explain(text, input_format="text", lang=lang)
    (b,) = [b for b in res.document.blocks if b.text == pitch]
    assert (b.removal is not None and b.removal.filter == "promo") is removed


@pytest.mark.parametrize(
    "line,reason",
    [
        # A teaser's metadata, written as bullets by converters such as inscriptis.
        ("* By REUTERS", "byline"),
        ("* 11/20/2019 10:08 AM", "dateline"),
        ("* November 20, 2019", "dateline"),
        ("* 3 hours ago", "dateline"),
        # A timetable's line is content.
        ("* 06:00", None),
        ("* 6:30 PM", None),
        ("* 06:00 Doors open at the harbour", None),
    ],
)
def test_bylines_and_datelines_in_list_items(line, reason):
    text = "\n".join([P1, P2, line, P3]) + "\n"
    res = cleanpage.clean_and_explain(text, input_format="text", lang="en")
    (b,) = [b for b in res.document.blocks if b.text == line]
    got = b.removal.reason if b.removal and b.removal.filter == "bylines" else None
    assert got == reason


@pytest.mark.parametrize(
    "heading,pitch,lang",
    [
        ("Keep up to date", "Our newsletter brings the latest solar news to your inbox every day.", "en"),
        ("Stay informed", "Get our newsletter with the week's best stories every Friday.", "en"),
        ("Bleiben Sie informiert", "Unser Newsletter bringt die wichtigsten Nachrichten in Ihren Posteingang.", "de"),
        ("Restez informés", "Recevez notre newsletter chaque matin dans votre boîte mail.", "fr"),
    ],
)
def test_stay_informed_boxes_are_promo(heading, pitch, lang):
    text = "\n".join([P1, P2, heading, pitch, P3]) + "\n"
    res = cleanpage.clean_and_explain(text, input_format="text", lang=lang)
    got = {b.text: (b.removal.filter, b.removal.reason) for b in res.document.removed}
    assert got[heading] == ("promo", "promo_phrase")
    assert got[pitch][0] == "promo"  # as its pitch, or by a promo phrase of its own


# The languages added with lexicons of their own (cs, el, he, th, ro, hu, da, fi, no): in each,
# an article of three paragraphs with one label of that language's page furniture, removed
# with the filter and reason of the English row, and a sentence that only holds the word kept.
NEW_LANG_ARTICLES = {
    "cs": (
        "Městská rada v úterý schválila rozšíření noční autobusové dopravy do východních čtvrtí, "
        "kde si lidé pracující na směny dva roky stěžovali, že se po půlnoci nedostanou domů.",
        "Podle úředníků začnou první nové linky jezdit v březnu a náklady pokryje mírné zvýšení "
        "poplatků za parkování v centru města, nikoli dražší jízdné.",
        "Obyvatelé, kteří na zasedání vystoupili, plán uvítali, ale požádali o další zastávky u "
        "nemocnice, kde bydlí mnoho zaměstnanců noční směny.",
    ),
    "el": (
        "Το δημοτικό συμβούλιο ενέκρινε την Τρίτη την επέκταση των νυχτερινών λεωφορείων στις "
        "ανατολικές συνοικίες, ύστερα από δύο χρόνια παραπόνων των εργαζομένων σε βάρδιες.",
        "Σύμφωνα με τους αρμόδιους, οι πρώτες νέες γραμμές θα ξεκινήσουν τον Μάρτιο και το κόστος "
        "θα καλυφθεί από μια μικρή αύξηση στα τέλη στάθμευσης στο κέντρο της πόλης.",
        "Οι κάτοικοι που μίλησαν στη συνεδρίαση χαιρέτισαν το σχέδιο, αλλά ζήτησαν περισσότερες "
        "στάσεις κοντά στο νοσοκομείο, όπου μένουν πολλοί εργαζόμενοι της νυχτερινής βάρδιας.",
    ),
    "he": (
        "מועצת העירייה אישרה ביום שלישי את הרחבת קווי האוטובוס הליליים לשכונות המזרחיות, אחרי "
        "שנתיים של תלונות מצד עובדי משמרות שלא הייתה להם דרך לחזור הביתה אחרי חצות.",
        "לדברי פקידי העירייה, הקווים החדשים הראשונים יתחילו לפעול במרץ, והעלות תכוסה באמצעות "
        "העלאה קטנה של דמי החניה במרכז העיר ולא באמצעות העלאת מחירי הנסיעה.",
        "תושבים שדיברו בישיבה בירכו על התוכנית, אך ביקשו תחנות נוספות ליד בית החולים, שבו "
        "מתגוררים רבים מעובדי משמרת הלילה במרחק הליכה קצר מהכביש הראשי.",
    ),
    "th": (
        "สภาเมืองลงมติเมื่อวันอังคารให้ขยายเส้นทางรถเมล์กลางคืนไปยังเขตตะวันออก "
        "หลังจากพนักงานที่ทำงานเป็นกะร้องเรียนมานานสองปีว่าไม่มีทางกลับบ้านหลังเที่ยงคืน",
        "เจ้าหน้าที่ระบุว่าเส้นทางใหม่ชุดแรกจะเริ่มให้บริการในเดือนมีนาคม "
        "โดยค่าใช้จ่ายจะมาจากการปรับขึ้นค่าจอดรถในใจกลางเมืองเล็กน้อย ไม่ใช่การขึ้นค่าโดยสาร",
        "ชาวบ้านที่ร่วมการประชุมต่างยินดีกับแผนนี้ "
        "แต่ขอให้เพิ่มป้ายรถเมล์ใกล้โรงพยาบาลซึ่งเป็นที่พักของพนักงานกะกลางคืนจำนวนมาก",
    ),
    "ro": (
        "Consiliul local a votat marți extinderea rețelei de autobuze de noapte în cartierele din "
        "est, după doi ani de plângeri din partea celor care lucrează în ture și nu aveau cum ajunge acasă.",
        "Potrivit oficialilor, primele linii noi vor porni în martie, iar costurile vor fi acoperite "
        "printr-o mică creștere a tarifelor de parcare din centrul orașului.",
        "Locuitorii care au luat cuvântul la ședință au salutat planul, dar au cerut mai multe "
        "stații lângă spital, unde locuiesc mulți dintre angajații din tura de noapte.",
    ),
    "hu": (
        "A városi közgyűlés kedden megszavazta, hogy az éjszakai buszhálózat a keleti kerületekre "
        "is kiterjedjen, miután a műszakban dolgozók két éve panaszkodtak, hogy éjfél után nem jutnak haza.",
        "A hivatal szerint az első új járatok márciusban indulnak, a költségeket pedig a belvárosi "
        "parkolási díjak kisebb emelése fedezi, nem a jegyárak drágulása.",
        "Az ülésen felszólaló lakók üdvözölték a tervet, de több megállót kértek a kórház közelébe, "
        "ahol az éjszakás dolgozók közül sokan laknak.",
    ),
    "da": (
        "Byrådet vedtog tirsdag at udvide natbusnettet til de østlige bydele, efter at skifteholdsarbejdere "
        "i to år havde klaget over, at de ikke kunne komme hjem efter midnat.",
        "Ifølge kommunen kører de første nye ruter i marts, og udgifterne dækkes af en mindre stigning "
        "i parkeringsafgifterne i midtbyen frem for dyrere billetter.",
        "Borgere, der talte på mødet, tog godt imod planen, men bad om flere stoppesteder ved "
        "sygehuset, hvor mange af nattevagterne bor tæt på hovedvejen.",
    ),
    "fi": (
        "Kaupunginvaltuusto päätti tiistaina laajentaa yöbussiverkkoa itäisiin kaupunginosiin, "
        "kun vuorotyöläiset olivat kahden vuoden ajan valittaneet, ettei keskiyön jälkeen pääse kotiin.",
        "Virkamiesten mukaan ensimmäiset uudet linjat aloittavat maaliskuussa, ja kulut katetaan "
        "keskustan pysäköintimaksujen pienellä korotuksella eikä lippujen hintoja nostamalla.",
        "Kokouksessa puhuneet asukkaat kiittivät suunnitelmaa, mutta pyysivät lisää pysäkkejä "
        "sairaalan lähelle, jossa moni yövuoron työntekijä asuu.",
    ),
    "no": (
        "Bystyret vedtok tirsdag å utvide nattbussnettet til de østlige bydelene, etter at skiftarbeidere "
        "i to år hadde klaget over at de ikke kom seg hjem etter midnatt.",
        "Ifølge kommunen starter de første nye rutene i mars, og kostnadene dekkes av en liten økning "
        "i parkeringsavgiftene i sentrum heller enn dyrere billetter.",
        "Innbyggere som talte på møtet, tok godt imot planen, men ba om flere holdeplasser ved "
        "sykehuset, der mange av nattevaktene bor i gangavstand fra hovedveien.",
    ),
}

NEW_LANG_REMOVED = [
    # (lang, line, where, expected "filter/reason")
    ("cs", "Reklama", "middle", "ad_markers/ad_label"),
    ("cs", "Tento web používá k poskytování služeb, personalizaci reklam a analýze návštěvnosti soubory cookie.", "top", "cookies/cookie_banner"),
    ("cs", "Sdílet článek", "middle", "share/share_label"),
    ("cs", "Čtěte také: Radnice chystá nové cyklostezky", "middle", "related/inline_link"),
    ("cs", "Související články", "end", "related/related_heading"),
    ("cs", "Foto: ČTK", "middle", "credits/photo_credit"),
    ("cs", "12 komentářů", "end", "comments/comment_count"),
    ("el", "Διαφήμιση", "middle", "ad_markers/ad_label"),
    ("el", "Αυτός ο ιστότοπος χρησιμοποιεί cookies για να βελτιώσει την εμπειρία σας.", "top", "cookies/cookie_banner"),
    ("el", "Κοινοποίηση", "middle", "share/share_label"),
    ("el", "Διαβάστε επίσης: Νέοι ποδηλατόδρομοι στο κέντρο", "middle", "related/inline_link"),
    ("el", "Σχετικά άρθρα", "end", "related/related_heading"),
    ("el", "Φωτογραφία: Eurokinissi", "middle", "credits/photo_credit"),
    ("he", "פרסומת", "middle", "ad_markers/ad_label"),
    ("he", "אתר זה משתמש בעוגיות כדי לשפר את חוויית הגלישה שלך.", "top", "cookies/cookie_banner"),
    ("he", "שתפו בפייסבוק", "middle", "share/share_label"),
    ("he", "קראו גם: העירייה מתכננת שבילי אופניים חדשים", "middle", "related/inline_link"),
    ("he", "כתבות נוספות", "end", "related/related_heading"),
    ("he", "צילום: רויטרס", "middle", "credits/photo_credit"),
    ("th", "โฆษณา", "middle", "ad_markers/ad_label"),
    ("th", "เว็บไซต์นี้ใช้คุกกี้เพื่อมอบประสบการณ์ที่ดีที่สุดแก่ผู้ใช้งาน", "top", "cookies/cookie_banner"),
    ("th", "แชร์บทความ", "middle", "share/share_label"),
    ("th", "อ่านเพิ่มเติม: สภาเมืองอนุมัติเลนจักรยานใหม่", "middle", "related/inline_link"),
    ("th", "ข่าวที่เกี่ยวข้อง", "end", "related/related_heading"),
    ("th", "ภาพ: รอยเตอร์", "middle", "credits/photo_credit"),
    ("ro", "Publicitate", "middle", "ad_markers/ad_label"),
    ("ro", "Acest site folosește cookie-uri pentru a vă oferi o experiență mai bună.", "top", "cookies/cookie_banner"),
    ("ro", "Distribuie pe Facebook", "middle", "share/share_label"),
    ("ro", "Citește și: Primăria pregătește noi piste de biciclete", "middle", "related/inline_link"),
    ("ro", "Cele mai citite", "end", "related/related_heading"),
    ("ro", "Foto: Inquam Photos / Octav Ganea", "middle", "credits/photo_credit"),
    ("hu", "Hirdetés", "middle", "ad_markers/ad_label"),
    ("hu", "Ez a weboldal sütiket használ a jobb felhasználói élmény érdekében.", "top", "cookies/cookie_banner"),
    ("hu", "Megosztás", "middle", "share/share_label"),
    ("hu", "Ezt is olvasd el: Új kerékpárutak épülnek a belvárosban", "middle", "related/inline_link"),
    ("hu", "Kapcsolódó cikkek", "end", "related/related_heading"),
    ("hu", "Fotó: MTI/Kovács Tamás", "middle", "credits/photo_credit"),
    ("da", "Annonce", "middle", "ad_markers/ad_label"),
    ("da", "Vi bruger cookies til at forbedre din oplevelse på siden.", "top", "cookies/cookie_banner"),
    ("da", "Del artiklen", "middle", "share/share_label"),
    ("da", "Læs også: Byrådet vil bygge nye cykelstier", "middle", "related/inline_link"),
    ("da", "Mest læste", "end", "related/related_heading"),
    ("da", "Foto: Ritzau Scanpix", "middle", "credits/photo_credit"),
    ("fi", "Mainos", "middle", "ad_markers/ad_label"),
    ("fi", "Tämä sivusto käyttää evästeitä käyttökokemuksen parantamiseksi.", "top", "cookies/cookie_banner"),
    ("fi", "Jaa artikkeli", "middle", "share/share_label"),
    ("fi", "Lue myös: Kaupunki rakentaa uusia pyöräteitä", "middle", "related/inline_link"),
    ("fi", "Luetuimmat", "end", "related/related_heading"),
    ("fi", "Kuva: Lehtikuva", "middle", "credits/photo_credit"),
    ("no", "Annonse", "middle", "ad_markers/ad_label"),
    ("no", "Vi bruker informasjonskapsler for å gi deg en bedre opplevelse.", "top", "cookies/cookie_banner"),
    ("no", "Del artikkelen", "middle", "share/share_label"),
    ("no", "Les også: Bystyret vil bygge nye sykkelveier", "middle", "related/inline_link"),
    ("no", "Mest lest", "end", "related/related_heading"),
    ("no", "Foto: NTB", "middle", "credits/photo_credit"),
]


def _new_lang_article(lang: str, line: str, where: str) -> str:
    p1, p2, p3 = NEW_LANG_ARTICLES[lang]
    if where == "top":
        return "\n".join([line, "", p1, p2, p3])
    if where == "end":
        return "\n".join([p1, p2, p3, line])
    return "\n".join([p1, p2, line, p3])


@pytest.mark.parametrize("lang,line,where,expected", NEW_LANG_REMOVED,
                         ids=[f"{r[0]}-{r[1][:20]}" for r in NEW_LANG_REMOVED])
def test_new_language_furniture_removed_with_reason(lang, line, where, expected):
    res = cleanpage.clean_and_explain(_new_lang_article(lang, line, where), lang=lang)
    assert res.document.lang == lang
    v = {b.text: (f"{b.removal.filter}/{b.removal.reason}" if b.removal else None) for b in res.document.blocks}
    assert v[line] == expected
    assert all(v[p] is None for p in NEW_LANG_ARTICLES[lang]), "article paragraph lost"


# Sentences of those languages that hold a label's word (advertising, cookies, sharing,
# comments) and are article text.
NEW_LANG_KEPT = [
    ("cs", "Reklama na nový tramvajový tarif stála radnici víc peněz, než kolik nakonec vynesla."),
    ("el", "Η διαφήμιση της νέας γραμμής κόστισε στον δήμο περισσότερα από όσα απέφερε τελικά."),
    ("he", "הפרסומת לקו החדש עלתה לעירייה יותר ממה שהכניסה בסופו של דבר, כך טענו המבקרים."),
    ("th", "ผู้ว่าฯ กล่าวว่าจะแชร์ผลการสำรวจให้ประชาชนทุกคนที่ขอข้อมูลผ่านทางอีเมล"),
    ("ro", "Primarul a spus că va distribui rezultatele sondajului tuturor locuitorilor care le cer pe e-mail."),
    ("hu", "A polgármester szerint a hirdetés többe került a városnak, mint amennyi bevételt végül hozott."),
    ("da", "Borgmesteren sagde, at hun vil dele resultaterne med alle borgere, der beder om dem per mail."),
    ("fi", "Pormestarin mukaan kommentit otetaan huomioon ennen kuin valtuusto tekee lopullisen päätöksen."),
    ("no", "Tilsynet fant at butikkens nettside bruker informasjonskapsler til å følge besøkende på andre sider."),
]


@pytest.mark.parametrize("lang,line", NEW_LANG_KEPT, ids=[lang for lang, _ in NEW_LANG_KEPT])
def test_new_language_lookalike_sentence_kept(lang, line):
    res = cleanpage.clean_and_explain(_new_lang_article(lang, line, "middle"), lang=lang)
    v = {b.text: b.removal for b in res.document.blocks}
    assert v[line] is None, v[line]
