"""The benchmark data set: a state's academy at three sizes, built once into the `bench` database and
reused while its size and DATASET_VERSION match (bench/run.py drops and rebuilds it otherwise).

Built with the project's own code where it matters: `seed_demo` for the real site (home, catalogue,
the starter curriculum with its assessments, the IC&RC and Kentucky programs), the test factories
(tests/factories.py) for extra courses and the people who sign in, the program importer for the bench
programs, the issuing service for the certificates. Volume rows (users, enrolments, progress, hour
entries and their approvals, attempts) are bulk_created in batches through the models, so encrypted
fields stay encrypted and every row satisfies the database's constraints.

Sizes ("full" is the issue's figures; the others scale it down, keeping 100x between cohorts):

=======  ========  =====  ============  ========  ===============
size     trainees  pages  hour entries  attempts  cohorts
=======  ========  =====  ============  ========  ===============
full     100,000   ~716   ~526k         ~307k     1k / 10k / 100k
medium    10,000   ~90    ~63k          ~31k      100 / 1k / 10k
smoke      1,000   ~30    ~6k           ~3k       10 / 100 / 1k
=======  ========  =====  ============  ========  ===============

Handles returned by build() (sections rely on these exact keys):

- ``size``: the size built; ``version``: DATASET_VERSION; ``counts``: rows per table (for the doc).
- ``password``: the password of every bench user below (and of every generated trainee).
- ``program_admin``: email of a program administrator (staff).
- ``instructor``: email of the instructor of the gradebook course (every trainee of the largest cohort
  is enrolled in it, with attempts at its assessments) and of the small gradebook course.
- ``gradebook_course_id``: page id of that course; ``gradebook_small_course_id``: a course of the same
  instructor with 1/100 of the trainees (the gradebook CSV memory row compares the two).
- ``supervisor_heavy``: email of a supervisor with ``heavy_pending`` entries waiting (5,000 at full).
- ``trainee_heavy``: email of a trainee with ``heavy_entries`` hour entries (10,000 at full).
- ``trainee_typical``: a trainee enrolled in 1 program, with ordinary facts.
- ``trainee_one_program``: a trainee enrolled in 1 program (same kind of facts as trainee_five_programs).
- ``trainee_five_programs``: a trainee enrolled in 5 programs.
- ``programs``: {"1k": slug, "10k": slug, "100k": slug}, the sized cohorts' programs (all three are the
  IC&RC Peer Recovery rules imported under their own slug); ``cohort_sizes``: the same keys -> trainees.
- ``course_url``, ``module_url``, ``catalogue_url``: paths of a real seeded course, one of its modules
  (the curriculum's text) and the catalogue.
- ``certificate_codes``: ~20 issued, valid certificate codes, formatted as people type them;
  ``revoked_code``: a revoked one.
- ``heavy_entries``, ``heavy_pending``: the sizes above; ``build_seconds``: how long the build took.
"""

from __future__ import annotations

import io
import json
import time
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

DATASET_VERSION = 1
PASSWORD = "bench-correct-horse-battery"
BATCH = 5000

SIZES = {
    # trainees; extra generated courses x modules each; heavy trainee's entries; heavy supervisor's pending
    "full": {
        "trainees": 100_000,
        "courses": 63,
        "modules": 10,
        "heavy_entries": 10_000,
        "heavy_pending": 5_000,
    },
    "medium": {
        "trainees": 10_000,
        "courses": 6,
        "modules": 10,
        "heavy_entries": 10_000,
        "heavy_pending": 5_000,
    },
    "smoke": {"trainees": 1_000, "courses": 1, "modules": 5, "heavy_entries": 1_000, "heavy_pending": 500},
}
# Hour entries per ordinary trainee, cycled (average 5.1: ~516k at full, plus the heavy ones).
ENTRIES_CYCLE = (3, 4, 5, 6, 7, 5, 4, 6, 5, 6)
ICRC = "icrc-peer-recovery"
META_TABLE = "bench_dataset"


# --- the marker: which data set the database holds -------------------------------------------------


def stored() -> dict | None:
    """The handles of the data set in the database, or None when there is none (or a half-built one)."""
    with connection.cursor() as cur:
        cur.execute("SELECT to_regclass(%s)", [META_TABLE])
        if cur.fetchone()[0] is None:
            return None
        cur.execute(f"SELECT handles FROM {META_TABLE} ORDER BY built_at DESC LIMIT 1")
        row = cur.fetchone()
    if row is None:
        return None
    return row[0] if isinstance(row[0], dict) else json.loads(row[0])


