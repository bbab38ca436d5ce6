"""Credits read as names: a byline's text into person and agency names, and what a name looks like."""

from __future__ import annotations

import re

from .dateparse import find_date_span
from .text import clean_text

AGENCIES = (
    "Reuters", "AFP", "Agence France-Presse", "Agence France Presse", "AP", "Associated Press", "The Associated Press",
    "dpa", "Deutsche Presse-Agentur", "dpa-AFX", "ddp", "SID", "EFE", "Agencia EFE", "ANSA", "AGI", "Adnkronos", "Lusa",
    "Agência Brasil", "Xinhua", "Xinhua News Agency", "TASS", "RIA Novosti", "Interfax", "Ukrinform", "Bloomberg", "UPI",
    "PA Media", "PA", "Press Association", "APA", "KNA", "epd", "sda", "Keystone-SDA", "Anadolu", "Anadolu Ajansı",
    "Anadolu Agency", "AZERTAC", "Trend", "Kyodo", "Kyodo News", "Jiji Press", "Yonhap", "Yonhap News Agency",
    "ANP", "Belga", "Europa Press", "Ritzau", "NTB", "TT", "STT", "PAP", "ČTK", "CTK", "TASR", "MTI", "BTA",
    "Agerpres", "HINA", "Tanjug", "AAP", "Australian Associated Press", "The Canadian Press", "Canadian Press", "PTI",
    "Press Trust of India", "IANS", "ANI", "Bernama", "Antara", "CNA", "IRNA", "WAM", "SPA", "KUNA", "QNA", "MENA",
    "Staff", "Staff Reporter", "Newsroom", "Editorial Board",
)
_AGENCY_KEYS = {name.casefold() for name in AGENCIES}
# The label word for a writer, in the languages bylines are read in: "Author:", "Autorin", "Auteur".
AUTHOR_LABEL = r"authors?|autor(?:in|en)?|auteur|autore"
# Rules and bars that set a credit apart: "| By", "— by", "Dec 17, 2025 · Jane Doe".
_DOTS_AND_PIPES = "|·•"
_DASHES = "-–—"
_BARS = _DOTS_AND_PIPES + _DASHES
LEADING_BARS = rf"^[{re.escape(_BARS)}\s]*"
# A bar between two parts of a line ("Jane Doe | 05.04.2025", "25.10.2022 - Reiner Nagel"): a dash only after a space,
# as a hyphen joins words.
BAR_BETWEEN = rf"(?:[{re.escape(_DOTS_AND_PIPES)}]|\s[{re.escape(_DASHES)}])"
_BY_PREFIX = re.compile(
    rf"{LEADING_BARS}(?:(?:updated|published|posted|aktualisiert|veröffentlicht)\s+)?"
    r"(?:(?:ein|blog)\s+)?(?:this\s+(?:post|article|story|piece)\s+(?:was|is)\s+)?(?:(?:written|text|words|story|reporting|erstellt|eingestellt|geschrieben|verfasst|artikel|beitrag|"
    r"escrito|écrit|scritto)\s+)?"
    rf"(?:by|von|par|por|di|door|av|af|przez|{AUTHOR_LABEL})\b[:\s]*"
    # A credit label with a colon in a marked byline: "Interview: Julia Lauter", "Text: Jane Doe".
    r"|^\s*(?:text|texte|interview|words|protokoll|redaktion|contributors?)\s*:\s*",
    re.I,
)
_TRAILING_ROLE = re.compile(r"\s+(?:기자|記者|특파원|reporter|redakteur(?:in)?|korrespondent(?:in)?|stand)$", re.I)
# "Associated Press in Valencia", "Jane Doe in Kyiv": the place a piece was filed from.
_FILED_FROM = re.compile(r"\s+(?:in|aus|en)\s+\w[\w\s\-]*$")
# What a name's part of a byline runs on into: "Niko Matsakis on behalf of Vision Doc group", "Richard David Precht
# im Gespräch (mit Karin Fischer)": the name ends before it.
_RUN_ON_PHRASE = re.compile(
    r"\s+(?:on\s+behalf\s+of|im\s+gespräch|im\s+interview|in\s+conversation)\b.*$"
    # A note of words in brackets after the name, a job title: "Eberhard Fuhr (Pressesprecher des EJW)"; a word alone
    # in brackets may be the name's own ("Deutsche Welle (www.dw.com)" is a site, not a person).
    r"|\s+\([^()\s]+\s[^()]*\)?$",
    re.I,
)
# "with agencies", "mit Agenturen": wires credited without a name, so no publisher either.
_UNNAMED_AGENCIES = re.compile(r"^(?:news\s+)?(?:agencies|agenturen|agences|agencias|wires|wire\s+services)$", re.I)
# Lower-case function words never inside a name: "Powered by", "Posted in".
_PROSE_WORDS = frozenset("by of the for from to on at in is are was about more all posted written powered für pour para".split())
_NAME_SEPARATORS = re.compile(r"\s*(?:,|;|\||[·•]|&|/|\s[-–—]\s|\band\b|\bwith\b|\bmit\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b|\bog\b|\boch\b|\bi\b)\s*", re.I)
_ROLE_WORDS = re.compile(
    r"\b(?:correspondent|reporter|editor|writer|columnist|contributor|producer|analyst|"
    r"journalist|author|photographer|chief|senior|deputy|managing|(?:last\s+)?updated|published|posted|publiziert|"
    r"critic|reviewer|presenter|commentator|intern|freelance|contributing|special|sponsored|gesponsert\w*|sponsoris\w*|"
    r"veröffentlicht|aktualisiert|publié|publicado|expert|consultant|founder|co-founder|director|manager|owner|"
    r"president|ceo|moderator|admin|administrator|specialist|strategist|coordinator|officer|associate|advisor|adviser|"
    r"scientist|researcher|professor|lecturer|engineer|developer|designer|marketer|experte|expertin|"
    r"minister|ministre|ministra|projektleiter(?:in)?|webmaster|educator|psychologist|therapist|counsell?or|"
    r"dietitian|nutritionist|horticultur\w*ist|physician|attorney|lawyer|"
    r"follow|share|subscribe|folgen|teilen|abonnieren|alle\s+artikel)\b",  # buttons beside the name
    re.I,
)
# A desk, a team or an organisation signs as a group: "Investopedia Team", "BR24 Redaktion", "Cleveland Clinic".
_COLLECTIVE_WORDS = re.compile(
    r"\b(?:staff|team|desk|bureau|news|nachrichten|noticias|notizie|newsroom|editorial|redaktion|redacción|rédaction|redazione|"
    r"foundation|clinic|institute|university|college|school|hospital|association|society|council|ministry|"
    r"company|corporation|inc|llc|ltd|gmbh|stiftung|verband|verein)\b",
    re.I,
)
# "By Jane Doe on 3 May", "Von Max Muster am 3. Mai": the word that leads into the date.
_BEFORE_DATE = re.compile(
    r"\s+(?:on|am|vom|le|el|il|op)(?:\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day|\s+\w+tag|\s+mittwoch)?,?\s*$"
    r"|\s+(?-i:Mo|Di|Mi|Do|Fr|Sa|So|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?,\s*$"  # "Lisa Petrich Mi, 18. Oktober"
    # Only a weekday before the date ("Sat, 20 Dec, 2025", "Sun Dec 17, 2023", "Donnerstag, 20.01.2022"): no name.
    r"|^\s*(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|(?:mon|tues|wednes|thurs|fri|satur|sun)day|montag|dienstag|"
    r"mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|"
    r"miércoles|jueves|viernes|sábado|domingo)\.?,?\s*$",
    re.I,
)
# "Jane Doe says:": a reader's comment, not a byline.
COMMENT_VERB = re.compile(r"\s(?:says|writes|sagt|schreibt|dice|dit)\s*:?$", re.I)
_HANDLE_OR_EMAIL = re.compile(r"\S+@\S+|@\w+|https?://\S+")
# Letters, maybe dotted or dashed parts, maybe a short number: not a generated id nor "undefined".
_USER_HANDLE = re.compile(r"^[^\W\d_]{2,}(?:[._\-][^\W\d_]+)*\d{0,4}$")
# Two or three words of letters in any case: a full name as its owner typed it ("kirstin boatto").
_LOWER_CASE_NAME = re.compile(r"^[^\W\d_]{2,}(?: [^\W\d_]{2,}){1,2}$")
# The label of the link to a writer's biography inside an author box ("Full Bio"): no name.
_PROFILE_LINK_LABELS = frozenset({"bio", "full bio", "biography", "profile", "view profile", "about the author"})
_PLACEHOLDERS = frozenset("undefined null none nan unknown anonymous admin administrator".split())  # no writer
# "Shop by Category", "Sort by Date": what a shop or a list is browsed by, not who wrote.
_FACET_WORDS = frozenset(
    "category categories collection collections type brand price size color colour date topic topics region "
    "country countries manufacturer popularity relevance rating weight style material".split()
)
# "From Apple": a line that opens with a function word is a phrase, not a name. Articles and prepositions may
# open a group's credit ("The Currency editors"), and "By" is read as the byline's label.
_PHRASE_OPENERS = _PROSE_WORDS - frozenset("by of the to on at in is are was".split())
_NAME_WORD = re.compile(r"^[\w'’.\-]+$")
_MAX_SURNAME_WORDS = 3  # words read after a given name in a biography: "Anna" -> "Anna Lena Schmidt"
# A "see more" link around a writer's name: "Read more about The Upwork Team", "More articles by Jane Doe".
_SEE_MORE_PREFIX = re.compile(r"^(?:read\s+)?more\s+(?:(?:articles|posts|stories)\s+)?(?:about|from|by)\s+", re.I)
# A credit for pictures or a translation later in the writer's line ends the writer's names: "Text von Christian
# Seiler Illustration von Markus Roost", "By Jane Doe Photos by John Smith". "Edited by" is left alone: a book's
# "Revised Edition Edited by" names no writer before it.
_LATER_OTHER_CREDIT = re.compile(
    r"\s+(?:(?:illustrations?|illustrationen|fotos?|photos?|photographs?|photography|bilder|grafiken?|graphics?|video|"
    r"kamera|camera|translated|übersetzt|übersetzung)\s+(?:by|von|par|por|di)|"
    r"(?:illustrations?|illustrationen|fotos?|photos?|bilder|grafiken?|graphics?)\s*:)\s.*$",
    re.I,
)
# The articles that open a publication's title, capitalised: "Die", "El", "La", "Le", "Het". English "The" also opens a
# pen name or a user's ("The Ritualist", "The Photon"), which readers take for the writer.
_TITLE_ARTICLES = frozenset("die der das el la le les los las il het de".split())
_NAME_PARTICLES = frozenset("von van de der den da di del della du le la bin al zu ten ter".split())


