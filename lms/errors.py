"""Domain errors. Services raise these; the API maps them to 4xx in one place (lms.api) and HTML views
show the message. A client never sees a 500 for bad input."""


class DomainError(Exception):
    status_code = 400
    code = "bad_request"

    def __init__(self, message: str, *, code: str | None = None, field: str | None = None):
        super().__init__(message)
        self.message = str(message)
        if code:
            self.code = code
        self.field = field


class NotFound(DomainError):
    status_code = 404
    code = "not_found"


class Forbidden(DomainError):
    status_code = 403
    code = "forbidden"


class Conflict(DomainError):
    status_code = 409
    code = "conflict"


class Invalid(DomainError):
    status_code = 422
    code = "invalid"


class TooMany(DomainError):
    status_code = 429
    code = "too_many_requests"
