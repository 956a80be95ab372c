"""What every certificates endpoint answers on an error, in the shape lms.api's handlers produce."""

from ninja import Schema


class ErrorOut(Schema):
    detail: str
    code: str


ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}
