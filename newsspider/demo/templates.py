"""HTML templates of the demo site: the page chrome, one function per article markup variant, listings."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape
from typing import Any
from urllib.parse import quote, urljoin

from newsspider.demo.content import SITE_NAME, DemoArticle, DemoImage, Heading, Markup, Moment, slugify

# A 1x1 transparent GIF: what lazy-loading themes put in src until the script swaps in data-src.
LAZY_PLACEHOLDER = "data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw=="


@dataclass(frozen=True)
class ArticleView:
    """What an article template needs: the article, its neighbours and where the site lives."""

    article: DemoArticle
    related: Sequence[DemoArticle]
    base_url: str

    @property
    def url(self) -> str:
        return urljoin(self.base_url, self.article.path)


# --- page chrome -------------------------------------------------------------------------------


def page_html(
    *,
    title: str,
    main: str,
    sections: Sequence[str],
    description: str = "",
    head: str = "",
    canonical: str | None = None,
) -> str:
    """A whole HTML5 document: head, site header with navigation, main content, footer."""
    nav = "".join(f'<li><a href="/section/{slugify(name)}/">{escape(name)}</a></li>' for name in sections)
    canonical_link = f'<link rel="canonical" href="{escape(canonical)}">' if canonical else ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)} | {SITE_NAME}</title>
<meta name="description" content="{escape(description)}">
{canonical_link}
<link rel="stylesheet" href="/static/style.css">
<link rel="alternate" type="application/rss+xml" title="{SITE_NAME}" href="/feed.xml">
{head}
</head>
<body>
<header class="site-header">
<a class="site-logo" href="/"><img src="/static/logo.svg" alt="{SITE_NAME}"></a>
<nav class="main-nav"><ul><li><a href="/">Home</a></li>{nav}<li><a href="/about/">About</a></li></ul></nav>
<form class="search" action="/search/" method="get"><input name="q" type="search"><button>Search</button></form>
</header>
<main id="content">
{main}
</main>
<footer class="site-footer">
<p><a href="/about/">About us</a> <a href="/contact/">Contact</a> <a href="/feed.xml">RSS</a>
<a href="/sitemap.xml">Sitemap</a></p>
<p>&copy; 2024 {SITE_NAME}. All rights reserved.</p>
</footer>
</body>
</html>
"""


# --- dates -----------------------------------------------------------------------------------


def iso(moment: Moment, in_utc: bool = False) -> str:
    """ISO 8601 as machines want it; in UTC with a Z when the site's CMS stores UTC."""
    if in_utc and isinstance(moment, datetime):
        return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")
    return moment.isoformat()


def long_date(moment: Moment) -> str:
    return f"{moment:%B} {moment.day}, {moment.year}"


def long_date_time(moment: Moment) -> str:
    return f"{long_date(moment)} {moment:%H:%M}" if isinstance(moment, datetime) else long_date(moment)


def dotted_date(moment: Moment) -> str:
    return f"{moment:%d.%m.%Y %H:%M}" if isinstance(moment, datetime) else f"{moment:%d.%m.%Y}"


DATE_FORMATS: dict[str, Callable[[Moment], str]] = {
    "long": long_date,
    "long_time": long_date_time,
    "dotted": dotted_date,
    "iso": lambda moment: moment.isoformat(),
}


def date_html(moment: Moment, markup: Markup, css_class: str) -> str:
    """A visible date, in a <time datetime> element or as plain text, per the article's markup."""
    text = escape(DATE_FORMATS[markup.date_format](moment))
    if markup.time_element:
        return f'<time class="{css_class}" datetime="{iso(moment)}">{text}</time>'
    return f'<span class="{css_class}">{text}</span>'


def updated_html(article: DemoArticle, label: str) -> str:
    if article.modified is None:
        return ""
    return f' <span class="updated-label">{label}</span> {date_html(article.modified, article.markup, "updated")}'


# --- bylines ---------------------------------------------------------------------------------


