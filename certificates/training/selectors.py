"""Reads for what was done outside the LMS: training taken elsewhere and board exam results, the
person's own, and a record its owner or a program administrator may open (evidence download)."""

from __future__ import annotations

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from certificates.programs.models import ProgramExam
from lms import roles
from lms.errors import NotFound

from .models import ExternalTraining, ExternalTrainingHours, OutsideExamResult


def external_trainings_for(*, user):
    hours = ExternalTrainingHours.objects.select_related("domain")
    return ExternalTraining.objects.filter(user=user).prefetch_related(Prefetch("hours", queryset=hours))


def external_training_for_actor(*, actor, pk: int) -> ExternalTraining:
    training = ExternalTraining.objects.filter(pk=pk).first()
    if training is None or not (training.user_id == actor.pk or roles.is_program_admin(actor)):
        raise NotFound(_("No such record."))
    return training


def outside_exam_results_for(*, user):
    return (
        OutsideExamResult.objects.filter(user=user)
        .select_related("exam__program")
        .order_by("-taken_on", "-pk")
    )


def outside_exam_results_for_program(*, program, user_id: int | None = None):
    qs = OutsideExamResult.objects.filter(exam__program=program).select_related("exam", "user")
    if user_id is not None:
        qs = qs.filter(user_id=user_id)
    return qs.order_by("-taken_on", "-pk")


def outside_exam_result_for_actor(*, actor, pk: int) -> OutsideExamResult:
    result = OutsideExamResult.objects.select_related("exam__program").filter(pk=pk).first()
    if result is None or not (result.user_id == actor.pk or roles.is_program_admin(actor)):
        raise NotFound(_("No such record."))
    return result


def exams_for_user(*, user):
    """The board exams of every program `user` works toward (for recording a result)."""
    return (
        ProgramExam.objects.filter(program__enrollments__user=user)
        .select_related("program")
        .order_by("program__name", "sort_order", "pk")
    )
