"""Domain errors. Services raise these; the API maps them to 4xx in one place (lms.api) and HTML views
show the message. A client never sees a 500 for bad input."""

from ninja import Field, Schema


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


# ---------------------------------------------------------------------------------------------------
# The one error shape every API error answers in (lms.api's handlers build it), and its documentation.


class ErrorItem(Schema):
    loc: list[str | int] = Field(..., description='Where: e.g. ["body", "payload", "date"].')
    msg: str
    type: str


class ErrorOut(Schema):
    detail: str = Field(..., description="What went wrong, for a person.")
    code: str = Field(..., description="What went wrong, for a program: not_found, invalid, csrf_failed, ...")
    field: str | None = Field(None, description="The input field at fault, when there is one.")
    errors: list[ErrorItem] | None = Field(None, description="Each invalid input (422 validation errors).")


def errors(*codes: int) -> dict:
    """`response={200: X, **errors(403, 409)}`: the error codes a route can answer beyond the ones every
    operation documents (see document_errors)."""
    return {code: ErrorOut for code in codes}


ERROR_DESCRIPTIONS = {
    400: "Bad request",
    401: "Not logged in",
    403: "Not allowed (or CSRF check failed)",
    404: "Not found",
    409: "Conflict with the current state",
    413: "Too large",
    422: "Invalid input",
    429: "Too many requests",
}


def _checks_input(param: dict) -> bool:
    """A parameter that can fail validation: required, or anything but a free string."""
    schema = param.get("schema", {})
    constrained = {"maxLength", "minLength", "pattern", "enum", "format", "minimum", "maximum"} & set(schema)
    return bool(param.get("required")) or schema.get("type") != "string" or bool(constrained)


def applicable_errors(method: str, operation: dict) -> set[int]:
    """The 4xx codes an operation can answer whatever its view does, so documenting them is true:
    401 and (for unsafe methods, the CSRF check) 403 where it needs a session; 404 where its path names
    something (an unknown or out-of-range id); 422 where its input is validated."""
    codes = set()
    params = operation.get("parameters", [])
    if operation.get("security"):
        codes.add(401)
        if method.lower() not in ("get", "head", "options"):
            codes.add(403)
    if any(p.get("in") == "path" for p in params):
        codes.add(404)
    if "requestBody" in operation or any(_checks_input(p) for p in params):
        codes.add(422)
    return codes


def document_errors(schema: dict) -> dict:
    """Every operation lists its error answers with the ErrorOut schema (routes add their own codes
    with `errors(...)`; this adds the ones that hold for every operation of a kind)."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    error_schema = ErrorOut.model_json_schema(ref_template="#/components/schemas/{model}")
    for name, definition in error_schema.pop("$defs", {}).items():
        components.setdefault(name, definition)
    components.setdefault("ErrorOut", error_schema)
    ref = {"$ref": "#/components/schemas/ErrorOut"}
    for operations in schema.get("paths", {}).values():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            for code in sorted(applicable_errors(method, operation)):
                if code not in responses and str(code) not in responses:
                    content = {"application/json": {"schema": ref}}
                    responses[code] = {"description": ERROR_DESCRIPTIONS[code], "content": content}
    return schema