def byline_html(article: DemoArticle) -> str:
    """The byline as printed, each staff author's name linked to their author page."""
    html = escape(article.byline)
    for name in article.authors:
        html = html.replace(escape(name), f'<a rel="author" href="/author/{slugify(name)}/">{escape(name)}</a>', 1)
    return html


# --- images ----------------------------------------------------------------------------------


def img_tag(image: DemoImage, loading: str) -> str:
    """The <img> as a plain, lazy (data-src) or responsive (srcset) theme writes it."""
    alt = escape(image.alt)
    if loading == "data-src":
        return (
            f'<img class="lazyload" src="{LAZY_PLACEHOLDER}" data-src="{image.path}" alt="{alt}">'
            f'<noscript><img src="{image.path}" alt="{alt}"></noscript>'
        )
    if loading == "srcset":
        return (
            f'<img src="{image.path}" srcset="{image.path}?w=480 480w, {image.path} 960w" '
            f'sizes="(max-width: 600px) 480px, 960px" loading="lazy" alt="{alt}">'
        )
    return f'<img src="{image.path}" alt="{alt}" width="960" height="540">'


CREDIT_FORMATS: dict[str, Callable[[str], str]] = {
    "span": lambda credit: f' <span class="credit">{credit}</span>',
    "photo": lambda credit: f" Photo: {credit}",
    "paren": lambda credit: f" ({credit})",
    "copyright": lambda credit: f" &copy; {credit}",
    "slash": lambda credit: f" / {credit}",
}

CAPTION_WRAPPERS: dict[str, Callable[[str, str], str]] = {
    "figure": lambda img, caption: f'<figure class="article-image">{img}<figcaption>{caption}</figcaption></figure>',
    "div": lambda img, caption: f'<div class="image-block">{img}<div class="caption">{caption}</div></div>',
}


def image_html(image: DemoImage, markup: Markup) -> str:
    """An image with its caption; caption_style is "<wrapper>+<credit format>", e.g. "div+span"."""
    wrapper, credit_format = markup.caption_style.split("+")
    caption = escape(image.caption)
    if image.credit:
        caption += CREDIT_FORMATS[credit_format](escape(image.credit))
    return CAPTION_WRAPPERS[wrapper](img_tag(image, markup.image_loading), caption)


# --- boxes that sit inside the article container but are not the story ------------------------


def share_box(view: ArticleView) -> str:
    url = quote(view.url, safe="")
    return (
        '<div class="share"><span>Share this article</span> '
        f'<a href="https://www.facebook.com/sharer/sharer.php?u={url}">Facebook</a> '
        f'<a href="https://twitter.com/intent/tweet?url={url}">X</a> '
        f'<a href="mailto:?subject={quote(view.article.title)}">Email</a> <button>Copy link</button></div>'
    )


def related_box(view: ArticleView) -> str:
    links = "".join(f'<li><a href="{other.path}">{escape(other.title)}</a></li>' for other in view.related)
    return f'<aside class="related"><h3>Related stories</h3><ul>{links}</ul></aside>'


def read_more_box(view: ArticleView) -> str:
    other = view.related[0]
    return f'<p class="read-more"><strong>Read more:</strong> <a href="{other.path}">{escape(other.title)}</a></p>'


def newsletter_box(view: ArticleView) -> str:
    return (
        '<div class="newsletter"><h3>The Morning Briefing</h3>'
        "<p>Get the day's most important stories in your inbox every weekday at 7am.</p>"
        '<form action="/newsletter/" method="post"><input type="email" name="email" placeholder="Your email">'
        "<button>Sign up</button></form></div>"
    )


def ad_box(view: ArticleView) -> str:
    return '<div class="ad-slot" data-slot="mid-article">Advertisement</div>'


BOXES: dict[str, Callable[[ArticleView], str]] = {
    "share": share_box,
    "related": related_box,
    "read_more": read_more_box,
    "newsletter": newsletter_box,
    "ad": ad_box,
}

# Where in the body each box goes: after which paragraph (1-based); the newsletter closes the body.
BOX_AFTER_PARAGRAPH = {"related": 2, "ad": 2, "read_more": 3}


