"""What every certificates endpoint answers on an error: the one API error shape (lms.errors.ErrorOut,
built by lms.api's handlers)."""

from lms.errors import ErrorOut, errors

ERRORS = errors(400, 401, 403, 404, 409, 422)

__all__ = ["ERRORS", "ErrorOut"]
