"""RFC 3986 absolute URIs, as the spec's ``format: uri`` demands (and Prism checks).

A URI is ASCII: an internationalised host goes in as punycode (``xn--...``) and
other non-ASCII characters percent-encoded as UTF-8. ``%`` must start a valid
percent-encoding, and square brackets may only enclose an IP literal host.
"""

from __future__ import annotations

import ipaddress
import re

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*")
# RFC 3986 section 2: unreserved, gen-delims, sub-delims, and "%" (checked below).
_ALLOWED = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*")
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_IPVFUTURE = re.compile(r"v[0-9A-Fa-f]+\.[A-Za-z0-9\-._~!$&'()*+,;=:]+")
_ENCODE_HINT = (
    "encode it first: the host as punycode (IDNA, e.g. 'xn--r8jz45g.jp'), other"
    " characters percent-encoded as UTF-8 (e.g. 'ü' as '%C3%BC')"
)


def uri_problem(text: str) -> str | None:
    """Why ``text`` is not an absolute RFC 3986 URI, or None when it is one."""
    if not text:
        return "must be an absolute URI such as https://shop.example/, got ''"
    if not text.isascii():
        bad = next(c for c in text if not c.isascii())
        return f"must be an ASCII URI (RFC 3986) but contains {bad!r}; {_ENCODE_HINT}"
    scheme, colon, rest = text.partition(":")
    if not colon or not _SCHEME.fullmatch(scheme) or not rest:
        return f"must be an absolute URI such as https://shop.example/, got {text!r}"
    if not _ALLOWED.fullmatch(text):
        bad = next(c for c in text if not _ALLOWED.fullmatch(c))
        return f"contains {bad!r}, which a URI (RFC 3986) cannot hold; {_ENCODE_HINT}"
    if _BAD_PERCENT.search(text):
        return f"has a '%' not followed by two hex digits; write a literal '%' as '%25' ({text!r})"
    return _bracket_problem(rest)


def _bracket_problem(rest: str) -> str | None:
    """Brackets only around an IP literal host, i.e. ``//[v6 address]`` in the authority."""
    host_literal = None
    if rest.startswith("//"):
        authority = re.split(r"[/?#]", rest[2:], maxsplit=1)[0]
        host_port = authority.rpartition("@")[2]
        if host_port.startswith("["):
            end = host_port.find("]")
            after = host_port[end + 1 :]
            if end < 0 or (after and not re.fullmatch(r":\d*", after)):
                return "has a '[' host without its closing ']' (an IPv6 literal is '[::1]')"
            host_literal = host_port[1:end]
            rest = rest.replace(f"[{host_literal}]", "", 1)
    if host_literal is not None and not _is_ip_literal(host_literal):
        return f"has [{host_literal}] as host, which is not an IPv6 address or IPvFuture literal"
    if "[" in rest or "]" in rest:
        return "has '[' or ']' outside an IP literal host; percent-encode them as %5B and %5D"
    return None


def _is_ip_literal(text: str) -> bool:
    if _IPVFUTURE.fullmatch(text):
        return True
    try:
        ipaddress.IPv6Address(text)
    except ValueError:
        return False
    return True