def parse_byline(text: str) -> list[str]:
    """Person and agency names in a byline: "By A, B and C, Senior Correspondent July 25, 2023"."""
    text = _LATER_OTHER_CREDIT.sub("", _HANDLE_OR_EMAIL.sub(" ", clean_text(text)))
    text = _BY_PREFIX.sub("", _SEE_MORE_PREFIX.sub("", without_date(text)))
    if text[:1].islower():
        return []  # "By clicking ... Privacy Policy": prose, not a byline
    names: list[str] = []
    parts = _NAME_SEPARATORS.split(text)
    for part in [without_job_title(parts[0]), *parts[1:]]:
        name = clean_name(part)
        if name is None and (names or any(is_prose_word(token) for token in part.split())):
            # A job title after the names, or a phrase (an institute's name): its other parts are not names
            # ("Jane Doe, Head of Sales and Community", "Landesanstalt für Wald und Forstwirtschaft - LWF").
            break
        if name and name not in names:
            names.append(name)
    return one_credit(names, text) if all(is_single_word(name) for name in names) else without_places(names)


def is_single_word(name: str) -> bool:
    """One capitalised word, not an agency ("Maria", not "AFP"); names in scripts without case ("박준석") are whole."""
    return " " not in name and name[:1].isupper() and not is_agency(name)


