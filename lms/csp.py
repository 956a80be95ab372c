"""Content-Security-Policy. Every response gets the strict policy of settings.CONTENT_SECURITY_POLICY
(no inline script or style, nothing from elsewhere but video players, no plugins, never framed). It is
relaxed only for the paths below, each with why, and for responses our own pages frame."""

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts

ADMIN_PREFIXES = ("/admin/", "/django-admin/")
DOCS_PREFIXES = ("/api/v1/docs",)

RELAXED = (
    # Wagtail's and Django's admin ship inline <script> blocks and style attributes we do not control;
    # Wagtail previews pages in an iframe of its own (frame-ancestors 'self') and shows image previews
    # as blob: URLs. Only staff reach these pages, after logging in.
    (
        ADMIN_PREFIXES,
        {
            "script-src": [SELF, UNSAFE_INLINE],
            "style-src": [SELF, UNSAFE_INLINE],
            "img-src": [SELF, "data:", "blob:"],
            "frame-ancestors": [SELF],
        },
    ),
    # ninja's Swagger UI (served from ninja's static files, not a CDN) sets style attributes as it
    # renders; its scripts are static files, so script-src stays strict.
    (DOCS_PREFIXES, {"style-src": [SELF, UNSAFE_INLINE]}),
)


def relaxed_directives(path: str) -> dict:
    directives: dict = {}
    for prefixes, replace in RELAXED:
        if path.startswith(prefixes):
            directives.update(replace)
    return directives


class PolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with the per-path relaxations above. A view's own csp_* decorators
    still win over them."""

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        replace = relaxed_directives(request.path_info)
        if response.get("X-Frame-Options") == "SAMEORIGIN":
            # A view that our own pages frame (xframe_options_sameorigin: the certificate PDF preview
            # on "My certificates") keeps X-Frame-Options and frame-ancestors in agreement.
            replace["frame-ancestors"] = [SELF]
        if replace:
            parts.replace = {**replace, **(parts.replace or {})}
        return parts
