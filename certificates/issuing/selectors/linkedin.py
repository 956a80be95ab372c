"""LinkedIn's "Add to profile" link for a certification: the holder lands on LinkedIn's own form,
filled in, and saves it there (nothing is sent to LinkedIn by us, no account link, no API key).
Parameters as LinkedIn documents them for its add-to-profile flow: startTask=CERTIFICATION_NAME, name,
organizationName, issueYear, issueMonth, expirationYear, expirationMonth (left out when the
certificate does not expire), certUrl and certId."""

from __future__ import annotations

from urllib.parse import urlencode

from .verification import CURRENT, Verification

LINKEDIN_ADD_URL = "https://www.linkedin.com/profile/add"


def linkedin_offered(verification: Verification) -> bool:
    """Only a valid certificate is offered: never a suspended, revoked, replaced or expired one."""
    return verification.status == CURRENT


def linkedin_add_url(verification: Verification) -> str:
    """The add-certification address for this certificate (the credential's name, the academy as the
    issuing organisation, the issue and expiry month, the public verification page and the code)."""
    params = {
        "startTask": "CERTIFICATION_NAME",
        "name": verification.program,
        "organizationName": verification.issuer,
    }
    if verification.issued_on:
        params["issueYear"] = str(verification.issued_on.year)
        params["issueMonth"] = str(verification.issued_on.month)
    if verification.expires_on:
        params["expirationYear"] = str(verification.expires_on.year)
        params["expirationMonth"] = str(verification.expires_on.month)
    params["certUrl"] = verification.verify_url
    params["certId"] = verification.code
    return f"{LINKEDIN_ADD_URL}?{urlencode(params)}"