def one_credit(names: list[str], text: str) -> list[str]:
    """Single words joined in a byline are one credit, not several people: a couple's or a pair's first names ("Maria &
    Katerina", "Linny and Peter") or a name of words ("Herz und Blut")."""
    if len(names) < 2:
        return names
    start, end = text.find(names[0]), text.rfind(names[-1]) + len(names[-1])
    return [text[start:end]] if 0 <= start < end else names


_DATE_LABEL = re.compile(r"(\w+)\s*:")  # one word and a colon before a date


def without_date(byline: str) -> str:
    """The byline's names without its date: the text before the date, or after it when the names follow
    ("Posted on May 3, 2024 by Jane Doe", "Dec 17, 2025 · Julian K. Arni").
    """
    date_span = find_date_span(byline)
    if not date_span:
        return byline
    after = byline[date_span[1] :].strip()
    before = _BEFORE_DATE.sub("", byline[: date_span[0]])
    if _BY_PREFIX.match(after):
        return after
    if (label := _DATE_LABEL.fullmatch(before.strip())) and not is_agency(label[1]):
        return ""  # "Stand: 20. April 2020": the date's label, not a name
    # Nothing before the date: the names follow it, maybe after the same date written twice.
    return before if before.strip() else without_date(after.lstrip(" " + _BARS))


