"""Confirmed activity records count as the academy's training hours in eligibility (their snapshot
domain and delivery mode, from the day they were confirmed); waiting or declined ones never do; the
engine's query count does not grow with them."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from certificates.eligibility import eligibility_for, eligibility_for_users
from certificates.models import Requirement
from courses.activities import services
from courses.models import DeliveryMode
from tests.certificates.factories import VersionFactory, add_requirement

from .conftest import WORDS

pytestmark = pytest.mark.django_db
Kind = Requirement.Kind


@pytest.fixture
def version(world):
    version = VersionFactory()
    add_requirement(version, Kind.DOMAIN_TRAINING_HOURS, domain=world.domain, hours=Decimal("5.5"))
    add_requirement(
        version,
        Kind.DOMAIN_TRAINING_HOURS,
        domain=world.domain,
        hours=Decimal("4"),
        delivery_mode=DeliveryMode.FACE_TO_FACE,
        delivery_hours=Decimal("4"),
    )
    return version


def _missing(user, version, **kwargs):
    return [r.missing for r in eligibility_for(user=user, version=version, **kwargs).results]


def test_hours_count_only_once_recorded(world, version):
    assert not eligibility_for(user=world.trainee, version=version).eligible
    services.reflection_record(user=world.trainee, activity=world.reflection, text=WORDS)
    record = services.role_play_log(
        user=world.trainee, activity=world.role_play, partner_email=world.classmate.email
    )
    services.attendance_confirm(actor=world.instructor, activity=world.attendance, trainee=world.trainee)
    result = eligibility_for(user=world.trainee, version=version)
    assert not result.eligible  # 0.5 + 4: the role-play waits for its partner
    assert result.results[0].missing.startswith("4.5 of 5.5 training hours")
    assert result.results[1].met  # the attendance was face to face
    services.role_play_confirm(user=world.classmate, record=record)
    assert eligibility_for(user=world.trainee, version=version).eligible
    assert not eligibility_for(user=world.classmate, version=version).results[0].met  # the partner gets none


def test_a_declined_role_play_never_counts(world, version):
    record = services.role_play_log(
        user=world.trainee, activity=world.role_play, partner_email=world.classmate.email
    )
    services.role_play_decline(user=world.classmate, record=record)
    assert eligibility_for(user=world.trainee, version=version).results[0].missing.startswith("0 of 5.5")


def test_as_of_a_date_before_the_confirmation_the_hours_do_not_count(world, version):
    services.attendance_confirm(actor=world.instructor, activity=world.attendance, trainee=world.trainee)
    yesterday = timezone.localdate() - timedelta(days=1)
    assert not eligibility_for(user=world.trainee, version=version, on=yesterday).results[1].met
    assert eligibility_for(user=world.trainee, version=version).results[1].met


def test_the_engine_query_count_does_not_grow_with_records(world, version):
    users = [world.trainee, world.classmate]

    def count():
        with CaptureQueriesContext(connection) as ctx:
            eligibility_for_users(users=users, version=version)
        return len(ctx.captured_queries)

    before = count()
    for person in users:
        services.attendance_confirm(actor=world.instructor, activity=world.attendance, trainee=person)
    services.reflection_record(user=world.trainee, activity=world.reflection, text=WORDS)
    assert count() == before
