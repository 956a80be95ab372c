"""The certificates app's /api/v1/ router: one sub-router per concern, mounted by lms/api.py.

Order matters: ninja tries routes in the order routers are mounted, so the library's fixed
/programs/library paths come before /programs/{slug}, and a path served with several methods lives
in one router. Issuing comes first: its public verification by code is the busiest route, and Django
tries URL patterns one by one (issue 10). Endpoint function names are unique across these routers
(they are the OpenAPI operation ids)."""

from ninja import Router

from .applicant.api import router as applicant_router
from .eligibility.api import router as eligibility_router
from .hours.api import router as hours_router
from .issuing.api import router as issuing_router
from .issuing.bulk_api import router as bulk_verify_router
from .programs.api import library_router
from .programs.api import router as programs_router
from .recovery.api import router as recovery_router
from .registry.api import router as registry_router
from .training.api import router as training_router

router = Router()
for _sub in (
    bulk_verify_router,  # its fixed /verify/bulk before issuing's /verify/{code}
    issuing_router,
    library_router,
    programs_router,
    eligibility_router,
    training_router,
    hours_router,
    recovery_router,
    applicant_router,
    registry_router,
):
    router.add_router("", _sub)
