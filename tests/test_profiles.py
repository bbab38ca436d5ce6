"""Site profiles: the bundled ones load, `newsspider profiles` lists them, bad files fail in one line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest

from newsspider.extract import parse_page
from newsspider.extract.overrides import apply_selectors
from newsspider.items import Article, Image
from newsspider.profiles import ProfileError, bundled_profiles, load_profile


def newsspider(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newsspider", *args], capture_output=True, text=True, timeout=60)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "site.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_bundled_demo_profile_loads_by_name() -> None:
    demo = load_profile("demo")
    assert demo.name == "demo" and demo.timezone == "Asia/Baku" and demo.start_urls == ("/",)
    assert "demo" in [profile.name for profile in bundled_profiles()]


def test_profiles_command_lists_the_bundled_profiles() -> None:
    result = subprocess.run([sys.executable, "-m", "newsspider", "profiles"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("demo - ") and "Asia/Baku" in result.stdout


def test_css_and_xpath_selectors_become_xpath(tmp_path: Path) -> None:
    profile = load_profile(write(tmp_path, '[selectors]\ntitle = { css = "h1.headline" }\nbody = { xpath = "//div[@id=\'story\']" }\n'))
    assert profile.name == "site"
    assert profile.selectors["body"] == "//div[@id='story']"
    page = lxml.html.fromstring('<div><h1 class="headline-sub">a</h1><h2 class="headline">b</h2><h1 class="big headline">c</h1></div>')
    assert [element.text for element in page.xpath(profile.selectors["title"])] == ["c"]


def test_profiles_check_describes_a_good_file_and_fails_a_bad_one_in_one_line(tmp_path: Path) -> None:
    good = tmp_path / "example.toml"
    good.write_text('description = "News Example"\ntimezone = "Europe/Berlin"\ndiscovery = ["sitemaps", "feeds"]\n'
                    '[selectors]\ntitle = { css = "h1.article-title" }\nbody = { css = "div.article-body" }\n')
    result = newsspider("profiles", "--check", str(good))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "example - News Example (discovery sitemaps+feeds; timezone Europe/Berlin; selectors title, body)", f"    {good}"
    ]
    bad = write(tmp_path, '[selectors]\ntitle = { css = "h1[" }\n')
    result = newsspider("profiles", "--check", str(bad))
    assert (result.returncode, result.stdout) == (2, ""), result.stderr
    assert result.stderr.startswith(f"newsspider: error: {bad}: selectors.title.css: bad selector 'h1[': ")
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
    missing = newsspider("profiles", "--check", str(tmp_path / "nope.toml"))
    assert missing.returncode == 2 and missing.stderr == f"newsspider: error: {tmp_path / 'nope.toml'}: no such profile file\n"


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('nme = "x"\n', "nme: unknown key"),
        ('discovery = ["sitemaps", "rumours"]\n', "discovery: unknown source 'rumours'"),
        ('timezone = "Mars/Olympus"\n', "timezone: unknown time zone"),
        ('deny = ["(unclosed"]\n', "deny: bad regular expression"),
        ('[selectors]\nheadline = { css = "h1" }\n', "selectors.headline: unknown field"),
        ('[selectors]\ntitle = "h1"\n', "selectors.title: must be"),
        ('[selectors]\ntitle = { css = "h1[" }\n', "selectors.title.css: bad selector"),
        ('start_urls = "/"\n', "start_urls: must be a list of strings"),
        ("name = \n", "not valid TOML"),
    ],
)
def test_a_malformed_profile_names_the_file_and_key(tmp_path: Path, text: str, where: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ProfileError) as error:
        load_profile(path)
    assert str(error.value).startswith(f"{path}: ") and where in str(error.value)


def test_a_malformed_profile_fails_the_crawl_in_one_line(tmp_path: Path) -> None:
    path = write(tmp_path, 'language = 5\n')
    result = subprocess.run(
        [sys.executable, "-m", "newsspider", "crawl", "http://127.0.0.1:9/", "--profile", str(path), "--out", str(tmp_path)],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.strip() == f"newsspider: error: {path}: language: must be a string"


PAGE = """<html><head><title>Site | Generic title</title></head><body>
<h1>Generic title</h1><p class="who">Written by Ana Lima and Rui Costa</p>
<span class="stamp">2024-02-03 10:15</span>
<figure><img src="/p.jpg"><div class="legend">Boats in the harbour Photo: Ana Lima</div></figure>
<div id="story"><p>First paragraph.</p><p>Second paragraph.</p></div></body></html>"""


def test_selectors_replace_the_fields_they_match(tmp_path: Path) -> None:
    profile = load_profile(write(tmp_path, """
[selectors]
title = { xpath = "//title/text()" }
authors = { css = "p.who" }
published_at = { css = "span.stamp" }
captions = { css = "div.legend" }
body = { css = "#story" }
modified_at = { css = "span.absent" }
"""))
    page = parse_page(PAGE, "https://news.example/a/", site_timezone="Europe/Lisbon")
    article = Article(url=page.url, title="Generic title", images=[Image(url="https://news.example/p.jpg")])
    apply_selectors(page, article, profile.selectors)
    assert article.title == "Site | Generic title"
    assert article.authors == ["Ana Lima", "Rui Costa"]
    assert article.published_at is not None and article.published_at.isoformat() == "2024-02-03T10:15:00+00:00"
    assert article.modified_at is None  # no match: the generic value stays
    assert (article.images[0].caption, article.images[0].credit) == ("Boats in the harbour", "Ana Lima")
    assert article.body == "First paragraph.\n\nSecond paragraph." and article.word_count == 4


def test_a_caption_selector_matching_only_a_credit_leaves_no_empty_caption(tmp_path: Path) -> None:
    profile = load_profile(write(tmp_path, '[selectors]\ncaptions = { css = "div.legend" }\n'))
    page = parse_page(PAGE.replace("Boats in the harbour ", ""), "https://news.example/a/")
    article = Article(url=page.url, images=[Image(url="https://news.example/p.jpg", caption="Boats")])
    apply_selectors(page, article, profile.selectors)
    assert (article.images[0].caption, article.images[0].credit) == (None, "Ana Lima")  # as the images step gives it
