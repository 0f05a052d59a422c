"""What the cabinet's Redis URL names: one server, a Redis Cluster or a Sentinel-watched master.

One setting, ``CODEX_CABINET["REDIS_URL"]`` (or the top-level ``REDIS_URL``), so a
deployment configures any of the three from one environment variable:

* ``redis://[user:password@]host:6379/0``, ``rediss://…``, ``unix://…``: one
  server (redis-py's own URL forms);
* ``redis+cluster://[user:password@]host:7000[,host:7001…]``: a Redis Cluster,
  through its startup nodes;
* ``redis+sentinel://[user:password@]host:26379[,host:26380…]/mymaster[/db]``:
  the master Sentinel watches under the service name ``mymaster``, through the
  sentinels listed.

``rediss+cluster://`` and ``rediss+sentinel://`` connect with TLS. A sentinel URL
may add ``?sentinel_password=…`` when the sentinels themselves need a password
(the URL's own password is the master's). Only these forms exist: a cluster has
only database 0, a sentinel URL without a service name names no master, and any
other query parameter is refused, so a typo is an error (see
``checks.check_redis_url``, ``cabinet.E009``) rather than a silently ignored option.

:func:`parse_redis_url` turns the text into a :class:`RedisTarget` or raises
``ValueError`` saying what is wrong and how to write it instead; the clients
themselves are redis-py's (``Redis``, ``RedisCluster``, ``Sentinel``), built in
:mod:`.connection`.
"""

from __future__ import annotations

import dataclasses
from typing import Literal
from urllib.parse import parse_qs, unquote

from redis.connection import parse_url

__all__ = ["RedisTarget", "masked", "parse_redis_url"]

Kind = Literal["single", "cluster", "sentinel"]

CLUSTER_EXAMPLE = "redis+cluster://redis-1:7000,redis-2:7000"
SENTINEL_EXAMPLE = "redis+sentinel://sentinel-1:26379,sentinel-2:26379/mymaster"
_KINDS: dict[str, tuple[Kind, bool]] = {
    "redis+cluster": ("cluster", False),
    "rediss+cluster": ("cluster", True),
    "redis+sentinel": ("sentinel", False),
    "rediss+sentinel": ("sentinel", True),
}
_DEFAULT_PORT = {"cluster": 6379, "sentinel": 26379}
_SENTINEL_OPTIONS = {"sentinel_password"}


@dataclasses.dataclass(frozen=True)
class RedisTarget:
    """A parsed Redis URL: ``kind`` says which redis-py client serves it.

    ``single`` keeps the URL for ``redis.ConnectionPool.from_url``; ``cluster``
    and ``sentinel`` carry their ``nodes`` (startup nodes or sentinels), the
    credentials and, for a sentinel, the master's ``service_name`` and ``db``.
    """

    kind: Kind
    url: str = dataclasses.field(repr=False)  # may hold a password
    nodes: tuple[tuple[str, int], ...] = ()
    service_name: str = ""
    db: int = 0
    username: str | None = None
    password: str | None = dataclasses.field(default=None, repr=False)
    ssl: bool = False
    sentinel_password: str | None = dataclasses.field(default=None, repr=False)


def masked(url: str) -> str:
    """``url`` with its password (if any) replaced by ``***``, for messages and logs."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url
    userinfo, at, hosts = rest.rpartition("@")
    if not at or ":" not in userinfo:
        return url
    user = userinfo.split(":", 1)[0]
    return f"{scheme}://{user}:***@{hosts}"


def _node(text: str, kind: Kind) -> tuple[str, int]:
    example = CLUSTER_EXAMPLE if kind == "cluster" else SENTINEL_EXAMPLE
    if text.startswith("["):  # [IPv6]:port
        host, bracket, port_text = text[1:].partition("]")
        if not bracket or (port_text and not port_text.startswith(":")):
            raise ValueError(f"the address {text!r} is not [IPv6]:port; write e.g. {example}")
        port_text = port_text[1:]
    else:
        host, _, port_text = text.partition(":")
    if not host:
        raise ValueError(f"an address has no host ({text!r}); write host:port, e.g. {example}")
    if not port_text:
        return host, _DEFAULT_PORT[kind]
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise ValueError(f"the port of {text!r} is not a number from 1 to 65535; e.g. {example}")
    return host, int(port_text)


def _multi_host(url: str, scheme: str, kind: Kind, ssl: bool) -> RedisTarget:
    rest = url[len(scheme) + 3 :]
    rest, _, query = rest.partition("?")
    netloc, slash, path = rest.partition("/")
    userinfo, at, hosts = netloc.rpartition("@")
    username = password = None
    if at:
        user_text, colon, password_text = userinfo.partition(":")
        username = unquote(user_text) or None
        password = unquote(password_text) if colon else None
    example = CLUSTER_EXAMPLE if kind == "cluster" else SENTINEL_EXAMPLE
    if not hosts:
        raise ValueError(f"it names no {'node' if kind == 'cluster' else 'sentinel'}; write e.g. {example}")
    nodes = tuple(_node(part.strip(), kind) for part in hosts.split(","))
    options = {name: values[-1] for name, values in parse_qs(query, keep_blank_values=True).items()}
    allowed = _SENTINEL_OPTIONS if kind == "sentinel" else set()
    unknown = sorted(set(options) - allowed)
    if unknown:
        known = f"the only one it takes is {', '.join(sorted(allowed))}" if allowed else "it takes none"
        raise ValueError(f"unknown query parameter {unknown[0]!r} ({known})")
    segments = [segment for segment in path.split("/") if segment] if slash else []
    if kind == "cluster":
        if segments not in ([], ["0"]):
            raise ValueError(f"Redis Cluster has only database 0, not /{path}; drop the path: {example}")
        return RedisTarget("cluster", url, nodes, username=username, password=password, ssl=ssl)
    if not segments:
        raise ValueError(f"it names no master: add the service name as its path, e.g. {example}")
    if len(segments) > 2 or (len(segments) == 2 and not segments[1].isdigit()):
        raise ValueError(f"the path /{path} is not /<service name>[/<db number>]; e.g. {example}/0")
    return RedisTarget(
        "sentinel",
        url,
        nodes,
        service_name=unquote(segments[0]),
        db=int(segments[1]) if len(segments) == 2 else 0,
        username=username,
        password=password,
        ssl=ssl,
        sentinel_password=options.get("sentinel_password") or None,
    )


def parse_redis_url(url: str) -> RedisTarget:
    """The :class:`RedisTarget` ``url`` names; ``ValueError`` saying what is wrong and how to fix it."""
    scheme, sep, _ = url.partition("://")
    scheme = scheme.lower()
    if sep and scheme in _KINDS:
        kind, ssl = _KINDS[scheme]
        return _multi_host(url, scheme, kind, ssl)
    try:
        parse_url(url)
    except ValueError as error:
        raise ValueError(
            f"{str(error).rstrip('.')}. For Redis Cluster write {CLUSTER_EXAMPLE}, for Sentinel {SENTINEL_EXAMPLE}."
        ) from None
    return RedisTarget("single", url)
