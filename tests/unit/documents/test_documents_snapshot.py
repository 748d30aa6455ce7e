"""Reading a snapshot's text, and naming its publisher, without a database."""

from __future__ import annotations

import pytest

from factcheck.documents.errors import UnsupportedMediaType
from factcheck.documents.publisher import domain_of, publisher_of
from factcheck.documents.snapshot import is_text_type, read_text
from factcheck.errors import Unprocessable

PAGE = (
    b"<html><head><title>Statement</title>"
    b"<meta property='og:site_name' content='Ministry of Foreign Affairs'>"
    b"</head><body><nav>Home | About</nav><article><p>The minister received the ambassador on January 24."
    b"</p><p>A message was delivered to the government.</p></article><footer>Copyright</footer></body></html>"
)


def test_html_gives_the_main_text_and_the_site_name() -> None:
    page = read_text(PAGE, "text/html", None, "https://www.mofa.gov.iq/statement")
    assert "received the ambassador on January 24." in page.text and "Copyright" not in page.text
    assert page.site_name == "Ministry of Foreign Affairs"


def test_plain_text_is_kept_as_decoded() -> None:
    body = "Zeile eins\r\nZeile zwei – Ende\n".encode("latin-1", errors="replace")
    assert read_text(body, "text/plain; charset=latin-1", "latin-1", None).text == body.decode("latin-1")
    assert read_text(b'{"a": 1}', "application/json", None, None).text == '{"a": 1}'


@pytest.mark.parametrize("content_type", ["image/png", "application/pdf", "application/octet-stream"])
def test_non_text_is_refused(content_type: str) -> None:
    assert not is_text_type(content_type)
    with pytest.raises(UnsupportedMediaType) as refused:
        read_text(b"\x89PNG", content_type, None, "https://example.org/x")
    assert refused.value.status == 415 and refused.value.extra["content_type"] == content_type


def test_bad_or_unknown_charsets_do_not_fail() -> None:
    assert read_text(b"caf\xe9 au lait", "text/plain", "utf-8", None).text == "caf\ufffd au lait"
    assert read_text(b"plain words", "text/plain; charset=klingon", "klingon", None).text == "plain words"
    page = read_text(PAGE.replace(b"January", b"Janu\xe4ry"), "text/html", "no-such-charset", None)
    assert "received the ambassador" in page.text


def test_empty_text_is_refused() -> None:
    with pytest.raises(Unprocessable, match="no readable text"):
        read_text(b"  \n ", "text/plain", None, None)


def test_publishers() -> None:
    assert domain_of("https://www.reuters.com/world/x") == "reuters.com"
    reuters = publisher_of(None, "https://www.reuters.com/world/x")
    assert reuters is not None and (reuters.key, reuters.name, reuters.kind) == (
        "reuters",
        "Reuters",
        "agency",
    )
    cnn = publisher_of("CNN", "https://edition.cnn.com/2024/01/25/x")
    assert cnn is not None and cnn.key == "cnn" and cnn.domain == "edition.cnn.com"
    ministry = publisher_of("Ministry of Foreign Affairs", "https://mofa.gov.iq/x")
    assert ministry is not None and (ministry.key, ministry.kind) == (
        "ministry-of-foreign-affairs",
        "website",
    )
    bare = publisher_of(None, "https://mofa.gov.iq/x")
    assert bare is not None and (bare.name, bare.domain) == ("mofa.gov.iq", "mofa.gov.iq")
    assert publisher_of(None, None) is None