def boxes_html(view: ArticleView, names: Sequence[str]) -> str:
    return "".join(BOXES[name](view) for name in names if name in view.article.markup.boxes)


# --- article body ----------------------------------------------------------------------------


def body_html(view: ArticleView) -> str:
    """Paragraphs and subheadings, with mid-body boxes and the later images between them."""
    article = view.article
    parts: list[str] = []
    paragraph_count = 0
    for block in article.body:
        if isinstance(block, Heading):
            parts.append(f"<h2>{escape(block.text)}</h2>")
            continue
        parts.append(f"<p>{escape(block)}</p>")
        paragraph_count += 1
        parts.append(boxes_html(view, [name for name, at in BOX_AFTER_PARAGRAPH.items() if at == paragraph_count]))
        if paragraph_count == 3:
            parts.extend(image_html(image, article.markup) for image in article.images[1:])
    parts.append(boxes_html(view, ["newsletter"]))
    return "\n".join(part for part in parts if part)


def lead_image_html(article: DemoArticle) -> str:
    return image_html(article.images[0], article.markup) if article.images else ""


def tags_html(article: DemoArticle) -> str:
    if not article.tags:
        return ""
    items = "".join(f'<li><a href="/tag/{slugify(tag)}/" rel="tag">{escape(tag)}</a></li>' for tag in article.tags)
    return f'<div class="tags"><span>Topics:</span><ul>{items}</ul></div>'


def breadcrumb_html(article: DemoArticle) -> str:
    return (
        f'<nav class="breadcrumb"><a href="/">Home</a> &rsaquo; '
        f'<a href="/section/{article.section_slug}/">{escape(article.section)}</a></nav>'
    )


# --- article layouts, one per markup variant -------------------------------------------------


def classic_layout(view: ArticleView) -> str:
    """A broadsheet theme: <article>, standfirst, byline paragraph, figure, story-body div."""
    article = view.article
    return f"""{breadcrumb_html(article)}
<article class="story">
<header class="story-header">
<h1 class="headline">{escape(article.title)}</h1>
<p class="standfirst">{escape(article.summary)}</p>
<p class="byline">{byline_html(article)}</p>
<p class="dateline">{date_html(article.published, article.markup, "published")}{updated_html(article, "Updated")}</p>
{boxes_html(view, ["share"])}
</header>
{lead_image_html(article)}
<div class="story-body">
{body_html(view)}
</div>
{tags_html(article)}
</article>"""


def magazine_layout(view: ArticleView) -> str:
    """A blog-engine theme: div.post, meta line of spans, entry-content div, no <article> element."""
    article = view.article
    return f"""<div class="post">
<div class="post-category"><a href="/section/{article.section_slug}/">{escape(article.section)}</a></div>
<h1 class="entry-title">{escape(article.title)}</h1>
<div class="post-meta"><span class="author-name">{byline_html(article)}</span> <span class="sep">|</span>
{date_html(article.published, article.markup, "post-date")}{updated_html(article, "Updated:")}</div>
{boxes_html(view, ["share"])}
{lead_image_html(article)}
<div class="entry-content">
<p class="lead"><strong>{escape(article.summary)}</strong></p>
{body_html(view)}
</div>
{tags_html(article)}
</div>"""


def newsroom_layout(view: ArticleView) -> str:
    """The caspiannews.com theme: update line, newsroom logo, title, byline and date on one line."""
    article = view.article
    updated = ""
    if article.modified is not None:
        updated = f'<div class="last-update">Last update: {escape(long_date_time(article.modified))}</div>'
    return f"""{breadcrumb_html(article)}
<div class="news-detail">
{updated}
<div class="newsroom-logo"><img src="/static/logo.svg" alt="Newsroom logo"><span>Newsroom logo</span></div>
<h1 class="news-title">{escape(article.title)}</h1>
<div class="news-author">{byline_html(article)} {date_html(article.published, article.markup, "news-date")}</div>
{boxes_html(view, ["share"])}
{lead_image_html(article)}
<div class="news-text">
{body_html(view)}
</div>
{tags_html(article)}
</div>"""


