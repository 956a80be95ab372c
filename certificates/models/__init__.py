from .external import ExternalTraining, ExternalTrainingHours
from .hours import PracticeLog, SupervisorAssignment
from .programs import (
    CredentialProgram,
    EthicsPledge,
    PledgeSignature,
    ProgramEnrollment,
    ProgramVersion,
    RenewalTopicMinimum,
    Requirement,
)
from .recovery import RecoveryAttestation

__all__ = [
    "CredentialProgram",
    "EthicsPledge",
    "ExternalTraining",
    "ExternalTrainingHours",
    "PledgeSignature",
    "PracticeLog",
    "ProgramEnrollment",
    "ProgramVersion",
    "RecoveryAttestation",
    "RenewalTopicMinimum",
    "Requirement",
    "SupervisorAssignment",
]

# Issuing (issue 5): owned by the issuing work, kept in its own module.
from .issuing import Certificate, CertificateApplication, CertificateReminder  # noqa: E402

__all__ += ["Certificate", "CertificateApplication", "CertificateReminder"]
