"""Which addresses the outbound guard lets through: plainly public ones only."""

from __future__ import annotations

import pytest

from factcheck.fetching.guard import is_public_address

REFUSED = [
    "127.0.0.1",
    "10.1.2.3",
    "172.16.0.1",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",  # shared address space (carrier NAT)
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "192.0.2.1",  # documentation
    "::1",
    "::",
    "fe80::1",
    "fe80::1%eth0",
    "fc00::1",
    "fd12:3456::1",
    "fec0::1",  # site-local
    "ff02::1",
    "2002:7f00:1::",  # 6to4 embedding 127.0.0.1
    "2002:a9fe:a9fe::1",  # 6to4 embedding 169.254.169.254
    "2002:5db8:d822::1",  # 6to4 embedding a public address: still a relay
    "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
    "64:ff9b::5db8:d822",  # NAT64 of a public address
    "64:ff9b:1::a00:1",  # local-use NAT64
    "2001:0:4136:e378:8000:63bf:3fff:fdd2",  # Teredo
    "::ffff:127.0.0.1",  # IPv4-mapped loopback
    "::ffff:169.254.169.254",
    "::127.0.0.1",  # IPv4-compatible
    "::93.184.216.34",  # IPv4-compatible of a public address
    "2001:db8::1",  # documentation
    "not-an-address",
]

ALLOWED = [
    "93.184.216.34",
    "8.8.8.8",
    "1.1.1.1",
    "2606:4700:4700::1111",
    "2a00:1450:4001:80b::200e",
    "::ffff:8.8.8.8",
]


@pytest.mark.parametrize("address", REFUSED)
def test_addresses_that_are_not_plainly_public_are_refused(address: str) -> None:
    assert not is_public_address(address)


@pytest.mark.parametrize("address", ALLOWED)
def test_public_addresses_pass(address: str) -> None:
    assert is_public_address(address)
