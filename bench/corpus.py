"""Synthetic articles in the sentence shapes of the sample article.

The sample article (`seed/000_a81acf474c9df295.txt` under the shared directory) gives the
shapes: its title, byline, dateline and paragraphs. Each generated article keeps the lead
paragraph and a random subset of the others, and replaces the people, countries, capitals,
armed groups, outlets, ministries, dates and figures with ones drawn by a seeded generator.
People come from a fixed cast and the rest from the extractor's own gazetteers, so actors
and sources recur across articles the way they do in a newsroom's feed. The same seed and
index always give the same article.
"""

from __future__ import annotations

import os
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from factcheck.extraction.aliases import COUNTRIES, ORGANISATIONS, OUTLETS, Country, Organisation, Outlet
from factcheck.extraction.text import fold, slug

__all__ = ["SEED_FILE", "Corpus", "GeneratedArticle", "seed_path", "seed_text"]

SEED_FILE = Path("seed") / "000_a81acf474c9df295.txt"
REPO_ROOT = Path(__file__).resolve().parents[1]

FIRST_NAMES = (
    "Alina", "Fuad", "Mohammed", "Ali", "Mustafa", "Sara", "Omar", "Layla", "Hassan", "Nadia",
    "Karim", "Yusuf", "Elena", "Marcus", "Ibrahim", "Amira", "Daniel", "Rania", "Tariq", "Hana",
    "Samir", "Leila", "Viktor", "Ingrid", "Jamal", "Farah", "Stefan", "Mariam", "Khalid", "Zainab",
    "Pavel", "Aisha", "Jonas", "Noor", "Rashid", "Selma", "Adrian", "Huda", "Nikolai", "Yasmin",
)  # fmt: skip
LAST_NAMES = (
    "Romanowski", "Hussein", "al-Askari", "al-Kadhimi", "Al Sudani", "Haddad", "Mansour",
    "al-Amiri", "Kovacs", "Rahimi", "Nasser", "al-Jaberi", "Lindqvist", "Petrov", "Karimi",
    "al-Obeidi", "Farouk", "Weber", "Said", "al-Tamimi", "Novak", "Aziz", "Bakr", "Moreau",
    "al-Hakim", "Sadr", "Zubaidi", "Horvat", "Qasim", "al-Maliki", "Fischer", "Darwish",
    "Salih", "Yilmaz", "Jabbar", "Khoury", "Barzani", "Hamdan", "Rossi", "Ismail",
)  # fmt: skip
MINISTRIES = ("Foreign", "Defence", "Interior", "Finance", "Oil")
NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
APOSTROPHE = "\u2019"

# Phrases of the sample article and the slot each is replaced by (longest are tried first).
PHRASES: dict[str, str] = {
    "Alina Romanowski": "person1",
    "Fuad Hussein": "person2",
    f"Mohammed Shia{APOSTROPHE} Al Sudani": "person3",
    "Abu Ali al-Askari": "person4",
    "Mustafa al-Kadhimi": "person5",
    f"Kata{APOSTROPHE}ib Hezbollah (Iraqi Hezbollah Brigades)": "group1",
    "Popular Mobilization Units (PMU)": "group2",
    "ISWNews Analysis Group": "author",
    "Reuters": "outlet1",
    f"CNN{APOSTROPHE}s": "outlet2_possessive",
    "CNN": "outlet2",
    "the United States warplanes": "b_warplanes",
    f"the United States{APOSTROPHE}": "b_possessive",
    "the United States": "b_name",
    "US-led": "b_led",
    "US": "b_adjective",
    "American": "b_adjective",
    "Washington": "b_capital",
    "one Iraqi soldier": "killed",
    "three others": "injured",
    "Iraqi": "a_adjective",
    "Iraq": "a_name",
    "Baghdad": "a_capital",
    "Syria": "c_name",
    "Foreign Minister": "minister",
    "Foreign Ministry": "ministry",
    "Thursday 25 January 2024": "dateline",
    "15:50": "clock",
    "January 24": "event_date",
    "2021": "past_year",
    "2500": "troops",
}
_PATTERN = re.compile(
    "|".join(rf"(?<!\w){re.escape(p)}(?!\w)" for p in sorted(PHRASES, key=len, reverse=True))
)
_BOILERPLATE = ("Read more:", "Share it", "Leave a Reply", "Your email address")


def seed_path() -> Path:
    """The sample article: under FACTCHECK_SHARED_DIR, else ../shared next to the repository."""
    shared = Path(os.environ.get("FACTCHECK_SHARED_DIR", REPO_ROOT.parent / "shared"))
    return shared / SEED_FILE


def seed_text() -> str:
    """The sample article's text."""
    path = seed_path()
    if not path.is_file():
        raise FileNotFoundError(f"the sample article is not at {path}; set FACTCHECK_SHARED_DIR")
    return path.read_text(encoding="utf-8")


@dataclass(frozen=True, slots=True)
class GeneratedArticle:
    """One synthetic article and the metadata a client would send with it."""

    index: int
    text: str
    title: str
    author: str
    publisher: str
    published_at: datetime
    url: str

    def as_request(self) -> dict[str, Any]:
        """The body of `POST /articles`, and one line of a `factcheck ingest` JSONL file."""
        return {
            "text": self.text,
            "title": self.title,
            "author": self.author,
            "publisher": self.publisher,
            "published_at": self.published_at.isoformat(),
            "url": self.url,
            "language": "en",
        }


@dataclass(frozen=True, slots=True)
class _Shape:
    title: str
    header: list[str]
    lead: str
    body: list[str]
    extras: list[str]
    footer: list[str]


