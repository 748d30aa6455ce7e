"""The outbound client connects only to the address it checked, against a real local server."""

from __future__ import annotations

import ssl
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from tests.support.http_server import LocalSite, Route, serve

from factcheck.fetching import FetchPolicy, UrlRefused, check_url, fetch, guarded_transport
from factcheck.fetching.guard import Resolver

LIMITS = httpx.Limits(max_connections=4)


def resolver(*answers: list[str]) -> tuple[Resolver, list[str]]:
    """Answers each lookup with the next list (the last one repeats); records the names asked."""
    asked: list[str] = []

    async def resolve(host: str, port: int) -> list[str]:
        asked.append(host)
        return answers[min(len(asked), len(answers)) - 1]

    return resolve, asked


@pytest.fixture
async def site() -> AsyncIterator[LocalSite]:
    with serve(
        {"/page": Route(body=b"<p>hello</p>"), "/hop": Route(status=302, headers={"Location": "/page"})}
    ) as s:
        yield s


async def test_the_connection_goes_to_the_checked_address_with_the_name_kept(site: LocalSite) -> None:
    port = site.base_url.rsplit(":", 1)[1]
    resolve, asked = resolver(["127.0.0.1"])
    transport = guarded_transport({"news.example"}, LIMITS, resolve=resolve)
    async with httpx.AsyncClient(transport=transport) as client:
        fetched = await fetch(client, f"http://news.example:{port}/hop", FetchPolicy())
    assert fetched.body == b"<p>hello</p>"
    assert [(path, headers["host"]) for path, headers in site.seen] == [
        ("/hop", f"news.example:{port}"),
        ("/page", f"news.example:{port}"),
    ]
    assert asked == ["news.example"] * 2  # one checked lookup per connection (the server closes each)


async def test_a_name_that_resolves_to_a_private_address_is_refused_before_connecting(
    site: LocalSite,
) -> None:
    port = site.base_url.rsplit(":", 1)[1]
    resolve, asked = resolver(["127.0.0.1"])
    transport = guarded_transport({"127.0.0.1"}, LIMITS, resolve=resolve)  # the address, not the name
    async with httpx.AsyncClient(transport=transport) as client:
        with pytest.raises(UrlRefused, match=r"127\.0\.0\.1"):
            await fetch(client, f"http://news.example:{port}/page", FetchPolicy())
    assert site.seen == [] and asked == ["news.example"]


async def test_a_rebinding_answer_after_the_check_is_refused_at_connect(site: LocalSite) -> None:
    port = site.base_url.rsplit(":", 1)[1]
    resolve, asked = resolver(["93.184.216.34"], ["127.0.0.1"])
    url = f"http://rebind.example:{port}/page"
    await check_url(url, resolve=resolve)  # the first answer is public
    transport = guarded_transport(set(), LIMITS, resolve=resolve)
    async with httpx.AsyncClient(transport=transport) as client:
        with pytest.raises(UrlRefused, match=r"127\.0\.0\.1"):
            await client.get(url)
    assert site.seen == [] and asked == ["rebind.example", "rebind.example"]


@pytest.mark.parametrize("host", ["127.0.0.1", "[::1]", "localhost"])
async def test_literal_and_local_hosts_are_refused_by_the_real_resolver(site: LocalSite, host: str) -> None:
    port = site.base_url.rsplit(":", 1)[1]
    async with httpx.AsyncClient(transport=guarded_transport(set(), LIMITS)) as client:
        with pytest.raises(UrlRefused):
            await client.get(f"http://{host}:{port}/page")
    assert site.seen == []


async def test_an_allowlisted_host_is_served(site: LocalSite) -> None:
    async with httpx.AsyncClient(transport=guarded_transport({"127.0.0.1"}, LIMITS)) as client:
        response = await client.get(site.url("/page"))
    assert response.status_code == 200 and response.content == b"<p>hello</p>"


async def test_a_redirect_to_a_private_address_is_refused(site: LocalSite) -> None:
    site.routes["/away"] = Route(status=302, headers={"Location": "http://169.254.169.254/latest/meta-data"})
    async with httpx.AsyncClient(transport=guarded_transport({"127.0.0.1"}, LIMITS)) as client:
        with pytest.raises(UrlRefused, match=r"169\.254\.169\.254"):
            await fetch(client, site.url("/away"), FetchPolicy())


def certificate_for(name: str, tmp_path: Path) -> tuple[ssl.SSLContext, ssl.SSLContext]:
    """A self-signed certificate for `name`: the server's TLS context and a client context trusting it."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(hours=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    pem = cert.public_bytes(serialization.Encoding.PEM)
    (tmp_path / "cert.pem").write_bytes(pem)
    (tmp_path / "key.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server.load_cert_chain(tmp_path / "cert.pem", tmp_path / "key.pem")
    return server, ssl.create_default_context(cadata=pem.decode("ascii"))


async def test_tls_verifies_the_name_while_connecting_to_the_checked_address(tmp_path: Path) -> None:
    server_tls, client_tls = certificate_for("news.example", tmp_path)
    with serve({"/page": Route(body=b"<p>over TLS</p>")}, tls=server_tls) as secure:
        port = secure.base_url.rsplit(":", 1)[1]
        resolve, asked = resolver(["127.0.0.1"])
        transport = guarded_transport({"news.example"}, LIMITS, resolve=resolve, ssl_context=client_tls)
        async with httpx.AsyncClient(transport=transport) as client:
            response = await client.get(f"https://news.example:{port}/page")
        assert response.content == b"<p>over TLS</p>" and asked == ["news.example"]
        assert secure.seen[0][1]["host"] == f"news.example:{port}"

        by_address = guarded_transport({"127.0.0.1"}, LIMITS, ssl_context=client_tls)
        async with httpx.AsyncClient(transport=by_address) as client:
            with pytest.raises(httpx.ConnectError, match="certificate"):
                await client.get(f"https://127.0.0.1:{port}/page")  # the certificate names news.example
