"""Property values as JSON and back, exactly: bytes, temporal values and points keep their type.

Plain JSON carries null, booleans, integers, finite floats, strings and lists of them. Every
other value becomes a one-key object naming its type (`{"$bytes": "<base64>"}`,
`{"$datetime": "<ISO 8601>", "zone": "Europe/Paris"}`, ...). Neo4j properties are never maps,
so such an object cannot be mistaken for a stored value.
"""

from __future__ import annotations

import base64
import json
import math
from collections.abc import Mapping
from typing import Any

import pytz
from neo4j.spatial import CartesianPoint, Point, WGS84Point
from neo4j.time import Date, DateTime, Duration, Time

__all__ = ["canonical", "decode_props", "decode_value", "encode_props", "encode_value"]


def _zone_name(value: DateTime | Time) -> str | None:
    zone = value.tzinfo
    name = getattr(zone, "zone", None) or getattr(zone, "key", None)
    return name if isinstance(name, str) and "/" in name else None


def encode_value(value: Any) -> Any:
    """A JSON-ready form of one property value (or list element)."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else {"$float": repr(value)}
    if isinstance(value, bytes | bytearray):
        return {"$bytes": base64.b64encode(value).decode("ascii")}
    if isinstance(value, DateTime):
        if value.tzinfo is None:
            return {"$localdatetime": value.iso_format()}
        zone = _zone_name(value)
        return {"$datetime": value.iso_format(), **({"zone": zone} if zone else {})}
    if isinstance(value, Date):
        return {"$date": value.iso_format()}
    if isinstance(value, Time):
        return {"$time" if value.tzinfo is not None else "$localtime": value.iso_format()}
    if isinstance(value, Duration):
        return {"$duration": [value.months, value.days, value.seconds, value.nanoseconds]}
    if isinstance(value, Point):
        return {"$point": {"srid": value.srid, "coordinates": list(value)}}
    if isinstance(value, list | tuple):  # after Duration and Point, which are tuples too
        return [encode_value(item) for item in value]
    raise TypeError(f"cannot back up a property value of type {type(value).__name__}")


def decode_value(value: Any) -> Any:
    """The driver value `encode_value` was given."""
    if isinstance(value, list):
        return [decode_value(item) for item in value]
    if not isinstance(value, dict):
        return value
    [(tag, payload)] = [(k, v) for k, v in value.items() if k.startswith("$")]
    if tag == "$bytes":
        return base64.b64decode(payload)
    if tag == "$float":
        return float(payload)
    if tag == "$datetime":
        moment = DateTime.from_iso_format(payload)
        return moment.astimezone(pytz.timezone(value["zone"])) if "zone" in value else moment
    if tag == "$localdatetime":
        return DateTime.from_iso_format(payload)
    if tag == "$date":
        return Date.from_iso_format(payload)
    if tag in ("$time", "$localtime"):
        return Time.from_iso_format(payload)
    if tag == "$duration":
        months, days, seconds, nanoseconds = payload
        return Duration(months=months, days=days, seconds=seconds, nanoseconds=nanoseconds)
    if tag == "$point":
        return _point(payload["srid"], payload["coordinates"])
    raise ValueError(f"unknown value type {tag!r} in the backup")


_POINTS: dict[int, type[Point]] = {
    7203: CartesianPoint,
    9157: CartesianPoint,
    4326: WGS84Point,
    4979: WGS84Point,
}


def _point(srid: int, coordinates: list[float]) -> Point:
    try:
        return _POINTS[srid](coordinates)
    except KeyError:
        raise ValueError(f"unknown point SRID {srid} in the backup") from None


def encode_props(props: Mapping[str, Any]) -> dict[str, Any]:
    """Every property, encoded."""
    return {key: encode_value(value) for key, value in props.items()}


def decode_props(props: Mapping[str, Any]) -> dict[str, Any]:
    """Every property, decoded for the driver."""
    return {key: decode_value(value) for key, value in props.items()}


def canonical(value: Any) -> bytes:
    """One byte string per JSON value: sorted keys, no spaces, UTF-8."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