LAYOUTS: dict[str, Callable[[ArticleView], str]] = {
    "classic": classic_layout,
    "magazine": magazine_layout,
    "newsroom": newsroom_layout,
}


# --- machine-readable metadata, one per variant -----------------------------------------------


def person_jsonld(name: str, base_url: str) -> dict[str, Any]:
    return {"@type": "Person", "name": name, "url": urljoin(base_url, f"/author/{slugify(name)}/")}


def authors_jsonld(view: ArticleView) -> Any:
    """The author property as CMSs write it: Person objects, a plain string, or the agency."""
    article = view.article
    if not article.authors:
        return {"@type": "Organization", "name": article.publisher} if article.publisher else None
    if article.markup.author_style == "string":
        return article.authors[0] if len(article.authors) == 1 else list(article.authors)
    return [person_jsonld(name, view.base_url) for name in article.authors]


def news_article_jsonld(view: ArticleView) -> dict[str, Any]:
    article = view.article
    in_utc = article.markup.dates_in_utc
    node: dict[str, Any] = {
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.summary,
        "datePublished": iso(article.published, in_utc),
        "mainEntityOfPage": view.url,
        "articleSection": article.section,
        "keywords": ", ".join(article.tags),
        "inLanguage": "en",
        "image": [
            {"@type": "ImageObject", "url": urljoin(view.base_url, image.path), "caption": image.caption}
            for image in article.images
        ],
        "publisher": {
            "@type": "Organization",
            "name": SITE_NAME,
            "logo": {"@type": "ImageObject", "url": urljoin(view.base_url, "/static/logo.svg")},
        },
    }
    if article.modified is not None:
        node["dateModified"] = iso(article.modified, in_utc)
    author = authors_jsonld(view)
    if author is not None:
        node["author"] = author
    return node


def graph_jsonld(view: ArticleView) -> dict[str, Any]:
    """The Yoast-style @graph: WebPage, NewsArticle and Person nodes linked by @id."""
    node = news_article_jsonld(view)
    people = [person_jsonld(name, view.base_url) | {"@id": f"{view.base_url}#/person/{slugify(name)}"}
              for name in view.article.authors]
    node |= {"@id": f"{view.url}#article", "isPartOf": {"@id": view.url}}
    if people:
        node["author"] = [{"@id": person["@id"]} for person in people]
    webpage = {"@type": "WebPage", "@id": view.url, "url": view.url, "name": view.article.title}
    return {"@context": "https://schema.org", "@graph": [webpage, node, *people]}


def script_jsonld(data: dict[str, Any]) -> str:
    # "</" must not end the script element early.
    text = json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/")
    return f'<script type="application/ld+json">\n{text}\n</script>'


def og_basic_meta(view: ArticleView) -> str:
    """What every share-friendly page has: OpenGraph title, description, url, image."""
    article = view.article
    tags = [
        ("og:site_name", SITE_NAME),
        ("og:type", "article"),
        ("og:title", article.title),
        ("og:description", article.summary),
        ("og:url", view.url),
    ]
    if article.images:
        tags.append(("og:image", urljoin(view.base_url, article.images[0].path)))
    return "\n".join(f'<meta property="{name}" content="{escape(value)}">' for name, value in tags)


def opengraph_meta(view: ArticleView) -> str:
    """OpenGraph plus article:* tags (dates, section, tags, author pages) and meta name=author."""
    article = view.article
    tags = [("article:published_time", iso(article.published)), ("article:section", article.section)]
    if article.modified is not None:
        tags.append(("article:modified_time", iso(article.modified)))
    tags += [("article:tag", tag) for tag in article.tags]
    tags += [("article:author", urljoin(view.base_url, f"/author/{slugify(name)}/")) for name in article.authors]
    lines = [og_basic_meta(view), *(f'<meta property="{n}" content="{escape(v)}">' for n, v in tags)]
    if article.authors:
        lines.append(f'<meta name="author" content="{escape(", ".join(article.authors))}">')
    return "\n".join(lines)


