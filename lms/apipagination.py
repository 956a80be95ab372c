"""The API's ?limit=&offset= pagination (ninja's LimitOffsetPagination, NINJA_PAGINATION_CLASS), with
both numbers bounded: a limit over NINJA_PAGINATION_MAX_LIMIT or an offset past what the database can
count is a 422 naming the field, never a database error (PostgreSQL's LIMIT and OFFSET are 64-bit)."""

from ninja import Field, Schema
from ninja.conf import settings as ninja_settings
from ninja.pagination import LimitOffsetPagination

# Far beyond any list here, and offset + limit stays well inside a signed 64-bit integer.
MAX_OFFSET = 10**12


class BoundedLimitOffsetPagination(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(
            ninja_settings.PAGINATION_PER_PAGE, ge=1, le=int(ninja_settings.PAGINATION_MAX_LIMIT)
        )
        offset: int = Field(0, ge=0, le=MAX_OFFSET)
