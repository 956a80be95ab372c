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