HEAD_METADATA: dict[str, Callable[[ArticleView], str]] = {
    "jsonld": lambda view: og_basic_meta(view)
    + "\n"
    + script_jsonld({"@context": "https://schema.org"} | news_article_jsonld(view)),
    "jsonld_graph": lambda view: opengraph_meta(view) + "\n" + script_jsonld(graph_jsonld(view)),
    "opengraph": opengraph_meta,
    "og_basic": og_basic_meta,
    "none": lambda view: "",
}


def article_page(view: ArticleView, sections: Sequence[str]) -> str:
    """The full article page in the article's layout with its metadata variant."""
    article = view.article
    return page_html(
        title=article.title,
        description=article.summary,
        main=LAYOUTS[article.markup.layout](view),
        head=HEAD_METADATA[article.markup.meta](view),
        canonical=view.url,
        sections=sections,
    )


# --- listings and plain pages ------------------------------------------------------------------


def teaser_html(article: DemoArticle, href: str | None = None) -> str:
    return (
        f'<article class="teaser"><h2><a href="{escape(href or article.path)}">{escape(article.title)}</a></h2>'
        f"<p>{escape(article.summary)}</p>"
        f'<p class="teaser-meta">{escape(article.section)} &middot; {escape(long_date(article.published))}</p>'
        "</article>"
    )


def pagination_html(base_path: str, number: int, count: int) -> str:
    if count <= 1:
        return ""
    links = [f"<span>Page {number} of {count}</span>"]
    if number > 1:
        newer = base_path if number == 2 else f"{base_path}page/{number - 1}/"
        links.insert(0, f'<a rel="prev" href="{newer}">Newer stories</a>')
    if number < count:
        links.append(f'<a rel="next" href="{base_path}page/{number + 1}/">Older stories</a>')
    return f'<nav class="pagination">{" ".join(links)}</nav>'


def listing_main(heading: str, intro: str, articles: Sequence[DemoArticle], pagination: str = "") -> str:
    teasers = "\n".join(teaser_html(article) for article in articles)
    return (
        f'<h1>{escape(heading)}</h1>\n<p class="intro">{escape(intro)}</p>\n'
        f'<div class="teasers">\n{teasers}\n</div>\n{pagination}'
    )


def home_main(top: Sequence[DemoArticle], most_read: Sequence[tuple[DemoArticle, str]]) -> str:
    """Top stories plus a most-read box whose links carry tracking parameters."""
    teasers = "\n".join(teaser_html(article) for article in top)
    popular = "".join(f'<li><a href="{escape(href)}">{escape(article.title)}</a></li>' for article, href in most_read)
    return (
        f'<h1 class="visually-hidden">{SITE_NAME}</h1>\n'
        f'<section class="top-stories"><h2>Top stories</h2>\n{teasers}\n</section>\n'
        f'<aside class="most-read"><h2>Most read</h2><ol>{popular}</ol></aside>'
    )


ABOUT_MAIN = f"""<h1>About us</h1>
<p>{SITE_NAME} is an independent daily covering politics, business, culture and sport across the Caspian region and
beyond. Our newsroom in Baku works with correspondents in Tbilisi, Astana and Istanbul and with international
news agencies.</p>
<p>We correct errors promptly; corrections are noted at the end of the article concerned.</p>"""

CONTACT_MAIN = """<h1>Contact</h1>
<p>Newsroom: <a href="mailto:newsroom@meridianpost.example">newsroom@meridianpost.example</a>, +994 12 555 01 00.</p>
<p>Advertising: <a href="mailto:ads@meridianpost.example">ads@meridianpost.example</a>.</p>
<form action="/contact/" method="post"><label>Your message <textarea name="message"></textarea></label>
<button>Send</button></form>"""

SEARCH_MAIN = """<h1>Search</h1>
<p>Type a word in the search box to find stories. Search pages are not meant for crawlers.</p>"""