def matches(handles: dict | None, size: str) -> bool:
    return bool(handles) and handles.get("size") == size and handles.get("version") == DATASET_VERSION


def _remember(handles: dict) -> None:
    with connection.cursor() as cur:
        cur.execute(f"CREATE TABLE IF NOT EXISTS {META_TABLE} (built_at timestamptz, handles jsonb)")
        cur.execute(f"INSERT INTO {META_TABLE} VALUES (now(), %s)", [json.dumps(handles)])


# --- building ---------------------------------------------------------------------------------------


def build(size: str, *, log=print) -> dict:
    """The data set's handles: reused when the database already holds this size and version, built
    otherwise (the database must then be freshly migrated: bench/run.py sees to it)."""
    handles = stored()
    if matches(handles, size):
        log(f"data set: reusing the {size} data set built in {handles['build_seconds']:.0f} s")
        return handles
    if handles is not None:
        raise RuntimeError("the bench database holds another data set; bench/run.py rebuilds it")
    started = time.perf_counter()
    handles = _Builder(size, log).run()
    handles["build_seconds"] = round(time.perf_counter() - started, 1)
    _remember(handles)
    log(f"data set: {size} built in {handles['build_seconds']:.0f} s")
    return handles


def _bulk(model, rows, *, log=None, label=""):
    created = []
    for i in range(0, len(rows), BATCH):
        created += model.objects.bulk_create(rows[i : i + BATCH])
    if log and label:
        log(f"  {label}: {len(rows):,}")
    return created


