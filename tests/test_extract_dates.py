"""Dates: published and modified apart, day-first numbers, relative dates, site timezone, never in the future."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from newsspider.extract import extract_article, parse_page
from newsspider.extract.dateparse import parse_date
from newsspider.extract.datelines import date_lines, same_page
from newsspider.extract.dates import published_at

FETCHED = datetime(2024, 3, 1, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
def berlin_page():
    return parse_page("<html><body><p>x</p></body></html>", "https://example.com/a", fetched_at=FETCHED, site_timezone="Europe/Berlin")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("25.07.2023", datetime(2023, 7, 24, 22, 0, tzinfo=timezone.utc)),  # day first, midnight Berlin time
        ("07/08/2023", datetime(2023, 8, 6, 22, 0, tzinfo=timezone.utc)),
        ("2023-07-25T10:15:00+02:00", datetime(2023, 7, 25, 8, 15, tzinfo=timezone.utc)),
        ("July 25, 2023", datetime(2023, 7, 24, 22, 0, tzinfo=timezone.utc)),
        ("25 juillet 2023", datetime(2023, 7, 24, 22, 0, tzinfo=timezone.utc)),
        ("2 hours ago", datetime(2024, 3, 1, 10, 0, tzinfo=timezone.utc)),
        ("2099-01-01", None),  # after the fetch
    ],
)
def test_parse_date(berlin_page, text: str, expected: datetime | None) -> None:
    assert parse_date(text, berlin_page) == expected


def test_last_update_line_is_the_modified_time_not_the_published_one() -> None:
    html = (
        "<html><head><title>T</title></head><body><article><h1>T</h1>"
        "<p>By Ilham Karimli July 25, 2023</p><p>Last update: February 21, 2024 19:34</p><p>Text.</p></article></body></html>"
    )
    article = extract_article(html, "https://example.com/a", fetched_at=FETCHED, site_timezone="Asia/Baku")
    assert article.published_at == datetime(2023, 7, 24, 20, 0, tzinfo=timezone.utc)
    assert article.modified_at == datetime(2024, 2, 21, 15, 34, tzinfo=timezone.utc)


def test_jsonld_date_published_and_modified() -> None:
    html = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "T",'
        ' "datePublished": "2023-05-01T08:00:00Z", "dateModified": "2023-05-02T09:30:00Z"}</script></head>'
        "<body><h1>T</h1><p>Updated 3 May 2023</p></body></html>"
    )
    article = extract_article(html, "https://example.com/a", fetched_at=FETCHED)
    assert article.published_at == datetime(2023, 5, 1, 8, 0, tzinfo=timezone.utc)
    assert article.modified_at == datetime(2023, 5, 2, 9, 30, tzinfo=timezone.utc)


def test_date_in_the_url_when_the_page_has_none() -> None:
    article = extract_article("<html><body><h1>T</h1><p>Text.</p></body></html>", "https://example.com/2022/11/05/story/", fetched_at=FETCHED)
    assert article.published_at == datetime(2022, 11, 5, tzinfo=timezone.utc)


def test_a_date_far_from_the_urls_day_gives_way_to_the_url() -> None:
    html = '<html><head><meta property="article:published_time" content="2009-04-11T18:06:36Z"></head><body><h1>T</h1></body></html>'
    article = extract_article(html, "https://example.com/2019/10/22/story/", fetched_at=FETCHED)
    assert article.published_at == datetime(2019, 10, 22, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.com/2017/09/review/", "2017-09-09"),  # the date near the headline is before the URL's month
        ("https://example.com/2017/08/review/", "2017-08-14"),
        ("https://example.com/2017-09_review", "2017-09-09"),
        ("https://example.com/209302-review", "2017-08-14"),  # a story number, not a month
    ],
)
def test_a_date_before_the_urls_month_gives_way_to_one_shown_in_that_month(url: str, expected: str) -> None:
    html = (
        "<html><body><article><h1>Review</h1><div class='meta'>14.08.2017</div><p>" + "Text. " * 30 + "</p>"
        "<div class='footer-note'>9. September 2017</div></article></body></html>"
    )
    assert extract_article(html, url, fetched_at=FETCHED).published_at.date().isoformat() == expected


def test_a_date_before_the_urls_month_with_none_shown_in_it_is_no_date_but_a_later_one_is_a_re_run() -> None:
    html = '<html><head><meta property="article:published_time" content="{}"></head><body><h1>T</h1></body></html>'
    assert extract_article(html.format("2014-01-01T00:00:00Z"), "https://example.com/archive/2023/12/a.html", fetched_at=FETCHED).published_at is None
    rerun = extract_article(html.format("2023-04-25T08:18:00+02:00"), "https://example.com/2018/04/a.html", fetched_at=FETCHED)
    assert rerun.published_at.isoformat() == "2023-04-25T08:18:00+02:00"


def test_a_version_number_in_the_slug_is_not_a_url_date() -> None:
    html = '<html><head><meta property="article:published_time" content="2023-05-03T08:45:44Z"></head><body><h1>T</h1></body></html>'
    article = extract_article(html, "https://example.com/t/2023-4-4-2023-5-0-issue-stuck/724779", fetched_at=FETCHED)
    assert article.published_at.isoformat() == "2023-05-03T08:45:44+00:00"


def test_a_time_a_day_off_the_urls_day_is_kept_as_the_page_gives_it() -> None:
    html = '<html><head><meta property="article:published_time" content="2020-02-25T02:25:54Z"></head><body><h1>T</h1></body></html>'
    article = extract_article(html, "https://example.com/2020/02/24/story/", fetched_at=FETCHED)
    assert article.published_at == datetime(2020, 2, 25, 2, 25, 54, tzinfo=timezone.utc)


def test_a_utc_time_is_shown_in_site_time_when_the_site_timezone_is_known() -> None:
    html = '<html><head><meta property="article:published_time" content="2020-02-25T02:25:54Z"></head><body><h1>T</h1></body></html>'
    published = extract_article(html, "https://example.com/a", fetched_at=FETCHED, site_timezone="America/New_York").published_at
    assert (published.isoformat(), published.date().isoformat()) == ("2020-02-24T21:25:54-05:00", "2020-02-24")


def test_htmldate_finds_what_our_own_sources_miss() -> None:
    html = '<html><head><meta name="citation_publication_date" content="2021/03/04"></head><body><h1>T</h1><p>Text.</p></body></html>'
    published = extract_article(html, "https://example.com/a", fetched_at=FETCHED).published_at
    assert published == datetime(2021, 3, 4, tzinfo=timezone.utc)


def test_a_modified_label_in_the_middle_of_a_date_line() -> None:
    html = (
        '<html><body><h1>T</h1><div class="meta"><span class="post-date">January 9, 2024</span> '
        '<span class="updated-label">Updated:</span> <span class="updated">January 10, 2024</span></div><p>Text.</p></body></html>'
    )
    article = extract_article(html, "https://example.com/a", fetched_at=FETCHED, site_timezone="Asia/Baku")
    assert (article.published_at.isoformat(), article.modified_at.isoformat()) == ("2024-01-09T00:00:00+04:00", "2024-01-10T00:00:00+04:00")


def test_a_utc_time_takes_the_offset_the_page_writes_for_the_same_moment() -> None:
    html = (
        '<html><head><meta name="date" content="Sat, 19 Oct 2019 00:04:00 +0200">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2019-10-18T22:04:00Z"}</script>'
        "</head><body><h1>T</h1><p>Text.</p></body></html>"
    )
    published = extract_article(html, "https://example.at/a", fetched_at=FETCHED).published_at
    assert published.isoformat() == "2019-10-19T00:04:00+02:00"


def test_an_offset_written_for_another_moment_is_not_taken() -> None:
    html = (
        '<html><head><meta property="article:published_time" content="2015-05-12T06:05:27+00:00"></head>'
        '<body><h1>T</h1><p>Updated <time datetime="2024-01-25T12:56:29-07:00">January 25, 2024</time></p></body></html>'
    )
    published = extract_article(html, "https://example.com/a", fetched_at=FETCHED).published_at
    assert published.isoformat() == "2015-05-12T06:05:27+00:00"


def test_a_utc_time_takes_the_offset_of_the_local_time_the_page_shows() -> None:
    html = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2022-05-04T00:44:52.000Z"}'
        '</script></head><body><h1>T</h1><div class="credits">Por Rodolfo Costa</div><p class="date">03/05/2022 21:44</p>'
        "<p>Text.</p></body></html>"
    )
    published = extract_article(html, "https://example.com.br/a", fetched_at=FETCHED).published_at
    assert published.isoformat() == "2022-05-03T21:44:52-03:00"


def test_a_time_after_a_bar_in_the_byline_date() -> None:
    html = (
        '<html><head><meta property="article:published_time" content="2020-02-25T02:25:54+00:00"></head>'
        '<body><h1>T</h1><p class="byline-date">February 24, 2020 | 9:25pm</p><p>Text.</p></body></html>'
    )
    published = extract_article(html, "https://example.com/2020/02/24/story/", fetched_at=FETCHED).published_at
    assert published.isoformat() == "2020-02-24T21:25:54-05:00"


def test_a_day_without_a_time_is_not_moved_to_another_offset() -> None:
    html = (
        '<html><head><meta property="article:published_time" content="2016-02-14"></head>'
        '<body><h1>T</h1><p class="timeline">Feb 14, 2016 10:47 AM EST</p><p>Text.</p></body></html>'
    )
    published = extract_article(html, "https://example.com/a", fetched_at=FETCHED).published_at
    assert published.isoformat() == "2016-02-14T00:00:00+00:00"


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en-US", "03-09-2023", "2023-03-09"),  # a US page puts the month first
        ("en", "03-09-2023", "2023-09-03"),  # plain English is read day first, as most of the world writes it
        ("en-US", "07.08.2023", "2023-08-07"),  # dots are day first everywhere
        ("de", "03/25/2023", "2023-03-25"),  # a day above 12 settles the order whatever the language
        ("en-US", "25/03/2023", "2023-03-25"),
    ],
)
def test_numeric_dates_are_read_in_the_page_locale(lang: str, text: str, expected: str) -> None:
    page = parse_page(f'<html lang="{lang}"><body><p>x</p></body></html>', "https://example.com/a", fetched_at=FETCHED)
    assert parse_date(text, page).date().isoformat() == expected


def test_og_locale_marks_a_us_page() -> None:
    html = '<html><head><meta property="og:locale" content="en_US"></head><body><p>x</p></body></html>'
    page = parse_page(html, "https://example.com/a", fetched_at=FETCHED)
    assert parse_date("07/08/2023", page).date().isoformat() == "2023-07-08"


def test_a_declared_publication_after_the_modification_gives_way_to_the_shown_first_publication() -> None:
    html = (
        '<html><head><script type="application/ld+json">{"@type": "BlogPosting", "datePublished": "Aug 21, 2023",'
        ' "dateModified": "Aug 20, 2023"}</script></head><body><h1>T</h1>'
        '<div class="meta"><span>Published Apr 26, 2022</span> <span>Updated Aug 21, 2023</span></div><p>Text.</p></body></html>'
    )
    article = extract_article(html, "https://example.com/a", fetched_at=FETCHED)
    assert article.published_at.isoformat() == "2022-04-26T00:00:00+00:00"


def one_save_page(shown: str) -> str:
    """A page whose declared publication and modification were stamped by one save, showing `shown`."""
    return (
        '<html><head><meta property="article:published_time" content="2023-06-24T10:00:00+00:00">'
        '<meta property="article:modified_time" content="2023-06-24T10:01:30+00:00"></head>'
        f'<body><h1>T</h1><p class="date">{shown}</p><p>Text.</p></body></html>'
    )


def test_publication_and_modification_stamped_by_one_save_give_way_to_the_shown_first_publication() -> None:
    article = extract_article(one_save_page("August 25, 2022"), "https://example.com/blog/a", fetched_at=FETCHED)
    assert article.published_at.date().isoformat() == "2022-08-25"


def test_a_shown_date_outside_the_urls_month_does_not_replace_the_declared_one() -> None:
    article = extract_article(one_save_page("August 25, 2022"), "https://example.com/2023/06/a", fetched_at=FETCHED)
    assert article.published_at.isoformat() == "2023-06-24T10:00:00+00:00"


def test_a_scheduled_post_keeps_its_declared_publication() -> None:
    # Drafted (last modified) on the 7th, published on the 25th: the shown date of the draft is not the publication.
    html = (
        '<html><head><meta property="article:published_time" content="2022-12-25T11:00:02+00:00">'
        '<meta property="article:modified_time" content="2022-12-07T09:10:52+00:00"></head>'
        '<body><h1>T</h1><p class="date">7 December 2022</p><p>Text.</p></body></html>'
    )
    article = extract_article(html, "https://example.com/a", fetched_at=FETCHED)
    assert article.published_at.isoformat() == "2022-12-25T11:00:02+00:00"


def test_declarations_that_disagree_give_way_to_the_one_on_the_shown_day() -> None:
    # An imported article: JSON-LD keeps the import stamp, the meta tag and the printed date the publication.
    html = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2022-01-04T07:29:00Z",'
        ' "dateModified": "2022-01-25T14:24:00Z"}</script>'
        '<meta property="article:published_time" content="2022-01-06T08:29:34"></head>'
        '<body><h1>T</h1><p class="date">06.01.2022</p><p>Text.</p></body></html>'
    )
    article = extract_article(html, "https://example.com/a", fetched_at=FETCHED)
    assert article.published_at.isoformat() == "2022-01-06T08:29:34+00:00"


def test_a_publication_field_holding_the_modification_is_not_confirmed_by_the_shown_day() -> None:
    # The page prints the day of its last edit; the meta publication tag merely repeats the modification stamp.
    html = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2023-08-04T13:23:00Z",'
        ' "dateModified": "2023-08-05T19:49:50Z"}</script>'
        '<meta property="article:published_time" content="2023-08-05T19:49:50Z"></head>'
        '<body><h1>T</h1><p class="date">5 Aug 2023</p><p>Text.</p></body></html>'
    )
    article = extract_article(html, "https://example.com/a", fetched_at=FETCHED)
    assert article.published_at.isoformat() == "2023-08-04T13:23:00+00:00"


def test_a_forum_threads_opening_post_is_dated_by_its_jsonld() -> None:
    html = (
        '<html><head><script type="application/ld+json">{"@type": "DiscussionForumPosting", "headline": "T",'
        ' "datePublished": "2023-11-28T19:07:05Z"}</script></head>'
        '<body><h1>T</h1><div class="post">01/12/2023 at 6:49 pm</div><p>Text.</p></body></html>'
    )
    article = extract_article(html, "https://example.com/t", fetched_at=FETCHED)
    assert article.published_at.isoformat() == "2023-11-28T19:07:05+00:00"


def test_a_bare_server_timestamp_takes_the_offset_of_the_local_time_the_page_shows() -> None:
    html = (
        '<html><head><script type="application/ld+json">{"@type": "DiscussionForumPosting", "headline": "T",'
        ' "datePublished": "2023-02-15 03:05:48"}</script></head>'
        '<body><h1>T</h1><div class="post">Feb 14, 2023 | 9:05 pm</div><p>Text.</p></body></html>'
    )
    article = extract_article(html, "https://example.com/t", fetched_at=FETCHED)
    assert article.published_at.isoformat() == "2023-02-14T21:05:48-06:00"


def test_a_utc_time_takes_the_offset_of_the_pages_other_times_that_week() -> None:
    html = (
        '<html><head><meta property="article:published_time" content="2023-12-19T02:41:41+00:00"></head>'
        '<body><h1>T</h1><p>Text.</p><ol class="comments"><li><time datetime="2023-12-18T21:46:01-05:00">9:46 pm</time></li>'
        '<li><time datetime="2023-12-19T08:00:00-05:00">8:00 am</time></li></ol>'
        '<p class="old"><time datetime="2015-06-01T10:00:00-04:00">old</time></p></body></html>'
    )
    article = extract_article(html, "https://example.com/a", fetched_at=FETCHED)
    assert article.published_at.isoformat() == "2023-12-18T21:41:41-05:00"


def test_a_date_in_a_table_cell_beside_the_headline() -> None:
    # Hand-made blogs lay out title and date in a table; the sidebar lists other posts' dates later.
    html = (
        '<html><body><table><tr><td><h3>Backup Strategy</h3></td><td align="right">January 22nd, 2019</td></tr></table>'
        '<p>Text.</p><div class="sidebar"><small class="date">December 12, 2023</small></div></body></html>'
    )
    article = extract_article(html, "https://example.com/p/backup", fetched_at=FETCHED)
    assert article.published_at.date().isoformat() == "2019-01-22"


def test_a_date_in_the_headlines_block_beats_an_earlier_one_elsewhere() -> None:
    html = (
        '<html><body><div class="topbar"><span class="today">February 12, 2024</span></div>'
        '<div class="post"><div class="post-head"><h1>T</h1><p class="meta">November 2, 2022</p></div><p>Text.</p></div></body></html>'
    )
    article = extract_article(html, "https://example.com/p", fetched_at=FETCHED)
    assert article.published_at.date().isoformat() == "2022-11-02"


def test_the_headlines_block_is_the_articles_whatever_its_class_says() -> None:
    # A newsletter archive: the post's own header sits in a container named like a sign-up box.
    html = (
        '<html><body><div class="topbar"><span class="today">February 12, 2024</span></div>'
        '<div class="newsletter-post"><h1>T</h1><div class="newsletter-meta">November 2, 2022</div></div>'
        f"<p>{'Text of the post. ' * 10}</p></body></html>"
    )
    article = extract_article(html, "https://example.com/p", fetched_at=FETCHED)
    assert article.published_at.date().isoformat() == "2022-11-02"


def test_dates_in_a_teaser_list_are_not_the_pages_date() -> None:
    teasers = "".join(f'<li><a href="/{n}">Other story {n}</a> <span>0{n}.08.2022</span></li>' for n in range(3, 6))
    html = (
        f'<html lang="de"><body><article><h1>T</h1><ul class="links">{teasers}</ul>'
        '<p>Text.</p><p class="stand">12.12.2022</p></article></body></html>'
    )
    article = extract_article(html, "https://example.com/p", fetched_at=FETCHED)
    assert article.published_at.date().isoformat() == "2022-12-12"


def test_a_line_around_a_time_element_is_read_from_the_elements_value() -> None:
    html = (
        '<html><body><article><h1>T</h1><p class="meta">By Ann Lee · <time datetime="2023-05-04T09:30:00+02:00">4 May 2023</time></p>'
        "<p>Text.</p></article></body></html>"
    )
    article = extract_article(html, "https://example.com/p", fetched_at=FETCHED)
    assert article.published_at.isoformat() == "2023-05-04T09:30:00+02:00"


@pytest.mark.parametrize(
    ("confirming", "expected"),
    [
        ('<p class="created">Erstellt am: 01.11.2023</p>', "2023-11-01"),  # a dotted date confirms the month-first reading
        ('<p class="created">Erstellt am: 11.01.2023</p>', "2023-01-11"),  # ... or the page's own day-first one
        ("", "2023-01-11"),  # nothing to confirm either: a German page reads day first
    ],
)
def test_an_ambiguous_numeric_date_takes_the_reading_the_page_confirms(confirming: str, expected: str) -> None:
    assert published_day(german_page('<meta name="date" content="11/01/2023 12:43:42">', confirming)) == expected


@pytest.mark.parametrize(
    ("shown", "expected"),
    [
        ("", "2021-11-05"),  # German is written in Central European time: 23:00 UTC is the next local day
        ('<p class="meta">04/11/2021</p>', "2021-11-04"),  # the page shows the UTC day: local time mislabelled as UTC
    ],
)
def test_a_utc_stamp_on_a_german_page_has_the_central_european_day(shown: str, expected: str) -> None:
    assert published_day(german_page('<meta property="article:published_time" content="2021-11-04T23:07:45Z">', shown)) == expected


def german_page(head: str, shown: str) -> str:
    """A German article page with `head` in its head and `shown` above its text."""
    return f'<html lang="de"><head>{head}</head><body><article><h1>T</h1>{shown}<p>{"Text. " * 20}</p></article></body></html>'


def published_day(html: str) -> str:
    article = extract_article(html, "https://example.com/p", fetched_at=FETCHED)
    return article.published_at.date().isoformat()


def test_a_questions_date_created_beats_the_publication_dates_of_its_comments_and_answers() -> None:
    html = (
        '<html><body><div itemscope itemtype="https://schema.org/Question"><h1>Why is except: pass bad?</h1>'
        '<time itemprop="dateCreated" datetime="2014-02-04 13:02:51Z">12 years ago</time><p>' + "Question text. " * 20 + "</p>"
        '<ul><li itemscope itemtype="https://schema.org/Comment"><p>A comment.</p>'
        '<time itemprop="datePublished">2019-01-21T21:40:59Z</time></li></ul>'
        '<div itemscope itemtype="https://schema.org/Answer"><p>' + "Answer text. " * 20 + "</p>"
        '<time itemprop="dateCreated" datetime="2014-02-04 13:27:40Z"></time></div></div></body></html>'
    )
    article = extract_article(html, "https://example.com/questions/21553327/why", fetched_at=FETCHED)
    assert article.published_at.isoformat() == "2014-02-04T13:02:51+00:00"


def test_a_date_set_as_a_small_heading_above_the_headline_is_a_date_line() -> None:
    html = (
        '<html><body><div class="hero"><h5 class="hero-preheadline">January 23, 2023</h5><h1>Solar in four steps</h1></div>'
        "<p>" + "Text. " * 30 + "</p></body></html>"
    )
    page = parse_page(html, "https://example.com/blog/solar", fetched_at=FETCHED)
    assert ("h5", "January 23, 2023") in [(element.tag, text) for element, text in date_lines(page)]
    assert published_at(page).date().isoformat() == "2023-01-23"


def test_a_posters_registration_date_beside_the_thread_title_is_not_the_threads_date() -> None:
    html = (
        '<html><body><div class="blockpost firstpost"><h2><span>#1</span> <a href="?pid=1">2023-08-03 10:59:47</a></h2>'
        '<div class="box"><div class="inbox"><div class="postbody"><div class="postleft"><dl><dt>archuser</dt>'
        "<dd><span>Registered: 2023-01-27</span></dd></dl></div><div class=\"postright\"><h3>Old school forum software?</h3>"
        "<p>" + "Question text. " * 20 + "</p></div></div></div></div></div></body></html>"
    )
    article = extract_article(html, "https://example.com/viewtopic.php?id=298271", fetched_at=FETCHED)
    assert article.published_at.date().isoformat() == "2023-08-03"


def test_a_copyright_year_is_no_publication_date_but_a_shown_new_years_day_is() -> None:
    html = "<html><body><h1>Pressure cookers</h1><p>{}</p><p>" + "Text. " * 30 + "</p><footer><p>© 2023 Example Shop</p></footer></body></html>"
    url = "https://example.com/shop/pots"
    assert extract_article(html.format("We cook with them every day."), url, fetched_at=FETCHED).published_at is None
    shown = extract_article(html.format("We have cooked with these pots every single day since January 1, 2023."), url, fetched_at=FETCHED)
    assert shown.published_at is not None and shown.published_at.date().isoformat() == "2023-01-01"


@pytest.mark.parametrize("shown", ["2025.12.17", "2025/12/17"])
def test_a_year_first_dotted_or_slashed_date_is_read_whole_not_from_its_last_digits(shown: str) -> None:
    html = f"<html><body><h1>Title</h1><p><span>Essay - Published: {shown} | </span><a href='/t'>tag</a></p><p>{'Text. ' * 30}</p></body></html>"
    article = extract_article(html, "https://example.com/blog/2025-12_a-post", fetched_at=datetime(2026, 1, 1, tzinfo=timezone.utc))
    assert article.published_at == datetime(2025, 12, 17, tzinfo=timezone.utc)


def test_a_publication_stamp_with_the_modifications_clock_reading_is_that_save_not_the_first_publication() -> None:
    html = (
        '<html><head><meta name="DC.date" content="2024-07-05T14:20:08Z">'
        '<meta property="og:updated_time" content="2024-07-05T14:20:08-04:00"></head>'
        '<body><h1>Healthy eating tips</h1><div><time datetime="2024-03-01 05:00:00">March 1, 2024</time></div>'
        f"<p>{'Text. ' * 30}</p></body></html>"
    )
    article = extract_article(html, "https://example.com/nutrition/tips.html", fetched_at=datetime(2024, 8, 1, tzinfo=timezone.utc))
    assert article.published_at == datetime(2024, 3, 1, 5, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ('By Anna <time class="published">October 18, 2019</time>', datetime(2019, 10, 18, 12, 17, 42, tzinfo=timezone.utc)),
        ("Updated October 18, 2019", datetime(2017, 7, 21, tzinfo=timezone.utc)),  # the day shown is the edit's
    ],
)
def test_one_save_stamping_publication_and_modification_is_kept_when_the_page_shows_that_day(byline: str, expected: datetime) -> None:
    html = (
        '<html><head><script type="application/ld+json">{"@type": "BlogPosting", "headline": "Lounge access",'
        ' "datePublished": "2019-10-18T12:17:42+00:00", "dateModified": "2019-10-18T12:17:42+00:00"}</script></head>'
        f'<body><h1>Lounge access</h1><p class="post-byline">{byline}</p>'
        f"<p>{'Text. ' * 30}</p>"
        '<div class="group"><p>Rail passes</p><p>Published on July 21, 2017</p></div></body></html>'
    )
    article = extract_article(html, "https://example.com/lounge-access/", fetched_at=FETCHED)
    assert article.published_at == expected


@pytest.mark.parametrize(
    ("shown", "expected"),
    [
        ("29.04.2020, 12:01 Uhr", datetime(2020, 4, 29, 12, 1, tzinfo=timezone.utc)),  # another day: the shown date
        ("30.04.2020", datetime(2020, 4, 30, 9, 15, tzinfo=timezone.utc)),  # the same day: the precise declaration
    ],
)
def test_a_date_shown_for_the_article_comes_before_a_generic_date_meta(shown: str, expected: datetime) -> None:
    html = (
        '<html lang="de"><head><meta name="date" content="2020-04-30T09:15:00Z"></head><body><article>'
        f'<header><h1>Mietenstreik in den USA</h1><p class="date">{shown}</p></header>'
        f"<p>{'Text. ' * 30}</p></article></body></html>"
    )
    article = extract_article(html, "https://example.com/artikel/1136087.mietenstreik.html", fetched_at=FETCHED)
    assert article.published_at == expected


def test_a_word_run_on_after_the_time_is_no_time_zone() -> None:
    html = (
        '<html lang="de"><body><h1>Messe abgesagt</h1><div class="info">24.01.2022 11:38Kategorie: News</div>'
        f"<p>{'Text. ' * 30}</p><div><span class=\"author\">09.10.2021</span> Ältere Meldung</div></body></html>"
    )
    article = extract_article(html, "https://example.com/messe-abgesagt-kaz8693", fetched_at=FETCHED)
    assert article.published_at == datetime(2022, 1, 24, 11, 38, tzinfo=timezone.utc)


def test_a_line_opening_with_a_date_is_a_date_line_however_long_its_rest() -> None:
    html = (
        '<html lang="de"><head><meta name="date" content="2020-02-12"></head><body><div class="news"><h1>Faire Lieferketten</h1>'
        '<div class="timedata">05.02.2020 Kategorie: Aktuelles, Jugendarbeit, Weltweit, Nachhaltigkeit</div>'
        f"<p>{'Text. ' * 30}</p></div></body></html>"
    )
    article = extract_article(html, "https://example.com/aktuell/news/faire-lieferketten/", fetched_at=FETCHED)
    assert article.published_at == datetime(2020, 2, 5, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    ("shown", "expected"),
    [
        ('<p class="date">20. März 2021</p>', datetime(2021, 3, 20, tzinfo=timezone.utc)),  # republished on the modification day
        ('<p class="date-updated">20. März 2021</p>', datetime(2021, 3, 16, 16, 16, 10, tzinfo=timezone.utc)),  # marked as an update
        ("<p>Aktualisiert: 20. März 2021</p>", datetime(2021, 3, 16, 16, 16, 10, tzinfo=timezone.utc)),  # labelled as an update
        ('<p class="date">16. März 2021</p>', datetime(2021, 3, 16, 16, 16, 10, tzinfo=timezone.utc)),  # the publication shown
    ],
)
def test_a_headline_date_on_the_modification_day_is_a_republication_when_the_publication_shows_nowhere(shown: str, expected: datetime) -> None:
    html = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Lockdown verlängert",'
        ' "datePublished": "2021-03-16T16:16:10Z", "dateModified": "2021-03-20T14:00:17Z"}</script></head><body><article>'
        f"<header><h1>Lockdown verlängert</h1>{shown}</header><p>{'Text. ' * 30}</p></article></body></html>"
    )
    article = extract_article(html, "https://example.com/cms/bericht-lockdown-4723862.html", fetched_at=FETCHED)
    assert article.published_at == expected


def test_dates_of_a_teaser_list_are_no_publication_of_the_page() -> None:
    teasers = "".join(f'<li class="teaser"><a href="/n{day}">Andere Meldung</a> <span class="date">{day}.11.2021</span></li>' for day in (30, 29, 28))
    html = (
        '<html lang="de"><body><article><h1>Von Sprachregeln und Genderpolitik</h1>'
        f'<div class="author-date">Datum: 19.11.2021 <br>Autor: Birgit Kelle, Quelle: Livenet, {"mit einem langen Zusatz " * 6}</div>'
        f'<p>{"Text. " * 30}</p></article><ul class="related">{teasers}</ul></body></html>'
    )
    article = extract_article(html, "https://example.com/themen/398805-von_sprachregeln.html", fetched_at=FETCHED)
    assert article.published_at == datetime(2021, 11, 19, tzinfo=timezone.utc)


def test_a_date_in_running_text_within_the_urls_month_dates_a_page_with_no_date_line() -> None:
    html = (
        '<html lang="de"><body><h1>Bewegliche Lettern</h1><div class="post"><p>' + "Ein Text über Typografie. " * 12 + "</p>"
        "<p>Dieser Eintrag wurde am 19. Mai 2010 um 23:03 Uhr gepostet und unter Allgemein, Typografie, Literatur und"
        " Animation abgelegt. Du kannst die Kommentare zu diesem Eintrag über den Feed verfolgen.</p></div>"
        "<footer>© 2016 Bewegliche Lettern</footer></body></html>"
    )
    article = extract_article(html, "https://example.com/2010/05/literatur-und-animated-typography/", fetched_at=FETCHED)
    assert article.published_at == datetime(2010, 5, 19, 23, 3, tzinfo=timezone.utc)


def test_a_forum_thread_under_a_logo_heading_is_dated_by_its_first_post_not_a_quote_or_the_readers_clock() -> None:
    posts = "".join(
        f'<div class="post"><div class="post_head"><span class="post_date">{day}, 09:14 PM</span></div><div class="post_body">{body}</div></div>'
        for day, body in (
            ("2019-02-23", "Which forum software should I pick? " * 5),
            ("2019-02-24", "<blockquote><cite><span>(2019-02-24, 05:31 PM)</span>Skies Wrote:</cite>SMF has not changed.</blockquote>" + "I agree. " * 5),
            ("2019-02-25", "MyBB is easier to theme. " * 5),
        )
    )
    html = (
        '<html><body><div id="container"><div class="header"><h1 class="header__title"><a href="https://example.com/" class="logo">'
        f'<svg><title>Logo</title></svg></a></h1></div><div class="thread"><strong>SMF vs MyBB?</strong>{posts}</div>'
        '<div class="lower"><ul><li><a href="/contact">Contact Us</a></li><li><a href="/">Return to Top</a></li></ul>'
        '<span id="current_time"><strong>Current time:</strong> 2024-02-28, 12:41 PM</span></div></div></body></html>'
    )
    article = extract_article(html, "https://community.example.com/thread-222085.html", fetched_at=FETCHED)
    assert article.published_at is not None and article.published_at.date() == date(2019, 2, 23)


def test_a_paragraph_led_by_a_dated_dateline_dates_the_article_before_a_comment() -> None:
    html = (
        '<html lang="de"><body><article><h1>Bundesregierung drosselt Bioenergie</h1>'
        f"<p>29.11.2022 – Mehrfach und vehement hat die Branche protestiert. {'Text. ' * 30}</p></article>"
        '<div class="comments"><div class="comment"><span class="comment-date">02.12.2022, 15:57:32</span>'
        "<p>Ein Leserkommentar.</p></div></div></body></html>"
    )
    article = extract_article(html, "https://example.com/erneuerbare-energien/bioenergie-branche-protestiert/", fetched_at=FETCHED)
    assert article.published_at == datetime(2022, 11, 29, tzinfo=timezone.utc)


def test_a_menu_entry_or_teaser_title_linking_to_another_page_dates_that_page_not_this_one() -> None:
    html = (
        '<html lang="de"><body><ul><li><a href="/aktuelles/">welt</a></li>'
        '<li><a href="https://example.com/12m-12-mai-2012/">12M – 12. Mai 2012</a></li></ul>'
        "<h1>Reisehinweise Italien</h1><p>" + "Text. " * 30 + "</p>"
        '<p><a href="/italien/einreise/"><span class="subline">04.11.2021 Einreise und Zoll</span></a></p>'
        '<span class="meta"><a href="https://example.com/blog/">Stand</a> 12.11.2021</span></body></html>'
    )
    article = extract_article(html, "https://example.com/blog/", fetched_at=FETCHED)
    assert article.published_at == datetime(2021, 11, 12, tzinfo=timezone.utc)


def test_a_paragraph_led_by_a_dateline_in_parentheses_dates_the_article_before_a_later_teaser() -> None:
    html = (
        '<html lang="de"><body><h6>Energiepreiskrise: Entlastungen und Rechte auf einen Blick</h6>'
        f"<p>(21. November 2022) Energieverbraucher erhalten eine Preiserhöhung. {'Text. ' * 30}</p>"
        '<div class="sidebar-box"><span class="newsitem-time">29.11.2022</span> Neue Tarife</div></body></html>'
    )
    article = extract_article(html, "https://example.com/de/preise/NewsDetail__18725/", fetched_at=FETCHED)
    assert article.published_at == datetime(2022, 11, 21, tzinfo=timezone.utc)


def test_a_utc_stamp_at_local_midnight_on_a_german_page_is_the_local_day_though_the_page_prints_the_utc_day() -> None:
    html = (
        '<html lang="de"><head><meta property="article:published_time" content="2022-11-06T23:00:00.000Z"></head><body>'
        '<article><h1>Provence: Tipps für Südfrankreich</h1><time class="Article__date" datetime="2022-11-06T23:00:00.000Z">6.11.22</time>'
        f"<p>{'Text. ' * 30}</p></article></body></html>"
    )
    article = extract_article(html, "https://example.com/artikel/reisen-provence", fetched_at=FETCHED)
    assert article.published_at is not None and article.published_at.date() == date(2022, 11, 7)


def test_a_labelled_date_on_its_own_line_of_a_long_footer_broken_by_br_dates_the_article() -> None:
    html = (
        '<html lang="de"><body><h1>Die Anleitungen der Vorfahren</h1>'
        f"<p>{'Eine Rezension. ' * 20}</p>"
        '<div class="rez_footer"><p class="footerFrstLn">Letzte Änderung: 31.10.2023 - 14:49:39<br>Erschienen am: 01.11.2023<br>'
        ' Lesungen: 61<br> &copy; bei der Autorin und bei literaturkritik.de<br> <a href="/lizenzen.php">Lizenzen</a> zur Nachpublikation</p></div>'
        "<div><p>Die nächste Ausgabe erscheint am 6. November 2023.</p></div></body></html>"
    )
    article = extract_article(html, "https://example.com/franke-cotten-die-anleitungen-der-vorfahren,30063.html", fetched_at=FETCHED)
    assert article.published_at == datetime(2023, 11, 1, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    ("published", "modified", "expected"),
    [
        ("Di., 25.01.2022 - 14:45", "Mi., 26.01.2022 - 14:30", date(2022, 1, 26)),  # one clock: the next day is another day
        ("2022-01-25T23:00:00Z", "2022-01-26T14:30:00Z", date(2022, 1, 25)),  # UTC: 23:00 may already be the shown day
    ],
)
def test_a_headline_date_a_day_after_the_publication_is_a_republication_only_on_the_pages_own_clock(published: str, modified: str, expected: date) -> None:
    html = (
        f'<html><head><meta property="article:published_time" content="{published}">'
        f'<meta property="article:modified_time" content="{modified}"></head><body><article>'
        f"<header><h1>Waldwege gesperrt</h1><div class=\"online-datum\">26.01.2022</div></header><p>{'Text. ' * 30}</p></article></body></html>"
    )
    article = extract_article(html, "https://example.com/news/waldwege-gesperrt-713266", fetched_at=FETCHED)
    assert article.published_at is not None and article.published_at.date() == expected


def test_a_labelled_date_on_a_br_line_of_a_paragraph_leaves_the_paragraph_to_the_body() -> None:
    page = parse_page(
        '<html lang="de"><body><article><h1>Die Anleitungen der Vorfahren</h1><p>Erschienen am: 01.11.2023<br>Die Rezension'
        " beginnt mit einem langen Satz über das Buch und seine Verfasserin, die schon viele Bücher geschrieben hat.</p>"
        "</article></body></html>",
        "https://example.com/rezension-30063.html",
        fetched_at=FETCHED,
    )
    assert published_at(page) == datetime(2023, 11, 1, tzinfo=timezone.utc)
    assert not page.consumed  # only a whole date line is taken out of the body


@pytest.mark.parametrize(
    "shown",
    [
        '<li><a href="https://example.com/2023/11/08/">Published November 8, 2023</a></li>',  # the day's archive, labelled
        '<li><a href="/author/mazi"><b>Mazi</b> November 8, 2023</a></li>',  # the writer's page
    ],
)
def test_a_date_linked_to_its_days_archive_or_in_the_writers_link_still_dates_the_page(shown: str) -> None:
    html = (
        f"<html><body><article><h1>Nycha repairs lag</h1><ul>{shown}</ul><p>{'Text. ' * 30}</p></article>"
        '<div class="more"><p>Older: 02.10.2023 Another story</p></div></body></html>'
    )
    article = extract_article(html, "https://example.com/news/nycha-repairs/", fetched_at=FETCHED)
    assert article.published_at == datetime(2023, 11, 8, tzinfo=timezone.utc)


def story_with_meta_line(line: str) -> str:
    """A story whose only date is the line under its headline."""
    return (
        "<html><body><article><h1>Council passes the budget</h1>"
        f'<p class="meta">By Jane Doe · {line}</p>'
        "<p>The council voted late on Tuesday to approve the budget for the coming year.</p></article></body></html>"
    )


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("2 hours ago", FETCHED - timedelta(hours=2)),
        ("an hour ago", FETCHED - timedelta(hours=1)),
        ("vor 3 Stunden", FETCHED - timedelta(hours=3)),
        ("il y a 5 minutes", FETCHED - timedelta(minutes=5)),
        ("hace 2 días", FETCHED - timedelta(days=2)),
        ("3 giorni fa", FETCHED - timedelta(days=3)),
        ("2 uur geleden", FETCHED - timedelta(hours=2)),
        ("yesterday", FETCHED - timedelta(days=1)),
    ],
)
def test_a_date_shown_only_relative_to_the_fetch_is_read_against_the_fetch_time(line: str, published: datetime) -> None:
    article = extract_article(story_with_meta_line(line), "https://example.com/news/story", fetched_at=FETCHED)
    assert (article.published_at, article.modified_at) == (published, None)


def test_a_relative_date_in_months_keeps_the_day_of_the_month() -> None:
    fetched = datetime(2024, 3, 20, 12, 0, tzinfo=timezone.utc)
    article = extract_article(story_with_meta_line("2 months ago"), "https://example.com/news/story", fetched_at=fetched)
    assert article.published_at == datetime(2024, 1, 20, 12, 0, tzinfo=timezone.utc)


def test_a_relative_update_is_the_modified_time_and_the_relative_publication_stays_apart() -> None:
    html = story_with_meta_line("3 days ago · Updated 2 hours ago")
    article = extract_article(html, "https://example.com/news/story", fetched_at=FETCHED)
    assert (article.published_at, article.modified_at) == (FETCHED - timedelta(days=3), FETCHED - timedelta(hours=2))
    updated_only = extract_article(story_with_meta_line("Updated 2 hours ago"), "https://example.com/news/story", fetched_at=FETCHED)
    assert (updated_only.published_at, updated_only.modified_at) == (None, FETCHED - timedelta(hours=2))


def test_a_relative_date_gives_way_to_any_written_date_and_never_comes_from_comments_or_membership() -> None:
    written = story_with_meta_line('<time datetime="2024-02-29T08:00:00Z">Feb 29</time> · 2 hours ago')
    assert extract_article(written, "https://example.com/news/story", fetched_at=FETCHED).published_at == datetime(
        2024, 2, 29, 8, 0, tzinfo=timezone.utc
    )
    member = story_with_meta_line("Member since 3 years ago")
    assert extract_article(member, "https://example.com/news/story", fetched_at=FETCHED).published_at is None
    comments = "".join(f'<li class="comment"><b>Reader {n}</b> <span>{n} hours ago</span><p>Nice.</p></li>' for n in range(1, 5))
    thread = story_with_meta_line("").replace("</article>", f"</article><ol>{comments}</ol>")
    assert extract_article(thread, "https://example.com/news/story", fetched_at=FETCHED).published_at is None


def test_a_link_to_the_page_under_another_spelling_of_its_host_is_the_same_page() -> None:
    assert same_page("https://example.com/2024/story/", "https://WWW.example.com/2024/story")
    assert not same_page("https://example.com/2024/story/", "https://example.com/2024/other")
    assert not same_page("https://example.com/2024/story/", "https://example.org/2024/story/")


def test_a_heading_link_with_a_malformed_host_does_not_stop_the_page() -> None:
    html = '<html><body><h1><a href="http://[url]/">Site</a></h1><p>Published February 3, 2024</p></body></html>'
    article = extract_article(html, "https://news.example/story/", fetched_at=FETCHED)
    assert article.published_at is not None and article.published_at.date() == date(2024, 2, 3)
