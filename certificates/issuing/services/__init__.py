"""Writes for issuing, one module per step of a certificate's life: applications and decisions
(applications), the issuing pipeline (pipeline), suspension, reinstatement, revocation and renewal
(lifecycle), expiry reminders (reminders), bulk issuing (bulk), sharing the Open Badge at a link
(publishing); what they share is in common.

Exactly once: approval locks the application row (select_for_update) and the database allows one
certificate per application (OneToOne), one open application and one open line of certificates per
person and program. `actor=None` means the system (a management command or a task); every view
passes request.user. Callers use the names below (`from certificates.issuing import services`)."""

from .applications import application_approve, application_reject, application_submit, certificate_issue_for
from .bulk import BulkRow, bulk_candidates, bulk_issue_one
from .common import (
    ERR_ALREADY_CERTIFIED,
    ERR_APPLICATION_OPEN,
    ERR_NO_FULL_NAME,
    ERR_NOT_ELIGIBLE,
    ERR_NOT_ENROLLED,
    ERR_NOT_RENEWABLE,
    ERR_NOT_SUBMITTED,
    ERR_PROGRAM_CLOSED,
    ERR_REASON_REQUIRED,
    ERR_WRONG_VERSION,
)
from .lifecycle import certificate_reinstate, certificate_renew, certificate_revoke, certificate_suspend
from .pipeline import (
    IssueOutcome,
    certificate_email_holder,
    certificate_face,
    certificate_issue_run,
    certificate_record_failure,
    certificates_needing_work,
    render_and_sign,
)
from .publishing import credential_publish, credential_stop_sharing, credential_unpublish
from .reminders import REMINDER_DAYS, send_expiry_reminders

__all__ = [
    "ERR_ALREADY_CERTIFIED",
    "ERR_APPLICATION_OPEN",
    "ERR_NO_FULL_NAME",
    "ERR_NOT_ELIGIBLE",
    "ERR_NOT_ENROLLED",
    "ERR_NOT_RENEWABLE",
    "ERR_NOT_SUBMITTED",
    "ERR_PROGRAM_CLOSED",
    "ERR_REASON_REQUIRED",
    "ERR_WRONG_VERSION",
    "REMINDER_DAYS",
    "BulkRow",
    "IssueOutcome",
    "application_approve",
    "application_reject",
    "application_submit",
    "bulk_candidates",
    "bulk_issue_one",
    "certificate_email_holder",
    "certificate_face",
    "certificate_issue_for",
    "certificate_issue_run",
    "certificate_record_failure",
    "certificate_reinstate",
    "certificate_renew",
    "certificate_revoke",
    "certificate_suspend",
    "certificates_needing_work",
    "credential_publish",
    "credential_stop_sharing",
    "credential_unpublish",
    "render_and_sign",
    "send_expiry_reminders",
]