class _Builder:
    def __init__(self, size: str, log):
        self.size, self.log = size, log
        self.spec = SIZES[size]
        self.today = timezone.localdate()
        self.now = timezone.now()
        self.hash = make_password(PASSWORD)

    def step(self, what):
        self.log(f"  [{time.perf_counter() - self.t0:6.1f} s] {what}")

    def run(self) -> dict:
        self.t0 = time.perf_counter()
        self.step("seed_demo: site, curriculum, assessments, IC&RC and Kentucky programs")
        call_command("seed_demo", verbosity=0, stdout=io.StringIO())
        with transaction.atomic():
            self.step("extra courses and modules (test factories)")
            self._pages()
            self.step("staff, supervisors and trainees")
            self._people()
            self.step("programs and cohorts")
            self._programs()
            self.step("course enrolments, module progress, attempts")
            self._learning()
            self.step("hour entries and approvals")
            self._hours()
        self.step("certificates through the issuing service")
        self._certificates()
        self.step("ANALYZE")
        with connection.cursor() as cur:
            cur.execute("ANALYZE")
        return self._handles()

    # pages ------------------------------------------------------------------------------------------

    def _pages(self):
        from courses.models import CatalogPage, CompetencyDomain, CoursePage, ModulePage
        from tests.factories import make_course, make_module

        self.catalogue = CatalogPage.objects.live().first()
        self.domains = list(CompetencyDomain.objects.order_by("pk"))
        self.seeded_courses = list(CoursePage.objects.live().order_by("path"))
        for c in range(self.spec["courses"]):
            domain = self.domains[c % len(self.domains)]
            course = make_course(self.catalogue, title=f"Elective {c + 1:03d}", domains=[domain])
            for m in range(self.spec["modules"]):
                make_module(course, title=f"Elective {c + 1:03d} part {m + 1}", domain=domain)
        self.courses = list(CoursePage.objects.live().order_by("path"))
        self.modules = {
            c.pk: list(ModulePage.objects.live().child_of(c).order_by("path")) for c in self.courses
        }

    # people -----------------------------------------------------------------------------------------

    def _people(self):
        from allauth.account.models import EmailAddress

        from lms import roles
        from lms.models import User
        from tests.factories import InstructorFactory, ProgramAdminFactory, SupervisorFactory, TraineeFactory

        def handle(factory, email, name):
            return factory(email=email, full_name=name, password=PASSWORD)

        self.admin = handle(ProgramAdminFactory, "bench-admin@bench.example", "Bench Administrator")
        self.instructor = handle(InstructorFactory, "bench-instructor@bench.example", "Bench Instructor")
        self.sup_heavy = handle(SupervisorFactory, "bench-supervisor@bench.example", "Bench Supervisor")
        self.trainee_heavy = handle(TraineeFactory, "bench-heavy@bench.example", "Heavy Logger")
        n = self.spec["trainees"]
        n_sup = max(2, n // 100)
        sup_group = Group.objects.get(name=roles.SUPERVISOR)
        trainee_group = Group.objects.get(name=roles.TRAINEE)
        users = [
            User(
                email=f"supervisor{i:05d}@bench.example", full_name=f"Supervisor {i:05d}", password=self.hash
            )
            for i in range(n_sup)
        ] + [
            User(
                email=f"trainee{i:06d}@bench.example",
                full_name=f"{_FIRST[i % len(_FIRST)]} {_LAST[(i // len(_FIRST)) % len(_LAST)]} {i:06d}",
                password=self.hash,
                date_joined=self.now - timedelta(days=30 + i % 700),
            )
            for i in range(n)
        ]
        users = _bulk(User, users, log=self.log, label="users")
        self.supervisors, self.trainees = users[:n_sup], users[n_sup:]
        through = User.groups.through
        _bulk(
            through,
            [through(user_id=u.pk, group_id=sup_group.pk) for u in self.supervisors]
            + [through(user_id=u.pk, group_id=trainee_group.pk) for u in self.trainees],
        )
        _bulk(EmailAddress, [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users])

    # programs ---------------------------------------------------------------------------------------

    def _programs(self):
        from certificates.models import EthicsPledge, PledgeSignature, ProgramEnrollment, ProgramVersion
        from certificates.programs.library import library_definition, library_import
        from certificates.programs.transfer import program_import

        n = len(self.trainees)
        self.cohort_sizes = {"1k": max(1, n // 100), "10k": max(1, n // 10), "100k": n}
        definition = library_definition(ICRC)
        self.programs = {}
        for key in self.cohort_sizes:
            data = dict(definition, slug=f"bench-{key}", name=f"Peer Recovery (bench cohort {key})")
            self.programs[key] = program_import(data=data, actor=None)
        self.other_programs = [library_import(slug=ICRC), library_import(slug="ky-kbadc-peer-support")]
        versions = {
            p.pk: ProgramVersion.objects.filter(program=p).order_by("-effective_date").first()
            for p in [*self.programs.values(), *self.other_programs]
        }
        rows, signatures = [], []
        pledges = {p.pk: EthicsPledge.objects.filter(program=p).first() for p in self.programs.values()}
        for key, size in self.cohort_sizes.items():
            program = self.programs[key]
            for i, user in enumerate(self.trainees[:size]):
                rows.append(ProgramEnrollment(user=user, program=program, version=versions[program.pk]))
                if pledges[program.pk] and i % 3:
                    signatures.append(
                        PledgeSignature(user=user, pledge=pledges[program.pk], typed_name=user.full_name)
                    )
        # The five-program trainee: the three cohorts (index 0 is in all of them) and two library programs.
        self.five = self.trainees[0]
        for program in self.other_programs:
            rows.append(ProgramEnrollment(user=self.five, program=program, version=versions[program.pk]))
        # The heavy trainee logs hours under the largest cohort's program.
        big = self.programs["100k"]
        rows.append(ProgramEnrollment(user=self.trainee_heavy, program=big, version=versions[big.pk]))
        _bulk(ProgramEnrollment, rows, log=self.log, label="program enrolments")
        _bulk(PledgeSignature, signatures, log=self.log, label="pledge signatures")
        # Only in the largest cohort: enrolled in exactly one program.
        self.one = self.trainees[-2]
        self.typical = self.trainees[-1]

    # learning ---------------------------------------------------------------------------------------

    def _learning(self):
        from assessments.models import Assessment, Attempt
        from courses.models import Enrollment, ModuleProgress

        gradebook, small = self.seeded_courses[0], self.seeded_courses[1]
        self.gradebook_course, self.small_course = gradebook, small
        for course in (gradebook, small):
            course.instructors.add(self.instructor)
            course.save_revision().publish()
        self.module_page = self.modules[gradebook.pk][0]
        # Every trainee of the largest cohort takes the gradebook course; the smallest cohort also the
        # small one; everyone one elective as well (the catalogue's courses fill up).
        electives = [c for c in self.courses if c not in self.seeded_courses] or self.courses[2:]
        plan = []  # (user, course, modules done)
        for i, user in enumerate(self.trainees):
            plan.append((user, gradebook, i % (len(self.modules[gradebook.pk]) + 1)))
            if i < self.cohort_sizes["1k"]:
                plan.append((user, small, i % (len(self.modules[small.pk]) + 1)))
            if electives and i % 2:
                course = electives[i % len(electives)]
                plan.append((user, course, i % 4))
        enrolments = _bulk(
            Enrollment,
            [
                Enrollment(user=u, course=c, enrolled_at=self.now - timedelta(days=200 + (u.pk % 300)))
                for u, c, _ in plan
            ],
            log=self.log,
            label="course enrolments",
        )
        quizzes = {
            a.module_id: a
            for a in Assessment.objects.filter(course__in=[gradebook, small], module__isnull=False)
        }
        progress, attempts = [], []
        for (user, course, done), enrolment in zip(plan, enrolments, strict=True):
            for m, module in enumerate(self.modules[course.pk][:done]):
                day = self.today - timedelta(days=180 - m * 7 - user.pk % 30)
                progress.append(
                    ModuleProgress(
                        enrollment=enrolment,
                        module=module,
                        completed_at=self.now - (self.today - day),
                        completed_on=day,
                        revision_id=module.live_revision_id,
                        hours_credited=module.training_hours,
                        domain_id=module.domain_id,
                        delivery_mode=module.delivery_mode,
                    )
                )
                quiz = quizzes.get(module.pk)
                if quiz is None:
                    continue
                tries = 2 if user.pk % 3 == 0 else 1
                for number in range(1, tries + 1):
                    pct = Decimal(90 if number == tries else 60 + user.pk % 15)
                    attempts.append(
                        Attempt(
                            assessment=quiz,
                            user=user,
                            number=number,
                            status=Attempt.Status.RELEASED,
                            started_at=self.now - (self.today - day),
                            submitted_at=self.now - (self.today - day),
                            graded_at=self.now - (self.today - day),
                            released_at=self.now - (self.today - day),
                            score=pct,
                            max_score=Decimal(100),
                            percent=pct,
                            pass_mark=quiz.pass_mark,
                            passed=pct >= quiz.pass_mark,
                        )
                    )
        _bulk(ModuleProgress, progress, log=self.log, label="module completions")
        _bulk(Attempt, attempts, log=self.log, label="attempts")

    # hours ------------------------------------------------------------------------------------------

    def _hours(self):
        from certificates.models import HoursApproval, PracticeLog, SupervisorAssignment

        Kind, Status = PracticeLog.Kind, PracticeLog.Status
        sups = self.supervisors
        assignments = [
            SupervisorAssignment(supervisor=sups[i % len(sups)], trainee=u)
            for i, u in enumerate(self.trainees)
        ]
        # The heavy supervisor supervises the heavy trainee and a group whose pending entries fill the queue.
        group = self.trainees[1 : 1 + max(1, self.spec["heavy_pending"] // 100)]
        assignments += [
            SupervisorAssignment(supervisor=self.sup_heavy, trainee=u) for u in [self.trainee_heavy, *group]
        ]
        _bulk(SupervisorAssignment, assignments, log=self.log, label="supervisor assignments")
        domains = self.domains
        entries = []

        def entry(user, supervisor, j, status):
            kind = Kind.SUPERVISION if j % 5 == 4 else Kind.PRACTICE
            direct = kind == Kind.PRACTICE and j % 7 == 0
            day = self.today - timedelta(days=3 + (j * 11 + user.pk) % 540)
            decided = status != Status.PENDING
            return PracticeLog(
                trainee=user,
                supervisor=supervisor,
                date=day,
                hours=Decimal(1 + (j + user.pk) % 8) if kind == Kind.PRACTICE else Decimal(1),
                kind=kind,
                domain=domains[(j + user.pk) % len(domains)] if kind == Kind.PRACTICE else None,
                setting="Community recovery centre",
                description="Peer support session",
                directly_supervised=direct,
                direct_supervision_confirmed=direct if status == Status.APPROVED else None,
                status=status,
                decided_by=supervisor if decided else None,
                decided_at=self.now - (self.today - day) + timedelta(days=2) if decided else None,
                created_at=self.now - (self.today - day),
                updated_at=self.now - (self.today - day),
            )

        for i, user in enumerate(self.trainees):
            sup = sups[i % len(sups)]
            for j in range(ENTRIES_CYCLE[i % len(ENTRIES_CYCLE)]):
                r = (i * 7 + j) % 20
                status = Status.PENDING if r < 3 else Status.REJECTED if r == 3 else Status.APPROVED
                entries.append(entry(user, sup, j, status))
        for j in range(self.spec["heavy_entries"]):
            entries.append(
                entry(
                    self.trainee_heavy, self.sup_heavy, j, Status.PENDING if j % 10 == 0 else Status.APPROVED
                )
            )
        # The heavy trainee's own pending entries count towards the heavy supervisor's queue.
        pending_each = (self.spec["heavy_pending"] - self.spec["heavy_entries"] // 10) // len(group)
        for u in group:
            for j in range(pending_each):
                entries.append(entry(u, self.sup_heavy, j, Status.PENDING))
        entries = _bulk(PracticeLog, entries, log=self.log, label="hour entries")
        approvals = [
            HoursApproval(
                entry=e,
                trainee_id=e.trainee_id,
                supervisor_id=e.supervisor_id,
                date=e.date,
                hours=e.hours,
                kind=e.kind,
                domain_id=e.domain_id,
                directly_supervised=bool(e.direct_supervision_confirmed),
                approved_by_id=e.supervisor_id,
                approved_at=e.decided_at,
                approved_on=e.date + timedelta(days=2),
            )
            for e in entries
            if e.status == Status.APPROVED
        ]
        self.hour_entries = len(entries)
        _bulk(HoursApproval, approvals, log=self.log, label="approvals")

    # certificates -----------------------------------------------------------------------------------

    def _certificates(self):
        """~20 trainees of a one-row program (10 approved practice hours) issued through the real
        pipeline (eligibility re-check, PDF, signature, storage), one of them then revoked."""
        from certificates.issuing import services
        from certificates.issuing.codes import format_code
        from certificates.models import CredentialProgram, ProgramEnrollment, ProgramVersion, Requirement
        from tests.certificates.factories import log

        program = CredentialProgram.objects.create(
            slug="bench-issued", name="Peer Support (bench register)", issuing_body="Bench Board"
        )
        version = ProgramVersion.objects.create(
            program=program, label="2024", effective_date=date(2020, 1, 1)
        )
        Requirement.objects.create(version=version, kind=Requirement.Kind.PRACTICE_HOURS, hours=Decimal("10"))
        holders = self.trainees[-23:-2]
        codes = []
        for user in holders:
            ProgramEnrollment.objects.create(user=user, program=program, version=version)
            log(user, self.supervisors[0], hours="10", on=self.today - timedelta(days=40))
            certificate = services.certificate_issue_for(
                actor=self.admin, user=user, version=version, enqueue=False
            )
            services.certificate_issue_run(certificate_id=certificate.pk)
            certificate.refresh_from_db()
            codes.append(certificate)
        revoked = codes.pop()
        services.certificate_revoke(
            actor=self.admin, certificate=revoked, reason="Bench: revoked for the verify rows."
        )
        self.certificate_codes = [format_code(c.code) for c in codes if c.status == c.Status.ISSUED]
        self.revoked_code = format_code(revoked.code)
        self.register_program = program.slug

    def _handles(self) -> dict:
        from django.apps import apps

        counts = {}
        for label in (
            "lms.User",
            "wagtailcore.Page",
            "certificates.PracticeLog",
            "certificates.HoursApproval",
            "assessments.Attempt",
            "courses.Enrollment",
            "courses.ModuleProgress",
            "certificates.ProgramEnrollment",
            "certificates.Certificate",
        ):
            counts[label] = apps.get_model(label).objects.count()
        return {
            "size": self.size,
            "version": DATASET_VERSION,
            "counts": counts,
            "password": PASSWORD,
            "program_admin": self.admin.email,
            "instructor": self.instructor.email,
            "gradebook_course_id": self.gradebook_course.pk,
            "gradebook_small_course_id": self.small_course.pk,
            "supervisor_heavy": self.sup_heavy.email,
            "trainee_heavy": self.trainee_heavy.email,
            "trainee_typical": self.typical.email,
            "trainee_one_program": self.one.email,
            "trainee_five_programs": self.five.email,
            "programs": {k: p.slug for k, p in self.programs.items()},
            "cohort_sizes": self.cohort_sizes,
            "register_program": self.register_program,
            "course_url": self.gradebook_course.url,
            "module_url": self.module_page.url,
            "catalogue_url": self.catalogue.url,
            "certificate_codes": self.certificate_codes,
            "revoked_code": self.revoked_code,
            "heavy_entries": self.spec["heavy_entries"],
            "heavy_pending": self.spec["heavy_pending"],
        }


_FIRST = (
    "Alex",
    "Jordan",
    "Sam",
    "Casey",
    "Riley",
    "Morgan",
    "Taylor",
    "Jamie",
    "Avery",
    "Quinn",
    "Rowan",
    "Drew",
)
_LAST = (
    "Rivera",
    "Lee",
    "Patel",
    "Brooks",
    "Okafor",
    "Ellis",
    "Nguyen",
    "Garcia",
    "Smith",
    "Kowalski",
    "Haddad",
)