def without_places(names: list[str]) -> list[str]:
    """Names without one-word parts beside full names: "Von Max Mustermann, Berlin" names a place."""
    if not any(len(name.split()) > 1 for name in names):
        return names
    return [name for name in names if len(name.split()) > 1 or is_agency(name)]


def clean_name(part: str) -> str | None:
    """A name without roles and punctuation, or None when no name is left."""
    part = _TRAILING_ROLE.sub("", _BY_PREFIX.sub("", part.strip(" .:-–—()[]\"'")))
    part = without_place_filed_from(_RUN_ON_PHRASE.sub("", part)) if not is_agency(part) else part
    if is_agency(part) or is_group_credit(part):
        return part
    if _ROLE_WORDS.search(part) or _UNNAMED_AGENCIES.match(part) or COMMENT_VERB.search(part) or not part:
        return None
    tokens = part.split()
    if len(part) < 2 or not 1 <= len(tokens) <= 5 or not all(_NAME_WORD.match(t) for t in tokens):
        return None
    # Lower-case words mark prose; scripts without case (CJK, Arabic) pass.
    if any(ch.isdigit() for ch in part) or tokens[0][:1].islower() or any(is_prose_word(t) for t in tokens[1:]):
        return None
    key = part.casefold().rstrip(".")
    if tokens[0].casefold() in _PHRASE_OPENERS or key in _FACET_WORDS or key in _PROFILE_LINK_LABELS:
        return None
    return part


def without_place_filed_from(part: str) -> str:
    """A credit without the place it was filed from ("Jane Doe in Kyiv", "Reuters in London"); a word alone before
    "in" is a phrase's ("Get in touch"), not a name."""
    name = _FILED_FROM.sub("", part)
    return name if " " in name or is_agency(name) or name == part else part


def is_group_credit(part: str) -> bool:
    """A desk, team or staff signing as a group ("Investopedia Team", "BR24 Redaktion", "Guardian staff reporter"),
    not a person with a title ("Senior News Editor": the title comes first).
    """
    group = _COLLECTIVE_WORDS.search(part)
    if not group:
        return False
    role = _ROLE_WORDS.search(part)
    return (not role or role.start() > group.start()) and len(part.split()) <= 6