def _shape(text: str) -> _Shape:
    lines = [line.rstrip() for line in text.splitlines()]
    title = lines[0].strip()
    rest = [line for line in lines[1:] if line.strip()]
    header: list[str] = []
    while rest and len(rest[0]) < 80 and not rest[0].startswith(_BOILERPLATE):
        header.append(rest.pop(0))
    paragraphs = [line for line in rest if not line.strip().startswith(_BOILERPLATE)]
    extras = [line for line in rest if line.strip().startswith("Read more:")]
    footer = [line for line in rest if line.strip().startswith(_BOILERPLATE[1:])]
    return _Shape(title, header, paragraphs[0], paragraphs[1:], extras, footer)


def _the(country: Country) -> str:
    return f"the {country.name}" if country.name.startswith(("United ", "Republic ")) else country.name


def _possessive(name: str) -> str:
    return name + (APOSTROPHE if name.endswith("s") else APOSTROPHE + "s")


def _display(group: Organisation, rng: random.Random) -> str:
    short = [a for a in group.aliases if a.isupper() and len(a) <= 5]
    long = [a for a in group.aliases if " " in a and a.lower() != group.name.lower()]
    if short:
        return f"{group.name} ({rng.choice(short)})"
    if long:
        return f"{group.name} ({rng.choice(long)})"
    return group.name


class Corpus:
    """Articles by index, reproducible from `seed`."""

    def __init__(self, seed: int, text: str | None = None, cast_size: int = 160) -> None:
        self.seed = seed
        self.shape = _shape(text if text is not None else seed_text())
        cast_rng = random.Random(f"cast:{seed}")
        names = [f"{first} {last}" for first in FIRST_NAMES for last in LAST_NAMES]
        self.cast = cast_rng.sample(names, min(cast_size, len(names)))
        self.journalists = cast_rng.sample([n for n in names if n not in self.cast], 40)
        self.countries = [c for c in COUNTRIES if c.demonyms and c.capitals]
        self.groups = [o for o in ORGANISATIONS if o.kind == "armed_group"]
        self.outlets: list[Outlet] = list(OUTLETS)
        self.publishers = [o for o in OUTLETS if o.kind == "outlet" and o.domain]

    def article(self, index: int) -> GeneratedArticle:
        """The article at `index`: the same one for the same seed, every time."""
        rng = random.Random(f"article:{self.seed}:{index}")
        values = self._values(rng)
        shape = self.shape
        body = [p for p in shape.body if rng.random() < 0.75] or shape.body[:2]
        if shape.extras and rng.random() < 0.3:
            body.insert(rng.randrange(len(body) + 1), rng.choice(shape.extras))
        footer = shape.footer if rng.random() < 0.3 else []
        lines = [shape.title, "", *shape.header, "", shape.lead, *[x for p in body for x in ("", p)]]
        if footer:
            lines += ["", *footer]
        text = _PATTERN.sub(lambda m: values[PHRASES[m.group(0)]], "\n".join(lines))
        title = _PATTERN.sub(lambda m: values[PHRASES[m.group(0)]], shape.title)
        published: datetime = values["_published"]
        publisher: Outlet = values["_publisher"]
        url = f"https://{publisher.domain}/{published:%Y/%m/%d}/{slug(fold(title))[:60]}-{index}"
        return GeneratedArticle(
            index=index,
            text=text,
            title=title,
            author=values["author"],
            publisher=publisher.name,
            published_at=published,
            url=url,
        )

    def articles(self, start: int, count: int) -> Iterator[GeneratedArticle]:
        """Articles `start` .. `start + count - 1`."""
        for index in range(start, start + count):
            yield self.article(index)

    def _values(self, rng: random.Random) -> dict[str, Any]:
        a, b, c = rng.sample(self.countries, 3)
        people = rng.sample(self.cast, 5)
        group1, group2 = rng.sample(self.groups, 2)
        outlet1, outlet2 = rng.sample(self.outlets, 2)
        publisher = rng.choice(self.publishers)
        day = date(2019, 1, 1) + timedelta(days=rng.randrange(6 * 365))
        event = day - timedelta(days=rng.randint(1, 3))
        clock = time(rng.randrange(6, 23), rng.randrange(60))
        killed, injured = rng.randint(1, 5), rng.randint(2, 9)
        ministry = rng.choice(MINISTRIES)
        a_adjective, b_adjective = a.demonyms[0], b.demonyms[0]
        return {
            **{f"person{i + 1}": name for i, name in enumerate(people)},
            "group1": _display(group1, rng),
            "group2": _display(group2, rng),
            "author": rng.choice(self.journalists),
            "outlet1": outlet1.name,
            "outlet2": outlet2.name,
            "outlet2_possessive": _possessive(outlet2.name),
            "b_warplanes": f"the {b_adjective} warplanes",
            "b_possessive": _possessive(_the(b)),
            "b_name": _the(b),
            "b_led": f"{b_adjective}-led",
            "b_adjective": b_adjective,
            "b_capital": b.capitals[0],
            "killed": f"{NUMBER_WORDS[killed - 1]} {a_adjective} soldier{'s' if killed > 1 else ''}",
            "injured": f"{NUMBER_WORDS[injured - 1]} others",
            "a_adjective": a_adjective,
            "a_name": _the(a),
            "a_capital": a.capitals[0],
            "c_name": _the(c),
            "minister": f"{ministry} Minister",
            "ministry": f"{ministry} Ministry",
            "dateline": f"{day:%A} {day.day} {day:%B %Y}",
            "clock": f"{clock:%H:%M}",
            "event_date": f"{event:%B} {event.day}",
            "past_year": str(day.year - rng.randint(1, 4)),
            "troops": str(rng.randrange(5, 60) * 100),
            "_published": datetime.combine(day, clock, tzinfo=UTC),
            "_publisher": publisher,
        }
