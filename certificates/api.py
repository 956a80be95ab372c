"""The certificates app's /api/v1/ router: one sub-router per concern, mounted by lms/api.py."""

from ninja import Router

from .eligibility.api import router as eligibility_router
from .hours.api import router as hours_router
from .issuing.api import router as issuing_router
from .programs.api import router as programs_router
from .recovery.api import router as recovery_router

router = Router()
for _sub in (programs_router, eligibility_router, hours_router, recovery_router, issuing_router):
    router.add_router("", _sub)
