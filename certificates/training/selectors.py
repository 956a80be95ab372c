"""Reads for training taken elsewhere: the trainee's own records, and a record its owner or a
program administrator may open (evidence download)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from lms import roles
from lms.errors import NotFound

from .models import ExternalTraining


def external_trainings_for(*, user):
    return ExternalTraining.objects.filter(user=user).prefetch_related("hours__domain")


def external_training_for_actor(*, actor, pk: int) -> ExternalTraining:
    training = ExternalTraining.objects.filter(pk=pk).first()
    if training is None or not (training.user_id == actor.pk or roles.is_program_admin(actor)):
        raise NotFound(_("No such record."))
    return training
