"""Every model of the certificates app. Each is defined in the subpackage of its concern (programs,
hours, recovery, training, issuing) and imported here so Django finds it; the app label stays
"certificates", so moving a model between subpackages changes no table."""

from .hours.models import PracticeLog, SupervisorAssignment
from .issuing.models import Certificate, CertificateApplication, CertificateReminder
from .programs.models import (
    CredentialProgram,
    EthicsPledge,
    PledgeSignature,
    ProgramEnrollment,
    ProgramVersion,
    RenewalTopicMinimum,
    Requirement,
)
from .recovery.models import RecoveryAttestation
from .training.models import ExternalTraining, ExternalTrainingHours

__all__ = [
    "Certificate",
    "CertificateApplication",
    "CertificateReminder",
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