def without_job_title(part: str) -> str:
    """The name before a job title run into it ("Jane Doe Chief Political Editor" is Jane Doe); nothing when
    fewer than two words are left ("Senior Correspondent"). Only a byline's first name is read so: in a later
    part the words before a title are the rest of it ("Jane Doe, Privacy and Digital Security Expert").
    """
    role = _ROLE_WORDS.search(part)
    if not role or is_group_credit(part):
        return part
    name = part[: role.start()].rstrip(" ,|-–—")
    return name if len(name.split()) >= 2 else ""


def is_prose_word(token: str) -> bool:
    """A function word of prose, never part of a name (particles such as "von", "de" are)."""
    return token in _PROSE_WORDS


def is_agency(name: str) -> bool:
    return clean_text(name).casefold() in _AGENCY_KEYS


def split_people_and_agencies(names: list[str]) -> tuple[list[str], list[str]]:
    """People for `authors`, agencies for `publisher`."""
    people = [name for name in names if not is_agency(name)]
    agencies = [name for name in names if is_agency(name)]
    return people, agencies


def name_as_typed(name: str) -> list[str]:
    """[name] as its owner typed it, where the markup says it is a name (a Person object, an author meta tag or
    link): a forum user name ("amondale", "luizjr4") or a full name in lower case ("kirstin boatto"), which
    a byline's text would not pass; [] for a placeholder ("undefined"), a role or a group.
    """
    name = clean_text(name)
    if name.casefold() in _PLACEHOLDERS or _ROLE_WORDS.search(name) or is_group_credit(name):
        return []
    return [name] if _USER_HANDLE.match(name) or _LOWER_CASE_NAME.match(name) else []


def looks_like_person(name: str) -> bool:
    """Two to four capitalised words, name particles ("von", "de", "van der") aside, and nothing that joins words
    ("Einheimischen, Gästen" is a list)."""
    tokens = name.split()
    return 2 <= len(tokens) <= 4 and all(
        (token[:1].isupper() or token in _NAME_PARTICLES) and _NAME_WORD.match(token) for token in tokens
    )


def is_publication_title(name: str) -> bool:
    """A publication's title, led by an article ("Die FURCHE", "El Colombiano"): a person's name opens with a given
    name."""
    first = name.split()[0] if " " in name else ""
    return first[:1].isupper() and first.casefold() in _TITLE_ARTICLES


def is_account_name(name: str) -> bool:
    """A CMS account ("andrew.keaveney", "brandon-peaktwo", "admin", "KatieS"): one word in lower case, with a dot or
    underscore, or in camel case; on an article the writer only when no later source shows a real name.
    """
    return " " not in name and (name.islower() or bool(re.search(r"[._]|[a-z][A-Z]", name)))


def completed_name(name: str, description: str) -> str:
    """A given name alone ("Stefanus") completed from the biography that opens with the full name ("Stefanus Stahl -
    Maschinenbauer ...", "Nils Pickert ist freier Autor"): the capitalised words right after it."""
    words = clean_text(description).split()
    if " " in name or words[:1] != [name]:
        return name
    full = [name]
    for word in words[1:_MAX_SURNAME_WORDS + 1]:
        bare = word.rstrip(",;:")
        if not (bare[:1].isupper() and _NAME_WORD.match(bare)):
            break
        full.append(bare)
        if bare != word:
            break
    return " ".join(full)


def given_name_first(name: str) -> str:
    """A citation's "Last, First" name in reading order ("Roy, Aniruddha" is Aniruddha Roy); other names as they are."""
    parts = [part.strip() for part in name.split(",")]
    return f"{parts[1]} {parts[0]}" if len(parts) == 2 and all(parts) else name
