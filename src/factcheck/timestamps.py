"""One validated datetime type for every timestamp a client sends (query, body or cursor).

Neo4j stores offsets only within ±18:00 and in whole minutes here; Python accepts up to
±23:59:59.999999. `Timestamp` refuses what Neo4j would refuse, so such input answers 422
instead of failing inside a query.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

from litestar.openapi.spec import Schema
from litestar.openapi.spec.enums import OpenAPIFormat, OpenAPIType
from litestar.plugins import OpenAPISchemaPlugin
from litestar.typing import FieldDefinition
from pydantic import GetCoreSchemaHandler
from pydantic_core import core_schema

__all__ = [
    "MAX_OFFSET",
    "TIMESTAMP_DECODERS",
    "Timestamp",
    "TimestampSchemaPlugin",
    "check_offset",
    "parse_timestamp",
    "parse_timestamp_text",
]

MAX_OFFSET = timedelta(hours=18)
# The forms Neo4j's toString() and Python's isoformat() write; nothing else reaches a query as text.
_ISO_TEXT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?")


def check_offset(value: datetime) -> datetime:
    """`value` unchanged; ValueError when its UTC offset is beyond ±18:00 or not whole minutes."""
    offset = value.utcoffset()
    if offset is None:
        return value
    if abs(offset) > MAX_OFFSET:
        raise ValueError("the UTC offset must be within -18:00 and +18:00")
    if offset % timedelta(minutes=1):
        raise ValueError("the UTC offset must be a whole number of minutes")
    return value


def parse_timestamp(text: str) -> datetime:
    """An ISO 8601 date or datetime with a storable offset; ValueError otherwise."""
    return check_offset(datetime.fromisoformat(text.strip()))


def parse_timestamp_text(text: str) -> str:
    """`text` when it is an ISO datetime in the form the graph writes and reads; ValueError otherwise."""
    if len(text) > 40 or not _ISO_TEXT.fullmatch(text):
        raise ValueError("not an ISO 8601 datetime")
    parse_timestamp(text)
    return text


class Timestamp(datetime):
    """A datetime whose offset Neo4j can store: validated by pydantic and by Litestar's decoders."""

    @classmethod
    def of(cls, value: datetime) -> Timestamp:
        """`value` as a Timestamp, after the offset check."""
        check_offset(value)
        return cls(
            value.year,
            value.month,
            value.day,
            value.hour,
            value.minute,
            value.second,
            value.microsecond,
            value.tzinfo,
            fold=value.fold,
        )

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(cls.of, core_schema.datetime_schema())


def _is_timestamp(kind: Any) -> bool:
    return kind is Timestamp


def _decode_timestamp(kind: type[Any], value: Any) -> Timestamp:
    if isinstance(value, datetime):
        return Timestamp.of(value)
    if not isinstance(value, str):
        raise TypeError("expected an ISO 8601 datetime")
    try:
        return Timestamp.of(datetime.fromisoformat(value))
    except ValueError as exc:
        raise ValueError(f"not a storable ISO 8601 datetime: {exc}") from None


TIMESTAMP_DECODERS = [(_is_timestamp, _decode_timestamp)]


class TimestampSchemaPlugin(OpenAPISchemaPlugin):
    """Documents `Timestamp` parameters as `string` / `date-time`."""

    @staticmethod
    def is_plugin_supported_type(value: Any) -> bool:
        return value is Timestamp

    def to_openapi_schema(self, field_definition: FieldDefinition, schema_creator: Any) -> Schema:
        return Schema(type=OpenAPIType.STRING, format=OpenAPIFormat.DATE_TIME)
