"""Every model of the certificates app. Each is defined in the subpackage of its concern (programs,
hours, recovery, training, issuing) and imported here so Django finds it; the app label stays
"certificates", so moving a model between subpackages changes no table."""

from .applicant.models import BirthDateAttestation, EducationAttestation
from .hours.models import HoursApproval, PracticeLog, SupervisorAssignment, SupervisorQualification
from .issuing.models import Certificate, CertificateApplication, CertificateReminder, PublishedCredential
from .programs.models import (
    CredentialProgram,
    EthicsPledge,
    PledgeSignature,
    ProgramEnrollment,
    ProgramExam,
    ProgramVersion,
    RenewalTopicMinimum,
    Requirement,
)
from .recovery.models import RecoveryAttestation
from .registry.models import RegistryListing
from .training.models import ExternalTraining, ExternalTrainingHours, OutsideExamResult

__all__ = [
    "BirthDateAttestation",
    "EducationAttestation",
    "HoursApproval",
    "OutsideExamResult",
    "ProgramExam",
    "SupervisorQualification",
    "Certificate",
    "CertificateApplication",
    "CertificateReminder",
    "CredentialProgram",
    "EthicsPledge",
    "ExternalTraining",
    "ExternalTrainingHours",
    "PledgeSignature",
    "PublishedCredential",
    "PracticeLog",
    "ProgramEnrollment",
    "ProgramVersion",
    "RecoveryAttestation",
    "RegistryListing",
    "RenewalTopicMinimum",
    "Requirement",
    "SupervisorAssignment",
]
